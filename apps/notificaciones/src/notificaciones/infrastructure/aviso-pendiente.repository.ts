import { Injectable } from '@nestjs/common';
import { forUpdate, isUniqueViolation, UnitOfWork } from '#seedwork';
import type { AvisoReserva } from '../domain/aviso-reserva.js';

interface AvisoRow {
  tipo: AvisoReserva['tipo'];
  id_reserva: string;
  id_cliente: string;
  motivo: string | null;
}

/** Reserva events waiting for their cliente's email, in the current unit of work. */
@Injectable()
export class AvisoPendienteRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Keeps the aviso until its cliente is known; one per (reserva, tipo). */
  async guardar(aviso: AvisoReserva): Promise<void> {
    try {
      await this.uow.manager.query(
        'INSERT INTO avisos_pendientes (id_reserva, tipo, id_cliente, motivo, recibido_en) VALUES (?, ?, ?, ?, ?)',
        [aviso.id_reserva, aviso.tipo, aviso.id_cliente, aviso.motivo ?? null, new Date().toISOString()],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** The cliente's avisos, latest committed and locked until commit (see ContactoRepository.porIdBloqueando). */
  async deCliente(id_cliente: string): Promise<AvisoReserva[]> {
    const rows = await this.uow.manager.query<AvisoRow[]>(
      `SELECT tipo, id_reserva, id_cliente, motivo FROM avisos_pendientes WHERE id_cliente = ? ORDER BY recibido_en, id_reserva, tipo${forUpdate(this.uow.manager)}`,
      [id_cliente],
    );
    return rows.map(({ motivo, ...aviso }) => (motivo === null ? aviso : { ...aviso, motivo }));
  }

  async quitar(aviso: AvisoReserva): Promise<void> {
    await this.uow.manager.query('DELETE FROM avisos_pendientes WHERE id_reserva = ? AND tipo = ?', [aviso.id_reserva, aviso.tipo]);
  }
}
