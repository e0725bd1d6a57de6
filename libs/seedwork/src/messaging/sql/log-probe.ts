import { partitionKey, type ProbeResult } from '../change-notifier.js';
import type { SqlClient } from './sql-client.js';

/** Rows one probe reads at most: after a longer pause, every waiter is woken instead. */
export const PROBE_LIMIT = 1000;

/** A range read of the primary key: only the rows appended since the previous probe. */
export const PROBE_SQL = 'SELECT topic, partition_no, position FROM broker_messages WHERE position > ? ORDER BY position LIMIT ?';

/**
 * What the change notifier asks the log: its head, and which partitions received messages after
 * `after` (none known yet, or more than `limit` rows since: only the head, and every waiter wakes).
 * The rows are grouped here, not by `GROUP BY topic, partition_no` in SQL: for that, SQLite walks the
 * (topic, partition, position) index over the whole log, a cost that grows with the log.
 */
export async function probeLog(client: SqlClient, after: number | undefined, limit = PROBE_LIMIT): Promise<ProbeResult> {
  if (after !== undefined) {
    const rows = await client.all<{ topic: string; partition_no: number; position: number }>(PROBE_SQL, [after, limit + 1]);
    if (rows.length <= limit) {
      return {
        head: rows.reduce((head, row) => Math.max(head, Number(row.position)), after),
        changed: [...new Set(rows.map((row) => partitionKey(row.topic, Number(row.partition_no))))],
      };
    }
  }
  const [row] = await client.all<{ head: number | null }>('SELECT MAX(position) AS head FROM broker_messages');
  return { head: Number(row?.head ?? 0) };
}
