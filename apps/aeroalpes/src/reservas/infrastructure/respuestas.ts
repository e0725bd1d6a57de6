import { Injectable } from '@nestjs/common';
import { type Envelope, type MessageContract, Outbox, replyTo } from '#seedwork';

/** Sends aeroalpes' integration events (its replies to saga commands) through the outbox. */
@Injectable()
export class Respuestas {
  constructor(private readonly outbox: Outbox) {}

  /** Writes the reply to the outbox, in the caller's transaction, and returns it. */
  async enviar(contrato: MessageContract, payload: object, causa: Envelope): Promise<Envelope> {
    const respuesta = replyTo(causa, contrato, payload, 'aeroalpes');
    await this.outbox.add(contrato.topic, [respuesta]);
    return respuesta;
  }
}
