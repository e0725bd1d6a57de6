import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteClient } from './sqlite-client.js';

/** Two clients on one file stand for two processes sharing the SQL log: SQLite locks per connection. */
describe('SqliteClient waiting for another process’s write lock', () => {
  let dir: string;
  let holder: SqliteClient;
  let waiter: SqliteClient;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-client-'));
    holder = SqliteClient.open(join(dir, 'log.sqlite'));
    waiter = SqliteClient.open(join(dir, 'log.sqlite'));
    await holder.run('CREATE TABLE IF NOT EXISTS t (n INTEGER NOT NULL)');
  });

  afterEach(async () => {
    await holder.close();
    await waiter.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The holder's transaction, open with a row written, until `release`. */
  async function holdWriteLock(): Promise<{ holding: Promise<void>; release: () => void }> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = holder.transaction(async (tx) => {
      await tx.run('INSERT INTO t (n) VALUES (1)');
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    return { holding, release };
  }

  it('waits without blocking the event loop, then writes once the lock is released', async () => {
    const { holding, release } = await holdWriteLock();

    let written = false;
    const writing = waiter.run('INSERT INTO t (n) VALUES (2)').then(() => (written = true));
    // Timers still fire while the write waits: the wait is not a sleep inside SQLite.
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        ticks += 1;
        if (ticks === 5) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    expect(written).toBe(false);

    release();
    await holding;
    await writing;
    expect(await waiter.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('takes the lock for a transaction once the other process commits', async () => {
    const { holding, release } = await holdWriteLock();
    const second = waiter.transaction(async (tx) => {
      const [{ c }] = await tx.all<{ c: number }>('SELECT COUNT(*) AS c FROM t');
      await tx.run('INSERT INTO t (n) VALUES (?)', [Number(c) + 1]);
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    await Promise.all([holding, second]);
    expect(await waiter.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
