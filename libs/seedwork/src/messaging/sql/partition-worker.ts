import type { Envelope } from '../envelope.js';
import { deadLetterTopic, type MessageHandler, UnprocessableMessageError } from '../message-broker.js';
import { type ChangeNotifier, type ChangeToken, partitionKey } from '../change-notifier.js';
import { appendToLog } from './sql-broker.schema.js';
import type { SqlBrokerOptions } from './sql-broker-options.js';
import type { SqlClient } from './sql-client.js';

export interface PartitionLease {
  subscription: string;
  topic: string;
  partition: number;
  consumerId: string;
  position: number;
  attempts: number;
  /** Until when the lease is known to be ours (epoch ms); renewed by the subscriber's heartbeat. */
  until: number;
}

const MAX_BACKOFF_MS = 30000;
/** Pause after a database error before the worker reads again. */
const STORAGE_RETRY_MS = 1000;
/**
 * An idle worker reads again after `pollMs` × 100 (at least this) even if nothing woke it: only a
 * safety net, since a publish in this process and the probe's findings wake it at once. Shorter,
 * it was most of an idle service's CPU (aeroalpes: 32 idle partitions read 4 times a second).
 */
const IDLE_READ_MIN_MS = 1000;

/**
 * Delivers one partition's messages, in order, to one handler, while this consumer holds the
 * partition's lease. Acknowledging advances the partition's position only if the lease is still
 * ours; a lost lease stops the worker (the new owner redelivers, the inbox skips duplicates).
 */
export class PartitionWorker {
  private stopped = false;
  private running: Promise<void> | undefined;
  private sleeper: { wake(): void } | undefined;

