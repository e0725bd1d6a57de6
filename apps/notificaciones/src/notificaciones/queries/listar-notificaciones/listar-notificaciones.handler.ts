import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { NotificacionRepository } from '../../infrastructure/notificacion.repository.js';
import { ListarNotificacionesQuery, type NotificacionView } from './listar-notificaciones.query.js';

@QueryHandler(ListarNotificacionesQuery)
export class ListarNotificacionesHandler implements IQueryHandler<ListarNotificacionesQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notificaciones: NotificacionRepository,
  ) {}

  async execute({ filtro }: ListarNotificacionesQuery): Promise<NotificacionView[]> {
    // In a unit of work: on SQLite a read outside one could see another's uncommitted rows.
    const notificaciones = await this.uow.run(() => this.notificaciones.listar(filtro));
    return notificaciones.map((n) => ({ ...n.props }));
  }
}
