import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { UnitOfWork } from '../../persistence/unit-of-work.js';
import type { MessageContracts } from '../contracts/message-contract.js';
import { recordInInbox } from '../inbox/inbox.js';
import { DomainError } from '../../domain/domain-error.js';
import { type Delivery, type MessageBroker, type Subscription, UnprocessableMessageError } from '../message-broker.js';
import { MessageContext } from './message-context.js';

export interface TopicSubscription {
  topic: string;
  subscription: string;
}

export interface BrokerTransportOptions {
  broker: MessageBroker;
  uow: UnitOfWork;
  contracts: MessageContracts;
  subscriptions: readonly TopicSubscription[];
}

/**
 * A Nest custom transport over the `MessageBroker` port, so consumers are plain
 * `@EventPattern('PagarReserva')` handlers. For each delivery it checks the envelope against its
 * contract (unknown or invalid → dead letter with the reason), then runs the handler inside one
 * unit of work together with the inbox record, so effects happen once however often a message
 * is delivered. Types this service has no handler for are acknowledged and skipped.
 *
 * A handler is found by the subscription's name first (`@EventPattern('aeroalpes-saga')` takes
 * every message of that subscription, as a saga orchestrator does), then by the message type.
 * A handler's DomainError (other than a conflict) is dead-lettered at once with its code: it would
 * only fail again.
 */
export class BrokerTransport extends Server implements CustomTransportStrategy {
  private readonly active: Subscription[] = [];
  /** Handlers by subscription and type, looked up once: Nest's lookup parses the pattern each time. */
  private readonly handlers = new Map<string, ReturnType<Server['getHandlerByPattern']>>();

  constructor(private readonly options: BrokerTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const target of this.options.subscriptions) {
        this.active.push(await this.options.broker.subscribe(target, (delivery) => this.dispatch(target, delivery)));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const active = this.active.splice(0);
    await Promise.all(active.map((subscription) => subscription.close()));
  }

  on(): never {
    throw new Error('BrokerTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.broker as T;
  }

  private handlerFor(subscription: string, type: string): ReturnType<Server['getHandlerByPattern']> {
    const key = `${subscription}\u0000${type}`;
    const cached = this.handlers.get(key);
    if (cached !== undefined) return cached;
    const handler = this.getHandlerByPattern(subscription) ?? this.getHandlerByPattern(type);
    // Types come from the wire: only the known ones are remembered, so the map stays small.
    if (this.options.contracts.get(type)) this.handlers.set(key, handler);
    return handler;
  }

  private async dispatch(target: TopicSubscription, delivery: Delivery): Promise<void> {
    const { envelope } = delivery;
    const handler = this.handlerFor(target.subscription, envelope.type);
    if (!handler && this.options.contracts.get(envelope.type)) {
      this.logger.debug?.(`${target.subscription}: no handler for ${envelope.type}; skipped`);
      return;
    }
    // Unknown type, unsupported version or invalid payload: dead-lettered at once, with the reason.
    const payload = await this.options.contracts.parse(envelope);
    const context = new MessageContext(envelope, delivery.topic, target.subscription, delivery.attempt);
    try {
      await this.options.uow.run(async (tx) => {
        if (!(await recordInInbox(tx, target.subscription, envelope))) return;
        const result = this.transformToObservable(await handler!(payload, context));
        await lastValueFrom(result, { defaultValue: undefined });
      });
    } catch (error) {
      // A domain refusal will refuse again on every redelivery: dead-letter it now, with its code.
      // Conflicts (a stream or a saga moved meanwhile) are worth retrying on fresh state.
      if (error instanceof DomainError && error.kind !== 'CONFLICTO') {
        throw new UnprocessableMessageError(`${error.code}: ${error.message}`);
      }
      throw error;
    }
  }
}
