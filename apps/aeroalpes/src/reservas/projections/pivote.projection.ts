import type { Projection, ProjectionContext, StoredEvent } from '#seedwork';
import type { Reserva } from '../domain/reserva.js';
import { foldStreams, placeholders, streamsOf } from './fold-streams.js';

export const RESERVAS_PIVOTE = 'reservas_pivote';

interface PivoteRow {
  id_reserva: string;
  fecha: string;
  estado: Reserva['estado'];
  version: number;
}

/**
 * The pivot of days × estados: per reserva, its UTC day of creation and its current estado,
 * indexed by (fecha, estado) so that counting a range is one indexed GROUP BY.
 */
export class PivoteProjection implements Projection {
  readonly nombre = RESERVAS_PIVOTE;
  readonly tipos = ['ReservaCreada', 'ReservaPagada', 'ReservaConfirmada', 'ReservaAprobada', 'ReservaCancelada'];
  readonly tablas = [RESERVAS_PIVOTE];

  async aplicar(ctx: ProjectionContext, eventos: readonly StoredEvent[]): Promise<void> {
    const tabla = ctx.tabla(RESERVAS_PIVOTE);
    const ids = streamsOf(eventos);
    const rows = await ctx.manager.query<PivoteRow[]>(`SELECT * FROM ${tabla} WHERE id_reserva IN (${placeholders(ids.length)})`, ids);
    // The fold needs only estado and version; the rest of a Reserva is not kept here.
    const actuales = new Map(
      rows.map((r) => [
        r.id_reserva,
        { id: r.id_reserva, estado: r.estado, version: Number(r.version), fecha_creacion: r.fecha } as Reserva,
      ]),
    );
    for (const [id, r] of foldStreams(actuales, eventos)) {
      if (actuales.has(id)) {
        await ctx.manager.query(`UPDATE ${tabla} SET estado = ?, version = ? WHERE id_reserva = ?`, [r.estado, r.version, id]);
      } else {
        await ctx.manager.query(`INSERT INTO ${tabla} (id_reserva, fecha, estado, version) VALUES (?, ?, ?, ?)`, [
          id,
          r.fecha_creacion.slice(0, 10),
          r.estado,
          r.version,
        ]);
      }
    }
  }
}
