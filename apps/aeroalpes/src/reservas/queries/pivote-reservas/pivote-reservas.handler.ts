import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionRunner, UnitOfWork } from '#seedwork';
import { RESERVA_ESTADOS, type ReservaEstado } from '../../domain/reserva.js';
import { RESERVAS_PIVOTE } from '../../projections/pivote.projection.js';
import { PROYECCIONES } from '../../projections/proyecciones.provider.js';
import { type Pivote, PivoteReservasQuery } from './pivote-reservas.query.js';

@QueryHandler(PivoteReservasQuery)
export class PivoteReservasHandler implements IQueryHandler<PivoteReservasQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PROYECCIONES) private readonly proyecciones: ProjectionRunner,
  ) {}

  async execute({ desde, hasta }: PivoteReservasQuery): Promise<Pivote> {
    const tabla = this.proyecciones.tabla(RESERVAS_PIVOTE, RESERVAS_PIVOTE);
    const where: string[] = [];
    const params: string[] = [];
    if (desde) {
      where.push('fecha >= ?');
      params.push(desde);
    }
    if (hasta) {
      where.push('fecha <= ?');
      params.push(hasta);
    }
    const rows = await this.uow.read(() =>
      this.uow.manager.query<Array<{ fecha: string; estado: ReservaEstado; n: number }>>(
        `SELECT fecha, estado, COUNT(*) AS n FROM ${tabla} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY fecha, estado ORDER BY fecha`,
        params,
      ),
    );
    const filas = new Map<string, Record<ReservaEstado, number>>();
    for (const row of rows) {
      const conteos = filas.get(row.fecha) ?? (Object.fromEntries(RESERVA_ESTADOS.map((e) => [e, 0])) as Record<ReservaEstado, number>);
      conteos[row.estado] = Number(row.n);
      filas.set(row.fecha, conteos);
    }
    return { estados: RESERVA_ESTADOS, filas: [...filas].map(([fecha, conteos]) => ({ fecha, conteos })) };
  }
}
