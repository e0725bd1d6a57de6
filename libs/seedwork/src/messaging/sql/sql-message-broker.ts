import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseTarget } from '../../persistence/database-url.js';
import { ChangeNotifier, partitionKey } from '../change-notifier.js';
import type { Envelope } from '../envelope.js';
import type { MessageBroker, MessageHandler, SubscribeOptions, Subscription, TopicMessages } from '../message-broker.js';
import { partitionOf } from '../partition-of.js';
import { probeLog } from './log-probe.js';
import { MysqlClient } from './mysql-client.js';
import { appendToLog, createBrokerSchema } from './sql-broker.schema.js';
import { DEFAULT_SQL_BROKER_OPTIONS, type SqlBrokerOptions } from './sql-broker-options.js';
import type { SqlClient } from './sql-client.js';
import { SqliteClient } from './sqlite-client.js';
import { SqlSubscriber } from './sql-subscriber.js';

const READ_BATCH = 500;

/**
 * The embedded broker: an append-only message log in a SQL database (SQLite or MySQL/MariaDB)
 * with per-subscription positions, in the style of the message-db family. Durable, crash-safe,
 * and shared by every process that opens the same database. See docs/adr/0002.
 */
export class SqlMessageBroker implements MessageBroker {
  readonly kind = 'sql';
  private readonly notifier: ChangeNotifier;
  private readonly subscribers = new Set<SqlSubscriber>();
  private readonly consumerPrefix = `${hostname()}-${process.pid}`;

  private constructor(
    private readonly client: SqlClient,
    readonly options: SqlBrokerOptions,
    private readonly onError: (error: unknown) => void,
  ) {
    this.notifier = new ChangeNotifier((after) => probeLog(this.client, after), options.pollMs);
  }

  static async open(
    target: DatabaseTarget,
    options: Partial<SqlBrokerOptions> = {},
    onError: (error: unknown) => void = () => undefined,
  ): Promise<SqlMessageBroker> {
    const client = target.kind === 'sqlite' ? SqliteClient.open(target.file) : await MysqlClient.open(target.url, target.database);
    try {
      await createBrokerSchema(client);
    } catch (error) {
      await client.close();
      throw error;
    }
    return new SqlMessageBroker(client, { ...DEFAULT_SQL_BROKER_OPTIONS, ...options }, onError);
  }

  publish(topic: string, envelopes: readonly Envelope[]): Promise<void> {
    return this.publishAll([{ topic, envelopes }]);
  }

  async publishAll(batches: readonly TopicMessages[]): Promise<void> {
    const rows = batches.flatMap(({ topic, envelopes }) =>
      envelopes.map((e) => ({
        topic,
        id: e.id,
        partition: partitionOf(e.correlationId, this.options.partitions),
        key: e.correlationId,
        type: e.type,
        body: JSON.stringify(e),
      })),
    );
    if (rows.length === 0) return;
    await this.client.transaction((tx) => appendToLog(tx, rows));
    this.notifier.notify(rows.map((row) => partitionKey(row.topic, row.partition)));
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    const subscriber = new SqlSubscriber(
      this.client,
      this.notifier,
      this.options,
      options,
      handler,
      `${this.consumerPrefix}-${randomUUID().slice(0, 8)}`,
      this.onError,
    );
    await subscriber.start();
    this.subscribers.add(subscriber);
    return {
      close: async () => {
        this.subscribers.delete(subscriber);
        await subscriber.close();
      },
    };
  }

  async readFromEarliest(topic: string, handler: (envelope: Envelope) => Promise<void>): Promise<number> {
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = await this.client.all<{ position: number; body: string }>(
        'SELECT position, body FROM broker_messages WHERE topic = ? AND position > ? ORDER BY position LIMIT ?',
        [topic, after, READ_BATCH],
      );
      for (const row of rows) {
        await handler(JSON.parse(row.body) as Envelope);
        after = Number(row.position);
        count += 1;
      }
      if (rows.length < READ_BATCH) return count;
    }
  }

  async ping(): Promise<void> {
    await this.client.all('SELECT 1 AS ok');
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscribers].map((s) => s.close()));
    this.subscribers.clear();
    this.notifier.close();
    await this.client.close();
  }
}
