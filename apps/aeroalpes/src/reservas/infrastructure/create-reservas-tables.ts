import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** aeroalpes' own tables beside the event store and the sagas: the Idempotency-Key memory. */
export class CreateReservasTables1795400001000 implements MigrationInterface {
  name = 'CreateReservasTables1795400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'clave', type: 'varchar', length: '191', isPrimary: true },
          { name: 'huella', type: 'varchar', length: '64' },
          { name: 'respuesta', type: 'text' },
          { name: 'creada_en', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys');
  }
}
