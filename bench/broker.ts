// npm run bench:broker — the SQL message log: publish → handled (through the inbox and the unit of
// work, as the services handle messages) on SQLite and on MariaDB when one answers.
//   throughput: a backlog of N messages, drained by one consumer
//   latency:    R messages/s for D seconds from another connection; send → handled, p50/p99
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CreateMessagingTables1795400000000,
  envelope,
  openDataSource,
  parseDatabaseUrl,
  recordInInbox,
  SqlMessageBroker,
  UnitOfWork,
  type DatabaseTarget,
} from '#seedwork';
import { dropDatabase, mysqlServer, percentile, table, withDatabase } from './support.js';

const N = Number(process.env.BENCH_MESSAGES ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Backend {
  name: string;
  service: DatabaseTarget;
  brokerUrl?: string;
  cleanup(): Promise<void>;
}

async function measure(backend: Backend, dataDir: string) {
  const dataSource = await openDataSource({ target: backend.service, migrations: [CreateMessagingTables1795400000000] });
  await dataSource.query('CREATE TABLE IF NOT EXISTS bench_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
  await dataSource.query('DELETE FROM bench_counter');
  await dataSource.query('INSERT INTO bench_counter (id, n) VALUES (1, 0)');
  const uow = new UnitOfWork(dataSource);
  const broker = await SqlMessageBroker.open(parseDatabaseUrl(backend.brokerUrl, dataDir, 'broker'));

  // throughput: drain a backlog
  const backlog = Array.from({ length: N }, (_, i) =>
    envelope({ type: 'Medido', payload: { n: i }, source: 'bench', correlationId: `c${i % 64}` }),
  );
  for (let i = 0; i < backlog.length; i += 500) await broker.publish('bench-throughput', backlog.slice(i, i + 500));
  let handled = 0;
  let drained!: () => void;
  const done = new Promise<void>((r) => (drained = r));
  const started = performance.now();
  const sub = await broker.subscribe({ topic: 'bench-throughput', subscription: 'bench' }, async ({ envelope: e }) => {
    await uow.run(async (tx) => {
      if (!(await recordInInbox(tx, 'bench', e))) return;
      await tx.manager.query('UPDATE bench_counter SET n = n + 1 WHERE id = 1');
    });
    handled += 1;
    if (handled === N) drained();
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await sub.close();

  // latency: a steady rate from another connection
  const latencies: number[] = [];
  const sub2 = await broker.subscribe({ topic: 'bench-latency', subscription: 'bench' }, async ({ envelope: e }) => {
    await uow.run(async (tx) => {
      if (!(await recordInInbox(tx, 'bench', e))) return;
      await tx.manager.query('UPDATE bench_counter SET n = n + 1 WHERE id = 1');
    });
    latencies.push(Date.now() - (e.payload as { sent: number }).sent);
  });
  const total = await new Promise<number>((resolve, reject) => {
    const worker = new Worker(new URL('./broker-publisher.js', import.meta.url), {
      workerData: { url: backend.brokerUrl, dataDir, topic: 'bench-latency', rate: RATE, seconds: SECONDS },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const deadline = Date.now() + 10000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await sub2.close();
  await broker.close();
  await dataSource.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    backend: backend.name,
    'throughput (msg/s)': Math.round(N / seconds),
    [`latency @${RATE}/s p50 (ms)`]: percentile(sorted, 50),
    'p99 (ms)': percentile(sorted, 99),
    handled: `${latencies.length}/${total}`,
  };
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'bench-broker-'));
const backends: Backend[] = [
  { name: 'sql on SQLite', service: { kind: 'sqlite', file: join(dir, 'service.sqlite') }, cleanup: async () => undefined },
];
const mysqlUrl = await mysqlServer();
if (mysqlUrl) {
  const suffix = Date.now().toString(36);
  const serviceUrl = withDatabase(mysqlUrl, `bench_service_${suffix}`);
  const brokerUrl = withDatabase(mysqlUrl, `bench_broker_${suffix}`);
  backends.push({
    name: 'sql on MariaDB/MySQL',
    service: parseDatabaseUrl(serviceUrl, dir, 'service'),
    brokerUrl,
    cleanup: async () => {
      await dropDatabase(mysqlUrl, `bench_service_${suffix}`);
      await dropDatabase(mysqlUrl, `bench_broker_${suffix}`);
    },
  });
} else {
  console.log('MariaDB/MySQL: none answers (set MYSQL_URL); measuring SQLite only');
}
console.log(`bench:broker — ${N} messages backlog; ${RATE} msg/s for ${SECONDS} s; node ${process.version}`);
for (const backend of backends) {
  try {
    rows.push(await measure(backend, dir));
  } finally {
    await backend.cleanup();
  }
}
console.log(table(rows));
rmSync(dir, { recursive: true, force: true });
