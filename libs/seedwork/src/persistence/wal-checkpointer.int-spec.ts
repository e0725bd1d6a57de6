import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { eventually } from '../testing/eventually.js';
import { SqliteClient } from '../messaging/sql/sqlite-client.js';
import { openDataSource } from './data-source.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const WITHIN_MS = 5000;
/** About 250 pages of 4 KiB: well past what one checkpoint pass leaves behind. */
const ROWS = 2000;

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
  });

  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });
  let next = 0;
  function writeRows(): void {
    const insert = db.prepare('INSERT INTO t (n, body) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) insert.run((next += 1), 'x'.repeat(400));
    })();
  }

  it('turns the connection’s own checkpoints off and copies its commits into the database file from its thread', async () => {
    checkpointer = WalCheckpointer.start(db);
    expect(autocheckpoint()).toBe(0);
    const before = size(file);
    writeRows();
    expect(size(file)).toBe(before); // the commit only appended to the WAL
    await eventually(() => expect(size(file)).toBeGreaterThan(before + ROWS * 400), WITHIN_MS);
  });

  it('lets the writer start the WAL over once it is copied, so the WAL stays about one burst long', async () => {
    checkpointer = WalCheckpointer.start(db);
    let oneBurst = 0;
    for (let burst = 0; burst < 4; burst += 1) {
      const before = size(file);
      writeRows();
      if (burst === 0) oneBurst = size(`${file}-wal`);
      await eventually(() => expect(size(file)).toBeGreaterThan(before + ROWS * 400), WITHIN_MS);
    }
    // Four bursts written; without checkpoints the WAL would hold all four.
    expect(size(`${file}-wal`)).toBeLessThan(2 * oneBurst);
  });

  it('closes its connection when stopped: the writer, then the last one, removes the WAL on close', async () => {
    checkpointer = WalCheckpointer.start(db);
    writeRows();
    await checkpointer.stop();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('turns SQLite’s own checkpoints back on, with a warning, when its thread cannot work', async () => {
    const warnings: string[] = [];
    unlinkSync(file); // the thread opens the file by name and finds nothing there
    checkpointer = WalCheckpointer.start(db, (message) => warnings.push(message));
    await eventually(() => expect(autocheckpoint()).toBe(1000), WITHIN_MS);
    expect(warnings).toEqual([`WAL checkpoints of ${file} are back in the committing thread: SQLITE_CANTOPEN`]);
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

  it('a service database (openDataSource) is checkpointed by a thread, stopped when it is destroyed', async () => {
    const file = join(dir, 'service.sqlite');
    const dataSource = await openDataSource({ target: { kind: 'sqlite', file } });
    await expect(dataSource.query('PRAGMA wal_autocheckpoint')).resolves.toEqual([{ wal_autocheckpoint: 0 }]);
    await dataSource.query('CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const before = statSync(file).size;
    await dataSource.query(
      `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${ROWS}) INSERT INTO t SELECT n, printf('%400d', n) FROM s`,
    );
    await eventually(() => expect(statSync(file).size).toBeGreaterThan(before + ROWS * 400), WITHIN_MS);
    await dataSource.destroy();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('the SQL message log (SqliteClient) is checkpointed by a thread, stopped when it is closed', async () => {
    const file = join(dir, 'broker.sqlite');
    const client = SqliteClient.open(file);
    await expect(client.all('PRAGMA wal_autocheckpoint')).resolves.toEqual([{ wal_autocheckpoint: 0 }]);
    await client.run('CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const before = statSync(file).size;
    await client.run(
      `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${ROWS}) INSERT INTO t SELECT n, printf('%400d', n) FROM s`,
    );
    await eventually(() => expect(statSync(file).size).toBeGreaterThan(before + ROWS * 400), WITHIN_MS);
    await client.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
