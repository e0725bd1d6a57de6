import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AprobacionReservaFallida, ReservaAprobada } from '#contracts';
import { ConcurrencyError, DomainError, retryOnConflict, SagaManager, UnitOfWork } from '#seedwork';
import type { DatosSagaReserva } from '../../../sagas/datos-saga-reserva.js';
import { SAGA_RESERVAS } from '../../../sagas/saga-reservas.provider.js';
import { aprobar } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { Respuestas } from '../../infrastructure/respuestas.js';
import { AprobarReservaCommand } from './aprobar-reserva.command.js';

/**
 * Step 5 runs in the orchestrator's own database, so it is decided with the saga, in one
 * transaction: the reserva is approved only while the saga still waits for this step, and the
 * saga takes the reply at once through `Respuestas` (its version moves, so a deadline expiring at
 * the same moment conflicts instead of compensating an approved reserva). Once the step was given
 * up, the answer is AprobacionReservaFallida and nothing is approved.
 */
@CommandHandler(AprobarReservaCommand)
export class AprobarReservaHandler implements ICommandHandler<AprobarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
    private readonly respuestas: Respuestas,
    @Inject(SAGA_RESERVAS) private readonly sagas: SagaManager<DatosSagaReserva>,
  ) {}

  async execute({ id_reserva, causa }: AprobarReservaCommand): Promise<void> {
    await retryOnConflict(this.uow, async () => {
      const reserva = await this.reservas.find(id_reserva);
      if (reserva?.estado === 'APROBADA') {
        await this.respuestas.enviar(ReservaAprobada, { id_reserva, id_cliente: reserva.id_cliente }, causa);
        return;
      }
      const paso = await this.sagas.pasoEstado(causa.correlationId, 'AprobarReserva');
      if (!reserva || paso !== 'EN_CURSO') {
        const motivo = !reserva ? 'RESERVA.NO_ENCONTRADA' : 'PASO_NO_EN_CURSO';
        await this.respuestas.enviar(AprobacionReservaFallida, { id_reserva, motivo }, causa);
        return;
      }
      try {
        await this.reservas.save(reserva, id_reserva, aprobar(reserva), { id_saga: causa.correlationId });
      } catch (error) {
        // A moved stream is retried on fresh state; a refusal of the domain is the step's error reply.
        if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
        await this.respuestas.enviar(AprobacionReservaFallida, { id_reserva, motivo: error.code }, causa);
        return;
      }
      await this.respuestas.enviar(ReservaAprobada, { id_reserva, id_cliente: reserva.id_cliente }, causa);
    });
  }
}
