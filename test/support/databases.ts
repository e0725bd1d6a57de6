import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { type DatabaseTarget, parseDatabaseUrl } from '#seedwork';

/**
 * Where a test's services keep their data: a fresh temporary folder (SQLite, the embedded
 * default), or, when MYSQL_URL is set, fresh databases on that server, one per service.
 */
export class TestDatabases {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'aeroalpes-'));
  readonly mysqlUrl = process.env.MYSQL_URL;
  private readonly prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private readonly created: string[] = [];

  get kind(): 'sqlite' | 'mysql' {
    return this.mysqlUrl ? 'mysql' : 'sqlite';
  }

  /** The URL of a database for `name`: a MySQL/MariaDB database, or undefined for the SQLite default. */
  urlFor(name: string): string | undefined {
    if (!this.mysqlUrl) return undefined;
    const url = new URL(this.mysqlUrl);
    const database = `${this.prefix}_${name.replace(/[^a-z0-9]/gi, '_')}`;
    url.pathname = `/${database}`;
    if (!this.created.includes(database)) this.created.push(database);
    return url.toString();
  }

  /** Environment for the services of one suite: data folder, per-service databases, broker database. */
  envFor(services: readonly string[]): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { DATA_DIR: this.dataDir };
    if (!this.mysqlUrl) return env;
    for (const service of services) env[`${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`] = this.urlFor(service);
    env.BROKER_DATABASE_URL = this.urlFor('broker');
    return env;
  }

  /** The broker's database, as the services of `envFor` use it. */
  brokerTarget(): DatabaseTarget {
    return parseDatabaseUrl(this.mysqlUrl ? this.urlFor('broker') : undefined, this.dataDir, 'broker');
  }

  async dispose(): Promise<void> {
    rmSync(this.dataDir, { recursive: true, force: true });
    if (!this.mysqlUrl || this.created.length === 0) return;
    const server = new URL(this.mysqlUrl);
    server.pathname = '/';
    const connection = await mysql.createConnection({ uri: server.toString() });
    try {
      for (const database of this.created) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    } finally {
      await connection.end();
    }
  }
}
