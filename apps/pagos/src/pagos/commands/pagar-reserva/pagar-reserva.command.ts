import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Step PagarReserva of the reserva saga; `causa` is the command's envelope, to reply to it. */
export class PagarReservaCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly monto: number,
    readonly moneda: string,
    readonly token: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
