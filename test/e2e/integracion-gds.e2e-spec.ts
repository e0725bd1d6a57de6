import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfirmarReserva, RevertirConfirmacion, TOPICOS } from '#contracts';
import { envelope, type Envelope, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { SERVICES } from '../../scripts/services.js';
import { runToExit } from '../support/service-process.js';
import { Suite } from '../support/suite.js';

// integracion-gds as a real process: inventory over HTTP, ConfirmarReserva / RevertirConfirmacion
// published straight into the broker's database, replies read from eventos-integracion-gds.
// SQLite, or MariaDB/MySQL with MYSQL_URL (where the concurrent cases really run concurrently).
const PLAZO_MS = 20000;
const FECHA = '2026-12-01';
const LOCALIZADOR = /^[A-Z0-9]{6}$/;

interface Leg {
  origen: string;
  destino: string;
  fecha_salida: string;
  fecha_llegada: string;
}

interface Ruta {
  origen: string;
  destino: string;
  fecha: string;
}

/** The GDS as a test drives it: one suite, the broker opened beside it, and fresh routes. */
class GdsDePrueba {
  readonly suite: Suite;
  broker: SqlMessageBroker;
  private rutas = 0;

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.suite = new Suite(['integracion-gds'], env);
  }

  async start(): Promise<void> {
    await this.suite.start();
    const url = this.suite.service('integracion-gds').options.env.BROKER_DATABASE_URL;
    this.broker = await SqlMessageBroker.open(parseDatabaseUrl(url, this.suite.dbs.dataDir, 'broker'));
  }

  async stop(): Promise<void> {
    await this.broker?.close();
    await this.suite.stop();
  }

  url(path: string): string {
    return this.suite.url('integracion-gds', path);
  }

  /** A route and day no other test uses (airport codes AAA→AAB, AAC→AAD, …). */
  nuevaRuta(fecha = FECHA): Ruta {
    const codigo = (n: number) => [676, 26, 1].map((p) => String.fromCharCode(65 + (Math.floor(n / p) % 26))).join('');
    this.rutas += 2;
    return { origen: codigo(this.rutas - 2), destino: codigo(this.rutas - 1), fecha };
  }

  async fijar(ruta: Ruta, cupos: number): Promise<void> {
    const res = await fetch(this.url('/gds/disponibilidad'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ruta, cupos }),
    });
    expect(res.status).toBe(200);
  }

  async cupos(ruta: Ruta): Promise<number> {
    const res = await fetch(this.url(`/gds/disponibilidad?${new URLSearchParams({ ...ruta })}`));
    expect(res.status).toBe(200);
    return ((await res.json()) as { cupos: number }).cupos;
  }

  async reserva(idReserva: string): Promise<Record<string, unknown>> {
    const res = await fetch(this.url(`/gds/reservas/${idReserva}`));
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  async enviar(...comandos: Envelope[]): Promise<void> {
    await this.broker.publish(TOPICOS.comandosGds, comandos);
  }

  /** The replies caused by these commands, once there is one for each, in the commands' order. */
  async respuestasA(...comandos: Envelope[]): Promise<Envelope[]> {
    return eventually(async () => {
      const replies: Envelope[] = [];
      await this.broker.readFromEarliest(TOPICOS.eventosGds, async (e) => void replies.push(e));
      const porCausa = comandos.map((c) => replies.filter((r) => r.causationId === c.id));
      expect(porCausa.filter((r) => r.length !== 1)).toEqual([]);
      return porCausa.map(([r]) => r);
    }, PLAZO_MS);
  }
}

function leg(ruta: Ruta, hora = '10:00:00Z'): Leg {
  return { origen: ruta.origen, destino: ruta.destino, fecha_salida: `${ruta.fecha}T${hora}`, fecha_llegada: `${ruta.fecha}T23:59:00Z` };
}

function confirmarReserva(id_reserva: string, legs: Leg[], correlationId: string = id_reserva): Envelope {
  return envelope({ type: ConfirmarReserva.type, payload: { id_reserva, legs }, source: 'test', correlationId });
}

function revertirConfirmacion(id_reserva: string): Envelope {
  return envelope({ type: RevertirConfirmacion.type, payload: { id_reserva }, source: 'test', correlationId: id_reserva });
}

const tipoYPayload = (r: Envelope) => ({ type: r.type, payload: r.payload });

