import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import { PagoRepository } from '../../infrastructure/pago.repository.js';
import { pagoView, type PagoView } from '../../pago.view.js';
import { ListarPagosQuery } from './listar-pagos.query.js';

@QueryHandler(ListarPagosQuery)
export class ListarPagosHandler implements IQueryHandler<ListarPagosQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly pagos: PagoRepository,
  ) {}

  async execute({ id_reserva }: ListarPagosQuery): Promise<PagoView[]> {
    // In a unit of work: on SQLite a read outside one could see another's uncommitted rows.
    const pagos = await this.uow.run(() => this.pagos.listar(id_reserva));
    return pagos.map(pagoView);
  }
}
