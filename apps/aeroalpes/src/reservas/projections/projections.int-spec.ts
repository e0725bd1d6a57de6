import 'reflect-metadata';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CreateEventStoreTables1795400000200,
  CreateMessagingTables1795400000000,
  CreateProjectionTables1795400000300,
  EventStore,
  type Projection,
  type ProjectionContext,
  ProjectionRunner,
  type StoredEvent,
  UnitOfWork,
} from '#seedwork';
import type { Itinerario } from '../domain/itinerario.js';
import type { ReservaEvento } from '../domain/reserva.events.js';
import { aprobar, cancelar, crear, fold, registrarConfirmacion, registrarPago, type Reserva } from '../domain/reserva.js';
import { ListarReservasHandler } from '../queries/listar-reservas/listar-reservas.handler.js';
import { ListarReservasQuery } from '../queries/listar-reservas/listar-reservas.query.js';
import { PivoteReservasHandler } from '../queries/pivote-reservas/pivote-reservas.handler.js';
import { PivoteReservasQuery } from '../queries/pivote-reservas/pivote-reservas.query.js';
import { CreateReservasProjections1795400001100 } from './create-projection-tables.js';
import { PivoteProjection, RESERVAS_PIVOTE } from './pivote.projection.js';
import { RESERVAS_LISTA, type ReservaListaRow, ReservasListaProjection, toReserva } from './reservas-lista.projection.js';
import { openTestDatabase } from '#seedwork/testing';

// The read side of reservas on a real database: the ProjectionRunner feeds reservas_lista and the
// pivot from the event store, with checkpoints, idempotent replays and a/b copies for rebuilds.

const MIGRATIONS = [
  CreateMessagingTables1795400000000,
  CreateEventStoreTables1795400000200,
  CreateProjectionTables1795400000300,
  CreateReservasProjections1795400001100,
];
const TABLAS = ['event_store', 'projection_checkpoints', 'reservas_lista_a', 'reservas_lista_b', 'reservas_pivote_a', 'reservas_pivote_b'];

interface Backend {
  dataSource: DataSource;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Backend> {
  return openTestDatabase('proyecciones', MIGRATIONS);
}

async function openMariadb(baseUrl: string): Promise<Backend> {
  return openTestDatabase('proyecciones', MIGRATIONS, baseUrl);
}

// ---- reservas and their histories, made with the decider at chosen instants ----

type Paso = 'pagar' | 'confirmar' | 'aprobar' | 'cancelar';

const ITINERARIOS: Itinerario[] = [
  {
    odos: [
      {
        segmentos: [
          {
            legs: [
              {
                fecha_salida: '2026-12-10T10:00:00Z',
                fecha_llegada: '2026-12-10T11:05:00Z',
                origen: { codigo: 'BOG', nombre: 'El Dorado' },
                destino: { codigo: 'MDE', nombre: 'José María Córdova' },
              },
            ],
          },
        ],
      },
    ],
  },
];

/** A reserva created at `creada`, then taken through `pasos`, one minute apart. */
function historia(id: string, id_cliente: string, creada: string, pasos: Paso[] = [], monto = 450000): ReservaEvento[] {
  const eventos = crear({ id_reserva: id, id_cliente, itinerarios: ITINERARIOS, monto, moneda: 'COP' }, new Date(creada));
  pasos.forEach((paso, i) => {
    const r = fold(eventos)!;
    const ahora = new Date(Date.parse(creada) + (i + 1) * 60_000);
    const decide: Record<Paso, () => ReservaEvento[]> = {
      pagar: () => registrarPago(r, `pago-${id}`, ahora),
      confirmar: () => registrarConfirmacion(r, 'ABC123', ahora),
      aprobar: () => aprobar(r, ahora),
      cancelar: () => cancelar(r, 'PAGO_RECHAZADO', ahora),
    };
    eventos.push(...decide[paso]());
  });
  return eventos;
}

/** Six reservas over three UTC days (none on 2026-12-02), two of them created at the same instant. */
function escenario(): Map<string, ReservaEvento[]> {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  return new Map([
    [id(1), historia(id(1), 'cliente-1', '2026-11-30T23:59:59.999Z', ['pagar', 'confirmar', 'aprobar'])],
    [id(2), historia(id(2), 'cliente-1', '2026-12-01T00:00:00.000Z', ['cancelar'])],
    [id(3), historia(id(3), 'cliente-2', '2026-12-01T08:00:00.000Z', ['pagar'], 19.99)],
    [id(4), historia(id(4), 'cliente-2', '2026-12-01T09:00:00.000Z')],
    [id(5), historia(id(5), 'cliente-3', '2026-12-03T12:00:00.000Z', ['pagar', 'confirmar', 'cancelar'])],
    [id(6), historia(id(6), 'cliente-3', '2026-12-03T12:00:00.000Z', ['pagar', 'confirmar'])],
  ]);
}

/** A projection that delegates, records what it was given and lets a test step in before each batch. */
class Espia implements Projection {
  readonly nombre: string;
  readonly tipos: readonly string[];
  readonly tablas: readonly string[];
  readonly lotes: Array<{ copia: string; eventos: readonly StoredEvent[] }> = [];
  antes: ((ctx: ProjectionContext, eventos: readonly StoredEvent[]) => Promise<void> | void) | undefined;

