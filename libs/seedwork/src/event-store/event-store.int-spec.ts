import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../domain/domain-error.js';
import { type DomainEvent, domainEvent } from '../domain/domain-event.js';
import { CreateMessagingTables1795400000000 } from '../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import { CreateEventStoreTables1795400000200 } from './create-event-store-tables.js';
import { ConcurrencyError, EventStore } from './event-store.js';
import { openTestDatabase } from '../testing/test-database.js';

const MIGRATIONS = [CreateMessagingTables1795400000000, CreateEventStoreTables1795400000200];

interface Backend {
  dataSource: DataSource;
  /** MariaDB runs transactions side by side; SQLite's unit of work runs them one at a time. */
  concurrent: boolean;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Backend> {
  return { ...(await openTestDatabase('event_store', MIGRATIONS)), concurrent: false };
}

async function openMariadb(baseUrl: string): Promise<Backend> {
  return { ...(await openTestDatabase('event_store', MIGRATIONS, baseUrl)), concurrent: true };
}

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, second));
const evento = (tipo: string, n: number, second = n): DomainEvent => domainEvent(tipo, { n }, at(second));

/** A promise and the function that resolves it: lets two transactions meet at a point. */
function latch(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

function eventStoreSuite(open: () => Promise<Backend>): void {
  let backend: Backend;
  let uow: UnitOfWork;
  let store: EventStore;
  let stream: string;

  const append = (id: string, expected: number, events: DomainEvent[], metadata?: Record<string, unknown>) =>
    uow.run(() => store.append(id, expected, events, metadata));
  const read = (id: string, until?: Date) => uow.run(() => store.read(id, until));
  const readAll = (after: number, limit: number) => uow.run(() => store.readAll(after, limit));
  const version = (id: string) => uow.run(() => store.version(id));
  const head = () => uow.run(() => store.headPosition());

  beforeAll(async () => {
    backend = await open();
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(() => {
    uow = new UnitOfWork(backend.dataSource);
    store = new EventStore(uow);
    stream = `reserva-${randomUUID()}`;
  });

  describe('append and read', () => {
    it('reads a stream that was never written as empty, at version 0', async () => {
      expect(await read(stream)).toEqual([]);
      expect(await version(stream)).toBe(0);
    });

    it('appends a new stream after version 0 and returns its new version', async () => {
      await expect(append(stream, 0, [evento('Creada', 1), evento('Pagada', 2)])).resolves.toBe(2);
      expect(await version(stream)).toBe(2);
    });

    it('reads the events back oldest first, numbered from 1, with their data, instant and metadata', async () => {
      await append(stream, 0, [evento('Creada', 1), evento('Pagada', 2)], { id_saga: 's-1' });
      await append(stream, 2, [evento('Confirmada', 3)], { id_saga: 's-2' });
      const events = await read(stream);
      expect(events.map((e) => ({ streamId: e.streamId, version: e.version, event: e.event, metadata: e.metadata }))).toEqual([
        {
          streamId: stream,
          version: 1,
          event: { tipo: 'Creada', datos: { n: 1 }, ocurrido_en: '2026-12-01T10:00:01.000Z' },
          metadata: { id_saga: 's-1' },
        },
        {
          streamId: stream,
          version: 2,
          event: { tipo: 'Pagada', datos: { n: 2 }, ocurrido_en: '2026-12-01T10:00:02.000Z' },
          metadata: { id_saga: 's-1' },
        },
        {
          streamId: stream,
          version: 3,
          event: { tipo: 'Confirmada', datos: { n: 3 }, ocurrido_en: '2026-12-01T10:00:03.000Z' },
          metadata: { id_saga: 's-2' },
        },
      ]);
    });

    it('keeps nested data, unicode and empty data intact', async () => {
      const datos = { itinerarios: [{ legs: [{ origen: { codigo: 'MDE', nombre: 'José María Córdova' } }] }], monto: 450000.5, vacio: [] };
      await append(stream, 0, [domainEvent('Creada', datos, at(1)), domainEvent('Aprobada', {}, at(2))]);
      expect((await read(stream)).map((e) => e.event.datos)).toEqual([datos, {}]);
    });

    it('appends nothing and keeps the version when given no events', async () => {
      await append(stream, 0, [evento('Creada', 1)]);
      await expect(append(stream, 1, [])).resolves.toBe(1);
      expect(await read(stream)).toHaveLength(1);
    });

    it('keeps streams apart', async () => {
      const otro = `reserva-${randomUUID()}`;
      await append(stream, 0, [evento('Creada', 1)]);
      await append(otro, 0, [evento('Creada', 2), evento('Pagada', 3)]);
      expect((await read(stream)).map((e) => e.version)).toEqual([1]);
      expect((await read(otro)).map((e) => e.version)).toEqual([1, 2]);
    });

    it('rolls the events back with the unit of work they were appended in', async () => {
      await uow
        .run(async () => {
          await store.append(stream, 0, [evento('Creada', 1)]);
          throw new Error('the command failed after appending');
        })
        .catch(() => undefined);
      expect(await read(stream)).toEqual([]);
      await expect(append(stream, 0, [evento('Creada', 1)])).resolves.toBe(1);
    });
  });

  describe('read until an instant (time travel)', () => {
    beforeEach(async () => {
      await append(stream, 0, [evento('Creada', 1, 10), evento('Pagada', 2, 20), evento('Confirmada', 3, 30)]);
    });

    it('keeps the events that occurred at or before the instant', async () => {
      expect((await read(stream, at(20))).map((e) => e.event.tipo)).toEqual(['Creada', 'Pagada']);
      expect((await read(stream, new Date(at(20).getTime() - 1))).map((e) => e.event.tipo)).toEqual(['Creada']);
      expect((await read(stream, at(29))).map((e) => e.version)).toEqual([1, 2]);
    });

    it('gives nothing before the first event and everything after the last', async () => {
      expect(await read(stream, at(9))).toEqual([]);
      expect(await read(stream, at(59))).toHaveLength(3);
    });
  });

  describe('global positions and readAll', () => {
    it('gives every event a position that grows in the order of appends, across streams', async () => {
      const otro = `reserva-${randomUUID()}`;
      await append(stream, 0, [evento('Creada', 1)]);
      await append(otro, 0, [evento('Creada', 2)]);
      await append(stream, 1, [evento('Pagada', 3), evento('Confirmada', 4)]);
      await append(otro, 1, [evento('Cancelada', 5)]);
      const positions = [...(await read(stream)), ...(await read(otro))].sort((a, b) => a.position - b.position);
      expect(positions.map((e) => `${e.streamId === stream ? 'uno' : 'otro'}:${e.version}`)).toEqual([
        'uno:1',
        'otro:1',
        'uno:2',
        'uno:3',
        'otro:2',
      ]);
      expect(new Set(positions.map((e) => e.position)).size).toBe(5);
    });

    it('reads every stream after a position, in position order, up to the limit', async () => {
      const desde = await head();
      const otro = `reserva-${randomUUID()}`;
      await append(stream, 0, [evento('Creada', 1)]);
      await append(otro, 0, [evento('Creada', 2), evento('Pagada', 3)]);
      await append(stream, 1, [evento('Pagada', 4)]);

      const todos = await readAll(desde, 100);
      expect(todos.map((e) => e.event.datos)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
      expect(todos.map((e) => e.position)).toEqual([...todos.map((e) => e.position)].sort((a, b) => a - b));
      expect(todos[0].position).toBeGreaterThan(desde);
      expect(await head()).toBe(todos.at(-1)!.position);

      const primeros = await readAll(desde, 3);
      expect(primeros).toEqual(todos.slice(0, 3));
      expect(await readAll(primeros.at(-1)!.position, 3)).toEqual(todos.slice(3));
      expect(await readAll(todos.at(-1)!.position, 3)).toEqual([]);
    });

    it('pages through the whole log without gaps or repeats', async () => {
      const desde = await head();
      for (let i = 0; i < 7; i += 1) await append(`reserva-${randomUUID()}`, 0, [evento('Creada', i), evento('Pagada', i)]);
      const leidos: number[] = [];
      for (let after = desde; ;) {
        const page = await readAll(after, 4);
        if (page.length === 0) break;
        leidos.push(...page.map((e) => e.position));
        after = page.at(-1)!.position;
      }
      expect(leidos).toHaveLength(14);
      expect(new Set(leidos).size).toBe(14);
      expect(leidos).toEqual([...leidos].sort((a, b) => a - b));
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses an append with a stale expected version with EVENT_STORE.CONFLICTO_DE_VERSION and appends nothing', async () => {
      await append(stream, 0, [evento('Creada', 1), evento('Pagada', 2)]);
      const error = await rejectionOf(append(stream, 1, [evento('Cancelada', 3)]));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'EVENT_STORE.CONFLICTO_DE_VERSION', kind: 'CONFLICTO' });
      expect((error as Error).message).toBe(`stream ${stream} is at version 2, expected 1`);
      expect((await read(stream)).map((e) => e.event.tipo)).toEqual(['Creada', 'Pagada']);
    });

    it('refuses an expected version ahead of the stream', async () => {
      await append(stream, 0, [evento('Creada', 1)]);
      await expect(append(stream, 3, [evento('Pagada', 2)])).rejects.toMatchObject({ code: 'EVENT_STORE.CONFLICTO_DE_VERSION' });
    });

    it('refuses to start a stream that already exists', async () => {
      await append(stream, 0, [evento('Creada', 1)]);
      await expect(append(stream, 0, [evento('Creada', 2)])).rejects.toBeInstanceOf(ConcurrencyError);
    });

    it('lets exactly one of two transactions that read the same version append; the other retries on fresh state', async () => {
      await append(stream, 0, [evento('Creada', 1)]);
      const bothRead = { a: latch(), b: latch() };
      const attempts = { a: 0, b: 0 };

      // Each run reads the version (the state it decides on), then appends after it.
      const decideAndAppend = (who: 'a' | 'b', tipo: string) =>
        uow.run(async () => {
          attempts[who] += 1;
          const seen = await store.version(stream);
          if (backend.concurrent) {
            // Both transactions are open and have read version 1 before either appends.
            bothRead[who].open();
            await Promise.all([bothRead.a.wait, bothRead.b.wait]);
          }
          return { seen, version: await store.append(stream, seen, [evento(tipo, 2)]) };
        });

      if (backend.concurrent) {
        const results = await Promise.allSettled([decideAndAppend('a', 'Pagada'), decideAndAppend('b', 'Cancelada')]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
        expect(lost[0].reason).toMatchObject({ code: 'EVENT_STORE.CONFLICTO_DE_VERSION' });
        expect(attempts).toEqual({ a: 1, b: 1 });
        expect((won[0] as PromiseFulfilledResult<{ seen: number; version: number }>).value).toEqual({ seen: 1, version: 2 });
      } else {
        // SQLite's unit of work runs the two one after the other: the second reads the first's
        // version and appends after it; deciding on the version read before the first ran conflicts.
        const stale = await version(stream);
        const [first, second] = await Promise.all([decideAndAppend('a', 'Pagada'), decideAndAppend('b', 'Confirmada')]);
        expect(first).toEqual({ seen: 1, version: 2 });
        expect(second).toEqual({ seen: 2, version: 3 });
        const error = await rejectionOf(uow.run(() => store.append(stream, stale, [evento('Cancelada', 9)])));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ code: 'EVENT_STORE.CONFLICTO_DE_VERSION' });
      }

      // The loser retries: it reads the stream again and appends after the winner's events.
      const retried = await uow.run(async () => store.append(stream, await store.version(stream), [evento('Aprobada', 10)]));
      const events = await read(stream);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: retried }, (_, i) => i + 1));
      expect(events.at(-1)!.event.tipo).toBe('Aprobada');
    });

    it('keeps versions contiguous when 10 writers race on one stream, each retrying on conflict', async () => {
      await append(stream, 0, [evento('Creada', 0)]);
      const conflicts: unknown[] = [];
      const writer = async (n: number) => {
        for (;;) {
          try {
            return await uow.run(async () => store.append(stream, await store.version(stream), [evento('Nota', n)]));
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts.push(error);
          }
        }
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => writer(i + 1)));
      const events = await read(stream);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect(new Set(events.slice(1).map((e) => (e.event.datos as { n: number }).n)).size).toBe(10);
      if (!backend.concurrent) expect(conflicts).toEqual([]);
    });
  });
}

describe('EventStore on SQLite', () => {
  eventStoreSuite(openSqlite);
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('EventStore on MariaDB', () => {
    eventStoreSuite(() => openMariadb(MYSQL_URL));
  });
} else {
  describe.skip('EventStore on MariaDB (skipped: MYSQL_URL not set)', () => {
    eventStoreSuite(() => Promise.reject(new Error('MYSQL_URL not set')));
  });
}
