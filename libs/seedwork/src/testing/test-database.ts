import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../persistence/data-source.js';
import { type DatabaseTarget, parseDatabaseUrl } from '../persistence/database-url.js';

export interface TestDatabase {
  dataSource: DataSource;
  target: DatabaseTarget;
  /** A fresh folder beside the database (SQLite's, or an empty one), for other files of the test. */
  dir: string;
  /** Another database of the same kind, e.g. a broker's; dropped (or deleted) with this one. */
  sibling(suffix: string): DatabaseTarget;
  close(): Promise<void>;
}

/**
 * A fresh database for an integration spec, migrated: a SQLite file in a temporary folder, or, with
 * `mysqlUrl`, a new database on that MariaDB/MySQL server named after `name`. `close` removes it.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function openTestDatabase(name: string, migrations: Function[], mysqlUrl?: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const unique = `${name.replace(/[^a-z0-9]/gi, '_')}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const targetFor = (suffix: string): DatabaseTarget => {
    if (!mysqlUrl) return { kind: 'sqlite', file: join(dir, `${suffix}.sqlite`) };
    const url = new URL(mysqlUrl);
    url.pathname = `/${unique}${suffix === 'main' ? '' : `_${suffix}`}`;
    return parseDatabaseUrl(url.toString(), dir, suffix);
  };
  const target = targetFor('main');
  const siblings: DatabaseTarget[] = [];
  const dataSource = await openDataSource({ target, migrations });
  return {
    dataSource,
    target,
    dir,
    sibling: (suffix) => {
      const sibling = targetFor(suffix);
      siblings.push(sibling);
      return sibling;
    },
    close: async () => {
      for (const t of [...siblings, target]) if (t.kind !== 'sqlite') await dataSource.query(`DROP DATABASE IF EXISTS \`${t.database}\``);
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
