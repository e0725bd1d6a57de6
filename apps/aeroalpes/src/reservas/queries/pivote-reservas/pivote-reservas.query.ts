import { Query } from '@nestjs/cqrs';
import type { ReservaEstado } from '../../domain/reserva.js';

export interface Pivote {
  estados: readonly ReservaEstado[];
  filas: Array<{ fecha: string; conteos: Record<ReservaEstado, number> }>;
}

/** Days of creation (UTC) × current estado → how many reservas; days without reservas are left out. */
export class PivoteReservasQuery extends Query<Pivote> {
  constructor(
    readonly desde?: string,
    readonly hasta?: string,
  ) {
    super();
  }
}
