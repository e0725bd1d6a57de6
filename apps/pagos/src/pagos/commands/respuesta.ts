import { type Envelope, envelope, type MessageContract } from '#seedwork';

export const SERVICIO = 'pagos';

/** A reply to a saga command: same correlation id (the saga), caused by the command. */
export function respuesta<T extends object>(contrato: MessageContract<T>, payload: T, causa: Envelope): Envelope<T> {
  return envelope<T>({ type: contrato.type, payload, source: SERVICIO, correlationId: causa.correlationId, causedBy: causa });
}
