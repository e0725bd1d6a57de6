import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#seedwork';
import type { DisponibilidadView } from '../../disponibilidad.view.js';
import { SqlInventario } from '../../infrastructure/sql-inventario.js';
import { ConsultarDisponibilidadQuery } from './consultar-disponibilidad.query.js';

@QueryHandler(ConsultarDisponibilidadQuery)
export class ConsultarDisponibilidadHandler implements IQueryHandler<ConsultarDisponibilidadQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly inventario: SqlInventario,
  ) {}

  async execute({ clave }: ConsultarDisponibilidadQuery): Promise<DisponibilidadView> {
    // In a unit of work: on SQLite a read outside one could see another's uncommitted rows.
    const cupos = await this.uow.run(() => this.inventario.consultar(clave));
    return { ...clave, cupos };
  }
}
