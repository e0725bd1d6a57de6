import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { envelope, type Envelope, openDataSource, parseDatabaseUrl, SqlMessageBroker } from '#seedwork';
import { eventually } from '#seedwork/testing';
import { TestDatabases } from '../support/databases.js';
import { ServiceProcess } from '../support/service-process.js';

// Crash tests with real processes: a consumer killed with SIGKILL at the worst instants loses
// nothing and does nothing twice. Runs on SQLite, and on MariaDB/MySQL when MYSQL_URL is set.
const MESSAGES = 10;
const CLAVES = ['k0', 'k1', 'k2', 'k3', 'k4'];

describe(`messaging under crashes (${process.env.MYSQL_URL ? 'MySQL/MariaDB' : 'SQLite'})`, () => {
  let dbs: TestDatabases;
  let broker: SqlMessageBroker;
  let worker: ServiceProcess | undefined;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    dbs = new TestDatabases();
    env = { ...dbs.envFor(['contador']), BROKER_LEASE_MS: '600', BROKER_RETRY_BASE_MS: '20', BROKER_MAX_ATTEMPTS: '3', LOG_LEVEL: 'info' };
    broker = await SqlMessageBroker.open(parseDatabaseUrl(env.BROKER_DATABASE_URL, dbs.dataDir, 'broker'));
  });

  afterEach(async () => {
    await worker?.stop('SIGKILL');
    worker = undefined;
    await broker.close();
    await dbs.dispose();
  });

  function incrementar(i: number, payload: object = { clave: CLAVES[i % CLAVES.length] }, type = 'Incrementar'): Envelope {
    return envelope({ type, payload, source: 'test', correlationId: `c-${i}` });
  }

  async function workerDatabase(): Promise<DataSource> {
    return openDataSource({ target: parseDatabaseUrl(env.CONTADOR_DATABASE_URL, dbs.dataDir, 'contador') });
  }

  async function published(topic: string): Promise<Envelope[]> {
    const seen: Envelope[] = [];
    await broker.readFromEarliest(topic, async (e) => void seen.push(e));
    return seen;
  }

  for (const crashAt of ['after-commit', 'before-publish'] as const) {
    it(`handles every message exactly once in effect when the consumer is killed ${crashAt.replace('-', ' ')}`, async () => {
      const commands = Array.from({ length: MESSAGES }, (_, i) => incrementar(i));
      await broker.publish('comandos-contador', commands);
      const marker = join(dbs.dataDir, 'crashed');
      worker = new ServiceProcess({
        entry: 'dist/test/fixtures/contador-worker.js',
        name: 'contador',
        env: { ...env, CRASH_AT: crashAt, CRASH_ON: '4', CRASH_MARKER: marker },
      });
      // It may die before it even listens: its consumers start first.
      expect(await worker.launch()).toBeNull(); // killed by SIGKILL
      expect(existsSync(marker)).toBe(true);

      await worker.start();
      const db = await workerDatabase();
      try {
        await eventually(async () => {
          const [{ total }] = await db.query<Array<{ total: number }>>('SELECT COALESCE(SUM(valor), 0) AS total FROM contador');
          expect(Number(total)).toBe(MESSAGES);
        }, 20000);
        await eventually(async () => {
          const events = await published('eventos-contador');
          expect(new Set(events.map((e) => e.causationId))).toEqual(new Set(commands.map((c) => c.id)));
        }, 10000);
        const rows = await db.query<Array<{ clave: string; valor: number }>>('SELECT clave, valor FROM contador ORDER BY clave');
        expect(rows.map((r) => [r.clave, Number(r.valor)])).toEqual(CLAVES.map((k) => [k, MESSAGES / CLAVES.length]));
        const inbox = await db.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM inbox');
        expect(Number(inbox[0].n)).toBe(MESSAGES);
        // Published rows are deleted together, within the relay's next sweep (a second).
        await eventually(async () => {
          const outbox = await db.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM outbox');
          expect(Number(outbox[0].n)).toBe(0);
        }, 5000);
      } finally {
        await db.destroy();
      }
    }, 60000);
  }

  it('dead-letters unknown and invalid messages with their reason and keeps handling the ones behind them', async () => {
    const unknown = incrementar(0, { clave: 'k0' }, 'Desconocido');
    const invalid = incrementar(0, { clave: 42 });
    const valid = incrementar(0);
    await broker.publish('comandos-contador', [unknown, invalid, valid]);
    worker = new ServiceProcess({ entry: 'dist/test/fixtures/contador-worker.js', name: 'contador', env });
    await worker.start();
    await eventually(async () => {
      const dead = (await published('comandos-contador-DLQ')) as Array<Envelope & { deadLetter: { reason: string } }>;
      expect(dead.map((d) => [d.id, d.deadLetter.reason])).toEqual([
        [unknown.id, expect.stringContaining('unknown message type "Desconocido"')],
        [invalid.id, expect.stringContaining('clave')],
      ]);
    }, 15000);
    await eventually(async () => {
      const events = await published('eventos-contador');
      expect(events.map((e) => e.causationId)).toEqual([valid.id]);
    }, 15000);
  }, 60000);
});
