import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { ReservaGdsNoEncontrada } from '../../domain/reserva-gds.errors.js';
import { ReservaGdsRepository } from '../../infrastructure/reserva-gds.repository.js';
import { reservaGdsView, type ReservaGdsView } from '../../reserva-gds.view.js';
import { ObtenerReservaGdsQuery } from './obtener-reserva-gds.query.js';

@QueryHandler(ObtenerReservaGdsQuery)
export class ObtenerReservaGdsHandler implements IQueryHandler<ObtenerReservaGdsQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaGdsRepository,
  ) {}

  async execute({ id_reserva }: ObtenerReservaGdsQuery): Promise<ReservaGdsView> {
    const reserva = await this.uow.run(() => this.reservas.porId(id_reserva));
    if (!reserva) throw new ReservaGdsNoEncontrada(id_reserva);
    return reservaGdsView(reserva);
  }
}
