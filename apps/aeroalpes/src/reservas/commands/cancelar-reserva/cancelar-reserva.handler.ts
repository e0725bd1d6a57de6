import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReservaCancelada } from '#contracts';
import { retryOnConflict, UnitOfWork } from '#seedwork';
import { cancelar } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { Respuestas } from '../../infrastructure/respuestas.js';
import { CancelarReservaCommand } from './cancelar-reserva.command.js';

@CommandHandler(CancelarReservaCommand)
export class CancelarReservaHandler implements ICommandHandler<CancelarReservaCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
    private readonly respuestas: Respuestas,
  ) {}

  async execute({ id_reserva, motivo, causa }: CancelarReservaCommand): Promise<void> {
    await retryOnConflict(this.uow, async () => {
      const reserva = await this.reservas.get(id_reserva);
      await this.reservas.save(reserva, id_reserva, cancelar(reserva, motivo), { id_saga: causa.correlationId });
      await this.respuestas.enviar(ReservaCancelada, { id_reserva, id_cliente: reserva.id_cliente, motivo }, causa);
    });
  }
}
