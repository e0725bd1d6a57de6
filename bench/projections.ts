// npm run bench:projections — rebuilding the read side from the event store: 100,000 events
// (25,000 reservas × 4 events) replayed into the idle copy of each projection, on SQLite and on
// MariaDB when one answers. Prints rebuild time and events/s per projection.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEventStoreTables1795400000200,
  CreateMessagingTables1795400000000,
  CreateProjectionTables1795400000300,
  type DatabaseTarget,
  EventStore,
  openDataSource,
  parseDatabaseUrl,
  ProjectionRunner,
  UnitOfWork,
} from '#seedwork';
import { PivoteProjection } from '../apps/aeroalpes/src/reservas/projections/pivote.projection.js';
import { ReservasListaProjection } from '../apps/aeroalpes/src/reservas/projections/reservas-lista.projection.js';
import { CreateReservasProjections1795400001100 } from '../apps/aeroalpes/src/reservas/projections/create-projection-tables.js';
import { dropDatabase, mysqlServer, table, withDatabase } from './support.js';

const RESERVAS = Number(process.env.BENCH_RESERVAS ?? 25000);
const ROWS_PER_INSERT = 250;

function eventsOf(i: number): Array<[string, number, string, string, string]> {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const day = new Date(Date.UTC(2026, 11, 1 + (i % 28), 8, 0, 0, i % 1000));
  const at = (m: number) => new Date(day.getTime() + m * 60000).toISOString();
  const leg = {
    fecha_salida: '2026-12-20T10:00:00Z',
    fecha_llegada: '2026-12-20T11:05:00Z',
    origen: { codigo: 'BOG', nombre: 'El Dorado' },
    destino: { codigo: 'MDE', nombre: 'JMC' },
  };
  const creada = {
    id_reserva: id,
    id_cliente: '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f',
    itinerarios: [{ odos: [{ segmentos: [{ legs: [leg] }] }] }],
    monto: 450000,
    moneda: 'COP',
  };
  const last = i % 5 === 0 ? ['ReservaCancelada', { motivo: 'SAGA_COMPENSADA' }] : ['ReservaAprobada', {}];
  return [
    [id, 1, 'ReservaCreada', JSON.stringify(creada), at(0)],
    [id, 2, 'ReservaPagada', JSON.stringify({ id_pago: `p${i}` }), at(1)],
    [id, 3, 'ReservaConfirmada', JSON.stringify({ localizador: 'ABC123' }), at(2)],
    [id, 4, last[0] as string, JSON.stringify(last[1]), at(3)],
  ];
}

async function measure(name: string, target: DatabaseTarget) {
  const ds = await openDataSource({
    target,
    migrations: [
      CreateMessagingTables1795400000000,
      CreateEventStoreTables1795400000200,
      CreateProjectionTables1795400000300,
      CreateReservasProjections1795400001100,
    ],
  });
  const uow = new UnitOfWork(ds);
  const seeded = performance.now();
  let rows: Array<[string, number, string, string, string]> = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const values = rows.map(() => '(?, ?, ?, 1, ?, ?, ?)').join(', ');
    await ds.query(
      `INSERT INTO event_store (stream_id, version, type, schema_version, data, metadata, occurred_at) VALUES ${values}`,
      rows.flatMap(([s, v, t, d, o]) => [s, v, t, d, '{}', o]),
    );
    rows = [];
  };
  await ds.transaction(async () => {
    for (let i = 0; i < RESERVAS; i += 1) {
      rows.push(...eventsOf(i));
      if (rows.length >= ROWS_PER_INSERT) await flush();
    }
    await flush();
  });
  const events = RESERVAS * 4;
  console.log(`${name}: ${events} events seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const runner = new ProjectionRunner(uow, new EventStore(uow), [new ReservasListaProjection(), new PivoteProjection()], {
    batchSize: 1000,
    pollMs: 3_600_000,
    onError: (e) => console.error(e),
  });
  const out = [];
  for (const projection of ['reservas_lista', 'reservas_pivote']) {
    const started = performance.now();
    await runner.rebuild(projection).done;
    const seconds = (performance.now() - started) / 1000;
    out.push({ database: name, projection, events, 'rebuild (s)': seconds.toFixed(2), 'events/s': Math.round(events / seconds) });
  }
  await runner.stop();
  await ds.destroy();
  return out;
}

console.log(`bench:projections — ${RESERVAS * 4} events; node ${process.version}`);
const dir = mkdtempSync(join(tmpdir(), 'bench-projections-'));
const results = [...(await measure('SQLite', { kind: 'sqlite', file: join(dir, 'aeroalpes.sqlite') }))];
const mysqlUrl = await mysqlServer();
if (mysqlUrl) {
  const database = `bench_projections_${Date.now().toString(36)}`;
  try {
    results.push(...(await measure('MariaDB/MySQL', parseDatabaseUrl(withDatabase(mysqlUrl, database), dir, 'x'))));
  } finally {
    await dropDatabase(mysqlUrl, database);
  }
} else {
  console.log('MariaDB/MySQL: none answers (set MYSQL_URL); measuring SQLite only');
}
console.log(table(results));
rmSync(dir, { recursive: true, force: true });
