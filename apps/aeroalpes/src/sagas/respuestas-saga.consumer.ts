import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { MessageContext, SagaManager } from '#seedwork';
import { SUSCRIPCION_SAGA } from './coordinador-reservas.saga.js';
import type { DatosSagaReserva } from './datos-saga-reserva.js';
import { SAGA_RESERVAS } from './saga-reservas.provider.js';

/** Every event on the participants' topics reaches the orchestrator, correlated by saga id. */
@Controller()
export class RespuestasSagaConsumer {
  constructor(@Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>) {}

  @EventPattern<string>(SUSCRIPCION_SAGA)
  async respuesta(@Ctx() context: MessageContext): Promise<void> {
    await this.sagas.handleReply(context.envelope);
  }
}
