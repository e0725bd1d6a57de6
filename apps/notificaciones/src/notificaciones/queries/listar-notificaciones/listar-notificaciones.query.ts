import { Query } from '@nestjs/cqrs';
import type { NotificacionProps } from '../../domain/notificacion.js';
import type { FiltroNotificaciones } from '../../infrastructure/notificacion.repository.js';

export type NotificacionView = NotificacionProps;

export class ListarNotificacionesQuery extends Query<NotificacionView[]> {
  constructor(readonly filtro: FiltroNotificaciones) {
    super();
  }
}
