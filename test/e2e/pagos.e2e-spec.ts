import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PagarReserva, RevertirPago, TOPICOS } from '#contracts';
import { envelope, type Envelope, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { Suite } from '../support/suite.js';

// pagos as a real process: PagarReserva / RevertirPago published straight into the broker's
// database, replies read from eventos-pagos, payments read over HTTP. SQLite, or MariaDB/MySQL with MYSQL_URL.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PLAZO_MS = 15000;

interface PagoJson {
  id: string;
  id_reserva: string;
  monto: number;
  moneda: string;
  estado: string;
  motivo: string | null;
  creado_en: string;
  actualizado_en: string;
}

describe(`pagos (${process.env.MYSQL_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  const suite = new Suite(['pagos']);
  let broker: SqlMessageBroker;

  beforeAll(async () => {
    await suite.start();
    broker = await SqlMessageBroker.open(
      parseDatabaseUrl(suite.service('pagos').options.env.BROKER_DATABASE_URL, suite.dbs.dataDir, 'broker'),
    );
  }, 60000);

  afterAll(async () => {
    await broker?.close();
    await suite.stop();
  });

  function pagarReserva(
    id_reserva: string,
    token = 'tok_ok',
    cambios: Record<string, unknown> = {},
    correlationId: string = id_reserva,
  ): Envelope {
    const payload = { id_reserva, id_cliente: randomUUID(), monto: 450000.55, moneda: 'COP', token, ...cambios };
    return envelope({ type: PagarReserva.type, payload, source: 'test', correlationId });
  }

  function revertirPago(id_reserva: string): Envelope {
    return envelope({ type: RevertirPago.type, payload: { id_reserva }, source: 'test', correlationId: id_reserva });
  }

  async function enviar(...comandos: Envelope[]): Promise<void> {
    await broker.publish(TOPICOS.comandosPagos, comandos);
  }

  async function publicados(topic: string): Promise<Envelope[]> {
    const seen: Envelope[] = [];
    await broker.readFromEarliest(topic, async (e) => void seen.push(e));
    return seen;
  }

  /** The replies caused by these commands, once there is one for each, in the commands' order. */
  async function respuestasA(...comandos: Envelope[]): Promise<Envelope[]> {
    return eventually(async () => {
      const replies = await publicados(TOPICOS.eventosPagos);
      const porCausa = comandos.map((c) => replies.filter((r) => r.causationId === c.id));
      expect(porCausa.map((r) => r.length)).toEqual(comandos.map(() => 1));
      return porCausa.map(([r]) => r);
    }, PLAZO_MS);
  }

  async function pagos(query = ''): Promise<PagoJson[]> {
    const res = await fetch(suite.url('pagos', `/pagos${query}`));
    expect(res.status).toBe(200);
    return (await res.json()) as PagoJson[];
  }

  const pagosDe = (idReserva: string) => pagos(`?id_reserva=${encodeURIComponent(idReserva)}`);

  describe('PagarReserva', () => {
    it('approves tok_ok: replies ReservaPagada with id_pago, monto and moneda on the saga correlation', async () => {
      const id = randomUUID();
      const comando = pagarReserva(id, 'tok_ok', {}, `saga-${id}`);
      await enviar(comando);
      const [reply] = await respuestasA(comando);
      expect(reply).toMatchObject({
        type: 'ReservaPagada',
        source: 'pagos',
        correlationId: `saga-${id}`,
        causationId: comando.id,
        traceId: comando.traceId,
        payload: { id_reserva: id, id_pago: expect.any(String), monto: 450000.55, moneda: 'COP' },
      });
    });

    it('records an approved payment: GET /pagos shows it APROBADO with motivo null and the exact monto', async () => {
      const id = randomUUID();
      const comando = pagarReserva(id, 'tok_ok', { monto: 1234567.89, moneda: 'USD' });
      await enviar(comando);
      const [reply] = await respuestasA(comando);
      expect(await pagosDe(id)).toEqual([
        {
          id: (reply.payload as { id_pago: string }).id_pago,
          id_reserva: id,
          monto: 1234567.89,
          moneda: 'USD',
          estado: 'APROBADO',
          motivo: null,
          creado_en: expect.stringMatching(ISO),
          actualizado_en: expect.stringMatching(ISO),
        },
      ]);
    });

    it('declines tok_declined: replies PagoRechazado FONDOS_INSUFICIENTES and records it RECHAZADO', async () => {
      const id = randomUUID();
      const comando = pagarReserva(id, 'tok_declined');
      await enviar(comando);
      const [reply] = await respuestasA(comando);
      expect({ type: reply.type, payload: reply.payload }).toEqual({
        type: 'PagoRechazado',
        payload: { id_reserva: id, id_pago: expect.any(String), motivo: 'FONDOS_INSUFICIENTES' },
      });
      expect(await pagosDe(id)).toEqual([expect.objectContaining({ estado: 'RECHAZADO', motivo: 'FONDOS_INSUFICIENTES' })]);
    });

    it('declines any other token: replies PagoRechazado TOKEN_INVALIDO and records it RECHAZADO', async () => {
      const id = randomUUID();
      const comando = pagarReserva(id, 'tok_robado');
      await enviar(comando);
      const [reply] = await respuestasA(comando);
      expect({ type: reply.type, motivo: (reply.payload as { motivo: string }).motivo }).toEqual({
        type: 'PagoRechazado',
        motivo: 'TOKEN_INVALIDO',
      });
      expect(await pagosDe(id)).toEqual([expect.objectContaining({ estado: 'RECHAZADO', motivo: 'TOKEN_INVALIDO' })]);
    });

    it('captures once when the same PagarReserva arrives with two message ids, answering both with the one payment', async () => {
      const id = randomUUID();
      const primero = pagarReserva(id);
      const segundo = { ...primero, id: randomUUID() };
      await enviar(primero, segundo);
      const replies = await respuestasA(primero, segundo);
      expect(replies.map((r) => r.type)).toEqual(['ReservaPagada', 'ReservaPagada']);
      const [pago] = await pagosDe(id);
      expect(replies.map((r) => (r.payload as { id_pago: string }).id_pago)).toEqual([pago.id, pago.id]);
      expect(await pagosDe(id)).toHaveLength(1);
    });

    it('answers a repeat after a decline with the recorded decline, even with tok_ok, and captures nothing', async () => {
      const id = randomUUID();
      const declinado = pagarReserva(id, 'tok_declined');
      await enviar(declinado);
      await respuestasA(declinado);
      const repetido = pagarReserva(id, 'tok_ok');
      await enviar(repetido);
      const [reply] = await respuestasA(repetido);
      expect({ type: reply.type, motivo: (reply.payload as { motivo: string }).motivo }).toEqual({
        type: 'PagoRechazado',
        motivo: 'FONDOS_INSUFICIENTES',
      });
      expect((await pagosDe(id)).map((p) => p.estado)).toEqual(['RECHAZADO']);
    });

    it('captures once under concurrent deliveries for one reserva on different correlations', async () => {
      const id = randomUUID();
      const comandos = Array.from({ length: 10 }, (_, i) => pagarReserva(id, 'tok_ok', {}, `saga-${i}-${id}`));
      await enviar(...comandos);
      const replies = await respuestasA(...comandos);
      const [pago] = await pagosDe(id);
      expect(replies.map((r) => [r.type, (r.payload as { id_pago: string }).id_pago])).toEqual(
        comandos.map(() => ['ReservaPagada', pago.id]),
      );
      expect(await pagosDe(id)).toHaveLength(1);
    }, 30000);

    it('dead-letters an invalid PagarReserva with its reason and records nothing', async () => {
      const id = randomUUID();
      const invalido = pagarReserva(id, 'tok_ok', { monto: -5 });
      await enviar(invalido);
      await eventually(async () => {
        const dead = (await publicados(`${TOPICOS.comandosPagos}-DLQ`)) as Array<Envelope & { deadLetter: { reason: string } }>;
        expect(dead.filter((d) => d.id === invalido.id).map((d) => d.deadLetter.reason)).toEqual([expect.stringContaining('monto')]);
      }, PLAZO_MS);
      expect(await pagosDe(id)).toEqual([]);
    });
  });

  describe('RevertirPago', () => {
    it('reverts an approved payment: replies PagoRevertido with its id_pago and records it REVERTIDO', async () => {
      const id = randomUUID();
      const pagar = pagarReserva(id);
      await enviar(pagar);
      await respuestasA(pagar);
      const revertir = revertirPago(id);
      await enviar(revertir);
      const [reply] = await respuestasA(revertir);
      const [pago] = await pagosDe(id);
      expect({ type: reply.type, payload: reply.payload, correlationId: reply.correlationId }).toEqual({
        type: 'PagoRevertido',
        payload: { id_reserva: id, id_pago: pago.id },
        correlationId: id,
      });
      expect({ estado: pago.estado, motivo: pago.motivo, despues: pago.actualizado_en >= pago.creado_en }).toEqual({
        estado: 'REVERTIDO',
        motivo: null,
        despues: true,
      });
    });

    it('answers PagarReserva after a revert with PagoRechazado PAGO_REVERTIDO and captures nothing', async () => {
      const id = randomUUID();
      const pagar = pagarReserva(id);
      await enviar(pagar, revertirPago(id));
      await eventually(async () => expect((await pagosDe(id)).map((p) => p.estado)).toEqual(['REVERTIDO']), PLAZO_MS);
      const otraVez = pagarReserva(id);
      await enviar(otraVez);
      const [reply] = await respuestasA(otraVez);
      expect({ type: reply.type, motivo: (reply.payload as { motivo: string }).motivo }).toEqual({
        type: 'PagoRechazado',
        motivo: 'PAGO_REVERTIDO',
      });
      expect((await pagosDe(id)).map((p) => p.estado)).toEqual(['REVERTIDO']);
    });

    it('answers PagoRevertido when the reserva has no payment, recording nothing', async () => {
      const id = randomUUID();
      const revertir = revertirPago(id);
      await enviar(revertir);
      const [reply] = await respuestasA(revertir);
      expect({ type: reply.type, payload: reply.payload }).toEqual({ type: 'PagoRevertido', payload: { id_reserva: id } });
      expect(await pagosDe(id)).toEqual([]);
    });

    it('answers PagoRevertido for a declined payment and leaves it RECHAZADO', async () => {
      const id = randomUUID();
      const pagar = pagarReserva(id, 'tok_declined');
      await enviar(pagar);
      await respuestasA(pagar);
      const revertir = revertirPago(id);
      await enviar(revertir);
      const [reply] = await respuestasA(revertir);
      expect({ type: reply.type, payload: reply.payload }).toEqual({ type: 'PagoRevertido', payload: { id_reserva: id } });
      expect((await pagosDe(id)).map((p) => p.estado)).toEqual(['RECHAZADO']);
    });

    it('answers every repeated RevertirPago with PagoRevertido and reverts once', async () => {
      const id = randomUUID();
      const pagar = pagarReserva(id);
      await enviar(pagar);
      await respuestasA(pagar);
      const primero = revertirPago(id);
      const segundo = revertirPago(id);
      await enviar(primero, segundo);
      const replies = await respuestasA(primero, segundo);
      const [pago] = await pagosDe(id);
      expect(replies.map((r) => [r.type, r.payload])).toEqual([
        ['PagoRevertido', { id_reserva: id, id_pago: pago.id }],
        ['PagoRevertido', { id_reserva: id, id_pago: pago.id }],
      ]);
      expect(pago.estado).toBe('REVERTIDO');
    });
  });

  describe('GET /pagos', () => {
    it('answers 200 [] for a reserva with no payment', async () => {
      expect(await pagosDe(randomUUID())).toEqual([]);
    });

    it('lists every payment without a filter, oldest first', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const pagarA = pagarReserva(a);
      await enviar(pagarA);
      await respuestasA(pagarA);
      const pagarB = pagarReserva(b, 'tok_declined');
      await enviar(pagarB);
      await respuestasA(pagarB);
      const todos = await pagos();
      const ids = todos.map((p) => p.id_reserva);
      expect(ids.indexOf(a)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
      expect(todos.map((p) => p.creado_en)).toEqual([...todos.map((p) => p.creado_en)].sort());
    });

    it.each([
      ['an empty id_reserva', '?id_reserva=', 'id_reserva'],
      ['id_reserva given twice', '?id_reserva=a&id_reserva=b', 'id_reserva'],
      ['an unknown filter', '?estado=APROBADO', 'estado'],
    ])('answers 400 problem+json for %s', async (_caso, query, campo) => {
      const res = await fetch(suite.url('pagos', `/pagos${query}`));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { title: string; status: number; errors: Array<{ campo: string }> };
      expect({ title: body.title, status: body.status, campos: [...new Set(body.errors.map((e) => e.campo))] }).toEqual({
        title: 'Bad Request',
        status: 400,
        campos: [campo],
      });
    });
  });
});
