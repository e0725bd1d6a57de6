// npm run bench:saga — reservas through HTTP, POST → saga in a terminal state, with the five
// services as real processes on the embedded defaults (and on MariaDB when one answers).
//   sustained: N reservas at concurrency C; completed sagas/s and latency p50/p95/p99
//   paced:     R reservas/s for D seconds; latency p50/p95/p99
import { Api, solicitud } from '../test/support/api.js';
import { Suite } from '../test/support/suite.js';
import { mysqlServer, percentile, table } from './support.js';

const N = Number(process.env.BENCH_SAGAS ?? 600);
const C = Number(process.env.BENCH_CONCURRENCY ?? 25);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TERMINAL = new Set(['COMPLETADA', 'COMPENSADA', 'FALLIDA']);

async function oneSaga(api: Api, body: object): Promise<{ ms: number; estado: string }> {
  const started = performance.now();
  const { id_saga } = await api.crearReserva(body);
  for (let wait = 5; ; wait = Math.min(wait * 2, 50)) {
    const { body: saga } = await api.get<{ estado: string }>('aeroalpes', `/sagas/${id_saga}`);
    if (TERMINAL.has(saga.estado)) return { ms: performance.now() - started, estado: saga.estado };
    await new Promise((r) => setTimeout(r, wait));
  }
}

function summary(label: string, results: Array<{ ms: number; estado: string }>, seconds: number) {
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    run: label,
    sagas: results.length,
    completed: results.filter((r) => r.estado === 'COMPLETADA').length,
    'sagas/s': (results.length / seconds).toFixed(1),
    'p50 (ms)': Math.round(percentile(sorted, 50)),
    'p95 (ms)': Math.round(percentile(sorted, 95)),
    'p99 (ms)': Math.round(percentile(sorted, 99)),
  };
}

async function measure(label: string): Promise<Array<Record<string, string | number>>> {
  const suite = new Suite(undefined, { LOG_LEVEL: 'info' });
  await suite.start();
  try {
    const api = new Api(suite);
    const clientes = await Promise.all(Array.from({ length: 10 }, () => api.registrarCliente()));
    await api.fijarCupos('BOG', 'MDE', '2026-12-20', 1_000_000);
    const body = (i: number) => solicitud(clientes[i % clientes.length].id, { fecha: '2026-12-20' });
    // warm-up
    await Promise.all(Array.from({ length: 20 }, (_, i) => oneSaga(api, body(i))));

    const sustained: Array<{ ms: number; estado: string }> = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (next < N) {
          const i = next++;
          sustained.push(await oneSaga(api, body(i)));
        }
      }),
    );
    const sustainedSeconds = (performance.now() - started) / 1000;

    const paced: Array<Promise<{ ms: number; estado: string }>> = [];
    const t0 = performance.now();
    for (let i = 0; i < RATE * SECONDS; i += 1) {
      const wait = t0 + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      paced.push(oneSaga(api, body(i)));
    }
    const pacedResults = await Promise.all(paced);
    // Completed per second from the first POST to the last saga done (not the offered rate).
    const pacedSeconds = (performance.now() - t0) / 1000;
    return [
      summary(`${label}, ${N} at concurrency ${C}`, sustained, sustainedSeconds),
      summary(`${label}, ${RATE}/s offered for ${SECONDS} s`, pacedResults, pacedSeconds),
    ];
  } finally {
    await suite.stop();
  }
}

console.log(`bench:saga — five services as processes; node ${process.version}`);
// The SQLite run must not see MYSQL_URL (the test harness would put the services on it).
const mysqlUrl = process.env.BENCH_SQLITE_ONLY ? undefined : await mysqlServer();
delete process.env.MYSQL_URL;
const rows = [...(await measure('SQLite + SQL log'))];
console.log(table(rows));
if (mysqlUrl) {
  process.env.MYSQL_URL = mysqlUrl;
  rows.push(...(await measure('MariaDB + SQL log on MariaDB')));
  console.log(table(rows));
} else {
  console.log('MariaDB/MySQL: not measured (none answers on MYSQL_URL or 127.0.0.1:3306, or BENCH_SQLITE_ONLY is set)');
}
