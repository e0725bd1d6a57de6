import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex } from '../../persistence/mutex.js';
import { WalCheckpointer } from '../../persistence/wal-checkpointer.js';
import type { ExecResult, Row, SqlClient } from './sql-client.js';

/** How long a statement waits for another process's write lock before it fails. */
const BUSY_WAIT_MS = 10000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * better-sqlite3 used directly: synchronous, prepared statements cached, WAL, and write
 * transactions that take the lock up front (BEGIN IMMEDIATE) so that several processes sharing
 * the file wait for each other instead of failing on a lock upgrade.
 *
 * The wait for another process's lock is asynchronous (`whenFree`): SQLite's own busy timeout
 * sleeps inside the call and blocks the whole event loop — with five services sharing the log,
 * that stalled every process for hundreds of milliseconds under load.
 *
 * The WAL is copied by a thread of its own (`WalCheckpointer`): five processes append to this
 * file, and SQLite's automatic checkpoint stalled whichever one committed past its threshold; it now
 * only copies what the thread has not, before starting the WAL over.
 *
 * One connection serves the whole process: while a transaction is open, statements from other
 * async flows wait for it to end instead of running inside it.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly lock = new Mutex();
  private readonly owner = new AsyncLocalStorage<true>();
  private inTransaction = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly checkpointer: WalCheckpointer,
  ) {}

  static open(file: string): SqliteClient {
    mkdirSync(dirname(file), { recursive: true });
    // SQLite's own busy wait only while opening (several services may open the file at once).
    const db = new Database(file, { timeout: BUSY_WAIT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 0');
    // Other processes write this file too: pausing this one's writes would not start the WAL over.
    return new SqliteClient(db, WalCheckpointer.start(db));
  }

  all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.whenFree(() => this.outsideOthersTransaction(() => this.statement(sql).all(...params) as T[]));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<ExecResult> {
    return this.whenFree(() =>
      this.outsideOthersTransaction(() => {
        const info = this.statement(sql).run(...params);
        return { affected: info.changes, insertId: Number(info.lastInsertRowid) };
      }),
    );
  }

  /** Reads the connection's data_version: it changes when another connection commits. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.owner.getStore()) return work(this);
    return this.lock.run(() =>
      this.owner.run(true, async () => {
        // The flag is set in the same turn as BEGIN: other flows' statements must not slip into it.
        await this.whenFree(() => {
          this.db.exec('BEGIN IMMEDIATE');
          this.inTransaction = true;
        });
        try {
          const result = await work(this);
          await this.whenFree(() => this.db.exec('COMMIT'));
          return result;
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw error;
        } finally {
          this.inTransaction = false;
        }
      }),
    );
  }

  /** Runs a statement now, or, while another flow's transaction is open, right after it. */
  private async outsideOthersTransaction<T>(statement: () => T): Promise<T> {
    if (this.inTransaction && !this.owner.getStore()) return this.lock.run(async () => statement());
    return statement();
  }

  /** Runs `operation`; while another process holds the write lock, retries after short, growing pauses. */
  private async whenFree<T>(operation: () => T | Promise<T>): Promise<T> {
    let deadline: number | undefined;
    for (let wait = 1; ; wait = Math.min(wait * 2, 16)) {
      try {
        return await operation();
      } catch (error) {
        if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
        deadline ??= Date.now() + BUSY_WAIT_MS; // counted from the first refusal, not from the queue
        if (Date.now() > deadline) throw error;
      }
      await pause(wait * (0.5 + Math.random()));
    }
  }

  async close(): Promise<void> {
    await this.checkpointer.stop();
    if (this.db.open) this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