describe(`integracion-gds (${process.env.MYSQL_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  const gds = new GdsDePrueba();

  beforeAll(async () => {
    await gds.start();
  }, 60000);

  afterAll(async () => {
    await gds.stop();
  });

  async function expectProblem(res: Response, status: number, campos?: string[]): Promise<void> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { status: number; errors?: Array<{ campo: string }> };
    expect(body.status).toBe(status);
    if (campos) expect([...new Set(body.errors?.map((e) => e.campo))].sort()).toEqual([...campos].sort());
  }

  describe('PUT /gds/disponibilidad', () => {
    it('answers 200 with what it set', async () => {
      const ruta = gds.nuevaRuta();
      const res = await fetch(gds.url('/gds/disponibilidad'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...ruta, cupos: 7 }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...ruta, cupos: 7 });
    });

    it('sets the seats GET then shows, and sets them again', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 7);
      await gds.fijar(ruta, 0);
      expect(await gds.cupos(ruta)).toBe(0);
    });

    it.each([
      ['a lower-case airport code', { origen: 'bog' }, ['origen']],
      ['a 4-letter airport code', { destino: 'MDEX' }, ['destino']],
      ['origen = destino', { origen: 'BOG', destino: 'BOG' }, ['destino']],
      ['a date that does not exist', { fecha: '2026-02-30' }, ['fecha']],
      ['a date-time instead of a date', { fecha: '2026-12-01T10:00:00Z' }, ['fecha']],
      ['negative cupos', { cupos: -1 }, ['cupos']],
      ['non-integer cupos', { cupos: 1.5 }, ['cupos']],
      ['cupos as a string', { cupos: '3' }, ['cupos']],
      ['a missing field', { fecha: undefined }, ['fecha']],
      ['an unknown field', { vuelo: 'AV123' }, ['vuelo']],
    ])('answers 400 problem+json for %s', async (_caso, cambios, campos) => {
      const body = { origen: 'BOG', destino: 'MDE', fecha: FECHA, cupos: 3, ...cambios };
      const res = await fetch(gds.url('/gds/disponibilidad'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await expectProblem(res, 400, campos);
    });

    it('answers 400 problem+json for malformed JSON', async () => {
      const res = await fetch(gds.url('/gds/disponibilidad'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"origen":',
      });
      await expectProblem(res, 400);
    });
  });

  describe('GET /gds/disponibilidad', () => {
    it('answers 200 with GDS_CUPOS_POR_DEFECTO (100) seats for a route and day never set', async () => {
      const ruta = gds.nuevaRuta();
      const res = await fetch(gds.url(`/gds/disponibilidad?${new URLSearchParams({ ...ruta })}`));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...ruta, cupos: 100 });
    });

    it.each([
      ['a missing destino', 'origen=BOG&fecha=2026-12-01', ['destino']],
      ['a bad airport code', 'origen=B0G&destino=MDE&fecha=2026-12-01', ['origen']],
      ['a bad date', 'origen=BOG&destino=MDE&fecha=01-12-2026', ['fecha']],
      ['origen = destino', 'origen=BOG&destino=BOG&fecha=2026-12-01', ['destino']],
      ['an unknown parameter', 'origen=BOG&destino=MDE&fecha=2026-12-01&clase=Y', ['clase']],
    ])('answers 400 problem+json for %s', async (_caso, query, campos) => {
      await expectProblem(await fetch(gds.url(`/gds/disponibilidad?${query}`)), 400, campos);
    });
  });

  describe('GET /gds/reservas/{id_reserva}', () => {
    it('answers 404 problem+json for a reserva the GDS never saw', async () => {
      await expectProblem(await fetch(gds.url(`/gds/reservas/${randomUUID()}`)), 404);
    });
  });

  describe('ConfirmarReserva', () => {
    it('takes a seat and replies ReservaGDSConfirmada with a 6-character localizador on the saga correlation', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 5);
      const id = randomUUID();
      const comando = confirmarReserva(id, [leg(ruta)], `saga-${id}`);
      await gds.enviar(comando);
      const [reply] = await gds.respuestasA(comando);
      expect(reply).toMatchObject({
        type: 'ReservaGDSConfirmada',
        source: 'integracion-gds',
        correlationId: `saga-${id}`,
        causationId: comando.id,
        payload: { id_reserva: id, localizador: expect.stringMatching(LOCALIZADOR) },
      });
      expect(await gds.cupos(ruta)).toBe(4);
    });

    it('records the reserva: GET /gds/reservas/{id} answers 200 CONFIRMADA with its localizador and legs', async () => {
      const ruta = gds.nuevaRuta();
      const id = randomUUID();
      const legs = [leg(ruta)];
      const comando = confirmarReserva(id, legs);
      await gds.enviar(comando);
      const [reply] = await gds.respuestasA(comando);
      expect(await gds.reserva(id)).toEqual({
        id_reserva: id,
        localizador: (reply.payload as { localizador: string }).localizador,
        estado: 'CONFIRMADA',
        motivo: null,
        legs,
      });
    });

    it('takes the seat of a route never set from GDS_CUPOS_POR_DEFECTO', async () => {
      const ruta = gds.nuevaRuta();
      const comando = confirmarReserva(randomUUID(), [leg(ruta)]);
      await gds.enviar(comando);
      await gds.respuestasA(comando);
      expect(await gds.cupos(ruta)).toBe(99);
    });

    it('takes the seat of the UTC day of the departure', async () => {
      const ruta = gds.nuevaRuta('2026-12-02');
      const comando = confirmarReserva(randomUUID(), [
        { ...leg(ruta), fecha_salida: '2026-12-01T21:00:00-05:00', fecha_llegada: '2026-12-01T23:00:00-05:00' },
      ]);
      await gds.enviar(comando);
      await gds.respuestasA(comando);
      expect([await gds.cupos(ruta), await gds.cupos({ ...ruta, fecha: '2026-12-01' })]).toEqual([99, 100]);
    });

    it('takes one seat on every leg of a reserva', async () => {
      const [ida, vuelta] = [gds.nuevaRuta(), gds.nuevaRuta('2026-12-08')];
      await gds.fijar(ida, 2);
      await gds.fijar(vuelta, 1);
      const comando = confirmarReserva(randomUUID(), [leg(ida), leg(vuelta)]);
      await gds.enviar(comando);
      const [reply] = await gds.respuestasA(comando);
      expect(reply.type).toBe('ReservaGDSConfirmada');
      expect([await gds.cupos(ida), await gds.cupos(vuelta)]).toEqual([1, 0]);
    });

    it('replies ConfirmacionGDSFallida SIN_CUPO and takes nothing when one leg has no seat left', async () => {
      const [conCupo, sinCupo] = [gds.nuevaRuta(), gds.nuevaRuta()];
      await gds.fijar(conCupo, 5);
      await gds.fijar(sinCupo, 0);
      const id = randomUUID();
      const comando = confirmarReserva(id, [leg(conCupo), leg(sinCupo)]);
      await gds.enviar(comando);
      const [reply] = await gds.respuestasA(comando);
      expect(tipoYPayload(reply)).toEqual({ type: 'ConfirmacionGDSFallida', payload: { id_reserva: id, motivo: 'SIN_CUPO' } });
      expect([await gds.cupos(conCupo), await gds.cupos(sinCupo)]).toEqual([5, 0]);
      expect(await gds.reserva(id)).toMatchObject({ id_reserva: id, estado: 'RECHAZADA', motivo: 'SIN_CUPO', localizador: null });
    });

    it('answers a repeat with another message id with the same localizador, taking one seat in all', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 5);
      const primero = confirmarReserva(randomUUID(), [leg(ruta)]);
      const segundo = { ...primero, id: randomUUID() };
      await gds.enviar(primero, segundo);
      const replies = await gds.respuestasA(primero, segundo);
      expect(replies[1].payload).toEqual(replies[0].payload);
      expect(await gds.cupos(ruta)).toBe(4);
    });

    it('answers a repeat after SIN_CUPO with SIN_CUPO again, even once seats are back, taking nothing', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 0);
      const id = randomUUID();
      const primero = confirmarReserva(id, [leg(ruta)]);
      await gds.enviar(primero);
      await gds.respuestasA(primero);
      await gds.fijar(ruta, 3);
      const repetido = confirmarReserva(id, [leg(ruta)]);
      await gds.enviar(repetido);
      const [reply] = await gds.respuestasA(repetido);
      expect(tipoYPayload(reply)).toEqual({ type: 'ConfirmacionGDSFallida', payload: { id_reserva: id, motivo: 'SIN_CUPO' } });
      expect(await gds.cupos(ruta)).toBe(3);
    });

    it('dead-letters a ConfirmarReserva without legs and records nothing', async () => {
      const id = randomUUID();
      const invalido = confirmarReserva(id, []);
      await gds.enviar(invalido);
      await eventually(async () => {
        const dead: Envelope[] = [];
        await gds.broker.readFromEarliest(`${TOPICOS.comandosGds}-DLQ`, async (e) => void dead.push(e));
        expect(
          (dead as Array<Envelope & { deadLetter: { reason: string } }>)
            .filter((d) => d.id === invalido.id)
            .map((d) => d.deadLetter.reason),
        ).toEqual([expect.stringContaining('legs')]);
      }, PLAZO_MS);
      expect((await fetch(gds.url(`/gds/reservas/${id}`))).status).toBe(404);
    });
  });

  describe('RevertirConfirmacion', () => {
    it('gives every seat back, records REVERTIDA and replies ConfirmacionGDSRevertida', async () => {
      const [ida, vuelta] = [gds.nuevaRuta(), gds.nuevaRuta()];
      await gds.fijar(ida, 2);
      await gds.fijar(vuelta, 2);
      const id = randomUUID();
      const confirmar = confirmarReserva(id, [leg(ida), leg(vuelta)]);
      await gds.enviar(confirmar);
      await gds.respuestasA(confirmar);
      const revertir = revertirConfirmacion(id);
      await gds.enviar(revertir);
      const [reply] = await gds.respuestasA(revertir);
      expect({ ...tipoYPayload(reply), correlationId: reply.correlationId }).toEqual({
        type: 'ConfirmacionGDSRevertida',
        payload: { id_reserva: id },
        correlationId: id,
      });
      expect([await gds.cupos(ida), await gds.cupos(vuelta)]).toEqual([2, 2]);
      expect(await gds.reserva(id)).toMatchObject({ estado: 'REVERTIDA', localizador: expect.stringMatching(LOCALIZADOR) });
    });

    it('gives the seats back once however often it is repeated', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 2);
      const id = randomUUID();
      const confirmar = confirmarReserva(id, [leg(ruta)]);
      await gds.enviar(confirmar);
      await gds.respuestasA(confirmar);
      const reverts = [revertirConfirmacion(id), revertirConfirmacion(id), revertirConfirmacion(id)];
      await gds.enviar(...reverts);
      const replies = await gds.respuestasA(...reverts);
      expect(replies.map((r) => r.type)).toEqual(['ConfirmacionGDSRevertida', 'ConfirmacionGDSRevertida', 'ConfirmacionGDSRevertida']);
      expect(await gds.cupos(ruta)).toBe(2);
    });

    it('replies ConfirmacionGDSRevertida for a reserva the GDS never saw, recording nothing', async () => {
      const id = randomUUID();
      const revertir = revertirConfirmacion(id);
      await gds.enviar(revertir);
      const [reply] = await gds.respuestasA(revertir);
      expect(tipoYPayload(reply)).toEqual({ type: 'ConfirmacionGDSRevertida', payload: { id_reserva: id } });
      expect((await fetch(gds.url(`/gds/reservas/${id}`))).status).toBe(404);
    });

    it('replies ConfirmacionGDSRevertida for a RECHAZADA reserva, giving nothing back', async () => {
      const [conCupo, sinCupo] = [gds.nuevaRuta(), gds.nuevaRuta()];
      await gds.fijar(conCupo, 1);
      await gds.fijar(sinCupo, 0);
      const id = randomUUID();
      const confirmar = confirmarReserva(id, [leg(conCupo), leg(sinCupo)]);
      const revertir = revertirConfirmacion(id);
      await gds.enviar(confirmar, revertir);
      const [, reply] = await gds.respuestasA(confirmar, revertir);
      expect(reply.type).toBe('ConfirmacionGDSRevertida');
      expect([await gds.cupos(conCupo), await gds.cupos(sinCupo)]).toEqual([1, 0]);
      expect((await gds.reserva(id)).estado).toBe('RECHAZADA');
    });

    it('answers ConfirmarReserva after a revert with ConfirmacionGDSFallida, taking nothing', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 1);
      const id = randomUUID();
      await gds.enviar(confirmarReserva(id, [leg(ruta)]), revertirConfirmacion(id));
      await eventually(async () => expect((await gds.reserva(id)).estado).toBe('REVERTIDA'), PLAZO_MS);
      const otraVez = confirmarReserva(id, [leg(ruta)]);
      await gds.enviar(otraVez);
      const [reply] = await gds.respuestasA(otraVez);
      expect(tipoYPayload(reply)).toEqual({
        type: 'ConfirmacionGDSFallida',
        payload: { id_reserva: id, motivo: 'CONFIRMACION_REVERTIDA' },
      });
      expect(await gds.cupos(ruta)).toBe(1);
    });
  });

  describe('under concurrent commands', () => {
    it('confirms exactly 3 of 20 reservas on a route with 3 seats, ending at 0', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 3);
      const comandos = Array.from({ length: 20 }, () => confirmarReserva(randomUUID(), [leg(ruta)]));
      await gds.enviar(...comandos);
      const replies = await gds.respuestasA(...comandos);
      expect(replies.filter((r) => r.type === 'ReservaGDSConfirmada')).toHaveLength(3);
      expect(replies.filter((r) => r.type === 'ConfirmacionGDSFallida')).toHaveLength(17);
      expect(await gds.cupos(ruta)).toBe(0);
      const estados = await Promise.all(
        comandos.map(async (c) => (await gds.reserva((c.payload as { id_reserva: string }).id_reserva)).estado),
      );
      expect(estados.filter((e) => e === 'CONFIRMADA')).toHaveLength(3);
    }, 60000);

    it('takes both legs or neither for 20 two-leg reservas listing their legs in either order', async () => {
      const [a, b] = [gds.nuevaRuta(), gds.nuevaRuta()];
      await gds.fijar(a, 3);
      await gds.fijar(b, 5);
      const comandos = Array.from({ length: 20 }, (_, i) => confirmarReserva(randomUUID(), i % 2 ? [leg(a), leg(b)] : [leg(b), leg(a)]));
      await gds.enviar(...comandos);
      const replies = await gds.respuestasA(...comandos);
      expect(replies.filter((r) => r.type === 'ReservaGDSConfirmada')).toHaveLength(3);
      expect([await gds.cupos(a), await gds.cupos(b)]).toEqual([0, 2]);
    }, 60000);

    it('loses no seat and takes none twice while confirmations and reverts interleave', async () => {
      const ruta = gds.nuevaRuta();
      await gds.fijar(ruta, 5);
      const primeros = Array.from({ length: 10 }, () => confirmarReserva(randomUUID(), [leg(ruta)]));
      await gds.enviar(...primeros);
      await gds.respuestasA(...primeros);
      const reverts = primeros.map((c) => revertirConfirmacion((c.payload as { id_reserva: string }).id_reserva));
      const segundos = Array.from({ length: 10 }, () => confirmarReserva(randomUUID(), [leg(ruta)]));
      const mezcla = reverts.flatMap((r, i) => [r, segundos[i]]);
      await gds.enviar(...mezcla);
      await gds.respuestasA(...mezcla);
      const ids = [...primeros, ...segundos].map((c) => (c.payload as { id_reserva: string }).id_reserva);
      const estados = await Promise.all(ids.map(async (id) => (await gds.reserva(id)).estado));
      const confirmadas = estados.filter((e) => e === 'CONFIRMADA').length;
      expect(estados.filter((e) => e === 'REVERTIDA')).toHaveLength(5);
      expect(confirmadas).toBeGreaterThanOrEqual(0);
      expect(confirmadas).toBeLessThanOrEqual(5);
      expect(await gds.cupos(ruta)).toBe(5 - confirmadas);
    }, 60000);
  });
});

describe('integracion-gds with GDS_CUPOS_POR_DEFECTO', () => {
  const gds = new GdsDePrueba({ GDS_CUPOS_POR_DEFECTO: '2' });

  beforeAll(async () => {
    await gds.start();
  }, 60000);

  afterAll(async () => {
    await gds.stop();
  });

  it('shows that many seats for a route and day never set', async () => {
    expect(await gds.cupos(gds.nuevaRuta())).toBe(2);
  });

  it('confirms exactly that many of 10 concurrent reservas on a route never set', async () => {
    const ruta = gds.nuevaRuta();
    const comandos = Array.from({ length: 10 }, () => confirmarReserva(randomUUID(), [leg(ruta)]));
    await gds.enviar(...comandos);
    const replies = await gds.respuestasA(...comandos);
    expect(replies.filter((r) => r.type === 'ReservaGDSConfirmada')).toHaveLength(2);
    expect(await gds.cupos(ruta)).toBe(0);
  }, 60000);

  it.each(['abc', '-1', '2.5'])('stops the process at start, naming the variable, when it is %s', async (valor) => {
    const entry = SERVICES.find((s) => s.name === 'integracion-gds')!.entry;
    const { code, output } = await runToExit(entry, {
      DATA_DIR: gds.suite.dbs.dataDir,
      INTEGRACION_GDS_PORT: '0',
      GDS_CUPOS_POR_DEFECTO: valor,
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^integracion-gds: cannot start: .*GDS_CUPOS_POR_DEFECTO: .*\\(got "${valor}"\\)`)),
    ]);
  });
});
