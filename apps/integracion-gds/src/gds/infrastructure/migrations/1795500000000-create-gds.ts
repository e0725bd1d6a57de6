import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The simulated GDS: one seat counter per route and day (`gds_disponibilidad`), and the reservas
 * it has answered (`gds_reservas`, one per id_reserva: what makes ConfirmarReserva idempotent).
 */
export class CreateGds1795500000000 implements MigrationInterface {
  name = 'CreateGds1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'gds_disponibilidad',
        columns: [
          { name: 'origen', type: 'varchar', length: '3', isPrimary: true },
          { name: 'destino', type: 'varchar', length: '3', isPrimary: true },
          { name: 'fecha', type: 'varchar', length: '10', isPrimary: true },
          { name: 'cupos', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'gds_reservas',
        columns: [
          { name: 'id_reserva', type: 'varchar', length: '191', isPrimary: true },
          { name: 'localizador', type: 'varchar', length: '6', isNullable: true },
          { name: 'estado', type: 'varchar', length: '12' },
          { name: 'motivo', type: 'varchar', length: '32', isNullable: true },
          { name: 'legs', type: 'text' },
          { name: 'creado_en', type: 'varchar', length: '30' },
          { name: 'actualizado_en', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'gds_reservas',
      new TableIndex({ name: 'gds_reservas_localizador', columnNames: ['localizador'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('gds_reservas');
    await queryRunner.dropTable('gds_disponibilidad');
  }
}
