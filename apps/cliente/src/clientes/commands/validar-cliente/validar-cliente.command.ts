import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Step ValidarCliente of the reserva saga; `causa` is the command's envelope, to reply to it. */
export class ValidarClienteCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly id_cliente: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
