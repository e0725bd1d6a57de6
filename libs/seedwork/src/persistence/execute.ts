import type { EntityManager } from 'typeorm';

/**
 * Runs a write statement and returns how many rows it matched, on SQLite and MySQL/MariaDB alike
 * (mysql2 counts found rows). For conditional updates: `UPDATE … WHERE version = ?` → 0 or 1.
 */
export async function execute(manager: EntityManager, sql: string, params: readonly unknown[] = []): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params as unknown[], true);
    return result.affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
