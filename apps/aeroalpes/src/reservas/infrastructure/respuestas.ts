import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type MessageContract, Outbox, replyTo, SagaManager } from '#seedwork';
import type { DatosSagaReserva } from '../../sagas/datos-saga-reserva.js';
import { SAGA_RESERVAS } from '../../sagas/saga-reservas.provider.js';

/**
 * Sends aeroalpes' replies to the saga's commands (ReservaAprobada, AprobacionReservaFallida,
 * ReservaCancelada). The orchestrator lives here too, so its saga takes the reply at once, in the
 * caller's transaction; the outbox carries it to the other subscribers (notificaciones). The saga
 * does not subscribe to eventos-aeroalpes: these replies never make a trip through the broker to it.
 */
@Injectable()
export class Respuestas {
  constructor(
    private readonly outbox: Outbox,
    @Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>,
  ) {}

  /** Writes the reply to the outbox and applies it to its saga, in the caller's transaction; returns it. */
  async enviar(contrato: MessageContract, payload: object, causa: Envelope): Promise<Envelope> {
    const respuesta = replyTo(causa, contrato, payload, 'aeroalpes');
    await this.outbox.add(contrato.topic, [respuesta]);
    await this.sagas.handleReply(respuesta);
    return respuesta;
  }
}
