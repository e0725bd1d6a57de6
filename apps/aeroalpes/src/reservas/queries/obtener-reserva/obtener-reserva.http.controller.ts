import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Reserva } from '../../domain/reserva.js';
import { ListarEventosQuery, type EventoDeReserva } from '../listar-eventos/listar-eventos.query.js';
import { ObtenerReservaQuery } from './obtener-reserva.query.js';
import { ObtenerReservaRequestDto } from './obtener-reserva.request.dto.js';

@Controller('reservas')
export class ObtenerReservaHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  async obtener(@Param('id') id: string, @Query() query: ObtenerReservaRequestDto): Promise<Reserva> {
    return this.queries.execute(new ObtenerReservaQuery(id, query.en ? new Date(query.en) : undefined));
  }

  @Get(':id/eventos')
  async eventos(@Param('id') id: string): Promise<EventoDeReserva[]> {
    return this.queries.execute(new ListarEventosQuery(id));
  }
}
