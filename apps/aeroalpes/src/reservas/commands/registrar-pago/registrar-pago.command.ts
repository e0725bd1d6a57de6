import { Command } from '@nestjs/cqrs';

/** The saga saw pagos capture the payment: the reserva becomes PAGADA. */
export class RegistrarPagoCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly id_pago: string,
  ) {
    super();
  }
}
