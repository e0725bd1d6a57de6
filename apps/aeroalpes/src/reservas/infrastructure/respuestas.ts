import { Injectable } from '@nestjs/common';
import { envelope, type Envelope, type MessageContract, Outbox } from '#seedwork';

/** Sends aeroalpes' integration events (its replies to saga commands) through the outbox. */
@Injectable()
export class Respuestas {
  constructor(private readonly outbox: Outbox) {}

  async enviar(contrato: MessageContract, payload: object, causa: Envelope): Promise<void> {
    await this.outbox.add(contrato.topic, [
      envelope({
        type: contrato.type,
        schemaVersion: contrato.schemaVersion,
        payload,
        source: 'aeroalpes',
        correlationId: causa.correlationId,
        causedBy: causa,
      }),
    ]);
  }
}
