import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { retryOnConflict, UnitOfWork } from '#seedwork';
import { registrarConfirmacion } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { RegistrarConfirmacionCommand } from './registrar-confirmacion.command.js';

@CommandHandler(RegistrarConfirmacionCommand)
export class RegistrarConfirmacionHandler implements ICommandHandler<RegistrarConfirmacionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
  ) {}

  async execute({ id_reserva, localizador }: RegistrarConfirmacionCommand): Promise<void> {
    await retryOnConflict(this.uow, async () => {
      const reserva = await this.reservas.get(id_reserva);
      await this.reservas.save(reserva, id_reserva, registrarConfirmacion(reserva, localizador));
    });
  }
}
