import { Query } from '@nestjs/cqrs';
import type { Reserva } from '../../domain/reserva.js';

/** A reserva now, or as it was at the instant `en`. */
export class ObtenerReservaQuery extends Query<Reserva> {
  constructor(
    readonly id: string,
    readonly en?: Date,
  ) {
    super();
  }
}
