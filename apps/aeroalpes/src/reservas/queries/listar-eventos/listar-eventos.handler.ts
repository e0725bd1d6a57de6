import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, UnitOfWork } from '#seedwork';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { type EventoDeReserva, ListarEventosQuery } from './listar-eventos.query.js';

@QueryHandler(ListarEventosQuery)
export class ListarEventosHandler implements IQueryHandler<ListarEventosQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
  ) {}

  async execute({ id }: ListarEventosQuery): Promise<EventoDeReserva[]> {
    const events = await this.uow.read(() => this.reservas.events(id));
    if (events.length === 0) throw new NotFoundError('RESERVA.NO_ENCONTRADA', `no existe la reserva ${id}`);
    return events.map((e) => ({ version: e.version, tipo: e.event.tipo, ocurrido_en: e.event.ocurrido_en, datos: e.event.datos }));
  }
}