  constructor(
    private readonly client: SqlClient,
    private readonly notifier: ChangeNotifier,
    private readonly options: SqlBrokerOptions,
    private readonly lease: PartitionLease,
    private readonly handler: MessageHandler,
    private readonly maxAttempts: number,
    private readonly onLost: (partition: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  get partition(): number {
    return this.lease.partition;
  }

  start(): void {
    this.running = this.loop().catch((error: unknown) => {
      this.onError(error);
      this.onLost(this.lease.partition);
    });
  }

  /** The subscriber's heartbeat renewed the lease until `until`. */
  renewed(until: number): void {
    this.lease.until = Math.max(this.lease.until, until);
  }

  /** Stops after the message in hand, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper?.wake();
    await this.running;
  }

  /**
   * Reads and delivers until stopped. A database error (busy, connection reset, lock wait) does not
   * end the worker: the partition's lease is still ours and nobody else would take it, so the
   * worker logs, waits and reads again from its last acknowledged position.
   */
  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if ((await this.pass()) === 'lost') {
          this.stopped = true;
          this.onLost(this.lease.partition);
          return;
        }
      } catch (error) {
        this.onError(error);
        await this.sleep(STORAGE_RETRY_MS);
      }
    }
  }

  /**
   * One read of the partition and the delivery of what it found. Handled messages are acknowledged
   * together, once per read (or in the write that records a failure): the inbox makes a message
   * handled again after a crash a no-op, and one write per read keeps the shared log's writer free.
   */
  private async pass(): Promise<'continue' | 'lost'> {
    const { topic, partition } = this.lease;
    if (Date.now() >= this.lease.until) {
      // Wait for the heartbeat to renew the lease (or to find it lost, which stops this worker).
      await this.sleep(this.options.pollMs);
      return 'continue';
    }
    const token = this.notifier.token(this.key);
    const rows = await this.client.all<{ position: number; body: string }>(
      'SELECT position, body FROM broker_messages WHERE topic = ? AND partition_no = ? AND position > ? ORDER BY position LIMIT ?',
      [topic, partition, this.lease.position, this.options.batchSize],
    );
    if (rows.length === 0) {
      await this.idle(token);
      return 'continue';
    }
    let handled = this.lease.position;
    for (const row of rows) {
      // A lease not renewed in time may be someone else's by now: stop handing out messages.
      if (this.stopped || Date.now() >= this.lease.until) break;
      const position = Number(row.position);
      const outcome = await this.deliver(position, JSON.parse(row.body) as Envelope, handled);
      if (outcome === 'lost') return 'lost';
      if (outcome === 'retry') {
        await this.sleep(this.backoff(this.lease.attempts));
        return 'continue';
      }
      handled = position; // handled, or dead-lettered: either way the partition moves past it
    }
    const recorded = handled > this.lease.position ? await this.record(handled, 0, null) : 'continue';
    // All of a short read handled: nothing more was there when it ran, and whatever came since has
    // changed the token taken before it. Wait on that token rather than read the partition again
    // only to find it empty (one read less per delivery).
    const drained = rows.length < this.options.batchSize && handled === Number(rows.at(-1)!.position);
    if (recorded === 'continue' && drained) await this.idle(token);
    return recorded;
  }

  /**
   * Hands one message to the handler. On failure, what was handled before it (up to `handled`) is
   * acknowledged in the same write that records the failure, or that dead-letters the message.
   */
  private async deliver(position: number, envelope: Envelope, handled: number): Promise<'handled' | 'retry' | 'lost'> {
    const attempt = this.lease.attempts + 1;
    try {
      await this.handler({ topic: this.lease.topic, envelope, attempt });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (error instanceof UnprocessableMessageError || attempt >= this.maxAttempts) {
        return (await this.deadLetter(position, envelope, reason, attempt)) === 'lost' ? 'lost' : 'handled';
      }
      const recorded = await this.record(Math.max(handled, this.lease.position), attempt, reason.slice(0, 2000));
      return recorded === 'lost' ? 'lost' : 'retry';
    }
    this.lease.attempts = 0;
    return 'handled';
  }

  /**
   * Writes the partition's position and the failures of the message after it, only while the lease
   * is ours: acknowledging is moving the position.
   */
  private async record(
    position: number,
    attempts: number,
    error: string | null,
    client: SqlClient = this.client,
  ): Promise<'continue' | 'lost'> {
    const written = await client.run(
      'UPDATE broker_partitions SET position = ?, attempts = ?, last_error = ? WHERE subscription = ? AND topic = ? AND partition_no = ? AND owner = ?',
      [position, attempts, error, ...this.leaseKey()],
    );
    if (written.affected === 0) return 'lost';
    this.lease.position = position;
    this.lease.attempts = attempts;
    return 'continue';
  }

  private async deadLetter(position: number, envelope: Envelope, reason: string, attempts: number): Promise<'continue' | 'lost'> {
    const dlq = deadLetterTopic(this.lease.topic);
    const body = {
      ...envelope,
      deadLetter: {
        reason,
        topic: this.lease.topic,
        subscription: this.lease.subscription,
        attempts,
        deadLetteredAt: new Date().toISOString(),
      },
    };
    return this.client.transaction(async (tx) => {
      await appendToLog(tx, [
        {
          topic: dlq,
          id: `${envelope.id}:${this.lease.subscription}`,
          partition: this.lease.partition,
          key: envelope.correlationId,
          type: envelope.type,
          body: JSON.stringify(body),
        },
      ]);
      return this.record(position, 0, null, tx);
    });
  }

  private get key(): string {
    return partitionKey(this.lease.topic, this.lease.partition);
  }

  private leaseKey(): [string, string, number, string] {
    return [this.lease.subscription, this.lease.topic, this.lease.partition, this.lease.consumerId];
  }

  private backoff(attempts: number): number {
    const base = this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1);
    return Math.min(MAX_BACKOFF_MS, base) * (0.8 + Math.random() * 0.4);
  }

  /** Waits for new messages (or the idle timeout); `stop` cuts the wait short, as it does a backoff. */
  private idle(since: ChangeToken): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        wake: () => {
          if (this.sleeper === sleeper) this.sleeper = undefined;
          resolve();
        },
      };
      this.sleeper = sleeper;
      void this.notifier.wait(this.key, since, Math.max(this.options.pollMs * 100, IDLE_READ_MIN_MS)).then(sleeper.wake);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = undefined;
        resolve();
      }, ms);
      this.sleeper = {
        wake: () => {
          clearTimeout(timer);
          this.sleeper = undefined;
          resolve();
        },
      };
    });
  }
}
