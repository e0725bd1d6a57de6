import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { SqliteDataSource } from './data-source.js';
import { GroupCommit } from './group-commit.js';
import { Mutex } from './mutex.js';
import { type Attempt, inSavepoint } from './savepoint.js';

/** The transaction a piece of work runs in, and what must happen at its edges. */
export interface TransactionContext {
  readonly manager: EntityManager;
  /** Runs inside the transaction, after the work and before COMMIT (e.g. writing outbox rows). */
  beforeCommit(hook: () => Promise<void>): void;
  /** Runs once the transaction has committed (e.g. waking the outbox relay). Errors are swallowed. */
  afterCommit(hook: () => void | Promise<void>): void;
}

const RETRYABLE = /SQLITE_BUSY|ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT|Deadlock found|Lock wait timeout|database is locked/i;

/** Deadlocks, lock waits and busy databases: worth running the whole unit of work again. */
function retryable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } } | null;
  return RETRYABLE.test(`${String(e?.code)} ${String(e?.driverError?.code)} ${String(e?.message)}`);
}

/**
 * One database transaction around a command's changes. Repositories read `manager`, which is the
 * current transaction's when called inside `run`. Nested `run` calls join the outer transaction.
 *
 * SQLite has one writer and TypeORM's better-sqlite3 driver shares one connection, so on SQLite
 * transactions of this process run one at a time, and those that queue meanwhile share one commit
 * (`GroupCommit`). Deadlocks and busy errors are retried.
 */
export class UnitOfWork {
  private readonly storage = new AsyncLocalStorage<TransactionContext>();
  private readonly reading = new AsyncLocalStorage<EntityManager>();
  private readonly sqliteLock: Mutex | undefined;
  private readonly groupCommit: GroupCommit | undefined;

  constructor(
    readonly dataSource: DataSource,
    private readonly maxAttempts = 4,
    /** Where `read` runs queries: a read-only SQLite connection, or the same pool on MySQL. */
    private readonly readSource: DataSource = dataSource,
  ) {
    const sqlite = dataSource.options.type === 'better-sqlite3';
    // The data source's own lock when it has one: its WAL checkpointer pauses the writes with it.
    this.sqliteLock = dataSource instanceof SqliteDataSource ? dataSource.writes : sqlite ? new Mutex() : undefined;
    this.groupCommit = this.sqliteLock ? new GroupCommit(dataSource, this.sqliteLock) : undefined;
  }

  /** The current transaction's manager, or the plain one outside a transaction. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.reading.getStore() ?? this.dataSource.manager;
  }

  /**
   * Runs queries that change nothing, on the read connection: on SQLite they neither wait for the
   * writer's lock nor see its uncommitted rows. Inside a transaction they use that transaction.
   */
  /** Closes the database connections (the read one too). */
  async close(): Promise<void> {
    if (this.readSource !== this.dataSource && this.readSource.isInitialized) await this.readSource.destroy();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  async read<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore() || (this.readSource === this.dataSource && !this.sqliteLock)) return work();
    if (this.readSource === this.dataSource) return this.run(() => work());
    return this.reading.run(this.readSource.manager, work);
  }

  get current(): TransactionContext | undefined {
    return this.storage.getStore();
  }

  async run<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const outer = this.storage.getStore();
    if (outer) return work(outer);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (attempt >= this.maxAttempts || !retryable(error)) throw error;
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));
      }
    }
  }

  /**
   * Runs `work` inside the current transaction, in a savepoint. If it throws, its changes alone are
   * undone, the hooks it registered are dropped, and its error is returned; the transaction goes on.
   * A retryable error (deadlock, lock wait, busy) is thrown instead, as is one whose changes could
   * not be undone: the whole unit of work fails then (and `run` tries it again when it can).
   */
  async attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
    const tx = this.storage.getStore();
    if (!tx) throw new Error('UnitOfWork.attempt must be called inside UnitOfWork.run');
    const before: Array<() => Promise<void>> = [];
    const after: Array<() => void | Promise<void>> = [];
    const inner: TransactionContext = { manager: tx.manager, beforeCommit: (h) => before.push(h), afterCommit: (h) => after.push(h) };
    const outcome = await inSavepoint(tx.manager, () => this.storage.run(inner, work));
    if (!outcome.ok && retryable(outcome.error)) throw outcome.error;
    if (outcome.ok) {
      for (const hook of before) tx.beforeCommit(hook);
      for (const hook of after) tx.afterCommit(hook);
    }
    return outcome;
  }

  private async runOnce<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const after: Array<() => void | Promise<void>> = [];
    const inTransaction = (manager: EntityManager) => {
      const before: Array<() => Promise<void>> = [];
      const tx: TransactionContext = {
        manager,
        beforeCommit: (hook) => before.push(hook),
        afterCommit: (hook) => after.push(hook),
      };
      return this.storage.run(tx, async () => {
        const result = await work(tx);
        for (const hook of before) await hook();
        return result;
      });
    };
    const result = this.groupCommit ? await this.groupCommit.run(inTransaction) : await this.dataSource.transaction(inTransaction);
    for (const hook of after) {
      try {
        await hook();
      } catch {
        // after-commit hooks are best effort (a relay sweep catches up); the work itself is done.
      }
    }
    return result;
  }
}
