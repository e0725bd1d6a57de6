import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { retryOnConflict, UnitOfWork } from '#seedwork';
import { registrarPago } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { RegistrarPagoCommand } from './registrar-pago.command.js';

@CommandHandler(RegistrarPagoCommand)
export class RegistrarPagoHandler implements ICommandHandler<RegistrarPagoCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
  ) {}

  async execute({ id_reserva, id_pago }: RegistrarPagoCommand): Promise<void> {
    await retryOnConflict(this.uow, async () => {
      const reserva = await this.reservas.get(id_reserva);
      await this.reservas.save(reserva, id_reserva, registrarPago(reserva, id_pago));
    });
  }
}
