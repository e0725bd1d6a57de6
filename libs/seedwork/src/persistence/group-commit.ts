import { AsyncResource } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Mutex } from './mutex.js';
import { type Attempt, inSavepoint } from './savepoint.js';

/** One unit of work waiting for its turn: its work runs in a savepoint of the group's transaction. */
interface GroupedUnit {
  work(manager: EntityManager): Promise<unknown>;
  /** Called once the group has committed (or the unit failed): settles the caller's promise. */
  settle(outcome: Attempt<unknown>): void;
}

/** Units one transaction takes at most: a bound on how long the first of them waits for the commit. */
export const MAX_UNITS_PER_COMMIT = 32;

/**
 * Group commit for SQLite: units of work that queue while another one runs share its transaction,
 * each in a savepoint of its own, and are settled together when it commits.
 *
 * SQLite has one writer, so this process's units of work run one at a time anyway; what a commit
 * costs is mostly writing each page it changed to the WAL (two write calls a page, about 14 pages
 * for a saga's step). Units that follow each other change many of the same pages (the end of the
 * outbox, the inbox, the saga log, the event store), which one commit writes once. A unit that
 * fails rolls back to its savepoint: the others in the group are not touched. No unit is settled
 * before the COMMIT: a caller sees success only once its changes are durable, as before.
 */
export class GroupCommit {
  private readonly queue: GroupedUnit[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    /** The writers' lock of the data source (its WAL checkpointer pauses writes with it). */
    private readonly writes: Mutex,
  ) {}

  /** Runs `work` in the next group's transaction; resolves once that transaction has committed. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // In its caller's async context (loggers, tracing), not in that of the unit that opened the group.
      // runInAsyncScope, not AsyncResource.bind or AsyncLocalStorage.snapshot: on Node 20 both build
      // a deprecation getter on every call (1 % of aeroalpes' CPU under load).
      const callers = new AsyncResource('GroupCommitUnit');
      this.queue.push({
        work: (manager) => callers.runInAsyncScope(work, undefined, manager),
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
      });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.writes.run(() => this.group());
    } finally {
      this.draining = false;
    }
  }

  /** One transaction: the units queued now and those that queue while it runs, up to the limit. */
  private async group(): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner();
    const committing: Array<{ unit: GroupedUnit; value: unknown }> = [];
    let current: GroupedUnit | undefined;
    try {
      await queryRunner.startTransaction();
    } catch (error) {
      // No transaction (the connection is closed, say): every unit waiting now fails with this error,
      // rather than the queue being tried again and again.
      for (const unit of this.queue.splice(0)) unit.settle({ ok: false, error });
      return;
    }
    try {
      for (let taken = 0; this.queue.length > 0 && taken < MAX_UNITS_PER_COMMIT; taken += 1) {
        current = this.queue.shift()!;
        const outcome = await inSavepoint(queryRunner.manager, () => current!.work(queryRunner.manager));
        if (outcome.ok) committing.push({ unit: current, value: outcome.value });
        else current.settle(outcome);
        current = undefined;
      }
      await queryRunner.commitTransaction();
    } catch (error) {
      // COMMIT, or a unit whose changes could not be undone: nothing of the group is committed.
      if (queryRunner.isTransactionActive) await rollBack(queryRunner);
      for (const unit of [...committing.map((c) => c.unit), ...(current ? [current] : [])]) unit.settle({ ok: false, error });
      return;
    } finally {
      await queryRunner.release();
    }
    for (const { unit, value } of committing) unit.settle({ ok: true, value });
  }
}

async function rollBack(queryRunner: QueryRunner): Promise<void> {
  try {
    await queryRunner.rollbackTransaction();
  } catch {
    // the transaction already ended: nothing of it is committed either way
  }
}
