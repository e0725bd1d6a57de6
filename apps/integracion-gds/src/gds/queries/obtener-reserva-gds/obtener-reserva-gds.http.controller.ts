import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ReservaGdsView } from '../../reserva-gds.view.js';
import { ObtenerReservaGdsQuery } from './obtener-reserva-gds.query.js';

@Controller('gds/reservas')
export class ObtenerReservaGdsHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** 200 with the reserva as the GDS answered it; 404 for one it never saw. */
  @Get(':id_reserva')
  obtener(@Param('id_reserva') idReserva: string): Promise<ReservaGdsView> {
    return this.queries.execute(new ObtenerReservaGdsQuery(idReserva));
  }
}
