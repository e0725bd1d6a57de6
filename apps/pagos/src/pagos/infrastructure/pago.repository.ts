import { Injectable } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork } from '#seedwork';
import type { EstadoPago, MotivoRechazo } from '../domain/estado-pago.js';
import { Pago } from '../domain/pago.js';
import { PagoModificadoConcurrentemente } from '../domain/pago.errors.js';
import { aCentavos, deCentavos } from './centavos.js';

interface PagoRow {
  id: string;
  id_reserva: string;
  monto_centavos: number | string;
  moneda: string;
  estado: EstadoPago;
  motivo: MotivoRechazo | null;
  creado_en: string;
  actualizado_en: string;
}

const COLUMNAS = 'id, id_reserva, monto_centavos, moneda, estado, motivo, creado_en, actualizado_en';

/** Loads and saves pagos in the current unit of work (call it inside `UnitOfWork.run`). */
@Injectable()
export class PagoRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async porReserva(idReserva: string): Promise<Pago | undefined> {
    const [row] = await this.uow.manager.query<PagoRow[]>(`SELECT ${COLUMNAS} FROM pagos WHERE id_reserva = ?`, [idReserva]);
    return row ? aPago(row) : undefined;
  }

  /** Oldest first (ties by id); only the reserva's when `idReserva` is given. */
  async listar(idReserva?: string): Promise<Pago[]> {
    const rows = await this.uow.manager.query<PagoRow[]>(
      `SELECT ${COLUMNAS} FROM pagos ${idReserva === undefined ? '' : 'WHERE id_reserva = ?'} ORDER BY creado_en, id`,
      idReserva === undefined ? [] : [idReserva],
    );
    return rows.map(aPago);
  }

  /** Records a new payment; PagoModificadoConcurrentemente when the reserva already has one. */
  async agregar(pago: Pago): Promise<void> {
    const s = pago.snapshot();
    try {
      await this.uow.manager.query(`INSERT INTO pagos (${COLUMNAS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        s.id,
        s.id_reserva,
        aCentavos(s.monto),
        s.moneda,
        s.estado,
        s.motivo,
        s.creado_en,
        s.actualizado_en,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new PagoModificadoConcurrentemente(s.id_reserva);
      throw error;
    }
  }

  /** Saves a changed payment, provided it is still in the estado it was loaded in. */
  async guardar(pago: Pago, estadoAnterior: EstadoPago): Promise<void> {
    const s = pago.snapshot();
    const result = await this.uow.manager
      .createQueryBuilder()
      .update('pagos')
      .set({ estado: s.estado, motivo: s.motivo, actualizado_en: s.actualizado_en })
      .where('id = :id AND estado = :estadoAnterior', { id: s.id, estadoAnterior })
      .execute();
    if (result.affected !== 1) throw new PagoModificadoConcurrentemente(s.id_reserva);
  }
}

function aPago(row: PagoRow): Pago {
  return Pago.restaurar({ ...row, monto: deCentavos(row.monto_centavos) });
}
