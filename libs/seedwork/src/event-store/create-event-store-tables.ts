import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** The event store: one row per event; (stream_id, version) unique; `position` is the global order. */
export class CreateEventStoreTables1795400000200 implements MigrationInterface {
  name = 'CreateEventStoreTables1795400000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'event_store',
        columns: [
          { name: 'position', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'stream_id', type: 'varchar', length: '64' },
          { name: 'version', type: 'integer' },
          { name: 'type', type: 'varchar', length: '100' },
          { name: 'schema_version', type: 'integer', default: 1 },
          { name: 'data', type: 'text' },
          { name: 'metadata', type: 'text' },
          { name: 'occurred_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'event_store',
      new TableIndex({ name: 'event_store_stream_version', columnNames: ['stream_id', 'version'], isUnique: true }),
    );
    // One row that every append locks first (MySQL/MariaDB), so positions are committed in order.
    await queryRunner.createTable(
      new Table({
        name: 'event_store_head',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'appends', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO event_store_head (id, appends) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_store_head');
    await queryRunner.dropTable('event_store');
  }
}
