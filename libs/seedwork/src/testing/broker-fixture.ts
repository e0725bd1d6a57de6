import { randomUUID } from 'node:crypto';
import { type Envelope, envelope } from '../messaging/envelope.js';
import type { Delivery, MessageBroker, MessageHandler, SubscribeOptions, Subscription } from '../messaging/message-broker.js';

/** A promise a test settles when it chooses: a handler awaits it to hold a message in hand. */
export interface Gate {
  readonly promise: Promise<void>;
  open(): void;
  fail(error: Error): void;
}

/**
 * The brokers and subscriptions one test opens, closed after it even when it fails. Gates still
 * shut are failed first, so no handler hangs a close. Closing is idempotent: a test may close a
 * broker or a subscription itself, and the cleanup waits for that same close.
 */
export class BrokerFixture {
  private readonly brokers: MessageBroker[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly gates: Gate[] = [];

  constructor(private readonly open: () => Promise<MessageBroker>) {}

  async broker(): Promise<MessageBroker> {
    const broker = closingOnce(await this.open());
    this.brokers.push(broker);
    return broker;
  }

  async subscribe(broker: MessageBroker, options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    const subscription = await broker.subscribe(options, handler);
    let closing: Promise<void> | undefined;
    const once: Subscription = { close: () => (closing ??= handled(subscription.close())) };
    this.subscriptions.push(once);
    return once;
  }

  gate(): Gate {
    let open!: () => void;
    let fail!: (error: Error) => void;
    const promise = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    promise.catch(() => undefined);
    const gate = { promise, open, fail };
    this.gates.push(gate);
    return gate;
  }

  async cleanup(): Promise<void> {
    for (const gate of this.gates) gate.fail(new Error('the test ended'));
    const subscriptions = await Promise.allSettled(this.subscriptions.map((s) => s.close()));
    const brokers = await Promise.allSettled(this.brokers.map((b) => b.close()));
    const failure = [...subscriptions, ...brokers].find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

function closingOnce(broker: MessageBroker): MessageBroker {
  let closing: Promise<void> | undefined;
  return {
    kind: broker.kind,
    publish: (topic, envelopes) => broker.publish(topic, envelopes),
    publishAll: (batches) => broker.publishAll(batches),
    subscribe: (options, handler) => broker.subscribe(options, handler),
    readFromEarliest: (topic, handler) => broker.readFromEarliest(topic, handler),
    ping: () => broker.ping(),
    close: () => (closing ??= handled(broker.close())),
  };
}

/** Marks a promise as handled (a test may start a close and leave it to the cleanup to await). */
function handled(promise: Promise<void>): Promise<void> {
  promise.catch(() => undefined);
  return promise;
}

/** A topic no other test (or earlier run against the same database) has used. */
export function uniqueTopic(label: string): string {
  return `contract-${label}-${randomUUID().slice(0, 8)}`;
}

export function probe(correlationId: string, payload: Record<string, unknown> = {}): Envelope {
  return envelope({ type: 'SondaDeContrato', source: 'broker-contract', correlationId, payload });
}

/** A handler that records what it is given, in order. */
export function recorder(): { deliveries: Delivery[]; ids: () => string[]; handler: MessageHandler } {
  const deliveries: Delivery[] = [];
  return {
    deliveries,
    ids: () => deliveries.map((d) => d.envelope.id),
    handler: async (delivery) => {
      deliveries.push(delivery);
    },
  };
}

/** Every message of a topic, from the earliest, as the broker replays it. */
export async function readAll<T = Envelope>(broker: MessageBroker, topic: string): Promise<T[]> {
  const read: T[] = [];
  const count = await broker.readFromEarliest(topic, async (e) => {
    read.push(e as T);
  });
  if (count !== read.length) throw new Error(`readFromEarliest returned ${count} but handed over ${read.length} messages`);
  return read;
}

/** Yields to the event loop: a handler that does some asynchronous work. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
