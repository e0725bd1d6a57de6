import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The pagos table. The unique index on `id_reserva` is what makes "at most one payment per
 * reserva" hold when two deliveries of PagarReserva race. Money is stored exactly, in cents.
 */
export class CreatePagos1795500000000 implements MigrationInterface {
  name = 'CreatePagos1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'pagos',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'id_reserva', type: 'varchar', length: '191' },
          { name: 'monto_centavos', type: 'bigint' },
          { name: 'moneda', type: 'varchar', length: '3' },
          { name: 'estado', type: 'varchar', length: '10' },
          { name: 'motivo', type: 'varchar', length: '32', isNullable: true },
          { name: 'creado_en', type: 'varchar', length: '30' },
          { name: 'actualizado_en', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createIndex('pagos', new TableIndex({ name: 'pagos_id_reserva', columnNames: ['id_reserva'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('pagos');
  }
}
