import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Envelope } from '../envelope.js';
import { UnprocessableMessageError } from '../message-broker.js';

/**
 * A message's contract, declared once and imported by its producer and its consumers:
 * its type name, schema version, the topic it travels on, and its payload class with
 * class-validator rules.
 */
export interface MessageContract<TPayload extends object = object> {
  readonly type: string;
  readonly schemaVersion: string;
  readonly topic: string;
  readonly payload: new () => TPayload;
}

export function defineMessage<TPayload extends object>(
  type: string,
  topic: string,
  payload: new () => TPayload,
  schemaVersion = 'v1',
): MessageContract<TPayload> {
  return { type, topic, payload, schemaVersion };
}

/** Every contract a service knows, by type: how a consumer recognises and validates what it receives. */
export class MessageContracts {
  private readonly byType = new Map<string, MessageContract>();

  constructor(contracts: Iterable<MessageContract> = []) {
    for (const contract of contracts) this.add(contract);
  }

  add(contract: MessageContract): this {
    const existing = this.byType.get(contract.type);
    if (existing && existing !== contract) throw new Error(`two contracts declare the message type ${contract.type}`);
    this.byType.set(contract.type, contract);
    return this;
  }

  get(type: string): MessageContract | undefined {
    return this.byType.get(type);
  }

  all(): MessageContract[] {
    return [...this.byType.values()];
  }

  /**
   * The envelope's payload as an instance of its contract's class, validated. Throws
   * `UnprocessableMessageError` (dead-lettered at once) for an unknown type, an unsupported
   * schema version or an invalid payload.
   */
  async parse(envelope: Envelope): Promise<object> {
    const contract = this.byType.get(envelope.type);
    if (!contract) throw new UnprocessableMessageError(`unknown message type "${envelope.type}"`);
    if (envelope.schemaVersion !== contract.schemaVersion) {
      throw new UnprocessableMessageError(
        `${envelope.type}: unsupported schema version "${envelope.schemaVersion}" (expected ${contract.schemaVersion})`,
      );
    }
    if (typeof envelope.payload !== 'object' || envelope.payload === null) {
      throw new UnprocessableMessageError(`${envelope.type}: payload is not an object`);
    }
    const payload = plainToInstance(contract.payload, envelope.payload);
    const errors = await validate(payload, { forbidUnknownValues: true });
    if (errors.length > 0) {
      const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? { invalid: 'invalid nested value' }).join(', ')}`);
      throw new UnprocessableMessageError(`${envelope.type}: invalid payload (${details.join('; ')})`);
    }
    return payload;
  }
}
