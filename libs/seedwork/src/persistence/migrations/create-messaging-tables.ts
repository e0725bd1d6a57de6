import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The transactional outbox and the idempotent inbox, in every service's own database.
 * Written with TypeORM's schema API so that it runs on SQLite, MySQL 8 and MariaDB alike.
 */
export class CreateMessagingTables1795400000000 implements MigrationInterface {
  name = 'CreateMessagingTables1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '64', isUnique: true },
          { name: 'topic', type: 'varchar', length: '191' },
          { name: 'correlation_id', type: 'varchar', length: '191' },
          { name: 'envelope', type: 'text' },
          { name: 'created_at', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox',
        columns: [
          { name: 'subscription', type: 'varchar', length: '191', isPrimary: true },
          { name: 'message_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'type', type: 'varchar', length: '191' },
          { name: 'handled_at', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createIndex('inbox', new TableIndex({ name: 'inbox_handled_at', columnNames: ['handled_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inbox');
    await queryRunner.dropTable('outbox');
  }
}
