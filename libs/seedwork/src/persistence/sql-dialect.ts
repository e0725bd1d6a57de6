import type { EntityManager } from 'typeorm';

/** The few SQL spellings that differ between SQLite and MySQL/MariaDB, for hand-written queries. */

/** True when a query failed on a unique index or primary key (SQLite, MySQL, MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** `INSERT OR IGNORE` on SQLite, `INSERT IGNORE` on MySQL/MariaDB: a row whose key exists is skipped. */
export function insertIgnore(manager: EntityManager): string {
  return isSqlite(manager) ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}

/**
 * ` FOR UPDATE` on MySQL/MariaDB, nothing on SQLite. A locking read sees the latest committed rows,
 * not the transaction's snapshot, and locks them (or the gap where they would be) until commit:
 * what two transactions need when each decides on what the other writes. SQLite runs one
 * transaction at a time, so it has no such clause and needs none.
 */
export function forUpdate(manager: EntityManager): string {
  return isSqlite(manager) ? '' : ' FOR UPDATE';
}

function isSqlite(manager: EntityManager): boolean {
  return manager.connection.options.type === 'better-sqlite3';
}
