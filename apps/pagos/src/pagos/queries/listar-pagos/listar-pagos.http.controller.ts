import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { PagoView } from '../../pago.view.js';
import { ListarPagosQuery } from './listar-pagos.query.js';
import { ListarPagosRequest } from './listar-pagos.request.dto.js';

@Controller('pagos')
export class ListarPagosHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** 200 with the payments, oldest first; only the reserva's with `?id_reserva=`; 400 for a bad filter. */
  @Get()
  listar(@Query() filtro: ListarPagosRequest): Promise<PagoView[]> {
    return this.queries.execute(new ListarPagosQuery(filtro.id_reserva));
  }
}
