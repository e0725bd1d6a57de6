import { Injectable } from '@nestjs/common';
import { execute, isUniqueViolation, UnitOfWork } from '#seedwork';
import type { LegGds } from '../domain/clave-inventario.js';
import type { EstadoReservaGds, MotivoFallo } from '../domain/estado-reserva-gds.js';
import { ReservaGds } from '../domain/reserva-gds.js';
import { ReservaGdsEnConflicto } from '../domain/reserva-gds.errors.js';

interface ReservaGdsRow {
  id_reserva: string;
  localizador: string | null;
  estado: EstadoReservaGds;
  motivo: MotivoFallo | null;
  legs: string;
  creado_en: string;
  actualizado_en: string;
}

const COLUMNAS = 'id_reserva, localizador, estado, motivo, legs, creado_en, actualizado_en';

/** Loads and saves the GDS's reservas in the current unit of work (call it inside `UnitOfWork.run`). */
@Injectable()
export class ReservaGdsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async porId(idReserva: string): Promise<ReservaGds | undefined> {
    const [row] = await this.uow.manager.query<ReservaGdsRow[]>(`SELECT ${COLUMNAS} FROM gds_reservas WHERE id_reserva = ?`, [idReserva]);
    return row ? ReservaGds.restaurar({ ...row, legs: JSON.parse(row.legs) as LegGds[] }) : undefined;
  }

  /** Records a new reserva; ReservaGdsEnConflicto when it (or its localizador) is already there. */
  async agregar(reserva: ReservaGds): Promise<void> {
    const s = reserva.snapshot();
    const legs = s.legs.map(({ origen, destino, fecha_salida, fecha_llegada }) => ({ origen, destino, fecha_salida, fecha_llegada }));
    try {
      await this.uow.manager.query(`INSERT INTO gds_reservas (${COLUMNAS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        s.id_reserva,
        s.localizador,
        s.estado,
        s.motivo,
        JSON.stringify(legs),
        s.creado_en,
        s.actualizado_en,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ReservaGdsEnConflicto(s.id_reserva);
      throw error;
    }
  }

  /** Saves a changed reserva, provided it is still in the estado it was loaded in. */
  async guardar(reserva: ReservaGds, estadoAnterior: EstadoReservaGds): Promise<void> {
    const s = reserva.snapshot();
    const sql = 'UPDATE gds_reservas SET estado = ?, motivo = ?, actualizado_en = ? WHERE id_reserva = ? AND estado = ?';
    const cambiadas = await execute(this.uow.manager, sql, [s.estado, s.motivo, s.actualizado_en, s.id_reserva, estadoAnterior]);
    if (cambiadas !== 1) throw new ReservaGdsEnConflicto(s.id_reserva);
  }
}
