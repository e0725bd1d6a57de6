import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, ProjectionRunner, UnitOfWork } from '#seedwork';
import type { Reserva } from '../../domain/reserva.js';
import { ReservaRepository } from '../../infrastructure/reserva.repository.js';
import { PROYECCIONES } from '../../projections/proyecciones.provider.js';
import { RESERVAS_LISTA, type ReservaListaRow, toReserva } from '../../projections/reservas-lista.projection.js';
import { ObtenerReservaQuery } from './obtener-reserva.query.js';

/** Now: from the reservas_lista projection. At an instant (`en`): folded from the event store. */
@QueryHandler(ObtenerReservaQuery)
export class ObtenerReservaHandler implements IQueryHandler<ObtenerReservaQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reservas: ReservaRepository,
    @Inject(PROYECCIONES) private readonly proyecciones: ProjectionRunner,
  ) {}

  async execute({ id, en }: ObtenerReservaQuery): Promise<Reserva> {
    const reserva = await this.uow.read(async () => {
      if (en) return this.reservas.find(id, en);
      const tabla = this.proyecciones.tabla(RESERVAS_LISTA, RESERVAS_LISTA);
      const [row] = await this.uow.manager.query<ReservaListaRow[]>(`SELECT * FROM ${tabla} WHERE id = ?`, [id]);
      return row ? toReserva(row) : undefined;
    });
    if (!reserva) {
      throw new NotFoundError(
        'RESERVA.NO_ENCONTRADA',
        en ? `la reserva ${id} no existía el ${en.toISOString()}` : `no existe la reserva ${id}`,
      );
    }
    return reserva;
  }
}
