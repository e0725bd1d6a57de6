import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionRunner, UnitOfWork } from '#seedwork';
import { PROYECCIONES } from '../../projections/proyecciones.provider.js';
import { RESERVAS_LISTA, type ReservaListaRow, toReserva } from '../../projections/reservas-lista.projection.js';
import { ListarReservasQuery, type PaginaDeReservas } from './listar-reservas.query.js';

@QueryHandler(ListarReservasQuery)
export class ListarReservasHandler implements IQueryHandler<ListarReservasQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PROYECCIONES) private readonly proyecciones: ProjectionRunner,
  ) {}

  async execute({ filtro, limit, offset }: ListarReservasQuery): Promise<PaginaDeReservas> {
    const tabla = this.proyecciones.tabla(RESERVAS_LISTA, RESERVAS_LISTA);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filtro.estado) {
      where.push('estado = ?');
      params.push(filtro.estado);
    }
    if (filtro.id_cliente) {
      where.push('id_cliente = ?');
      params.push(filtro.id_cliente);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.uow.read(async () => {
      const [{ total }] = await this.uow.manager.query<Array<{ total: number }>>(
        `SELECT COUNT(*) AS total FROM ${tabla} ${clause}`,
        params,
      );
      const rows = await this.uow.manager.query<ReservaListaRow[]>(
        `SELECT * FROM ${tabla} ${clause} ORDER BY fecha_creacion DESC, id ASC LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      return { items: rows.map(toReserva), total: Number(total) };
    });
  }
}
