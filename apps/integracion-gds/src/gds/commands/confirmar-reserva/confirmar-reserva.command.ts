import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';
import type { LegGds } from '../../domain/clave-inventario.js';

/** Step ConfirmarReserva of the reserva saga; `causa` is the command's envelope, to reply to it. */
export class ConfirmarReservaCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly legs: readonly LegGds[],
    readonly causa: Envelope,
  ) {
    super();
  }
}
