import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ClienteView } from '../../cliente.view.js';
import { ObtenerClienteQuery } from './obtener-cliente.query.js';

@Controller('clientes')
export class ObtenerClienteHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** 200 with the cliente; 404 for an unknown id, including one that is not a UUID. */
  @Get(':id')
  obtener(@Param('id') id: string): Promise<ClienteView> {
    return this.queries.execute(new ObtenerClienteQuery(id));
  }
}
