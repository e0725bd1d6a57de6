import type { EntityManager } from 'typeorm';

/** Runs a write and returns how many rows it inserted or changed (SQLite, MySQL, MariaDB). */
export async function filasAfectadas(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!manager.queryRunner) throw new Error('filasAfectadas must be called inside UnitOfWork.run');
  const result = await manager.queryRunner.query(sql, params, true);
  return result.affected ?? 0;
}

/** `INSERT OR IGNORE` on SQLite, `INSERT IGNORE` on MySQL/MariaDB: a row whose key exists is skipped. */
export function insertIgnore(manager: EntityManager): string {
  return manager.connection.options.type === 'better-sqlite3' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}
