import { Command } from '@nestjs/cqrs';
import type { Envelope } from '#seedwork';

/** Step 5 of the saga: approve a confirmed reserva. Replies ReservaAprobada or AprobacionReservaFallida. */
export class AprobarReservaCommand extends Command<void> {
  constructor(
    readonly id_reserva: string,
    readonly causa: Envelope,
  ) {
    super();
  }
}
