import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.js';
import { openDataSource } from './data-source.js';
import { CreateMessagingTables1795400000000 } from './migrations/create-messaging-tables.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * One database per suite, and a way to read what is committed from outside the transaction under
 * test: a second SQLite connection, or another connection of the MariaDB pool.
 */
interface Backend {
  dataSource: DataSource;
  /** SQL that reads a counter and locks it until the transaction ends (needed on MariaDB). */
  lockingRead: string;
  committedCount(): Promise<number>;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'uow-'));
  const file = join(dir, 'uow.sqlite');
  const dataSource = await openDataSource({ target: { kind: 'sqlite', file }, migrations: [CreateMessagingTables1795400000000] });
  const reader = new Database(file, { readonly: true });
  return {
    dataSource,
    lockingRead: 'SELECT value FROM counters WHERE name = ?',
    committedCount: async () => (reader.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n,
    close: async () => {
      reader.close();
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openMariadb(baseUrl: string): Promise<Backend> {
  const url = new URL(baseUrl);
  url.pathname = `/uow_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const target = parseDatabaseUrl(url.toString(), '.', 'unused') as Extract<DatabaseTarget, { kind: 'mysql' | 'mariadb' }>;
  const dataSource = await openDataSource({ target, migrations: [CreateMessagingTables1795400000000] });
  return {
    dataSource,
    lockingRead: 'SELECT value FROM counters WHERE name = ? FOR UPDATE',
    // Outside a transaction, the pool hands out another connection than the transaction's.
    committedCount: async () => Number((await dataSource.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM items'))[0].n),
    close: async () => {
      await dataSource.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
      await dataSource.destroy();
    },
  };
}

const insertItem = (manager: DataSource['manager'], id: string) => manager.query('INSERT INTO items (id) VALUES (?)', [id]);

/** The ids committed in `items`, in order. */
const committedIdsOf = async (backend: Backend) =>
  (await backend.dataSource.query<Array<{ id: string }>>('SELECT id FROM items ORDER BY id')).map((row) => row.id);

/** A backend with an `items` table. */
async function openWithItems(open: () => Promise<Backend>): Promise<Backend> {
  const backend = await open();
  await backend.dataSource.query('CREATE TABLE items (id VARCHAR(64) NOT NULL PRIMARY KEY)');
  return backend;
}

function unitOfWorkSuite(open: () => Promise<Backend>): void {
  let backend: Backend;
  let uow: UnitOfWork;
  const committedIds = () => committedIdsOf(backend);

  beforeAll(async () => {
    backend = await openWithItems(open);
    await backend.dataSource.query('CREATE TABLE counters (name VARCHAR(64) NOT NULL PRIMARY KEY, value INTEGER NOT NULL)');
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    await backend.dataSource.query('DELETE FROM items');
    await backend.dataSource.query('DELETE FROM counters');
    uow = new UnitOfWork(backend.dataSource);
  });

  describe('commit and rollback', () => {
    it('persists the changes of a run that completes', async () => {
      await uow.run(async (tx) => {
        await insertItem(tx.manager, 'a');
        await insertItem(tx.manager, 'b');
      });
      expect(await committedIds()).toEqual(['a', 'b']);
    });

    it('returns the result of the work', async () => {
      await expect(uow.run(async () => 42)).resolves.toBe(42);
    });

    it('rejects with the error the work throws', async () => {
      const failure = new Error('the work failed');
      await expect(
        uow.run(async (tx) => {
          await insertItem(tx.manager, 'a');
          throw failure;
        }),
      ).rejects.toBe(failure);
    });

    it('rolls back every change of a run whose work throws', async () => {
      await uow
        .run(async (tx) => {
          await insertItem(tx.manager, 'a');
          await insertItem(tx.manager, 'b');
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      expect(await committedIds()).toEqual([]);
    });

    it('leaves earlier committed runs in place when a later run rolls back', async () => {
      await uow.run((tx) => insertItem(tx.manager, 'a'));
      await uow
        .run(async (tx) => {
          await insertItem(tx.manager, 'b');
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      expect(await committedIds()).toEqual(['a']);
    });
  });

  describe('nested runs', () => {
    it('gives a nested run the outer transaction', async () => {
      const contexts = await uow.run(async (outer) => uow.run(async (inner) => ({ outer, inner })));
      expect(contexts.inner).toBe(contexts.outer);
    });

    it('rolls back a nested run’s changes when the outer work fails afterwards', async () => {
      await uow
        .run(async (tx) => {
          await insertItem(tx.manager, 'outer');
          await uow.run((inner) => insertItem(inner.manager, 'inner'));
          throw new Error('the outer work failed');
        })
        .catch(() => undefined);
      expect(await committedIds()).toEqual([]);
    });

    it('commits a nested run’s changes together with the outer run', async () => {
      await uow.run(async (tx) => {
        await insertItem(tx.manager, 'outer');
        await uow.run((inner) => insertItem(inner.manager, 'inner'));
      });
      expect(await committedIds()).toEqual(['inner', 'outer']);
    });
  });

  describe('manager', () => {
    it('is the transaction’s manager inside a run', async () => {
      const seen = await uow.run(async (tx) => ({ uow: uow.manager, tx: tx.manager }));
      expect(seen.uow).toBe(seen.tx);
    });

    it('is the data source’s plain manager outside a run', () => {
      expect(uow.manager).toBe(backend.dataSource.manager);
    });

    it('writes into the transaction when used inside a run (rolled back with it)', async () => {
      await uow
        .run(async () => {
          await insertItem(uow.manager, 'via-uow-manager');
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      expect(await committedIds()).toEqual([]);
    });

    it('exposes no current transaction outside a run', () => {
      expect(uow.current).toBeUndefined();
    });
  });

  describe('beforeCommit hooks', () => {
    it('run after the work, inside the transaction', async () => {
      let currentInHook: unknown;
      const tx = await uow.run(async (tx) => {
        tx.beforeCommit(async () => {
          currentInHook = uow.current;
        });
        return tx;
      });
      expect(currentInHook).toBe(tx);
    });

    it('run before the changes are visible outside the transaction', async () => {
      let committedInHook: number | undefined;
      await uow.run(async (tx) => {
        await insertItem(tx.manager, 'a');
        tx.beforeCommit(async () => {
          committedInHook = await backend.committedCount();
        });
      });
      expect(committedInHook).toBe(0);
    });

    it('write in the same transaction as the work', async () => {
      await uow.run(async (tx) => {
        tx.beforeCommit(() => insertItem(tx.manager, 'from-hook'));
        await insertItem(tx.manager, 'from-work');
      });
      expect(await committedIds()).toEqual(['from-hook', 'from-work']);
    });

    it('roll back the whole transaction when they throw', async () => {
      await uow
        .run(async (tx) => {
          await insertItem(tx.manager, 'from-work');
          tx.beforeCommit(async () => {
            throw new Error('the hook failed');
          });
        })
        .catch(() => undefined);
      expect(await committedIds()).toEqual([]);
    });
  });

  describe('afterCommit hooks', () => {
    it('run once the changes are committed and visible outside the transaction', async () => {
      let committedInHook: number | undefined;
      await uow.run(async (tx) => {
        await insertItem(tx.manager, 'a');
        tx.afterCommit(async () => {
          committedInHook = await backend.committedCount();
        });
      });
      expect(committedInHook).toBe(1);
    });

    it('run after the beforeCommit hooks', async () => {
      const order: string[] = [];
      await uow.run(async (tx) => {
        tx.afterCommit(() => {
          order.push('afterCommit');
        });
        tx.beforeCommit(async () => {
          order.push('beforeCommit');
        });
        order.push('work');
      });
      expect(order).toEqual(['work', 'beforeCommit', 'afterCommit']);
    });

    it('have run by the time run resolves', async () => {
      let ran = false;
      await uow.run(async (tx) => {
        tx.afterCommit(() => {
          ran = true;
        });
      });
      expect(ran).toBe(true);
    });

    it('run outside of the transaction', async () => {
      let currentInHook: unknown = 'not called';
      await uow.run(async (tx) => {
        tx.afterCommit(() => {
          currentInHook = uow.current;
        });
      });
      expect(currentInHook).toBeUndefined();
    });

    it('do not run when the work throws', async () => {
      let ran = false;
      await uow
        .run(async (tx) => {
          tx.afterCommit(() => {
            ran = true;
          });
          throw new Error('the work failed');
        })
        .catch(() => undefined);
      expect(ran).toBe(false);
    });

    it('do not run when a beforeCommit hook throws', async () => {
      let ran = false;
      await uow
        .run(async (tx) => {
          tx.afterCommit(() => {
            ran = true;
          });
          tx.beforeCommit(async () => {
            throw new Error('the hook failed');
          });
        })
        .catch(() => undefined);
      expect(ran).toBe(false);
    });

    it('registered by a nested run run after the outer commit', async () => {
      let committedInHook: number | undefined;
      await uow.run(async (tx) => {
        await uow.run(async (inner) => {
          inner.afterCommit(async () => {
            committedInHook = await backend.committedCount();
          });
        });
        await insertItem(tx.manager, 'after-the-nested-run');
      });
      expect(committedInHook).toBe(1);
    });

    it('do not fail a committed run when they throw', async () => {
      await expect(
        uow.run(async (tx) => {
          tx.afterCommit(() => {
            throw new Error('the hook failed');
          });
          return 'done';
        }),
      ).resolves.toBe('done');
    });
  });

  describe('attempt (a savepoint inside a run)', () => {
    it('undoes only the failing work’s changes and returns its error; the run commits the rest', async () => {
      const failure = new Error('this part failed');
      const outcome = await uow.run(async (tx) => {
        await insertItem(tx.manager, 'a');
        const attempted = await uow.attempt(async () => {
          await insertItem(tx.manager, 'b');
          throw failure;
        });
        await insertItem(tx.manager, 'c');
        return attempted;
      });
      expect(outcome).toEqual({ ok: false, error: failure });
      expect(await committedIds()).toEqual(['a', 'c']);
    });

    it('returns the work’s result; its changes commit with the run', async () => {
      const outcome = await uow.run(async (tx) => uow.attempt(async () => (await insertItem(tx.manager, 'b'), 'done')));
      expect(outcome).toEqual({ ok: true, value: 'done' });
      expect(await committedIds()).toEqual(['b']);
    });

    it('throws a retryable error, so that the whole run fails (and is tried again)', async () => {
      const once = new UnitOfWork(backend.dataSource, 1);
      await expect(
        once.run(async (tx) => {
          await insertItem(tx.manager, 'a');
          await once.attempt(async () => {
            throw new Error('Deadlock found when trying to get lock');
          });
        }),
      ).rejects.toThrow(/Deadlock/);
      expect(await committedIds()).toEqual([]);
    });

    it('drops the hooks registered by work it undid, and keeps those of work that succeeded', async () => {
      const ran: string[] = [];
      await uow.run(async () => {
        await uow.attempt(async () => {
          await uow.run(async (inner) => inner.afterCommit(() => void ran.push('undone')));
          throw new Error('undone');
        });
        await uow.attempt(async () => uow.run(async (inner) => inner.afterCommit(() => void ran.push('kept'))));
      });
      expect(ran).toEqual(['kept']);
    });

    it('refuses to run outside a run', async () => {
      await expect(uow.attempt(async () => 1)).rejects.toThrow(/inside UnitOfWork.run/);
    });
  });

  describe('concurrent runs', () => {
    it('lose no update when 20 runs read then write one row at once', async () => {
      await backend.dataSource.query('INSERT INTO counters (name, value) VALUES (?, ?)', ['c', 0]);
      const increment = () =>
        uow.run(async (tx) => {
          const [row] = await tx.manager.query<Array<{ value: number }>>(backend.lockingRead, ['c']);
          // Give the other runs every chance to interleave between the read and the write.
          await new Promise((resolve) => setImmediate(resolve));
          await tx.manager.query('UPDATE counters SET value = ? WHERE name = ?', [Number(row.value) + 1, 'c']);
        });
      await Promise.all(Array.from({ length: 20 }, increment));
      const [row] = await backend.dataSource.query<Array<{ value: number }>>('SELECT value FROM counters WHERE name = ?', ['c']);
      expect(Number(row.value)).toBe(20);
    });

    it('keep the changes of each of 20 parallel runs', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => uow.run((tx) => insertItem(tx.manager, `item-${String(i).padStart(2, '0')}`))),
      );
      expect(await backend.committedCount()).toBe(20);
    });
  });
}

describe('UnitOfWork on SQLite', () => {
  unitOfWorkSuite(openSqlite);

  describe('group commit: runs that queue while one is open share its transaction', () => {
    let backend: Backend;
    let uow: UnitOfWork;
    const committedIds = () => committedIdsOf(backend);

    beforeAll(async () => {
      backend = await openWithItems(openSqlite);
    });

    afterAll(async () => {
      await backend?.close();
    });

    beforeEach(async () => {
      await backend.dataSource.query('DELETE FROM items');
      uow = new UnitOfWork(backend.dataSource);
    });

    /**
     * A run that inserts `id`, then holds its transaction open until `release()`: the runs started
     * after `entered` resolves queue while a group is open, as they do under load.
     */
    const heldRun = (id: string) => {
      let release!: () => void;
      let entered!: () => void;
      const open = new Promise<void>((r) => (release = r));
      const inside = new Promise<void>((r) => (entered = r));
      const done = uow.run(async (tx) => {
        await insertItem(tx.manager, id);
        entered();
        await open;
      });
      return { done, entered: inside, release };
    };

    it('commits a queued run with the open one: neither is visible outside until the last work ends', async () => {
      const first = heldRun('a');
      await first.entered;
      const seenByB: number[] = [];
      const second = uow.run(async (tx) => {
        await insertItem(tx.manager, 'b');
        seenByB.push(await backend.committedCount()); // another connection: what is committed now
      });
      first.release();
      await Promise.all([first.done, second]);
      // Committed one by one, `a` would have been visible to the other connection while `b` ran.
      expect(seenByB).toEqual([0]);
      expect(await committedIds()).toEqual(['a', 'b']);
    });

    it('settles no run before the group commits', async () => {
      const order: string[] = [];
      const held = heldRun('a');
      await held.entered;
      const first = held.done.then(() => order.push('a settled'));
      const second = uow.run(async (tx) => {
        await insertItem(tx.manager, 'b');
        order.push('b worked');
      });
      held.release();
      await Promise.all([first, second]);
      expect(order).toEqual(['b worked', 'a settled']);
    });

    it('rejects only the failing run of a group; the others’ changes commit', async () => {
      const failure = new Error('b failed');
      const first = heldRun('a');
      await first.entered;
      const second = uow.run(async (tx) => {
        await insertItem(tx.manager, 'b');
        throw failure;
      });
      const third = uow.run((tx) => insertItem(tx.manager, 'c'));
      first.release();
      const outcomes = await Promise.allSettled([first.done, second, third]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBe(failure);
      expect(await committedIds()).toEqual(['a', 'c']);
    });

    it('runs each queued run in its own caller’s async context, not in that of the run that opened the group', async () => {
      const caller = new AsyncLocalStorage<string>();
      const first = caller.run('a', () => heldRun('a'));
      await first.entered;
      const seen = caller.run('b', () => uow.run(async () => caller.getStore()));
      first.release();
      await first.done;
      expect(await seen).toBe('b');
    });

    it('rejects the runs waiting, instead of trying again without end, when no transaction can begin', async () => {
      const closed = await openSqlite();
      const stale = new UnitOfWork(closed.dataSource);
      await closed.close();
      const outcomes = await Promise.allSettled([stale.run(async () => 1), stale.run(async () => 2)]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    });

    it('rejects every run of a group whose commit fails, and commits none of them', async () => {
      await backend.dataSource.query('CREATE TABLE parents (id VARCHAR(64) NOT NULL PRIMARY KEY)');
      await backend.dataSource.query(
        'CREATE TABLE children (id VARCHAR(64) NOT NULL PRIMARY KEY, parent VARCHAR(64) REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)',
      );
      try {
        const first = heldRun('a');
        await first.entered;
        // A deferred foreign key is checked at COMMIT: this run's work succeeds, the group's commit fails.
        const second = uow.run((tx) => tx.manager.query('INSERT INTO children (id, parent) VALUES (?, ?)', ['x', 'missing']));
        first.release();
        const outcomes = await Promise.allSettled([first.done, second]);
        expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
        expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
        expect(await committedIds()).toEqual([]);
        // The connection is usable again afterwards.
        await uow.run((tx) => insertItem(tx.manager, 'after'));
        expect(await committedIds()).toEqual(['after']);
      } finally {
        await backend.dataSource.query('DROP TABLE children');
        await backend.dataSource.query('DROP TABLE parents');
      }
    });
  });
});

const MYSQL_URL = process.env.MYSQL_URL;
if (MYSQL_URL) {
  describe('UnitOfWork on MariaDB', () => {
    unitOfWorkSuite(() => openMariadb(MYSQL_URL));
  });
} else {
  describe.skip('UnitOfWork on MariaDB (skipped: MYSQL_URL not set)', () => {
    unitOfWorkSuite(() => Promise.reject(new Error('MYSQL_URL not set')));
  });
}
