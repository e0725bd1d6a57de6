import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DisponibilidadView } from '../../disponibilidad.view.js';
import { RutaDelDiaRequest } from '../../ruta-del-dia.request.js';
import { ConsultarDisponibilidadQuery } from './consultar-disponibilidad.query.js';

@Controller('gds/disponibilidad')
export class ConsultarDisponibilidadHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** 200 with the seats left (the default for a route and day never set); 400 when a parameter is missing or bad. */
  @Get()
  consultar(@Query() { origen, destino, fecha }: RutaDelDiaRequest): Promise<DisponibilidadView> {
    return this.queries.execute(new ConsultarDisponibilidadQuery({ origen, destino, fecha }));
  }
}
