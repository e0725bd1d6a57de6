import type { EntityManager } from 'typeorm';

/** What work run in a savepoint came to: its result, or its error once its changes were undone. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Savepoints open in each transaction (by its manager): a savepoint's name is its depth. */
const depths = new WeakMap<EntityManager, number>();

/**
 * Runs `work` in a savepoint of the transaction `manager` belongs to (SQLite, MySQL and MariaDB
 * alike). If it throws, its changes alone are undone and its error is returned: the transaction
 * goes on. If undoing fails too (MySQL already rolled the whole transaction back after a
 * deadlock, say), the work's own error is thrown: the transaction is beyond a savepoint's reach.
 *
 * Plain SQL, not TypeORM's nested transactions: a failed rollback to a savepoint would leave the
 * query runner counting one level too deep, and every later transaction of the shared SQLite
 * connection would start as a savepoint.
 */
export async function inSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<Attempt<T>> {
  // Named by depth, not by a counter: savepoints of one transaction nest, one at a time (the depth
  // is taken before the first await), and a few names leave the statement cache (TypeORM's: 100
  // statements) to the queries of the work itself.
  const depth = (depths.get(manager) ?? 0) + 1;
  const name = `unit_${depth}`;
  depths.set(manager, depth);
  try {
    await manager.query(`SAVEPOINT ${name}`);
    let value: T;
    try {
      value = await work();
    } catch (error) {
      try {
        await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await manager.query(`RELEASE SAVEPOINT ${name}`);
      } catch {
        throw error;
      }
      return { ok: false, error };
    }
    await manager.query(`RELEASE SAVEPOINT ${name}`);
    return { ok: true, value };
  } finally {
    depths.set(manager, depth - 1);
  }
}
