import type { Projection, ProjectionContext, StoredEvent } from '#seedwork';
import type { Reserva } from '../domain/reserva.js';
import { foldStreams, placeholders, streamsOf } from './fold-streams.js';

export interface ReservaListaRow {
  id: string;
  id_cliente: string;
  estado: Reserva['estado'];
  itinerarios: string;
  monto: number | string;
  moneda: string;
  fecha_creacion: string;
  fecha_actualizacion: string;
  version: number;
}

export const RESERVAS_LISTA = 'reservas_lista';

/** Everything `GET /reservas/{id}` and `GET /reservas` answer, one row per reserva. */
export class ReservasListaProjection implements Projection {
  readonly nombre = RESERVAS_LISTA;
  readonly tipos = ['ReservaCreada', 'ReservaPagada', 'ReservaConfirmada', 'ReservaAprobada', 'ReservaCancelada'];
  readonly tablas = [RESERVAS_LISTA];

  async aplicar(ctx: ProjectionContext, eventos: readonly StoredEvent[]): Promise<void> {
    const tabla = ctx.tabla(RESERVAS_LISTA);
    const ids = streamsOf(eventos);
    const rows = await ctx.manager.query<ReservaListaRow[]>(`SELECT * FROM ${tabla} WHERE id IN (${placeholders(ids.length)})`, ids);
    const actuales = new Map(rows.map((r) => [r.id, toReserva(r)]));
    for (const [id, r] of foldStreams(actuales, eventos)) {
      const values = [
        r.id_cliente,
        r.estado,
        JSON.stringify(r.itinerarios),
        r.monto,
        r.moneda,
        r.fecha_creacion,
        r.fecha_actualizacion,
        r.version,
        id,
      ];
      if (actuales.has(id)) {
        await ctx.manager.query(
          `UPDATE ${tabla} SET id_cliente = ?, estado = ?, itinerarios = ?, monto = ?, moneda = ?, fecha_creacion = ?, fecha_actualizacion = ?, version = ? WHERE id = ?`,
          values,
        );
      } else {
        await ctx.manager.query(
          `INSERT INTO ${tabla} (id_cliente, estado, itinerarios, monto, moneda, fecha_creacion, fecha_actualizacion, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          values,
        );
      }
    }
  }
}

export function toReserva(row: ReservaListaRow): Reserva {
  return {
    id: row.id,
    id_cliente: row.id_cliente,
    estado: row.estado,
    itinerarios: JSON.parse(row.itinerarios) as Reserva['itinerarios'],
    monto: Number(row.monto),
    moneda: row.moneda,
    fecha_creacion: row.fecha_creacion,
    fecha_actualizacion: row.fecha_actualizacion,
    version: Number(row.version),
  };
}
