import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { type DatabaseTarget, parseDatabaseUrl, redact } from '../../persistence/database-url.js';
import { describeBrokerContract } from '../../testing/index.js';
import { probe, readAll, uniqueTopic } from '../../testing/broker-fixture.js';
import { eventually } from '../../testing/eventually.js';
import type { Delivery } from '../message-broker.js';
import type { SqlBrokerOptions } from './sql-broker-options.js';
import { SqlMessageBroker } from './sql-message-broker.js';

// Short lease and backoff so abandoned consumers and retries resolve in well under a second.
const OPTIONS: Partial<SqlBrokerOptions> = { leaseMs: 500, pollMs: 10, retryBaseMs: 20, maxAttempts: 3 };
const CONTRACT = { deduplicatesById: true, timeoutMs: 5000 };

/** What the SQL log adds to the contract's `publishAll`: the whole batch in one write, or none of it. */
function describePublishAllInOneWrite(open: () => Promise<SqlMessageBroker>): void {
  it('writes a publishAll of several topics in one transaction: a message the log refuses leaves the others unpublished', async () => {
    const broker = await open();
    try {
      const [first, second] = [uniqueTopic('one-write-a'), uniqueTopic('one-write-b')];
      const key = randomBytes(8).toString('hex');
      // A type that is a list: better-sqlite3 cannot bind it, mysql2 spells it as two values (a
      // column count INSERT IGNORE does not skip). Its row fails inside the transaction, after the first topic's.
      const refused = { ...probe(key), type: ['a', 'b'] as unknown as string };
      await expect(
        broker.publishAll([
          { topic: first, envelopes: [probe(key)] },
          { topic: second, envelopes: [refused] },
        ]),
      ).rejects.toThrow();
      expect(await readAll(broker, first)).toEqual([]);

      const accepted = [probe(key), probe(key)];
      await broker.publishAll([
        { topic: first, envelopes: [accepted[0]] },
        { topic: second, envelopes: [accepted[1]] },
      ]);
      expect({ first: await readAll(broker, first), second: await readAll(broker, second) }).toEqual({
        first: [accepted[0]],
        second: [accepted[1]],
      });
    } finally {
      await broker.close();
    }
  });
}

describe('SqlMessageBroker on SQLite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'broker-contract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeBrokerContract(
    'MessageBroker contract',
    () => SqlMessageBroker.open({ kind: 'sqlite', file: join(dir, 'broker.sqlite') }, OPTIONS),
    CONTRACT,
  );

  describePublishAllInOneWrite(() => SqlMessageBroker.open({ kind: 'sqlite', file: join(dir, 'broker.sqlite') }, OPTIONS));

  /**
   * After a delivery the worker does not read its partition again to find it empty: it waits on
   * the change token it took before its read. A message appended meanwhile, or just after, by this
   * process or another, must still come at once, not at the idle worker's safety-net read (1 s here).
   */
  describe('a message appended while or right after one is handled', () => {
    const SOONER_THAN_THE_IDLE_READ_MS = 500;

    it.each([
      ['this process', 'while the first is handled'],
      ['this process', 'right after the first is handled'],
      ['another process', 'while the first is handled'],
      ['another process', 'right after the first is handled'],
    ])('is delivered at once, appended by %s %s', async (by, when) => {
      const file = join(dir, `wake-${randomBytes(4).toString('hex')}.sqlite`);
      const consumer = await SqlMessageBroker.open({ kind: 'sqlite', file }, OPTIONS);
      const other = await SqlMessageBroker.open({ kind: 'sqlite', file }, OPTIONS);
      const publisher = by === 'this process' ? consumer : other;
      try {
        const topic = uniqueTopic('wake');
        const key = randomBytes(8).toString('hex');
        const delivered: Array<{ delivery: Delivery; at: number }> = [];
        let release!: () => void;
        let entered!: () => void;
        const handling = new Promise<void>((r) => (release = r));
        const inside = new Promise<void>((r) => (entered = r));
        const sub = await consumer.subscribe({ topic, subscription: 'wake' }, async (delivery) => {
          if (delivered.length === 0 && when === 'while the first is handled') {
            entered();
            await handling;
          }
          delivered.push({ delivery, at: Date.now() });
        });
        await other.publish(topic, [probe(key, { n: 1 })]);
        let sentAt: number;
        if (when === 'while the first is handled') {
          await inside; // the first is being handled: its read is done
          sentAt = Date.now();
          await publisher.publish(topic, [probe(key, { n: 2 })]);
          release();
        } else {
          await eventually(() => expect(delivered).toHaveLength(1), 3000);
          await new Promise((r) => setTimeout(r, 50)); // acknowledged and waiting
          sentAt = Date.now();
          await publisher.publish(topic, [probe(key, { n: 2 })]);
        }
        await eventually(() => expect(delivered).toHaveLength(2), 3000);
        expect(delivered.map((d) => (d.delivery.envelope.payload as { n: number }).n)).toEqual([1, 2]);
        expect(delivered[1].at - sentAt).toBeLessThan(SOONER_THAN_THE_IDLE_READ_MS);
        await sub.close();
      } finally {
        await other.close();
        await consumer.close();
      }
    });
  });
});

const mysqlUrl = process.env.MYSQL_URL?.trim();

(mysqlUrl ? describe : describe.skip)(`SqlMessageBroker on MariaDB/MySQL (${mysqlUrl ? redact(mysqlUrl) : 'MYSQL_URL not set'})`, () => {
  const database = `broker_contract_${randomBytes(4).toString('hex')}`;
  let target: DatabaseTarget;
  beforeAll(() => {
    const server = parseDatabaseUrl(mysqlUrl, tmpdir(), 'unused');
    if (server.kind === 'sqlite') throw new Error('MYSQL_URL must be a mysql:// or mariadb:// URL');
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    target = { kind: server.kind, url: url.toString(), database };
  });
  afterAll(async () => {
    if (!target || target.kind === 'sqlite') return;
    const url = new URL(target.url);
    url.pathname = '/';
    const admin = await mysql.createConnection({ uri: url.toString() });
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    } finally {
      await admin.end();
    }
  });

  describeBrokerContract('MessageBroker contract', () => SqlMessageBroker.open(target, OPTIONS), CONTRACT);
  describePublishAllInOneWrite(() => SqlMessageBroker.open(target, OPTIONS));
});
