import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListarNotificacionesQuery, type NotificacionView } from './listar-notificaciones.query.js';
import { ListarNotificacionesRequest } from './listar-notificaciones.request.dto.js';

@Controller('notificaciones')
export class ListarNotificacionesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** 200 with the notifications, oldest first; 400 for a filter that is not a UUID or an unknown parameter. */
  @Get()
  listar(@Query() { id_reserva, id_cliente }: ListarNotificacionesRequest): Promise<NotificacionView[]> {
    return this.queries.execute(new ListarNotificacionesQuery({ id_reserva, id_cliente }));
  }
}
