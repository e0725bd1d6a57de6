import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import type { DatabaseTarget } from '#seedwork';

type Query = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>> | number>;

async function withBrokerDatabase<T>(target: DatabaseTarget, work: (query: Query) => Promise<T>): Promise<T> {
  if (target.kind === 'sqlite') {
    const db = new Database(target.file, { timeout: 10000 });
    try {
      return await work(async (sql, params) => {
        const statement = db.prepare(sql);
        return statement.reader ? (statement.all(...params) as Array<Record<string, unknown>>) : statement.run(...params).changes;
      });
    } finally {
      db.close();
    }
  }
  const connection = await mysql.createConnection({ uri: target.url.replace(/^mariadb:/, 'mysql:') });
  try {
    return await work(async (sql, params) => {
      const [result] = await connection.query(sql, params);
      return Array.isArray(result) ? (result as Array<Record<string, unknown>>) : (result as mysql.ResultSetHeader).affectedRows;
    });
  } finally {
    await connection.end();
  }
}

/**
 * Rewinds a subscription of the SQL message log to the start of its topics, as if the broker
 * redelivered everything: for tests of at-least-once delivery. Run it while no consumer runs.
 */
export function rewindSubscription(target: DatabaseTarget, subscription: string): Promise<number> {
  return withBrokerDatabase(target, async (query) =>
    Number(
      await query('UPDATE broker_partitions SET position = 0, attempts = 0, owner = NULL, lease_until = 0 WHERE subscription = ?', [
        subscription,
      ]),
    ),
  );
}

/** True when every partition of the subscription has acknowledged the last message of its topic. */
export function subscriptionCaughtUp(target: DatabaseTarget, subscription: string): Promise<boolean> {
  return withBrokerDatabase(target, async (query) => {
    const rows = (await query(
      `SELECT COUNT(*) AS behind FROM broker_partitions p WHERE p.subscription = ? AND EXISTS (
         SELECT 1 FROM broker_messages m WHERE m.topic = p.topic AND m.partition_no = p.partition_no AND m.position > p.position)`,
      [subscription],
    )) as Array<{ behind: number }>;
    return Number(rows[0].behind) === 0;
  });
}
