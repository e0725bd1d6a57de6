import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Compensation of step PagarReserva; `causa` is the command's envelope, to reply to it. */
export class RevertirPagoCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
