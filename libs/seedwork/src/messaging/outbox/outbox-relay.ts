import { CoalescingRunner } from '../../persistence/coalescing-runner.js';
import type { UnitOfWork } from '../../persistence/unit-of-work.js';
import type { Envelope } from '../envelope.js';
import type { MessageBroker } from '../message-broker.js';

export interface OutboxRelayOptions {
  /** How often the relay sweeps for messages a crash or a broker outage left behind. */
  sweepMs: number;
  batchSize: number;
  onError(error: unknown): void;
}

interface OutboxRow {
  seq: number;
  topic: string;
  envelope: string;
}

/**
 * Publishes committed outbox rows to the broker, in the order they were written, then deletes them. Woken right
 * after each commit and by a periodic sweep, so a crash between commit and publish loses nothing:
 * the row is still there at the next start. A message may be published twice (crash after
 * publish, before delete); the broker's log keeps one copy and consumers' inboxes skip repeats.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private readonly passes: CoalescingRunner;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly broker: MessageBroker,
    private readonly options: OutboxRelayOptions,
  ) {
    this.passes = new CoalescingRunner(() => this.drain(), options.onError);
  }

  start(): void {
    this.passes.resume();
    this.timer = setInterval(() => this.wake(), this.options.sweepMs);
    this.timer.unref();
    this.wake();
  }

  /** Publishes what is pending now; calls arriving meanwhile are folded into one more pass. */
  wake(): Promise<void> {
    return this.passes.run();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.passes.stop();
  }

  /** Publishes every pending row; returns how many were published. */
  async drain(): Promise<number> {
    let published = 0;
    for (;;) {
      // Committed rows, read beside the writer (on SQLite, its read connection): no transaction to wait for.
      const rows = await this.uow.read(() =>
        this.uow.manager.query<OutboxRow[]>('SELECT seq, topic, envelope FROM outbox ORDER BY seq LIMIT ?', [this.options.batchSize]),
      );
      if (rows.length === 0) return published;
      for (const group of consecutiveByTopic(rows)) {
        await this.broker.publish(group.topic, group.envelopes);
      }
      const seqs = rows.map((row) => Number(row.seq));
      await this.uow.run((tx) => tx.manager.query(`DELETE FROM outbox WHERE seq IN (${seqs.map(() => '?').join(', ')})`, seqs));
      published += rows.length;
      if (rows.length < this.options.batchSize) return published;
    }
  }
}

function consecutiveByTopic(rows: readonly OutboxRow[]): Array<{ topic: string; envelopes: Envelope[] }> {
  const groups: Array<{ topic: string; envelopes: Envelope[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    const envelope = JSON.parse(row.envelope) as Envelope;
    if (last && last.topic === row.topic) last.envelopes.push(envelope);
    else groups.push({ topic: row.topic, envelopes: [envelope] });
  }
  return groups;
}
