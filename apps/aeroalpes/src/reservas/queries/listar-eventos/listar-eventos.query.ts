import { Query } from '@nestjs/cqrs';

export interface EventoDeReserva {
  version: number;
  tipo: string;
  ocurrido_en: string;
  datos: object;
}

/** A reserva's event stream, oldest first. */
export class ListarEventosQuery extends Query<EventoDeReserva[]> {
  constructor(readonly id: string) {
    super();
  }
}
