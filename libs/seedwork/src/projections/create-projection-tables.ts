import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Each projection's checkpoint (global position), its live copy ('a' or 'b') and rebuild state. */
export class CreateProjectionTables1795400000300 implements MigrationInterface {
  name = 'CreateProjectionTables1795400000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'projection_checkpoints',
        columns: [
          { name: 'nombre', type: 'varchar', length: '64', isPrimary: true },
          { name: 'posicion', type: 'bigint' },
          { name: 'copia_activa', type: 'varchar', length: '1' },
          { name: 'actualizado_en', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('projection_checkpoints');
  }
}
