import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Compensation of step ConfirmarReserva; `causa` is the command's envelope, to reply to it. */
export class RevertirConfirmacionCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
