import type { ChangeNotifier } from '../change-notifier.js';
import type { MessageHandler, SubscribeOptions, Subscription } from '../message-broker.js';
import { PartitionWorker } from './partition-worker.js';
import { insertIgnore } from './sql-broker.schema.js';
import type { SqlBrokerOptions } from './sql-broker-options.js';
import type { SqlClient } from './sql-client.js';

/**
 * One consumer of a subscription. It heartbeats, takes a fair share of the topic's partitions
 * (those nobody holds, or whose holder stopped heartbeating), gives back what is above its share
 * when others join, and runs one worker per partition it holds.
 */
export class SqlSubscriber implements Subscription {
  private readonly workers = new Map<number, PartitionWorker>();
  private timer: NodeJS.Timeout | undefined;
  private maintaining: Promise<void> = Promise.resolve();
  private busy = false;
  private closed = false;

  constructor(
    private readonly client: SqlClient,
    private readonly notifier: ChangeNotifier,
    private readonly options: SqlBrokerOptions,
    private readonly subscribeOptions: SubscribeOptions,
    private readonly handler: MessageHandler,
    private readonly consumerId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const { subscription, topic } = this.subscribeOptions;
    for (let partition = 0; partition < this.options.partitions; partition += 1) {
      await this.client.run(`${insertIgnore(this.client)} INTO broker_partitions (subscription, topic, partition_no) VALUES (?, ?, ?)`, [
        subscription,
        topic,
        partition,
      ]);
    }
    await this.maintain();
    this.timer = setInterval(() => this.scheduleMaintenance(), Math.max(50, Math.floor(this.options.leaseMs / 3)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.maintaining;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    const { subscription, topic } = this.subscribeOptions;
    await this.client
      .run('UPDATE broker_partitions SET owner = NULL, lease_until = 0 WHERE subscription = ? AND topic = ? AND owner = ?', [
        subscription,
        topic,
        this.consumerId,
      ])
      .catch(this.onError);
    await this.client
      .run('DELETE FROM broker_members WHERE subscription = ? AND topic = ? AND consumer_id = ?', [subscription, topic, this.consumerId])
      .catch(this.onError);
    this.workers.clear();
  }

  private scheduleMaintenance(): void {
    if (this.busy) return; // the previous round is still running: no queue of rounds behind it
    this.busy = true;
    this.maintaining = this.maintain()
      .catch(this.onError)
      .finally(() => (this.busy = false));
  }

  /** Heartbeat, renew leases, then take or give back partitions to hold a fair share. */
  private async maintain(): Promise<void> {
    if (this.closed) return;
    const { subscription, topic } = this.subscribeOptions;
    const now = Date.now();
    const leaseUntil = now + this.options.leaseMs;
    const beat = await this.client.run(
      'UPDATE broker_members SET heartbeat_at = ? WHERE subscription = ? AND topic = ? AND consumer_id = ?',
      [now, subscription, topic, this.consumerId],
    );
    if (beat.affected === 0) {
      await this.client.run(
        `${insertIgnore(this.client)} INTO broker_members (subscription, topic, consumer_id, heartbeat_at) VALUES (?, ?, ?, ?)`,
        [subscription, topic, this.consumerId, now],
      );
    }
    await this.client.run('DELETE FROM broker_members WHERE subscription = ? AND topic = ? AND heartbeat_at < ?', [
      subscription,
      topic,
      now - 3 * this.options.leaseMs,
    ]);
    await this.client.run('UPDATE broker_partitions SET lease_until = ? WHERE subscription = ? AND topic = ? AND owner = ?', [
      leaseUntil,
      subscription,
      topic,
      this.consumerId,
    ]);

    const held = await this.client.all<{ partition_no: number }>(
      'SELECT partition_no FROM broker_partitions WHERE subscription = ? AND topic = ? AND owner = ?',
      [subscription, topic, this.consumerId],
    );
    const heldNow = new Set(held.map((row) => Number(row.partition_no)));
    for (const [partition, worker] of [...this.workers]) {
      if (!heldNow.has(partition)) await this.dropWorker(partition);
      else worker.renewed(leaseUntil);
    }
    // A partition held without a worker (its worker gave up): deliver it again rather than sit on it.
    for (const partition of heldNow) {
      if (!this.workers.has(partition) && !this.closed) await this.startWorker(partition, leaseUntil);
    }

    const [{ members }] = await this.client.all<{ members: number }>(
      'SELECT COUNT(*) AS members FROM broker_members WHERE subscription = ? AND topic = ? AND heartbeat_at >= ?',
      [subscription, topic, now - this.options.leaseMs],
    );
    const share = Math.ceil(this.options.partitions / Math.max(1, Number(members)));

    while (this.workers.size > share) {
      const partition = Math.max(...this.workers.keys());
      await this.dropWorker(partition);
      await this.client.run(
        'UPDATE broker_partitions SET owner = NULL, lease_until = 0 WHERE subscription = ? AND topic = ? AND partition_no = ? AND owner = ?',
        [subscription, topic, partition, this.consumerId],
      );
    }
    if (this.workers.size >= share) return;

    const free = await this.client.all<{ partition_no: number; position: number; attempts: number }>(
      'SELECT partition_no, position, attempts FROM broker_partitions WHERE subscription = ? AND topic = ? AND (owner IS NULL OR lease_until < ?) ORDER BY partition_no',
      [subscription, topic, now],
    );
    for (const row of free) {
      if (this.workers.size >= share || this.closed) break;
      const partition = Number(row.partition_no);
      const taken = await this.client.run(
        'UPDATE broker_partitions SET owner = ?, lease_until = ? WHERE subscription = ? AND topic = ? AND partition_no = ? AND (owner IS NULL OR lease_until < ?)',
        [this.consumerId, leaseUntil, subscription, topic, partition, now],
      );
      if (taken.affected !== 1) continue;
      await this.startWorker(partition, leaseUntil);
    }
  }

  /** Starts delivering a partition this consumer holds, from its last acknowledged position. */
  private async startWorker(partition: number, leaseUntil: number): Promise<void> {
    const { subscription, topic } = this.subscribeOptions;
    // Read the position after taking the lease: the previous holder may have acked since.
    const [state] = await this.client.all<{ position: number; attempts: number }>(
      'SELECT position, attempts FROM broker_partitions WHERE subscription = ? AND topic = ? AND partition_no = ?',
      [subscription, topic, partition],
    );
    const worker = new PartitionWorker(
      this.client,
      this.notifier,
      this.options,
      {
        subscription,
        topic,
        partition,
        consumerId: this.consumerId,
        position: Number(state.position),
        attempts: Number(state.attempts),
        until: leaseUntil,
      },
      this.handler,
      this.subscribeOptions.maxAttempts ?? this.options.maxAttempts,
      (lost) => void this.dropWorker(lost),
      this.onError,
    );
    this.workers.set(partition, worker);
    worker.start();
  }

  private async dropWorker(partition: number): Promise<void> {
    const worker = this.workers.get(partition);
    if (!worker) return;
    this.workers.delete(partition);
    await worker.stop();
  }
}
