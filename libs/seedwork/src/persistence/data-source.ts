import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { type DatabaseTarget, describeTarget } from './database-url.js';
import { Mutex } from './mutex.js';
import { WalCheckpointer } from './wal-checkpointer.js';

export interface DataSourceSpec {
  target: DatabaseTarget;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  /** Name of the migrations table, so that two schemas can share one database if they must. */
  migrationsTableName?: string;
}

/** TypeORM options for a target: WAL SQLite, or a MySQL 8 / MariaDB pool. Never `synchronize`. */
export function dataSourceOptions(spec: DataSourceSpec): DataSourceOptions {
  const common = {
    entities: spec.entities ?? [],
    migrations: spec.migrations ?? [],
    migrationsTableName: spec.migrationsTableName ?? 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  const { target } = spec;
  if (target.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 10000');
        db.pragma('foreign_keys = ON');
        // Savepoints (group commit, UnitOfWork.attempt) journal in memory: in a file, writes inside one took 3× as long.
        db.pragma('temp_store = MEMORY');
      },
    };
  }
  return {
    ...common,
    type: target.kind,
    url: target.url,
    charset: 'utf8mb4',
    timezone: 'Z',
    extra: { connectionLimit: 10 },
  };
}

/**
 * A SQLite data source: its writers take turns on `writes` (SQLite has one writer, and TypeORM's
 * better-sqlite3 driver one connection), and its WAL is copied by a thread of its own
 * (`WalCheckpointer`, which pauses the writes for a moment to start the WAL over), from
 * `initialize` until `destroy`.
 */
export class SqliteDataSource extends DataSource {
  readonly writes = new Mutex();
  private checkpointer: WalCheckpointer | undefined;

  override async initialize(): Promise<this> {
    await super.initialize();
    try {
      const { databaseConnection } = this.driver as unknown as { databaseConnection: Database.Database };
      this.checkpointer = WalCheckpointer.start(databaseConnection, { pauseWrites: (work) => this.writes.run(work) });
    } catch (error) {
      await super.destroy();
      throw error;
    }
    return this;
  }

  override async destroy(): Promise<void> {
    await this.checkpointer?.stop();
    this.checkpointer = undefined;
    await super.destroy();
  }
}

/**
 * A second, read-only connection to a SQLite file, for queries: in WAL mode it reads the last
 * committed state without waiting for, or seeing into, the writer's open transaction. On MySQL and
 * MariaDB the pool already gives queries their own connections: the same data source is returned.
 */
export async function openReadDataSource(spec: DataSourceSpec, writer: DataSource): Promise<DataSource> {
  if (spec.target.kind !== 'sqlite') return writer;
  const reader = new DataSource({
    type: 'better-sqlite3',
    database: spec.target.file,
    readonly: true,
    entities: spec.entities ?? [],
    prepareDatabase: (db: { pragma(sql: string): unknown }) => void db.pragma('busy_timeout = 10000'),
  });
  return reader.initialize();
}

/**
 * Opens the database (creating the SQLite file's folder, or the MySQL database, when missing)
 * and runs pending migrations. Throws an error whose message says what could not be reached.
 */
export async function openDataSource(spec: DataSourceSpec): Promise<DataSource> {
  const { target } = spec;
  if (target.kind === 'sqlite') mkdirSync(dirname(target.file), { recursive: true });
  else await createDatabaseIfMissing(target.url, target.kind, target.database);
  const options = dataSourceOptions(spec);
  const dataSource = target.kind === 'sqlite' ? new SqliteDataSource(options) : new DataSource(options);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`cannot open ${describeTarget(target)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function createDatabaseIfMissing(url: string, kind: 'mysql' | 'mariadb', database: string): Promise<void> {
  const server = new URL(url);
  server.pathname = '/';
  const admin = new DataSource({ type: kind, url: server.toString(), connectTimeout: 5000 });
  try {
    await admin.initialize();
  } catch (error) {
    throw new Error(`cannot connect to ${describeTarget({ kind, url, database })}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.destroy();
  }
}
