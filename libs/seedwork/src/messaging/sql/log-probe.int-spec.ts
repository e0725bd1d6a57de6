import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { partitionKey } from '../change-notifier.js';
import { PROBE_SQL, probeLog } from './log-probe.js';
import { appendToLog, createBrokerSchema } from './sql-broker.schema.js';
import { SqliteClient } from './sqlite-client.js';

describe('probeLog on SQLite', () => {
  let dir: string;
  let client: SqliteClient;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'log-probe-'));
    client = SqliteClient.open(join(dir, 'broker.sqlite'));
    await createBrokerSchema(client);
  });

  afterEach(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (messages: Array<[topic: string, partition: number]>) =>
    client.transaction((tx) =>
      appendToLog(
        tx,
        messages.map(([topic, partition], i) => ({
          topic,
          id: `${topic}-${partition}-${Date.now()}-${i}-${Math.random()}`,
          partition,
          key: 'k',
          type: 'T',
          body: '{}',
        })),
      ),
    );

  it('knows only the head on its first probe', async () => {
    await append([
      ['a', 0],
      ['a', 1],
    ]);
    const probe = await probeLog(client, undefined);
    expect(probe).toEqual({ head: 2 });
  });

  it('names each partition appended to since the given head once, with the new head', async () => {
    await append([
      ['a', 0],
      ['a', 1],
    ]);
    await append([
      ['a', 1],
      ['b', 3],
      ['a', 1],
    ]);
    const probe = await probeLog(client, 2);
    expect(probe.head).toBe(5);
    expect([...(probe.changed ?? [])].sort()).toEqual([partitionKey('a', 1), partitionKey('b', 3)]);
  });

  it('reports no partition and the same head when nothing was appended', async () => {
    await append([['a', 0]]);
    expect(await probeLog(client, 1)).toEqual({ head: 1, changed: [] });
  });

  it('gives only the head (wake every waiter) when more rows than its limit arrived since, and names them up to the limit', async () => {
    await append([
      ['a', 0],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(await probeLog(client, 0, 3)).toEqual({ head: 4 });
    expect(await probeLog(client, 1, 3)).toEqual({ head: 4, changed: [partitionKey('a', 1), partitionKey('b', 2), partitionKey('c', 3)] });
  });

  it('reads the new rows by the primary key, not by walking an index over the whole log', async () => {
    const plan = await client.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${PROBE_SQL}`, [0, 10]);
    expect(plan.map((step) => step.detail).join('; ')).toMatch(/SEARCH broker_messages USING INTEGER PRIMARY KEY \(rowid>\?\)/);
  });
});
