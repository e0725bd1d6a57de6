import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { envelope, type Envelope, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { Suite } from '../support/suite.js';

jest.setTimeout(30000);

// The cliente service as a real process, driven over HTTP, and as a saga participant through the
// broker: ValidarCliente in, ClienteValidado / ValidacionClienteFallida out. SQLite, or MariaDB/MySQL with MYSQL_URL.
describe(`cliente (${process.env.MYSQL_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  const suite = new Suite(['cliente']);
  let broker: SqlMessageBroker;

  beforeAll(async () => {
    await suite.start();
    broker = await SqlMessageBroker.open(parseDatabaseUrl(suite.dbs.urlFor('broker'), suite.dbs.dataDir, 'broker'));
  }, 60000);

  afterAll(async () => {
    await broker?.close();
    await suite.stop();
  });

  let emails = 0;
  function unEmail(): string {
    emails += 1;
    return `cliente${emails}.${randomUUID().slice(0, 8)}@example.com`;
  }

  function post(path: string, body?: unknown): Promise<Response> {
    return fetch(suite.url('cliente', path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function registrar(cambios: Record<string, unknown> = {}): Promise<Record<string, string>> {
    const res = await post('/clientes', { nombres: 'Ana María', apellidos: 'Pérez', email: unEmail(), ...cambios });
    expect(res.status).toBe(201);
    return (await res.json()) as Record<string, string>;
  }

  async function publicados(topic: string): Promise<Envelope[]> {
    const seen: Envelope[] = [];
    await broker.readFromEarliest(topic, async (e) => void seen.push(e));
    return seen;
  }

  async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    return body;
  }

  describe('POST /clientes', () => {
    it('answers 201 with the new cliente ACTIVO', async () => {
      const email = unEmail();
      const res = await post('/clientes', { nombres: 'Ana María', apellidos: 'Pérez Gómez', email });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        nombres: 'Ana María',
        apellidos: 'Pérez Gómez',
        email,
        estado: 'ACTIVO',
        fecha_registro: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
    });

    it('gives the new cliente its Location', async () => {
      const res = await post('/clientes', { nombres: 'Ana', apellidos: 'Pérez', email: unEmail() });
      const { id } = (await res.json()) as { id: string };
      expect(res.headers.get('location')).toBe(`/clientes/${id}`);
    });

    it.each([
      ['an email that is not an address', { email: 'ana.example.com' }, 'email'],
      ['empty nombres', { nombres: '' }, 'nombres'],
      ['blank apellidos', { apellidos: '   ' }, 'apellidos'],
      ['a missing email', { email: undefined }, 'email'],
      ['nombres that are not a string', { nombres: 42 }, 'nombres'],
      ['an unknown field', { telefono: '3001234567' }, 'telefono'],
    ])('answers 400 problem+json naming the field for %s', async (_caso, cambios, campo) => {
      const res = await post('/clientes', { nombres: 'Ana', apellidos: 'Pérez', email: unEmail(), ...cambios });
      const body = await expectProblem(res, 400);
      expect(body.errors).toEqual(expect.arrayContaining([{ campo, mensaje: expect.any(String) }]));
    });

    it('answers 400 problem+json for malformed JSON', async () => {
      const res = await fetch(suite.url('cliente', '/clientes'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"nombres": ',
      });
      await expectProblem(res, 400);
    });

    it('answers 409 problem+json for an email already registered, in any letter case', async () => {
      const email = unEmail();
      await registrar({ email });
      const res = await post('/clientes', { nombres: 'Otra', apellidos: 'Persona', email: email.toUpperCase() });
      await expectProblem(res, 409);
    });

    it('registers one cliente when the same email is registered concurrently', async () => {
      const email = unEmail();
      const answers = await Promise.all(Array.from({ length: 6 }, () => post('/clientes', { nombres: 'Ana', apellidos: 'Pérez', email })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it('publishes ClienteRegistrado on eventos-cliente', async () => {
      const cliente = await registrar();
      const evento = await eventually(async () => {
        const found = (await publicados('eventos-cliente')).find((e) => e.type === 'ClienteRegistrado' && e.correlationId === cliente.id);
        expect(found).toBeDefined();
        return found!;
      }, 10000);
      expect(evento).toMatchObject({
        source: 'cliente',
        schemaVersion: 'v1',
        payload: {
          id_cliente: cliente.id,
          nombres: cliente.nombres,
          apellidos: cliente.apellidos,
          email: cliente.email,
          fecha_registro: cliente.fecha_registro,
        },
      });
    });
  });

  describe('GET /clientes/{id}', () => {
    it('answers 200 with the cliente', async () => {
      const cliente = await registrar();
      const res = await fetch(suite.url('cliente', `/clientes/${cliente.id}`));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(cliente);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      await expectProblem(await fetch(suite.url('cliente', `/clientes/${randomUUID()}`)), 404);
    });

    it('answers 404 problem+json for an id that is not a UUID', async () => {
      await expectProblem(await fetch(suite.url('cliente', '/clientes/no-es-un-uuid')), 404);
    });
  });

  describe('POST /clientes/{id}/desactivar', () => {
    it('answers 200 with the cliente INACTIVO', async () => {
      const cliente = await registrar();
      const res = await post(`/clientes/${cliente.id}/desactivar`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...cliente, estado: 'INACTIVO' });
    });

    it('keeps the cliente INACTIVO for later reads', async () => {
      const cliente = await registrar();
      await post(`/clientes/${cliente.id}/desactivar`);
      const res = await fetch(suite.url('cliente', `/clientes/${cliente.id}`));
      expect(((await res.json()) as { estado: string }).estado).toBe('INACTIVO');
    });

    it('answers 200 INACTIVO again when repeated, and publishes ClienteDesactivado once', async () => {
      const cliente = await registrar();
      const answers = await Promise.all([1, 2, 3].map(() => post(`/clientes/${cliente.id}/desactivar`)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      const again = await post(`/clientes/${cliente.id}/desactivar`);
      expect(((await again.json()) as { estado: string }).estado).toBe('INACTIVO');
      // ClienteRegistrado and ClienteDesactivado share the cliente's correlation id: once the
      // outbox has drained, the second one is there exactly once.
      await eventually(async () => {
        const eventos = (await publicados('eventos-cliente')).filter((e) => e.correlationId === cliente.id);
        expect(eventos.map((e) => e.type)).toEqual(['ClienteRegistrado', 'ClienteDesactivado']);
        expect(eventos[1].payload).toEqual({ id_cliente: cliente.id });
      }, 10000);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      await expectProblem(await post(`/clientes/${randomUUID()}/desactivar`), 404);
    });
  });

  describe('ValidarCliente (comandos-cliente)', () => {
    async function validar(id_cliente: string): Promise<{ comando: Envelope; respuesta: Envelope }> {
      const comando = envelope({
        type: 'ValidarCliente',
        payload: { id_reserva: randomUUID(), id_cliente },
        source: 'test',
        correlationId: randomUUID(),
      });
      await broker.publish('comandos-cliente', [comando]);
      const respuesta = await eventually(async () => {
        const found = (await publicados('eventos-cliente')).filter((e) => e.causationId === comando.id);
        expect(found).toHaveLength(1);
        return found[0];
      }, 10000);
      return { comando, respuesta };
    }

    it('answers ClienteValidado for an ACTIVO cliente, in the saga of the command', async () => {
      const cliente = await registrar();
      const { comando, respuesta } = await validar(cliente.id);
      expect(respuesta).toMatchObject({
        type: 'ClienteValidado',
        correlationId: comando.correlationId,
        causationId: comando.id,
        traceId: comando.traceId,
        source: 'cliente',
        payload: { id_reserva: (comando.payload as { id_reserva: string }).id_reserva, id_cliente: cliente.id },
      });
    });

    it('answers ValidacionClienteFallida CLIENTE_INACTIVO for an INACTIVO cliente', async () => {
      const cliente = await registrar();
      await post(`/clientes/${cliente.id}/desactivar`);
      const { comando, respuesta } = await validar(cliente.id);
      expect(respuesta).toMatchObject({
        type: 'ValidacionClienteFallida',
        correlationId: comando.correlationId,
        payload: { id_reserva: (comando.payload as { id_reserva: string }).id_reserva, id_cliente: cliente.id, motivo: 'CLIENTE_INACTIVO' },
      });
    });

    it('answers ValidacionClienteFallida CLIENTE_NO_EXISTE for an unknown cliente', async () => {
      const id = randomUUID();
      const { comando, respuesta } = await validar(id);
      expect(respuesta).toMatchObject({
        type: 'ValidacionClienteFallida',
        correlationId: comando.correlationId,
        payload: { id_cliente: id, motivo: 'CLIENTE_NO_EXISTE' },
      });
    });

    it('dead-letters a ValidarCliente whose id_cliente is not a UUID, answering nothing', async () => {
      const comando = envelope({
        type: 'ValidarCliente',
        payload: { id_reserva: randomUUID(), id_cliente: 'nadie' },
        source: 'test',
        correlationId: randomUUID(),
      });
      await broker.publish('comandos-cliente', [comando]);
      await eventually(async () => {
        const dead = await publicados('comandos-cliente-DLQ');
        expect(dead.map((d) => d.id)).toContain(comando.id);
      }, 10000);
      expect((await publicados('eventos-cliente')).filter((e) => e.causationId === comando.id)).toEqual([]);
    });
  });
});
