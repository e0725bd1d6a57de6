import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { envelope, type Envelope, openDataSource, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { Suite } from '../support/suite.js';

interface Notificacion {
  id: string;
  id_cliente: string;
  id_reserva: string;
  canal: string;
  destinatario: string;
  tipo: string;
  asunto: string;
  cuerpo: string;
  enviada_en: string;
}

jest.setTimeout(30000);

// notificaciones as a real process beside cliente: clientes are registered over cliente's HTTP
// API (their ClienteRegistrado reaches notificaciones through the broker), reserva events are
// published straight into the broker, and notifications are read over HTTP.
describe(`notificaciones (${process.env.MYSQL_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  const suite = new Suite(['cliente', 'notificaciones']);
  let broker: SqlMessageBroker;
  let db: DataSource;

  beforeAll(async () => {
    await suite.start();
    broker = await SqlMessageBroker.open(parseDatabaseUrl(suite.dbs.urlFor('broker'), suite.dbs.dataDir, 'broker'));
    db = await openDataSource({ target: parseDatabaseUrl(suite.dbs.urlFor('notificaciones'), suite.dbs.dataDir, 'notificaciones') });
  }, 60000);

  afterAll(async () => {
    await db?.destroy();
    await broker?.close();
    await suite.stop();
  });

  async function registrarCliente(nombres = 'Ana'): Promise<{ id: string; email: string }> {
    const res = await fetch(suite.url('cliente', '/clientes'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nombres, apellidos: 'Pérez', email: `${randomUUID()}@example.com` }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; email: string };
  }

  async function publicar(topic: string, type: string, payload: object, correlationId: string = randomUUID()): Promise<Envelope> {
    const evento = envelope({ type, payload, source: 'test', correlationId });
    await broker.publish(topic, [evento]);
    return evento;
  }

  const aprobada = (id_reserva: string, id_cliente: string, correlationId?: string) =>
    publicar('eventos-aeroalpes', 'ReservaAprobada', { id_reserva, id_cliente }, correlationId);
  const cancelada = (id_reserva: string, id_cliente: string, correlationId?: string, motivo?: string) =>
    publicar('eventos-aeroalpes', 'ReservaCancelada', { id_reserva, id_cliente, ...(motivo ? { motivo } : {}) }, correlationId);

  async function listar(query = ''): Promise<Notificacion[]> {
    const res = await fetch(suite.url('notificaciones', `/notificaciones${query}`));
    expect(res.status).toBe(200);
    return (await res.json()) as Notificacion[];
  }

  /** Waits until the reserva has exactly `n` notifications, and returns them. */
  function notificacionesDe(id_reserva: string, n = 1): Promise<Notificacion[]> {
    return eventually(async () => {
      const found = await listar(`?id_reserva=${id_reserva}`);
      expect(found).toHaveLength(n);
      return found;
    }, 15000);
  }

  describe('on ReservaAprobada', () => {
    it('sends one RESERVA_APROBADA email to the cliente, naming the reserva', async () => {
      const cliente = await registrarCliente('Ana María');
      const reserva = randomUUID();
      await aprobada(reserva, cliente.id);
      const [notificacion] = await notificacionesDe(reserva);
      expect(notificacion).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        id_cliente: cliente.id,
        id_reserva: reserva,
        canal: 'email',
        destinatario: cliente.email,
        tipo: 'RESERVA_APROBADA',
        asunto: expect.stringContaining(reserva),
        cuerpo: expect.stringContaining(reserva),
        enviada_en: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(notificacion.cuerpo).toContain('Ana María');
    });

    it('logs the sending once', async () => {
      const cliente = await registrarCliente();
      const reserva = randomUUID();
      await aprobada(reserva, cliente.id);
      const [notificacion] = await notificacionesDe(reserva);
      await eventually(() => expect(suite.service('notificaciones').output).toContain(`notificación ${notificacion.id} enviada`), 5000);
      expect(suite.service('notificaciones').output.split(`notificación ${notificacion.id} enviada`)).toHaveLength(2);
    });

    it('sends one notification when the same event is published twice under different message ids', async () => {
      const cliente = await registrarCliente();
      const [reserva, marca] = [randomUUID(), randomUUID()];
      const saga = randomUUID();
      await aprobada(reserva, cliente.id, saga);
      await aprobada(reserva, cliente.id, saga);
      // Same correlation id, so handled after both copies: once it is there, both were handled.
      await aprobada(marca, cliente.id, saga);
      await notificacionesDe(marca);
      expect(await listar(`?id_reserva=${reserva}`)).toHaveLength(1);
    });

    it('sends one notification when copies under different message ids are handled at the same time', async () => {
      const cliente = await registrarCliente();
      const reserva = randomUUID();
      // Different correlation ids: different partitions, so the copies may be handled concurrently.
      const copias = await Promise.all([1, 2, 3].map(() => aprobada(reserva, cliente.id)));
      await eventually(async () => {
        const rows = await db.query<Array<{ message_id: string }>>(
          'SELECT message_id FROM inbox WHERE message_id IN (?, ?, ?)',
          copias.map((c) => c.id),
        );
        expect(rows).toHaveLength(3);
      }, 15000);
      expect(await listar(`?id_reserva=${reserva}`)).toHaveLength(1);
    });

    it('notifies every cliente when its ClienteRegistrado and ReservaAprobada arrive at the same time', async () => {
      const casos = Array.from({ length: 8 }, () => ({
        id_cliente: randomUUID(),
        id_reserva: randomUUID(),
        email: `${randomUUID()}@example.com`,
      }));
      await Promise.all(
        casos.flatMap(({ id_cliente, id_reserva, email }) => [
          publicar(
            'eventos-cliente',
            'ClienteRegistrado',
            { id_cliente, nombres: 'Eva', apellidos: 'Ruiz', email, fecha_registro: new Date().toISOString() },
            id_cliente,
          ),
          aprobada(id_reserva, id_cliente),
        ]),
      );
      for (const { id_reserva, email } of casos) {
        const [notificacion] = await notificacionesDe(id_reserva);
        expect(notificacion.destinatario).toBe(email);
      }
    });

    it('sends the email once the cliente is known when the event comes first', async () => {
      const id_cliente = randomUUID();
      const reserva = randomUUID();
      await aprobada(reserva, id_cliente);
      await eventually(async () => {
        const rows = await db.query<unknown[]>('SELECT 1 AS hay FROM avisos_pendientes WHERE id_reserva = ?', [reserva]);
        expect(rows).toHaveLength(1);
      }, 15000);
      expect(await listar(`?id_reserva=${reserva}`)).toEqual([]);

      const email = `${randomUUID()}@example.com`;
      await publicar(
        'eventos-cliente',
        'ClienteRegistrado',
        { id_cliente, nombres: 'Luz', apellidos: 'Díaz', email, fecha_registro: new Date().toISOString() },
        id_cliente,
      );
      const [notificacion] = await notificacionesDe(reserva);
      expect(notificacion).toMatchObject({ id_cliente, destinatario: email, tipo: 'RESERVA_APROBADA' });
    });
  });

  describe('on ReservaCancelada', () => {
    it('sends one RESERVA_CANCELADA email to a known cliente, with the motivo', async () => {
      const cliente = await registrarCliente();
      const reserva = randomUUID();
      await cancelada(reserva, cliente.id, undefined, 'PAGO_RECHAZADO');
      const [notificacion] = await notificacionesDe(reserva);
      expect(notificacion).toMatchObject({
        tipo: 'RESERVA_CANCELADA',
        destinatario: cliente.email,
        id_cliente: cliente.id,
        canal: 'email',
      });
      expect(notificacion.asunto).toContain(reserva);
      expect(notificacion.cuerpo).toContain('PAGO_RECHAZADO');
    });

    it('sends nothing when the cliente is unknown', async () => {
      const conocido = await registrarCliente();
      const [reserva, marca] = [randomUUID(), randomUUID()];
      const saga = randomUUID();
      await cancelada(reserva, randomUUID(), saga);
      await cancelada(marca, conocido.id, saga);
      await notificacionesDe(marca);
      expect(await listar(`?id_reserva=${reserva}`)).toEqual([]);
    });

    it('still writes to a deactivated cliente about a reserva it made', async () => {
      const cliente = await registrarCliente();
      const res = await fetch(suite.url('cliente', `/clientes/${cliente.id}/desactivar`), { method: 'POST' });
      expect(res.status).toBe(200);
      await eventually(async () => {
        const rows = await db.query<Array<{ desactivado_en: string | null }>>('SELECT desactivado_en FROM contactos WHERE id_cliente = ?', [
          cliente.id,
        ]);
        expect(rows[0]?.desactivado_en).toEqual(expect.any(String));
      }, 15000);
      const reserva = randomUUID();
      await cancelada(reserva, cliente.id);
      const [notificacion] = await notificacionesDe(reserva);
      expect(notificacion).toMatchObject({ tipo: 'RESERVA_CANCELADA', destinatario: cliente.email });
    });
  });

  describe('GET /notificaciones', () => {
    let ana: { id: string };
    let beto: { id: string };
    const reservas = { ana1: randomUUID(), ana2: randomUUID(), beto1: randomUUID() };

    beforeAll(async () => {
      ana = await registrarCliente('Ana');
      beto = await registrarCliente('Beto');
      await aprobada(reservas.ana1, ana.id);
      const [primera] = await notificacionesDe(reservas.ana1);
      // The next one is sent in a later millisecond, so the expected order does not hang on ids.
      await eventually(() => expect(Date.now()).toBeGreaterThan(Date.parse(primera.enviada_en)));
      await cancelada(reservas.ana2, ana.id);
      await aprobada(reservas.beto1, beto.id);
      await notificacionesDe(reservas.ana2);
      await notificacionesDe(reservas.beto1);
    }, 60000);

    it('filters by id_cliente, oldest first', async () => {
      const found = await listar(`?id_cliente=${ana.id}`);
      expect(found.map((n) => [n.id_reserva, n.tipo])).toEqual([
        [reservas.ana1, 'RESERVA_APROBADA'],
        [reservas.ana2, 'RESERVA_CANCELADA'],
      ]);
    });

    it('combines id_cliente and id_reserva', async () => {
      expect((await listar(`?id_cliente=${ana.id}&id_reserva=${reservas.ana2}`)).map((n) => n.id_reserva)).toEqual([reservas.ana2]);
      expect(await listar(`?id_cliente=${beto.id}&id_reserva=${reservas.ana2}`)).toEqual([]);
    });

    it('lists every notification without filters, ordered by enviada_en then id', async () => {
      const all = await listar();
      expect(all.map((n) => n.id_reserva)).toEqual(expect.arrayContaining(Object.values(reservas)));
      const orden = all.map((n) => [n.enviada_en, n.id].join(' '));
      expect(orden).toEqual([...orden].sort());
    });

    it('treats an empty filter as no filter', async () => {
      expect((await listar(`?id_reserva=&id_cliente=${beto.id}`)).map((n) => n.id_reserva)).toEqual([reservas.beto1]);
    });

    it('answers 200 with an empty list when nothing matches', async () => {
      expect(await listar(`?id_cliente=${randomUUID()}`)).toEqual([]);
    });

    it.each([
      ['id_reserva', '?id_reserva=no-es-uuid'],
      ['id_cliente', '?id_cliente=123'],
      ['limite', '?limite=5'],
    ])('answers 400 problem+json naming %s for a bad filter', async (campo, query) => {
      const res = await fetch(suite.url('notificaciones', `/notificaciones${query}`));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 400, title: 'Bad Request', errors: [{ campo, mensaje: expect.any(String) }] });
    });
  });
});
