import { Command } from '@nestjs/cqrs';

/** The saga saw the GDS confirm the seats: the reserva becomes CONFIRMADA. */
export class RegistrarConfirmacionCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly localizador: string,
  ) {
    super();
  }
}
