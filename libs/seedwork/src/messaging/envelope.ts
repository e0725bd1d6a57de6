import { randomUUID } from 'node:crypto';
import { newId } from '../domain/new-id.js';

/** The one envelope of every message on every broker (ARCHITECTURE.md, Messaging). */
export interface Envelope<TPayload = unknown> {
  id: string;
  type: string;
  schemaVersion: string;
  /** The saga id (or the aggregate id outside a saga): messages with one correlation id stay in order. */
  correlationId: string;
  /** Id of the message that caused this one; null for a message started by a person (an HTTP call). */
  causationId: string | null;
  traceId: string;
  source: string;
  occurredAt: string;
  payload: TPayload;
}

export interface EnvelopeFields<TPayload> {
  type: string;
  payload: TPayload;
  source: string;
  correlationId: string;
  schemaVersion?: string;
  /** The message being handled, when this one is sent because of it: gives causation and trace. */
  causedBy?: Pick<Envelope, 'id' | 'traceId'>;
  traceId?: string;
  id?: string;
  occurredAt?: Date;
}

export function envelope<TPayload>(fields: EnvelopeFields<TPayload>): Envelope<TPayload> {
  return {
    id: fields.id ?? newId(),
    type: fields.type,
    schemaVersion: fields.schemaVersion ?? 'v1',
    correlationId: fields.correlationId,
    causationId: fields.causedBy?.id ?? null,
    traceId: fields.causedBy?.traceId ?? fields.traceId ?? randomUUID(),
    source: fields.source,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    payload: fields.payload,
  };
}

/**
 * The reply to a message, or an event it caused: same correlation id (the saga), caused by it,
 * on its trace. `contract` gives the type, schema version and (to the caller) the topic.
 */
export function replyTo<TPayload>(
  causa: Envelope,
  contract: { type: string; schemaVersion: string },
  payload: TPayload,
  source: string,
): Envelope<TPayload> {
  return envelope({
    type: contract.type,
    schemaVersion: contract.schemaVersion,
    payload,
    source,
    correlationId: causa.correlationId,
    causedBy: causa,
  });
}
