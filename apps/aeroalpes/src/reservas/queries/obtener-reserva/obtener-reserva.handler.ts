import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, UnitOfWork } from '#seedwork';
import type { Reserva } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { ObtenerReservaQuery } from './obtener-reserva.query.js';

@QueryHandler(ObtenerReservaQuery)
export class ObtenerReservaHandler implements IQueryHandler<ObtenerReservaQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
  ) {}

  async execute({ id, en }: ObtenerReservaQuery): Promise<Reserva> {
    const reserva = await this.uow.run(() => this.reservas.find(id, en));
    if (!reserva) {
      throw new NotFoundError('RESERVA.NO_ENCONTRADA', en ? `la reserva ${id} no existía el ${en.toISOString()}` : `no existe la reserva ${id}`);
    }
    return reserva;
  }
}
