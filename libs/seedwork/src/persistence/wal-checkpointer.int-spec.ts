import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { eventually } from '../testing/eventually.js';
import { SqliteClient } from '../messaging/sql/sqlite-client.js';
import { openDataSource, SqliteDataSource } from './data-source.js';
import { Mutex } from './mutex.js';
import { UnitOfWork } from './unit-of-work.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const WITHIN_MS = 5000;
/** 2,000 rows of 400 bytes: about 250 pages of 4 KiB, below SQLite's own checkpoint (1,000 pages). */
const ROWS = 2000;
const ROW = 'x'.repeat(400);

describe('WalCheckpointer', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let checkpointer: WalCheckpointer | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
    file = join(dir, 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    db.pragma('wal_checkpoint(TRUNCATE)'); // the table in the database file: the WAL holds only what a test writes
  });

  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  let next = 0;
  function writeRows(rows = ROWS): void {
    const insert = db.prepare('INSERT INTO t (n, body) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < rows; i += 1) insert.run((next += 1), ROW);
    })();
  }

  it('copies the commits into the database file from its thread, long before SQLite’s own checkpoint would', async () => {
    checkpointer = WalCheckpointer.start(db);
    const before = size(file);
    writeRows();
    expect(size(file)).toBe(before); // the commit only appended to the WAL
    await eventually(() => expect(size(file)).toBeGreaterThan(before + ROWS * ROW.length), WITHIN_MS);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000); // left on, behind the thread
  });

  it('under a steady stream of commits, pauses the writes for a moment, after which the next write starts the WAL over', async () => {
    const writes = new Mutex();
    /** The WAL's length in pages right after the first write that follows each pause. */
    const afterPause: number[] = [];
    checkpointer = WalCheckpointer.start(db, {
      restartAtPages: 50,
      pauseWrites: (work) =>
        writes.run(async () => {
          await work();
          writeRows(1);
          const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
          afterPause.push(log);
        }),
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8000); // only a safety net now
    // About 12 pages every 5 ms for 2 s: the thread is always a few pages behind.
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      await writes.run(async () => writeRows(100));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(afterPause.length).toBeGreaterThan(0);
    // A WAL started over holds that one write's few pages; one that was not, 50 pages or more.
    expect(Math.max(...afterPause)).toBeLessThan(10);
  });

  it('closes its connection when stopped: the writer, then the last one, removes the WAL on close', async () => {
    checkpointer = WalCheckpointer.start(db);
    writeRows();
    await checkpointer.stop();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('warns when its thread cannot work, and leaves the checkpoints to SQLite, at its default again', async () => {
    const warnings: string[] = [];
    unlinkSync(file); // the thread opens the file by name and finds nothing there
    checkpointer = WalCheckpointer.start(db, { pauseWrites: (work) => work(), warn: (message) => warnings.push(message) });
    await eventually(
      () => expect(warnings).toEqual([`WAL checkpoints of ${file} are back in the committing thread: SQLITE_CANTOPEN`]),
      WITHIN_MS,
    );
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});

describe('SQLite connections opened by the seedwork', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes ROWS rows through `run`, sees them copied into `file` by the thread, then closes: the WAL goes. */
  async function expectCopiedByAThread(file: string, run: (sql: string) => Promise<unknown>, close: () => Promise<void>) {
    await run('CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const before = statSync(file).size;
    await run(
      `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${ROWS}) INSERT INTO t SELECT n, printf('%400d', n) FROM s`,
    );
    await eventually(() => expect(statSync(file).size).toBeGreaterThan(before + ROWS * 400), WITHIN_MS);
    await close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  }

  it('a service database (openDataSource) is checkpointed by a thread, stopped when it is destroyed', async () => {
    const file = join(dir, 'service.sqlite');
    const dataSource = await openDataSource({ target: { kind: 'sqlite', file } });
    await expectCopiedByAThread(
      file,
      (sql) => dataSource.query(sql),
      () => dataSource.destroy(),
    );
  });

  it('a unit of work on it takes the lock that the checkpointer pauses the writes with', async () => {
    const dataSource = await openDataSource({ target: { kind: 'sqlite', file: join(dir, 'service.sqlite') } });
    const uow = new UnitOfWork(dataSource);
    try {
      expect(dataSource).toBeInstanceOf(SqliteDataSource);
      let release!: () => void;
      const paused = (dataSource as SqliteDataSource).writes.run(() => new Promise<void>((resolve) => (release = resolve)));
      let ran = false;
      const work = uow.run(async () => {
        ran = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).toBe(false);
      release();
      await Promise.all([paused, work]);
      expect(ran).toBe(true);
    } finally {
      await uow.close();
    }
  });

  it('the SQL message log (SqliteClient) is checkpointed by a thread, stopped when it is closed', async () => {
    const file = join(dir, 'broker.sqlite');
    const client = SqliteClient.open(file);
    await expectCopiedByAThread(
      file,
      (sql) => client.run(sql),
      () => client.close(),
    );
  });
});
