import { type Envelope, type MessageContract, replyTo } from '#seedwork';

export const SERVICIO = 'pagos';

/** A reply to a saga command: same correlation id (the saga), caused by the command. */
export function respuesta<T extends object>(contrato: MessageContract<T>, payload: T, causa: Envelope): Envelope<T> {
  return replyTo(causa, contrato, payload, SERVICIO);
}
