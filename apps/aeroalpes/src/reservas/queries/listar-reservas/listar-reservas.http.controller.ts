import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type Pivote, PivoteReservasQuery } from '../pivote-reservas/pivote-reservas.query.js';
import { PivoteReservasRequestDto } from '../pivote-reservas/pivote-reservas.request.dto.js';
import { ListarReservasQuery, type PaginaDeReservas } from './listar-reservas.query.js';
import { ListarReservasRequestDto } from './listar-reservas.request.dto.js';

/** The read side's collection routes; registered before `/reservas/:id` so that `pivote` is not an id. */
@Controller('reservas')
export class ListarReservasHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  async listar(@Query() q: ListarReservasRequestDto): Promise<PaginaDeReservas> {
    return this.queries.execute(new ListarReservasQuery({ estado: q.estado, id_cliente: q.id_cliente }, q.limit, q.offset));
  }

  @Get('pivote')
  async pivote(@Query() q: PivoteReservasRequestDto): Promise<Pivote> {
    return this.queries.execute(new PivoteReservasQuery(q.desde, q.hasta));
  }
}
