import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Compensation of step 1: cancel the reserva. Replies ReservaCancelada (also when already cancelled). */
export class CancelarReservaCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly motivo: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
