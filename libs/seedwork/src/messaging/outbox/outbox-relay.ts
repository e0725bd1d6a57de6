import { CoalescingRunner } from '../../persistence/coalescing-runner.js';
import type { UnitOfWork } from '../../persistence/unit-of-work.js';
import type { Envelope } from '../envelope.js';
import type { MessageBroker, TopicMessages } from '../message-broker.js';

export interface OutboxRelayOptions {
  /** How often the relay sweeps for messages a crash or a broker outage left behind. */
  sweepMs: number;
  batchSize: number;
  /**
   * Published rows are deleted together, at most this often (0, the default: after every pass).
   * Until then the relay reads on past the last row it published; after a crash they are published
   * once more, which the at-least-once delivery already allows for. Only for an outbox that one
   * process relays (another relay would publish them again meanwhile) and whose `seq` grows in
   * commit order, as on SQLite, where transactions write one at a time: on MySQL a row can commit
   * after one with a higher `seq`, and reading past the last one published would leave it behind.
   */
  deleteEveryMs?: number;
  onError(error: unknown): void;
}

interface OutboxRow {
  seq: number;
  topic: string;
  envelope: string;
}

/**
 * Publishes committed outbox rows to the broker, in the order they were written, then deletes them
 * (several passes' rows in one transaction when `deleteEveryMs` is set). Woken right after each
 * commit and by a periodic sweep, so a crash between commit and publish loses nothing: the row is
 * still there at the next start. A message may be published twice (crash after publish, before
 * delete); the broker's log keeps one copy and consumers' inboxes skip repeats.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private readonly passes: CoalescingRunner;
  /** Rows published and not deleted yet, by seq. */
  private published: number[] = [];
  /** With deferred deletes, the highest seq published: the next read starts after it. */
  private after = 0;
  private deletedAt = 0;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly broker: MessageBroker,
    private readonly options: OutboxRelayOptions,
  ) {
    this.passes = new CoalescingRunner(() => this.pass(), options.onError);
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

  /** Stops the passes and deletes what they published (if that fails, the rows go out again at the next start). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.passes.stop();
    await this.deletePublished().catch((error: unknown) => this.options.onError(error));
  }

  /** Publishes every pending row and deletes every published one; returns how many were published. */
  async drain(): Promise<number> {
    const published = await this.publishPending();
    await this.deletePublished();
    return published;
  }

  private async pass(): Promise<void> {
    await this.publishPending();
    if (Date.now() - this.deletedAt >= (this.options.deleteEveryMs ?? 0)) await this.deletePublished();
  }

  private async publishPending(): Promise<number> {
    let count = 0;
    for (;;) {
      // Committed rows, read beside the writer (on SQLite, its read connection): no transaction to
      // wait for. With deferred deletes the read starts past the last row published; without, it
      // starts at the oldest row, and rows published whose delete failed are read again and skipped.
      const after = this.options.deleteEveryMs ? this.after : 0;
      const skip = new Set(after === 0 ? this.published : []);
      const rows = (
        await this.uow.read(() =>
          this.uow.manager.query<OutboxRow[]>('SELECT seq, topic, envelope FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?', [
            after,
            this.options.batchSize + skip.size,
          ]),
        )
      ).filter((row) => !skip.has(Number(row.seq)));
      if (rows.length === 0) return count;
      // The batch's topics in one write (on the SQL log): one transaction, not one per topic.
      await this.broker.publishAll(consecutiveByTopic(rows));
      const seqs = rows.map((row) => Number(row.seq));
      this.published.push(...seqs);
      this.after = Math.max(this.after, ...seqs);
      count += rows.length;
      if (rows.length < this.options.batchSize) return count;
      // A backlog: delete what went out before reading on, so the rows waiting for it stay one batch.
      await this.deletePublished();
    }
  }

  private async deletePublished(): Promise<void> {
    if (this.published.length === 0) return;
    const seqs = [...this.published];
    await this.uow.run(async (tx) => {
      for (let i = 0; i < seqs.length; i += this.options.batchSize) {
        const chunk = seqs.slice(i, i + this.options.batchSize);
        await tx.manager.query(`DELETE FROM outbox WHERE seq IN (${chunk.map(() => '?').join(', ')})`, chunk);
      }
    });
    const deleted = new Set(seqs);
    this.published = this.published.filter((seq) => !deleted.has(seq));
    this.deletedAt = Date.now();
  }
}

function consecutiveByTopic(rows: readonly OutboxRow[]): TopicMessages[] {
  const groups: Array<{ topic: string; envelopes: Envelope[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    const envelope = JSON.parse(row.envelope) as Envelope;
    if (last && last.topic === row.topic) last.envelopes.push(envelope);
    else groups.push({ topic: row.topic, envelopes: [envelope] });
  }
  return groups;
}
