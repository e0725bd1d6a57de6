import type { Envelope } from '../envelope.js';
import type { UnitOfWork } from '../../persistence/unit-of-work.js';
import type { OutboxRelay } from './outbox-relay.js';

/**
 * The transactional outbox: messages are written in the same transaction as the state change
 * that causes them, and published by the relay only once that transaction has committed.
 */
export class Outbox {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly relay: OutboxRelay,
  ) {}

  /** Adds messages to the current unit of work. Throws outside of one: that would lose atomicity. */
  async add(topic: string, envelopes: readonly Envelope[]): Promise<void> {
    const tx = this.uow.current;
    if (!tx) throw new Error('Outbox.add must be called inside UnitOfWork.run');
    const now = Date.now();
    for (const e of envelopes) {
      await tx.manager.query('INSERT INTO outbox (id, topic, correlation_id, envelope, created_at) VALUES (?, ?, ?, ?, ?)', [
        e.id,
        topic,
        e.correlationId,
        JSON.stringify(e),
        now,
      ]);
    }
    // Wake the relay, without waiting for its pass: the unit of work is done once it has committed.
    if (envelopes.length > 0) tx.afterCommit(() => void this.relay.wake());
  }
}
