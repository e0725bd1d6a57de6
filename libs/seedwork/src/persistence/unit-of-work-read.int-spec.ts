import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource, openReadDataSource } from './data-source.js';
import { CreateMessagingTables1795400000000 } from './migrations/create-messaging-tables.js';
import { UnitOfWork } from './unit-of-work.js';

// UnitOfWork.read on SQLite: a read-only connection beside the writer, on a real file.
describe('UnitOfWork.read on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uow-read-'));
  const spec = { target: { kind: 'sqlite' as const, file: join(dir, 'read.sqlite') }, migrations: [CreateMessagingTables1795400000000] };
  let writer: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    writer = await openDataSource(spec);
    uow = new UnitOfWork(writer, undefined, await openReadDataSource(spec, writer));
    await writer.query('CREATE TABLE items (id INTEGER PRIMARY KEY)');
  });

  afterAll(async () => {
    await uow.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async () => Number((await uow.manager.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM items'))[0].n);

  it('neither waits for nor sees a transaction still open, and sees it once committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedNow = new Promise<void>((r) => (inserted = r));
    const writing = uow.run(async (tx) => {
      await tx.manager.query('INSERT INTO items (id) VALUES (1)');
      inserted();
      await held;
    });
    await insertedNow;
    expect(await uow.read(count)).toBe(0); // answered while the writer still holds its transaction
    release();
    await writing;
    expect(await uow.read(count)).toBe(1);
  });

  it('reads inside a transaction through that transaction', async () => {
    await uow.run(async (tx) => {
      await tx.manager.query('INSERT INTO items (id) VALUES (2)');
      expect(await uow.read(count)).toBe(2);
      await tx.manager.query('DELETE FROM items WHERE id = 2');
    });
  });

  it('refuses to write on the read connection', async () => {
    await expect(uow.read(() => uow.manager.query('INSERT INTO items (id) VALUES (3)'))).rejects.toThrow(/readonly/i);
  });
});
