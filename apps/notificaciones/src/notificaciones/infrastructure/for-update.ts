import type { EntityManager } from 'typeorm';

/**
 * ` FOR UPDATE` on MySQL/MariaDB, nothing on SQLite. A locking read sees the latest committed rows,
 * not the transaction's snapshot, and locks them (or the gap where they would be) until commit:
 * what two transactions need when each decides on what the other writes. SQLite runs one
 * transaction at a time, so it has no such clause and needs none.
 */
export function forUpdate(manager: EntityManager): string {
  return manager.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
}
