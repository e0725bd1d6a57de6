import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Saga instances (with their steps) and the append-only saga log. */
export class CreateSagaTables1795400000100 implements MigrationInterface {
  name = 'CreateSagaTables1795400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'sagas',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'tipo', type: 'varchar', length: '64' },
          { name: 'referencia', type: 'varchar', length: '64' },
          { name: 'estado', type: 'varchar', length: '16' },
          { name: 'paso_actual', type: 'varchar', length: '64', isNullable: true },
          { name: 'datos', type: 'text' },
          { name: 'pasos', type: 'text' },
          { name: 'iniciada_en', type: 'varchar', length: '30' },
          { name: 'terminada_en', type: 'varchar', length: '30', isNullable: true },
          { name: 'vence_en', type: 'bigint', isNullable: true },
          { name: 'version', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createIndex('sagas', new TableIndex({ name: 'sagas_vence_en', columnNames: ['vence_en'] }));
    await queryRunner.createIndex('sagas', new TableIndex({ name: 'sagas_referencia', columnNames: ['referencia'] }));
    await queryRunner.createIndex('sagas', new TableIndex({ name: 'sagas_estado_iniciada', columnNames: ['estado', 'iniciada_en'] }));
    await queryRunner.createTable(
      new Table({
        name: 'saga_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id_saga', type: 'varchar', length: '64' },
          { name: 'en', type: 'varchar', length: '30' },
          { name: 'tipo', type: 'varchar', length: '32' },
          { name: 'mensaje', type: 'varchar', length: '191' },
          { name: 'id_mensaje', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('saga_log', new TableIndex({ name: 'saga_log_saga', columnNames: ['id_saga', 'seq'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('saga_log');
    await queryRunner.dropTable('sagas');
  }
}
