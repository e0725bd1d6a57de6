import { Query } from '@nestjs/cqrs';
import type { Reserva, ReservaEstado } from '../../domain/reserva.js';

export interface PaginaDeReservas {
  items: Reserva[];
  total: number;
}

/** Reservas by estado and/or cliente, newest fecha_creacion first (ties by id). */
export class ListarReservasQuery extends Query<PaginaDeReservas> {
  constructor(
    readonly filtro: { estado?: ReservaEstado; id_cliente?: string },
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}
