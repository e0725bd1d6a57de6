import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const COPIAS = ['a', 'b'] as const;

/** The read models of reservas, each in two copies (live and rebuild), see ProjectionRunner. */
export class CreateReservasProjections1795400001100 implements MigrationInterface {
  name = 'CreateReservasProjections1795400001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const c of COPIAS) {
      await queryRunner.createTable(
        new Table({
          name: `reservas_lista_${c}`,
          columns: [
            { name: 'id', type: 'varchar', length: '64', isPrimary: true },
            { name: 'id_cliente', type: 'varchar', length: '64' },
            { name: 'estado', type: 'varchar', length: '16' },
            { name: 'itinerarios', type: 'text' },
            { name: 'monto', type: 'decimal', precision: 16, scale: 2 },
            { name: 'moneda', type: 'varchar', length: '3' },
            { name: 'fecha_creacion', type: 'varchar', length: '30' },
            { name: 'fecha_actualizacion', type: 'varchar', length: '30' },
            { name: 'version', type: 'integer' },
          ],
        }),
      );
      await queryRunner.createIndex(
        `reservas_lista_${c}`,
        new TableIndex({ name: `reservas_lista_${c}_creacion`, columnNames: ['fecha_creacion', 'id'] }),
      );
      await queryRunner.createIndex(
        `reservas_lista_${c}`,
        new TableIndex({ name: `reservas_lista_${c}_estado`, columnNames: ['estado', 'fecha_creacion', 'id'] }),
      );
      await queryRunner.createIndex(
        `reservas_lista_${c}`,
        new TableIndex({ name: `reservas_lista_${c}_cliente`, columnNames: ['id_cliente', 'fecha_creacion', 'id'] }),
      );
      await queryRunner.createTable(
        new Table({
          name: `reservas_pivote_${c}`,
          columns: [
            { name: 'id_reserva', type: 'varchar', length: '64', isPrimary: true },
            { name: 'fecha', type: 'varchar', length: '10' },
            { name: 'estado', type: 'varchar', length: '16' },
            { name: 'version', type: 'integer' },
          ],
        }),
      );
      await queryRunner.createIndex(
        `reservas_pivote_${c}`,
        new TableIndex({ name: `reservas_pivote_${c}_fecha`, columnNames: ['fecha', 'estado'] }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const c of COPIAS) {
      await queryRunner.dropTable(`reservas_pivote_${c}`);
      await queryRunner.dropTable(`reservas_lista_${c}`);
    }
  }
}
