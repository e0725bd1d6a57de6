import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex } from '../../persistence/mutex.js';
import type { ExecResult, Row, SqlClient } from './sql-client.js';

/**
 * better-sqlite3 used directly: synchronous, prepared statements cached, WAL, and write
 * transactions that take the lock up front (BEGIN IMMEDIATE) so that several processes sharing
 * the file wait for each other (busy_timeout) instead of failing on a lock upgrade.
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

  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteClient {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 10000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return new SqliteClient(db);
  }

  all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.outsideOthersTransaction(() => this.statement(sql).all(...params) as T[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<ExecResult> {
    return this.outsideOthersTransaction(() => {
      const info = this.statement(sql).run(...params);
      return { affected: info.changes, insertId: Number(info.lastInsertRowid) };
    });
  }

  /** Reads the connection's data_version: it changes when another connection commits. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.owner.getStore()) return work(this);
    return this.lock.run(() =>
      this.owner.run(true, async () => {
        this.db.exec('BEGIN IMMEDIATE');
        this.inTransaction = true;
        try {
          const result = await work(this);
          this.db.exec('COMMIT');
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

  private async outsideOthersTransaction<T>(statement: () => T): Promise<T> {
    if (this.inTransaction && !this.owner.getStore()) return this.lock.run(async () => statement());
    return statement();
  }

  async close(): Promise<void> {
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
