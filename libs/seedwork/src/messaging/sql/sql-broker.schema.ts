import type { SqlClient } from './sql-client.js';

/**
 * The message log's tables. Idempotent DDL (IF NOT EXISTS), because every service process that
 * shares the broker database creates them at start, possibly at the same instant.
 *
 * - `broker_messages`: append-only; `position` is the global order; (topic, id) is unique, so a
 *   message published twice (an outbox relay retrying after a crash) is stored once.
 * - `broker_partitions`: per subscription and partition, the last acknowledged position, the
 *   consumer holding the partition's lease, and the failures of the message at its head.
 * - `broker_members`: the consumers of each subscription, by heartbeat, to share partitions fairly.
 * - `broker_head` (MySQL/MariaDB only): a single row locked by every append; see `appendToLog`.
 */
const SQLITE = [
  `CREATE TABLE IF NOT EXISTS broker_messages (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     topic TEXT NOT NULL,
     id TEXT NOT NULL,
     partition_no INTEGER NOT NULL,
     msg_key TEXT NOT NULL,
     type TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at INTEGER NOT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS broker_messages_topic_id ON broker_messages (topic, id)`,
  `CREATE INDEX IF NOT EXISTS broker_messages_partition ON broker_messages (topic, partition_no, position)`,
  `CREATE TABLE IF NOT EXISTS broker_partitions (
     subscription TEXT NOT NULL,
     topic TEXT NOT NULL,
     partition_no INTEGER NOT NULL,
     position INTEGER NOT NULL DEFAULT 0,
     owner TEXT,
     lease_until INTEGER NOT NULL DEFAULT 0,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     PRIMARY KEY (subscription, topic, partition_no))`,
  `CREATE TABLE IF NOT EXISTS broker_members (
     subscription TEXT NOT NULL,
     topic TEXT NOT NULL,
     consumer_id TEXT NOT NULL,
     heartbeat_at INTEGER NOT NULL,
     PRIMARY KEY (subscription, topic, consumer_id))`,
];

const MYSQL = [
  `CREATE TABLE IF NOT EXISTS broker_messages (
     position BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
     topic VARCHAR(191) NOT NULL,
     id VARCHAR(64) NOT NULL,
     partition_no INT NOT NULL,
     msg_key VARCHAR(191) NOT NULL,
     type VARCHAR(191) NOT NULL,
     body LONGTEXT NOT NULL,
     created_at BIGINT NOT NULL,
     UNIQUE KEY broker_messages_topic_id (topic, id),
     KEY broker_messages_partition (topic, partition_no, position)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  `CREATE TABLE IF NOT EXISTS broker_partitions (
     subscription VARCHAR(191) NOT NULL,
     topic VARCHAR(191) NOT NULL,
     partition_no INT NOT NULL,
     position BIGINT NOT NULL DEFAULT 0,
     owner VARCHAR(191) NULL,
     lease_until BIGINT NOT NULL DEFAULT 0,
     attempts INT NOT NULL DEFAULT 0,
     last_error TEXT NULL,
     PRIMARY KEY (subscription, topic, partition_no)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  // One row whose lock orders appends, so positions become visible in the order they were taken.
  `CREATE TABLE IF NOT EXISTS broker_head (id INT NOT NULL PRIMARY KEY, appends BIGINT NOT NULL) ENGINE=InnoDB`,
  `INSERT IGNORE INTO broker_head (id, appends) VALUES (1, 0)`,
  `CREATE TABLE IF NOT EXISTS broker_members (
     subscription VARCHAR(191) NOT NULL,
     topic VARCHAR(191) NOT NULL,
     consumer_id VARCHAR(191) NOT NULL,
     heartbeat_at BIGINT NOT NULL,
     PRIMARY KEY (subscription, topic, consumer_id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
];

export async function createBrokerSchema(client: SqlClient): Promise<void> {
  for (const ddl of client.dialect === 'sqlite' ? SQLITE : MYSQL) await client.run(ddl);
}

/** `INSERT OR IGNORE` in either dialect. */
export function insertIgnore(client: SqlClient): string {
  return client.dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}

export interface LogRow {
  topic: string;
  id: string;
  partition: number;
  key: string;
  type: string;
  body: string;
}

/**
 * Appends rows to the log inside the caller's transaction. Consumers read `position > last seen`,
 * so a position must never become visible after a higher one: on MySQL/MariaDB an auto-increment
 * is taken at INSERT but seen at COMMIT, so appends first lock the one `broker_head` row and commit
 * in the order they took positions. SQLite has one writer: its order is already the commit order.
 */
export async function appendToLog(tx: SqlClient, rows: readonly LogRow[]): Promise<void> {
  if (tx.dialect === 'mysql') await tx.run('UPDATE broker_head SET appends = appends + 1 WHERE id = 1');
  const sql = `${insertIgnore(tx)} INTO broker_messages (topic, id, partition_no, msg_key, type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`;
  const now = Date.now();
  for (const r of rows) await tx.run(sql, [r.topic, r.id, r.partition, r.key, r.type, r.body, now]);
}
