import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The clientes table. `email_normalizado` (the email in lower case) carries the unique index that
 * makes "one cliente per email" hold under concurrent registrations, whatever the letter case.
 */
export class CreateClientes1795500000000 implements MigrationInterface {
  name = 'CreateClientes1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'clientes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'nombres', type: 'varchar', length: '100' },
          { name: 'apellidos', type: 'varchar', length: '100' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'email_normalizado', type: 'varchar', length: '254' },
          { name: 'estado', type: 'varchar', length: '10' },
          { name: 'fecha_registro', type: 'varchar', length: '30' },
          { name: 'version', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'clientes',
      new TableIndex({ name: 'clientes_email_normalizado', columnNames: ['email_normalizado'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('clientes');
  }
}
