import type { Envelope } from './envelope.js';

/** A message handed to a subscriber, with how many times it has been tried (1 the first time). */
export interface Delivery {
  topic: string;
  envelope: Envelope;
  attempt: number;
}

/**
 * A subscriber's handler. Resolving acknowledges the message; throwing asks for redelivery with
 * backoff, and after `maxAttempts` the message goes to `<topic>-DLQ` with the error. Throwing an
 * `UnprocessableMessageError` sends it to the DLQ at once (it will never succeed).
 */
export type MessageHandler = (delivery: Delivery) => Promise<void>;

export interface SubscribeOptions {
  topic: string;
  /** Consumers with the same subscription name compete: each message is handled by one of them. */
  subscription: string;
  maxAttempts?: number;
}

export interface Subscription {
  close(): Promise<void>;
}

/** A dead letter: the message, and why it could not be handled. */
export interface DeadLetter {
  envelope: Envelope;
  topic: string;
  subscription: string;
  reason: string;
  attempts: number;
  deadLetteredAt: string;
}

/** Messages for one topic, in the order they are to be published. */
export interface TopicMessages {
  topic: string;
  envelopes: readonly Envelope[];
}

/** The broker port. Adapters: the SQL message log (embedded default) and Apache Pulsar. */
export interface MessageBroker {
  readonly kind: string;
  /** Publishes in order; messages with the same `correlationId` are delivered in this order. */
  publish(topic: string, envelopes: readonly Envelope[]): Promise<void>;
  /**
   * Publishes to several topics, each topic's messages in order, as `publish` does. The SQL log
   * writes them all in one transaction, all or nothing (an outbox relay's batch, mixed topics, in
   * one write). Pulsar publishes topic after topic: a failure part-way leaves the earlier ones
   * published, and the caller's retry publishes them again (consumers' inboxes skip the repeats).
   */
  publishAll(batches: readonly TopicMessages[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription>;
  /** Reads every message of a topic from the earliest one, in order: how topics are replayed. */
  readFromEarliest(topic: string, handler: (envelope: Envelope) => Promise<void>): Promise<number>;
  /** Throws when the broker cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_BROKER = Symbol('MessageBroker');

/** Thrown by a handler for a message that can never be handled: it is dead-lettered at once. */
export class UnprocessableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableMessageError';
  }
}

export function deadLetterTopic(topic: string): string {
  return `${topic}-DLQ`;
}
