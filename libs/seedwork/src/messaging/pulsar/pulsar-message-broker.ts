import type * as Pulsar from 'pulsar-client';
import type { Envelope } from '../envelope.js';
import {
  deadLetterTopic,
  type MessageBroker,
  type MessageHandler,
  type SubscribeOptions,
  type Subscription,
  type TopicMessages,
  UnprocessableMessageError,
} from '../message-broker.js';
import { KeyedQueue } from './keyed-queue.js';

export interface PulsarBrokerOptions {
  url: string;
  /** Namespace the short topic names live in. */
  namespace?: string;
  maxAttempts: number;
  retryBaseMs: number;
}

const READ_TIMEOUT_MS = 1500;

/**
 * The production broker on Apache Pulsar, through the official `pulsar-client` (a native addon,
 * loaded only when BROKER=pulsar). Producers key messages by correlation id; consumers use
 * Key_Shared subscriptions from the earliest message, ack on success, negative-ack on failure
 * (a listener's thrown error is only logged by the client, so it is caught here), and dead-letter
 * with the reason after `maxAttempts`; Pulsar's own dead-letter policy backs this up.
 */
export class PulsarMessageBroker implements MessageBroker {
  readonly kind = 'pulsar';
  private readonly producers = new Map<string, Promise<Pulsar.Producer>>();
  private readonly consumers = new Set<Pulsar.Consumer>();

