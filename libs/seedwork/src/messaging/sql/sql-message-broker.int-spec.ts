import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from '@jest/globals';
import mysql from 'mysql2/promise';
import { type DatabaseTarget, parseDatabaseUrl, redact } from '../../persistence/database-url.js';
import { describeBrokerContract } from '../../testing/index.js';
import type { SqlBrokerOptions } from './sql-broker-options.js';
import { SqlMessageBroker } from './sql-message-broker.js';

// Short lease and backoff so abandoned consumers and retries resolve in well under a second.
const OPTIONS: Partial<SqlBrokerOptions> = { leaseMs: 500, pollMs: 10, retryBaseMs: 20, maxAttempts: 3 };
const CONTRACT = { deduplicatesById: true, timeoutMs: 5000 };

describe('SqlMessageBroker on SQLite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'broker-contract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeBrokerContract(
    'MessageBroker contract',
    () => SqlMessageBroker.open({ kind: 'sqlite', file: join(dir, 'broker.sqlite') }, OPTIONS),
    CONTRACT,
  );
});

const mysqlUrl = process.env.MYSQL_URL?.trim();

(mysqlUrl ? describe : describe.skip)(`SqlMessageBroker on MariaDB/MySQL (${mysqlUrl ? redact(mysqlUrl) : 'MYSQL_URL not set'})`, () => {
  const database = `broker_contract_${randomBytes(4).toString('hex')}`;
  let target: DatabaseTarget;
  beforeAll(() => {
    const server = parseDatabaseUrl(mysqlUrl, tmpdir(), 'unused');
    if (server.kind === 'sqlite') throw new Error('MYSQL_URL must be a mysql:// or mariadb:// URL');
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    target = { kind: server.kind, url: url.toString(), database };
  });
  afterAll(async () => {
    if (!target || target.kind === 'sqlite') return;
    const url = new URL(target.url);
    url.pathname = '/';
    const admin = await mysql.createConnection({ uri: url.toString() });
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    } finally {
      await admin.end();
    }
  });

  describeBrokerContract('MessageBroker contract', () => SqlMessageBroker.open(target, OPTIONS), CONTRACT);
});
