// npm run bench:saga — reservas through HTTP, POST → saga in a terminal state, with the five
// services as real processes on the embedded defaults (and on MariaDB when one answers).
//   sustained: N reservas at concurrency C (after a warm-up); completed sagas/s and latency p50/p95/p99
//   paced:     R reservas/s for D seconds; latency p50/p95/p99
import { Api, solicitud } from '../test/support/api.js';
import { Suite } from '../test/support/suite.js';
import { BenchHttp } from './http-client.js';
import { mysqlServer, percentile, table } from './support.js';

const N = Number(process.env.BENCH_SAGAS ?? 1000);
const C = Number(process.env.BENCH_CONCURRENCY ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_S = Number(process.env.BENCH_WARM_UP_SECONDS ?? 10);
/** A saga takes about this long on an idle machine: the earliest first look; the next ones this often. */
const FIRST_LOOK_MS = 100;
const LOOK_EVERY_MS = 50;
/** How many recent latencies the first look's timing is taken from. */
const RECENT = 100;
const TERMINAL = new Set(['COMPLETADA', 'COMPENSADA', 'FALLIDA']);

interface Result {
  /** From just before the POST to the saga's `terminada_en` (same machine, same clock). */
  ms: number;
  /** When the saga ended, epoch ms. */
  at: number;
  estado: string;
  /** `GET /sagas/{id}` made until the saga was seen terminal. */
  looks: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When to look first: at the median of the latest sagas' latencies (at least FIRST_LOOK_MS), so
 * that a saga is mostly seen ended at the first or second look. Each look is a request that costs
 * aeroalpes, the busiest service, about 0.7 ms of CPU (0.3 ms of it HTTP): looking from 100 ms on
 * every 50 ms took 1.7 to 2 looks per saga at 150 sagas/s.
 */
class FirstLook {
  private readonly recent: number[] = [];

  get ms(): number {
    const sorted = [...this.recent].sort((a, b) => a - b);
    return sorted.length === 0 ? FIRST_LOOK_MS : Math.max(FIRST_LOOK_MS, percentile(sorted, 50));
  }

  observed(ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > RECENT) this.recent.shift();
  }
}

/**
 * One reserva: POST, then `GET /sagas/{id}` until the saga is terminal. Latency is taken from the
 * saga's own `terminada_en`, not from when a look noticed it, so the looks can be sparse: each
 * costs aeroalpes CPU that the sagas being measured need (the table prints how many were made).
 */
async function oneSaga(http: BenchHttp, aeroalpes: string, body: object, firstLook: FirstLook): Promise<Result> {
  const started = Date.now();
  const created = await http.post<{ id_saga: string }>(`${aeroalpes}/reservas`, body);
  if (created.status !== 202) throw new Error(`POST /reservas answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { id_saga } = created.body;
  await sleep(started + firstLook.ms - Date.now());
  for (let looks = 1; ; looks += 1) {
    const { body: saga } = await http.get<{ estado: string; terminada_en: string | null }>(`${aeroalpes}/sagas/${id_saga}`);
    if (TERMINAL.has(saga.estado) && saga.terminada_en) {
      const at = Date.parse(saga.terminada_en);
      firstLook.observed(at - started);
      return { ms: at - started, at, estado: saga.estado, looks };
    }
    await sleep(LOOK_EVERY_MS);
  }
}

/**
 * Sagas completed per second: every saga that ended from `startedAt` to the last end, over that
 * time (`ended`, the results themselves unless given: the sustained run also counts the sagas of
 * the warm-up still running when it starts, which end in its window). Latency: of `results`.
 */
function summary(label: string, results: Result[], startedAt: number, ended: Result[] = results) {
  const inWindow = ended.filter((r) => r.at >= startedAt);
  const seconds = (Math.max(...inWindow.map((r) => r.at)) - startedAt) / 1000;
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    run: label,
    sagas: results.length,
    completed: results.filter((r) => r.estado === 'COMPLETADA').length,
    'sagas/s': (inWindow.length / seconds).toFixed(1),
    'p50 (ms)': Math.round(percentile(sorted, 50)),
    'p95 (ms)': Math.round(percentile(sorted, 95)),
    'p99 (ms)': Math.round(percentile(sorted, 99)),
    // What the observer cost: each look is an HTTP request to aeroalpes, the busiest service.
    'looks/saga': (results.reduce((sum, r) => sum + r.looks, 0) / results.length).toFixed(1),
  };
}

async function measure(label: string): Promise<Array<Record<string, string | number>>> {
  const suite = new Suite(undefined, { LOG_LEVEL: 'info' });
  await suite.start();
  const http = new BenchHttp(Math.max(C, RATE));
  try {
    const api = new Api(suite);
    const aeroalpes = suite.url('aeroalpes');
    const clientes = await Promise.all(Array.from({ length: 10 }, () => api.registrarCliente()));
    await api.fijarCupos('BOG', 'MDE', '2026-12-20', 1_000_000);
    const body = (i: number) => solicitud(clientes[i % clientes.length].id, { fecha: '2026-12-20' });
    // One closed loop of C clients. For the first WARM_UP_S seconds its sagas are left out: the
    // services start cold (connections, caches, the JIT: here the rate climbs for about 8 s), and
    // the figures are of the steady state. The warm-up's own figures are printed too.
    const warmUntil = Date.now() + WARM_UP_S * 1000;
    const warmUp: Result[] = [];
    const closedLoop = new FirstLook();
    const sustained: Result[] = [];
    let measuring = 0;
    let started = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: C }, async (_, client) => {
        for (let i = client; ; i += C) {
          const warming = Date.now() < warmUntil;
          if (!warming && measuring++ >= N) return;
          if (!warming && started === 0) started = Date.now();
          const result = await oneSaga(http, aeroalpes, body(i), closedLoop);
          (warming ? warmUp : sustained).push(result);
        }
      }),
    );

    const paced: Array<Promise<Result>> = [];
    const pacedLook = new FirstLook();
    const pacedFrom = Date.now();
    for (let i = 0; i < RATE * SECONDS; i += 1) {
      const wait = pacedFrom + (i * 1000) / RATE - Date.now();
      if (wait > 0) await sleep(wait);
      paced.push(oneSaga(http, aeroalpes, body(i), pacedLook));
    }
    const pacedResults = await Promise.all(paced);
    return [
      ...(warmUp.length > 0 ? [summary(`${label}, warm-up: the first ${WARM_UP_S} s at concurrency ${C} (left out)`, warmUp, t0)] : []),
      summary(`${label}, ${N} at concurrency ${C}`, sustained, started, [...warmUp, ...sustained]),
      summary(`${label}, ${RATE}/s offered for ${SECONDS} s`, pacedResults, pacedFrom),
    ];
  } finally {
    http.close();
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