  constructor(private readonly inner: Projection) {
    this.nombre = inner.nombre;
    this.tipos = inner.tipos;
    this.tablas = inner.tablas;
  }

  async aplicar(ctx: ProjectionContext, eventos: readonly StoredEvent[]): Promise<void> {
    await this.antes?.(ctx, eventos);
    this.lotes.push({ copia: ctx.tabla('x').slice(-1), eventos });
    await this.inner.aplicar(ctx, eventos);
  }

  get aplicados(): StoredEvent[] {
    return this.lotes.flatMap((l) => l.eventos);
  }
}

function latch(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

function projectionsSuite(open: () => Promise<Backend>, concurrent: boolean): void {
  let backend: Backend;
  let uow: UnitOfWork;
  let store: EventStore;
  let lista: Espia;
  let pivote: Espia;
  let runner: ProjectionRunner;
  let errores: unknown[];
  const runners: ProjectionRunner[] = [];

  function nuevoRunner(batchSize = 3): ProjectionRunner {
    const r = new ProjectionRunner(uow, store, [lista, pivote], {
      batchSize,
      // No sweeps during a test: every pass is one the test asks for.
      pollMs: 3_600_000,
      onError: (error) => errores.push(error),
    });
    runners.push(r);
    return r;
  }

  /** Appends the histories one event at a time, round-robin over the reservas: streams interleave in the log. */
  async function escribir(historias: ReadonlyMap<string, readonly ReservaEvento[]>, desde = new Map<string, number>()): Promise<void> {
    const colas = [...historias].map(([id, eventos]) => ({
      id,
      pendientes: eventos.slice(desde.get(id) ?? 0),
      version: desde.get(id) ?? 0,
    }));
    while (colas.some((c) => c.pendientes.length > 0)) {
      for (const c of colas) {
        const e = c.pendientes.shift();
        if (e) c.version = await uow.run(() => store.append(c.id, c.version, [e]));
      }
    }
  }

  const filas = (tabla: string, orden: string) =>
    backend.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM ${tabla} ORDER BY ${orden}`);
  const listaRows = (copia: 'a' | 'b') => filas(`${RESERVAS_LISTA}_${copia}`, 'id');
  const pivoteRows = (copia: 'a' | 'b') => filas(`${RESERVAS_PIVOTE}_${copia}`, 'id_reserva');
  const todos = () => uow.run(() => store.readAll(0, 10_000));

  /** What the list must hold: each stream folded from the event store (the write side's own truth). */
  async function esperadas(): Promise<Reserva[]> {
    const ids = [...new Set((await todos()).map((e) => e.streamId))].sort();
    return Promise.all(ids.map(async (id) => fold((await uow.run(() => store.read<ReservaEvento>(id))).map((e) => e.event))!));
  }

  const reservasEn = async (copia: 'a' | 'b') => (await listaRows(copia)).map((row) => toReserva(row as unknown as ReservaListaRow));
  const estado = async (nombre: string) => (await runner.status()).find((s) => s.nombre === nombre)!;

  beforeAll(async () => {
    backend = await open();
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    for (const tabla of TABLAS) await backend.dataSource.query(`DELETE FROM ${tabla}`);
    uow = new UnitOfWork(backend.dataSource);
    store = new EventStore(uow);
    lista = new Espia(new ReservasListaProjection());
    pivote = new Espia(new PivoteProjection());
    errores = [];
    runner = nuevoRunner();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    expect(errores).toEqual([]);
  });

  describe('projecting', () => {
    it('puts every reserva in reservas_lista as its events fold, with every field', async () => {
      await escribir(escenario());
      await runner.start();

      expect(await reservasEn('a')).toEqual(await esperadas());
      const [aprobada] = await reservasEn('a');
      expect(aprobada).toEqual({
        id: '00000000-0000-4000-8000-000000000001',
        id_cliente: 'cliente-1',
        estado: 'APROBADA',
        itinerarios: ITINERARIOS,
        monto: 450000,
        moneda: 'COP',
        fecha_creacion: '2026-11-30T23:59:59.999Z',
        fecha_actualizacion: '2026-12-01T00:02:59.999Z',
        version: 4,
      });
      expect((await reservasEn('a')).find((r) => r.id.endsWith('3'))!.monto).toBe(19.99);
      expect(await listaRows('b')).toEqual([]);
    });

    it('keeps one pivot row per reserva: its UTC day of creation, current estado and version', async () => {
      await escribir(escenario());
      await runner.start();
      const rows = await pivoteRows('a');
      expect(rows.map((r) => [String(r.id_reserva).slice(-1), r.fecha, r.estado, Number(r.version)])).toEqual([
        ['1', '2026-11-30', 'APROBADA', 4],
        ['2', '2026-12-01', 'CANCELADA', 2],
        ['3', '2026-12-01', 'PAGADA', 2],
        ['4', '2026-12-01', 'PENDIENTE', 1],
        ['5', '2026-12-03', 'CANCELADA', 4],
        ['6', '2026-12-03', 'CONFIRMADA', 3],
      ]);
    });

    it('answers the pivot by day: rows only for days with reservas, counts by current estado, range inclusive', async () => {
      await escribir(escenario());
      await runner.start();
      const pivote = new PivoteReservasHandler(uow, runner);
      const cero = { PENDIENTE: 0, PAGADA: 0, CONFIRMADA: 0, APROBADA: 0, CANCELADA: 0 };
      const dia30 = { fecha: '2026-11-30', conteos: { ...cero, APROBADA: 1 } };
      const dia1 = { fecha: '2026-12-01', conteos: { ...cero, CANCELADA: 1, PAGADA: 1, PENDIENTE: 1 } };
      const dia3 = { fecha: '2026-12-03', conteos: { ...cero, CANCELADA: 1, CONFIRMADA: 1 } };

      const todo = await pivote.execute(new PivoteReservasQuery());
      expect(todo.estados).toEqual(['PENDIENTE', 'PAGADA', 'CONFIRMADA', 'APROBADA', 'CANCELADA']);
      expect(todo.filas).toEqual([dia30, dia1, dia3]);
      expect((await pivote.execute(new PivoteReservasQuery('2026-12-01', '2026-12-02'))).filas).toEqual([dia1]);
      expect((await pivote.execute(new PivoteReservasQuery('2026-12-02', '2026-12-02'))).filas).toEqual([]);
      expect((await pivote.execute(new PivoteReservasQuery('2026-12-03', '2026-12-03'))).filas).toEqual([dia3]);
      expect((await pivote.execute(new PivoteReservasQuery('2026-11-30', undefined))).filas).toEqual([dia30, dia1, dia3]);
      expect((await pivote.execute(new PivoteReservasQuery(undefined, '2026-11-30'))).filas).toEqual([dia30]);
    });

    it('lists the projected reservas newest first, ties by id, with filters, as GET /reservas does', async () => {
      await escribir(escenario());
      await runner.start();
      const listar = (filtro: ConstructorParameters<typeof ListarReservasQuery>[0], limit = 50, offset = 0) =>
        new ListarReservasHandler(uow, runner).execute(new ListarReservasQuery(filtro, limit, offset));
      const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
      const porId = new Map((await esperadas()).map((r) => [r.id, r]));

      // reservas 5 and 6 were created at the same instant: the lower id first
      const orden = [5, 6, 4, 3, 2, 1].map(id);
      expect(await listar({})).toEqual({ items: orden.map((i) => porId.get(i)), total: 6 });
      expect((await listar({ estado: 'CANCELADA' })).items.map((r) => r.id)).toEqual([5, 2].map(id));
      expect((await listar({ id_cliente: 'cliente-3', estado: 'CONFIRMADA' })).items.map((r) => r.id)).toEqual([id(6)]);
      expect(await listar({}, 2, 1)).toEqual({ items: orden.slice(1, 3).map((i) => porId.get(i)), total: 6 });
    });

    it('moves a reserva between pivot counts as its estado changes, keeping its day', async () => {
      const id = randomUUID();
      const eventos = historia(id, 'cliente-9', '2026-12-05T23:30:00.000Z', ['pagar', 'confirmar', 'aprobar']);
      const pivoteHandler = new PivoteReservasHandler(uow, runner);
      await runner.start();
      const estados: string[] = [];
      for (let v = 0; v < eventos.length; v += 1) {
        await uow.run(() => store.append(id, v, [eventos[v]]));
        await runner.sync();
        const [fila] = (await pivoteHandler.execute(new PivoteReservasQuery('2026-12-05', '2026-12-06'))).filas;
        expect(fila.fecha).toBe('2026-12-05');
        expect(Object.values(fila.conteos).reduce((a, b) => a + b, 0)).toBe(1);
        estados.push(Object.entries(fila.conteos).find(([, n]) => n === 1)![0]);
      }
      expect(estados).toEqual(['PENDIENTE', 'PAGADA', 'CONFIRMADA', 'APROBADA']);
    });

    it('projects the same rows whatever the batch size', async () => {
      await escribir(escenario());
      await nuevoRunner(1).start();
      const deAUno = { lista: await listaRows('a'), pivote: await pivoteRows('a') };
      for (const tabla of ['reservas_lista_a', 'reservas_pivote_a', 'projection_checkpoints'])
        await backend.dataSource.query(`DELETE FROM ${tabla}`);
      await nuevoRunner(500).start();
      expect({ lista: await listaRows('a'), pivote: await pivoteRows('a') }).toEqual(deAUno);
    });
  });

  describe('replaying (idempotence)', () => {
    beforeEach(async () => {
      await escribir(escenario());
      await runner.start();
    });

    const aplicarOtraVez = (eventos: readonly StoredEvent[]) =>
      uow.run(async (tx) => {
        for (const p of [lista, pivote]) {
          const ctx: ProjectionContext = { manager: tx.manager, tabla: (nombre) => runner.tabla(p.nombre, nombre) };
          await p.aplicar(
            ctx,
            eventos.filter((e) => p.tipos.includes(e.event.tipo)),
          );
        }
      });

    it('changes nothing when the whole stream is applied again to the live tables', async () => {
      const antes = { lista: await listaRows('a'), pivote: await pivoteRows('a') };
      await aplicarOtraVez(await todos());
      await aplicarOtraVez(await todos());
      expect({ lista: await listaRows('a'), pivote: await pivoteRows('a') }).toEqual(antes);
    });

    it('changes nothing when an older batch, or each event alone newest first, is applied again', async () => {
      const antes = { lista: await listaRows('a'), pivote: await pivoteRows('a') };
      const eventos = await todos();
      await aplicarOtraVez(eventos.slice(3, 9));
      for (const e of [...eventos].reverse()) await aplicarOtraVez([e]);
      expect({ lista: await listaRows('a'), pivote: await pivoteRows('a') }).toEqual(antes);
    });

    it('gives identical rows when the checkpoint is reset to 0 and the runner replays everything', async () => {
      const antes = { lista: await listaRows('a'), pivote: await pivoteRows('a') };
      const head = await uow.run(() => store.headPosition());
      await backend.dataSource.query('UPDATE projection_checkpoints SET posicion = 0');
      expect((await estado(RESERVAS_LISTA)).retraso).toBe(head);

      await runner.sync();
      expect({ lista: await listaRows('a'), pivote: await pivoteRows('a') }).toEqual(antes);
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ posicion: head, retraso: 0 });
      // every event was handed over twice, and applied once
      expect(lista.aplicados).toHaveLength(2 * (await todos()).length);
    });
  });

  describe('checkpoints and lag', () => {
    it('reports position, head and lag of each projection', async () => {
      await runner.start();
      expect(await runner.status()).toEqual([
        { nombre: RESERVAS_LISTA, posicion: 0, cabeza: 0, retraso: 0, copia_activa: 'a', reconstruyendo: false },
        { nombre: RESERVAS_PIVOTE, posicion: 0, cabeza: 0, retraso: 0, copia_activa: 'a', reconstruyendo: false },
      ]);

      await escribir(escenario());
      const head = await uow.run(() => store.headPosition());
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ posicion: 0, cabeza: head, retraso: head });
      expect(await listaRows('a')).toEqual([]);

      await runner.sync();
      for (const s of await runner.status()) expect(s).toMatchObject({ posicion: head, cabeza: head, retraso: 0 });
      expect(await reservasEn('a')).toEqual(await esperadas());
    });

    it('counts the lag in events of every stream, whether or not the projection handles their type', async () => {
      await escribir(escenario());
      await runner.start();
      const vistos = lista.aplicados.length;
      await uow.run(() => store.append('otra-cosa', 0, [{ tipo: 'AlgoAjeno', datos: {}, ocurrido_en: '2026-12-01T00:00:00.000Z' }]));
      expect((await estado(RESERVAS_LISTA)).retraso).toBe(1);
      await runner.sync();
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ retraso: 0 });
      expect(lista.aplicados).toHaveLength(vistos);
    });

    it('resumes after a restart from its checkpoint: old events are not handed over again', async () => {
      await escribir(escenario());
      await runner.start();
      await runner.stop();
      const vistos = lista.aplicados.length;
      expect(vistos).toBe((await todos()).length);

      const id = randomUUID();
      await escribir(new Map([[id, historia(id, 'cliente-4', '2026-12-04T10:00:00.000Z', ['pagar'])]]));
      const reiniciado = nuevoRunner();
      await reiniciado.start();
      expect(lista.aplicados.slice(vistos).map((e) => [e.streamId, e.version])).toEqual([
        [id, 1],
        [id, 2],
      ]);
      expect(await reservasEn('a')).toEqual(await esperadas());
    });

    it('keeps rows and checkpoint together: a failed batch leaves neither, and the next pass applies it', async () => {
      await escribir(escenario());
      const eventos = await todos();
      let fallar = true;
      lista.antes = (_ctx, lote) => {
        if (fallar && lote.some((e) => e.position === eventos[4].position)) {
          fallar = false;
          throw new Error('the database went away mid-batch');
        }
      };
      await runner.start();
      expect(errores).toEqual([expect.objectContaining({ message: 'the database went away mid-batch' })]);
      errores.length = 0;
      // the first batch (3 events) was committed with its checkpoint; the failed one left nothing
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ posicion: eventos[2].position });
      expect((await reservasEn('a')).map((r) => r.version)).toEqual([1, 1, 1]);

      await runner.sync();
      expect(await reservasEn('a')).toEqual(await esperadas());
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ retraso: 0 });
      expect(await estado(RESERVAS_PIVOTE)).toMatchObject({ retraso: 0 });
    });

    (concurrent ? it : it.skip)(
      'projects an event whose transaction was slower than a later append (appends commit in position order; MariaDB only: SQLite has one writer)',
      async () => {
        // Positions are auto-increment values taken at INSERT and visible at COMMIT. Were a slow
        // transaction to hold position p while a faster one committed p + 1, a pass could move the
        // checkpoint past p for good; the event store makes the faster append wait instead.
        const lento = randomUUID();
        const rapido = randomUUID();
        await runner.start();
        const escrito = latch();
        const soltar = latch();
        const transaccionLenta = uow.run(async () => {
          await store.append(lento, 0, historia(lento, 'cliente-l', '2026-12-01T10:00:00.000Z'));
          escrito.open();
          await soltar.wait;
        });
        await escrito.wait;
        const transaccionRapida = uow.run(() => store.append(rapido, 0, historia(rapido, 'cliente-r', '2026-12-01T10:00:01.000Z')));
        await runner.sync();
        expect(await reservasEn('a')).toEqual([]);
        soltar.open();
        await transaccionLenta;
        await transaccionRapida;
        await runner.sync();
        expect((await reservasEn('a')).map((r) => r.id).sort()).toEqual([lento, rapido].sort());
      },
    );
  });

  describe('rebuilding', () => {
    beforeEach(async () => {
      await escribir(escenario());
      await runner.start();
    });

    it('replays into the other copy, switches to it, and gives identical rows', async () => {
      const antes = await listaRows('a');
      await runner.rebuild(RESERVAS_LISTA).done;

      expect(await estado(RESERVAS_LISTA)).toMatchObject({ copia_activa: 'b', reconstruyendo: false, retraso: 0 });
      expect(await estado(RESERVAS_PIVOTE)).toMatchObject({ copia_activa: 'a' });
      expect(runner.tabla(RESERVAS_LISTA, RESERVAS_LISTA)).toBe('reservas_lista_b');
      expect(runner.tabla(RESERVAS_PIVOTE, RESERVAS_PIVOTE)).toBe('reservas_pivote_a');
      expect(await listaRows('b')).toEqual(antes);
    });

    it('switches back to the first copy on a second rebuild, still identical, and survives a restart', async () => {
      const antes = await listaRows('a');
      await runner.rebuild(RESERVAS_LISTA).done;
      await runner.rebuild(RESERVAS_LISTA).done;
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ copia_activa: 'a' });
      expect(await listaRows('a')).toEqual(antes);

      await runner.rebuild(RESERVAS_PIVOTE).done;
      const antesPivote = await pivoteRows('a');
      await runner.stop();
      const reiniciado = nuevoRunner();
      await reiniciado.start();
      expect(reiniciado.tabla(RESERVAS_PIVOTE, RESERVAS_PIVOTE)).toBe('reservas_pivote_b');
      expect(await pivoteRows('b')).toEqual(antesPivote);
    });

    it('empties the idle copy first: stale rows there do not survive a rebuild', async () => {
      const antes = await listaRows('a');
      await backend.dataSource.query(
        "INSERT INTO reservas_lista_b (id, id_cliente, estado, itinerarios, monto, moneda, fecha_creacion, fecha_actualizacion, version) VALUES ('zz-basura', 'c', 'PENDIENTE', '[]', 1, 'COP', 'x', 'x', 1)",
      );
      await runner.rebuild(RESERVAS_LISTA).done;
      expect(await listaRows('b')).toEqual(antes);
    });

    it('refuses a second rebuild of the same projection while one runs (409) and an unknown name (404)', async () => {
      const { done } = runner.rebuild(RESERVAS_LISTA);
      expect(runner.isRebuilding(RESERVAS_LISTA)).toBe(true);
      expect(() => runner.rebuild(RESERVAS_LISTA)).toThrow(
        expect.objectContaining({ code: 'PROYECCION.YA_EN_RECONSTRUCCION', kind: 'CONFLICTO' }),
      );
      expect(() => runner.rebuild('no_existe')).toThrow(
        expect.objectContaining({ code: 'PROYECCION.NO_ENCONTRADA', kind: 'NO_ENCONTRADO' }),
      );
      expect((await runner.status()).map((s) => [s.nombre, s.reconstruyendo])).toEqual([
        [RESERVAS_LISTA, true],
        [RESERVAS_PIVOTE, false],
      ]);
      await done;
      expect(runner.isRebuilding(RESERVAS_LISTA)).toBe(false);
      await expect(runner.rebuild(RESERVAS_LISTA).done).resolves.toBeUndefined();
    });

    it('ends up with the events appended during the rebuild in the rebuilt copy, while reads stay on the live one', async () => {
      const ids = [...escenario().keys()];
      const nueva = randomUUID();
      const pendiente = historia(ids[3], 'cliente-2', '2026-12-01T09:00:00.000Z', ['pagar', 'confirmar']).slice(1);
      let escritura: Promise<void> | undefined;
      let mientras: { rebuilding: boolean; tabla: string } | undefined;

      lista.antes = async (ctx) => {
        if (escritura || !ctx.tabla(RESERVAS_LISTA).endsWith('_b')) return;
        // First batch of the rebuild: new events arrive (a new reserva, and a pending one moves on).
        escritura = (async () => {
          await escribir(new Map([[nueva, historia(nueva, 'cliente-5', '2026-12-06T10:00:00.000Z', ['cancelar'])]]));
          await uow.run(() => store.append(ids[3], 1, pendiente));
          mientras = { rebuilding: runner.isRebuilding(RESERVAS_LISTA), tabla: runner.tabla(RESERVAS_LISTA, RESERVAS_LISTA) };
          await runner.wake();
        })();
        // On MariaDB they commit side by side with this batch; SQLite's unit of work runs them next.
        if (concurrent) await escritura;
      };

      await runner.rebuild(RESERVAS_LISTA).done;
      await escritura;
      expect(mientras).toEqual({ rebuilding: true, tabla: 'reservas_lista_a' });
      await runner.sync();

      const reconstruidas = await reservasEn('b');
      expect(reconstruidas).toEqual(await esperadas());
      expect(reconstruidas.map((r) => r.id)).toContain(nueva);
      expect(reconstruidas.find((r) => r.id === ids[3])).toMatchObject({ estado: 'CONFIRMADA', version: 3 });
      expect(await estado(RESERVAS_LISTA)).toMatchObject({ copia_activa: 'b', retraso: 0 });
    });
  });
}

describe('reservas projections on SQLite', () => {
  projectionsSuite(openSqlite, false);
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('reservas projections on MariaDB', () => {
    projectionsSuite(() => openMariadb(MYSQL_URL), true);
  });
} else {
  describe.skip('reservas projections on MariaDB (skipped: MYSQL_URL not set)', () => {
    projectionsSuite(() => Promise.reject(new Error('MYSQL_URL not set')), true);
  });
}
