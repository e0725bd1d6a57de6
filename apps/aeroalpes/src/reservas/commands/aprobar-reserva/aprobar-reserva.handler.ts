import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AprobacionReservaFallida, ReservaAprobada } from '#contracts';
import { DomainError, retryOnConflict, UnitOfWork } from '#seedwork';
import { aprobar } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { Respuestas } from '../../infrastructure/respuestas.js';
import { AprobarReservaCommand } from './aprobar-reserva.command.js';

@CommandHandler(AprobarReservaCommand)
export class AprobarReservaHandler implements ICommandHandler<AprobarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
    private readonly respuestas: Respuestas,
  ) {}

  async execute({ id_reserva, causa }: AprobarReservaCommand): Promise<void> {
    await retryOnConflict(this.uow, async () => {
      const reserva = await this.reservas.find(id_reserva);
      try {
        if (!reserva) throw new DomainError('RESERVA.NO_ENCONTRADA', `no existe la reserva ${id_reserva}`);
        await this.reservas.save(reserva, id_reserva, aprobar(reserva), { id_saga: causa.correlationId });
        await this.respuestas.enviar(ReservaAprobada, { id_reserva, id_cliente: reserva.id_cliente }, causa);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'EVENT_STORE.CONFLICTO_DE_VERSION') throw error;
        await this.respuestas.enviar(AprobacionReservaFallida, { id_reserva, motivo: error.code }, causa);
      }
    });
  }
}
