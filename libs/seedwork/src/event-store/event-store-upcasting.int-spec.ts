import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { domainEvent } from '../domain/domain-event.js';
import { openDataSource } from '../persistence/data-source.js';
import { CreateMessagingTables1795400000000 } from '../persistence/migrations/create-messaging-tables.js';
import { UnitOfWork } from '../persistence/unit-of-work.js';
import { CreateEventStoreTables1795400000200 } from './create-event-store-tables.js';
import { ConcurrencyError, EventStore, retryOnConflict, type Upcasters } from './event-store.js';

// Schema evolution and conflict retries of the event store, on a real SQLite file.
describe('event store: upcasting and retries on conflict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-upcasting-'));
  let ds: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    ds = await openDataSource({
      target: { kind: 'sqlite', file: join(dir, 'es.sqlite') },
      migrations: [CreateMessagingTables1795400000000, CreateEventStoreTables1795400000200],
    });
    uow = new UnitOfWork(ds);
  });

  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  // v1 of ReservaCancelada had no motivo; v2 added it; v3 renamed it to causa.
  const upcasters: Upcasters = {
    ReservaCancelada: [(d) => ({ ...d, motivo: d.motivo ?? 'DESCONOCIDO' }), ({ motivo, ...rest }) => ({ ...rest, causa: motivo })],
  };

  it('reads an event written with an older schema at the current schema', async () => {
    await uow.run(() => new EventStore(uow).append('r-old', 0, [domainEvent('ReservaCancelada', {})]));
    const [stored] = await uow.run(() => new EventStore(uow, upcasters).read('r-old'));
    expect(stored.event.datos).toEqual({ causa: 'DESCONOCIDO' });
  });

  it('stores new events with their type current schema version and reads them unchanged', async () => {
    const store = new EventStore(uow, upcasters);
    await uow.run(() =>
      store.append('r-new', 0, [domainEvent('ReservaCancelada', { causa: 'SAGA_COMPENSADA' }), domainEvent('ReservaAprobada', {})]),
    );
    const rows = await ds.query<Array<{ type: string; schema_version: number }>>(
      "SELECT type, schema_version FROM event_store WHERE stream_id = 'r-new' ORDER BY version",
    );
    expect(rows.map((r) => [r.type, Number(r.schema_version)])).toEqual([
      ['ReservaCancelada', 3],
      ['ReservaAprobada', 1],
    ]);
    const [cancelada] = await uow.run(() => store.read('r-new'));
    expect(cancelada.event.datos).toEqual({ causa: 'SAGA_COMPENSADA' });
  });

  it('runs a command again on fresh state when its stream moved in between', async () => {
    const store = new EventStore(uow);
    await uow.run(() => store.append('r-race', 0, [domainEvent('ReservaCreada', {})]));
    let attempts = 0;
    await retryOnConflict(uow, async () => {
      attempts += 1;
      // The first attempt works from a version read before another command appended (stale).
      const version = attempts === 1 ? 0 : await store.version('r-race');
      await store.append('r-race', version, [domainEvent('ReservaCancelada', {})]);
    });
    expect(attempts).toBe(2);
    expect((await uow.run(() => store.read('r-race'))).map((e) => e.event.tipo)).toEqual(['ReservaCreada', 'ReservaCancelada']);
  });

  it('does not retry inside an outer transaction: the conflict fails the delivery', async () => {
    const store = new EventStore(uow);
    await uow.run(() => store.append('r-outer', 0, [domainEvent('ReservaCreada', {})]));
    let attempts = 0;
    await expect(
      uow.run(() =>
        retryOnConflict(uow, async () => {
          attempts += 1;
          await store.append('r-outer', 0, [domainEvent('ReservaCreada', {})]);
        }),
      ),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(attempts).toBe(1);
  });
});