  private constructor(
    private readonly pulsar: typeof Pulsar,
    /** Kept for the broker's lifetime: the client's producers close when it is garbage-collected. */
    private readonly client: Pulsar.Client,
    private readonly options: Required<PulsarBrokerOptions>,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async open(options: PulsarBrokerOptions, onError: (error: unknown) => void = () => undefined): Promise<PulsarMessageBroker> {
    let pulsar: typeof Pulsar;
    try {
      const loaded = (await import('pulsar-client')) as typeof Pulsar & { default?: typeof Pulsar };
      pulsar = loaded.default ?? loaded;
    } catch (error) {
      throw new Error(
        `BROKER=pulsar needs the optional dependency pulsar-client with its native binary; on a machine with internet, ` +
          `run its install script, which downloads the prebuilt binary: "npm run --prefix node_modules/pulsar-client install" ` +
          `(the Docker images do this) (${(error as Error).message})`,
        { cause: error },
      );
    }
    const client = new pulsar.Client({
      serviceUrl: options.url,
      operationTimeoutSeconds: 10,
      connectionTimeoutMs: 5000,
      log: () => undefined,
    });
    const broker = new PulsarMessageBroker(pulsar, client, { namespace: 'public/default', ...options }, onError);
    await broker.ping();
    return broker;
  }

  private fullName(topic: string): string {
    return `persistent://${this.options.namespace}/${topic}`;
  }

  private producer(topic: string): Promise<Pulsar.Producer> {
    let producer = this.producers.get(topic);
    if (!producer) {
      producer = this.client.createProducer({
        topic: this.fullName(topic),
        sendTimeoutMs: 30000,
        blockIfQueueFull: true,
        hashingScheme: 'Murmur3_32Hash',
      });
      producer.catch(() => this.producers.delete(topic));
      this.producers.set(topic, producer);
    }
    return producer;
  }

  async publish(topic: string, envelopes: readonly Envelope[]): Promise<void> {
    const producer = await this.producer(topic);
    for (const e of envelopes) {
      await producer.send({
        data: Buffer.from(JSON.stringify(e)),
        partitionKey: e.correlationId,
        orderingKey: e.correlationId,
        properties: { type: e.type, id: e.id, schemaVersion: e.schemaVersion },
        eventTimestamp: Date.parse(e.occurredAt),
      });
    }
  }

  /** Topic after topic: Pulsar has no write across topics (without its transactions, not used here). */
  async publishAll(batches: readonly TopicMessages[]): Promise<void> {
    for (const { topic, envelopes } of batches) if (envelopes.length > 0) await this.publish(topic, envelopes);
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    const maxAttempts = options.maxAttempts ?? this.options.maxAttempts;
    const queue = new KeyedQueue();
    const consumer = await this.client.subscribe({
      topic: this.fullName(options.topic),
      subscription: options.subscription,
      subscriptionType: 'KeyShared',
      subscriptionInitialPosition: 'Earliest',
      ackTimeoutMs: 0,
      nAckRedeliverTimeoutMs: Math.max(100, this.options.retryBaseMs),
      deadLetterPolicy: { deadLetterTopic: this.fullName(deadLetterTopic(options.topic)), maxRedeliverCount: maxAttempts + 1 },
      listener: (message, consumer) => {
        let envelope: Envelope;
        try {
          envelope = JSON.parse(message.getData().toString('utf8')) as Envelope;
        } catch (error) {
          // Not an envelope at all: to the dead-letter topic with the reason, never blocking the rest.
          void this.deadLetterRaw(options, message, consumer, `not a JSON envelope: ${(error as Error).message}`);
          return;
        }
        queue.push(envelope.correlationId, () => this.handle(options, handler, maxAttempts, envelope, message, consumer));
      },
    });
    this.consumers.add(consumer);
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await queue.drain();
        await consumer.close();
      },
    };
  }

  private async handle(
    options: SubscribeOptions,
    handler: MessageHandler,
    maxAttempts: number,
    envelope: Envelope,
    message: Pulsar.Message,
    consumer: Pulsar.Consumer,
  ): Promise<void> {
    const attempt = message.getRedeliveryCount() + 1;
    try {
      await handler({ topic: options.topic, envelope, attempt });
      await consumer.acknowledge(message);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (error instanceof UnprocessableMessageError || attempt >= maxAttempts) {
        try {
          const dlq = await this.producer(deadLetterTopic(options.topic));
          const deadLetter = {
            reason,
            topic: options.topic,
            subscription: options.subscription,
            attempts: attempt,
            deadLetteredAt: new Date().toISOString(),
          };
          await dlq.send({
            data: Buffer.from(JSON.stringify({ ...envelope, deadLetter })),
            partitionKey: envelope.correlationId,
            properties: { reason },
          });
          await consumer.acknowledge(message);
          return;
        } catch (dlqError) {
          this.onError(dlqError);
        }
      }
      consumer.negativeAcknowledge(message);
    }
  }

  private async deadLetterRaw(
    options: SubscribeOptions,
    message: Pulsar.Message,
    consumer: Pulsar.Consumer,
    reason: string,
  ): Promise<void> {
    try {
      const dlq = await this.producer(deadLetterTopic(options.topic));
      await dlq.send({ data: message.getData(), properties: { ...message.getProperties(), reason, subscription: options.subscription } });
      await consumer.acknowledge(message);
    } catch (error) {
      this.onError(error);
      consumer.negativeAcknowledge(message);
    }
  }

  async readFromEarliest(topic: string, handler: (envelope: Envelope) => Promise<void>): Promise<number> {
    const reader = await this.client.createReader({ topic: this.fullName(topic), startMessageId: this.pulsar.MessageId.earliest() });
    let count = 0;
    try {
      for (;;) {
        let message: Pulsar.Message;
        try {
          // readNext with a timeout: hasNext() would block the event loop.
          message = await reader.readNext(READ_TIMEOUT_MS);
        } catch {
          return count;
        }
        await handler(JSON.parse(message.getData().toString('utf8')) as Envelope);
        count += 1;
      }
    } finally {
      await reader.close();
    }
  }

  async ping(): Promise<void> {
    await this.client.getPartitionsForTopic(this.fullName('aeroalpes-ping'));
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.close().catch(this.onError)));
    this.consumers.clear();
    for (const producer of this.producers.values()) await (await producer.catch(() => undefined))?.close().catch(this.onError);
    this.producers.clear();
    await this.client.close();
  }
}
