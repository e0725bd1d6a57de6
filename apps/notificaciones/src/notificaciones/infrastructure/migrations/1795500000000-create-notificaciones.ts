import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * contactos: clientes' emails, from eventos-cliente. notificaciones: what was sent, with the unique
 * (id_reserva, tipo) that makes it one per reserva and tipo. avisos_pendientes: reserva events that
 * arrived before their cliente's ClienteRegistrado (another topic, so in no particular order).
 */
export class CreateNotificaciones1795500000000 implements MigrationInterface {
  name = 'CreateNotificaciones1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'contactos',
        columns: [
          { name: 'id_cliente', type: 'varchar', length: '36', isPrimary: true },
          { name: 'nombres', type: 'varchar', length: '255' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'registrado_en', type: 'varchar', length: '30' },
          { name: 'desactivado_en', type: 'varchar', length: '30', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notificaciones',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'id_cliente', type: 'varchar', length: '36' },
          { name: 'id_reserva', type: 'varchar', length: '191' },
          { name: 'canal', type: 'varchar', length: '20' },
          { name: 'destinatario', type: 'varchar', length: '254' },
          { name: 'tipo', type: 'varchar', length: '30' },
          { name: 'asunto', type: 'varchar', length: '255' },
          { name: 'cuerpo', type: 'text' },
          { name: 'enviada_en', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'notificaciones',
      new TableIndex({ name: 'notificaciones_reserva_tipo', columnNames: ['id_reserva', 'tipo'], isUnique: true }),
    );
    await queryRunner.createIndex('notificaciones', new TableIndex({ name: 'notificaciones_cliente', columnNames: ['id_cliente'] }));
    await queryRunner.createIndex(
      'notificaciones',
      new TableIndex({ name: 'notificaciones_enviada_en', columnNames: ['enviada_en', 'id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'avisos_pendientes',
        columns: [
          { name: 'id_reserva', type: 'varchar', length: '191', isPrimary: true },
          { name: 'tipo', type: 'varchar', length: '30', isPrimary: true },
          { name: 'id_cliente', type: 'varchar', length: '36' },
          { name: 'motivo', type: 'text', isNullable: true },
          { name: 'recibido_en', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createIndex('avisos_pendientes', new TableIndex({ name: 'avisos_pendientes_cliente', columnNames: ['id_cliente'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('avisos_pendientes');
    await queryRunner.dropTable('notificaciones');
    await queryRunner.dropTable('contactos');
  }
}
