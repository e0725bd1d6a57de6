import { Injectable } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork } from '#seedwork';
import { Notificacion, type NotificacionProps } from '../domain/notificacion.js';
import type { TipoNotificacion } from '../domain/tipo-notificacion.js';

export interface FiltroNotificaciones {
  id_reserva?: string;
  id_cliente?: string;
}

const COLUMNAS = 'id, id_cliente, id_reserva, canal, destinatario, tipo, asunto, cuerpo, enviada_en';

/** The notificaciones table, in the current unit of work. */
@Injectable()
export class NotificacionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async existe(id_reserva: string, tipo: TipoNotificacion): Promise<boolean> {
    const rows = await this.uow.manager.query<unknown[]>('SELECT 1 AS hay FROM notificaciones WHERE id_reserva = ? AND tipo = ?', [
      id_reserva,
      tipo,
    ]);
    return rows.length > 0;
  }

  /** Records the notification; false when one for the same reserva and tipo is already there. */
  async agregar(notificacion: Notificacion): Promise<boolean> {
    const p = notificacion.props;
    try {
      await this.uow.manager.query(`INSERT INTO notificaciones (${COLUMNAS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        p.id,
        p.id_cliente,
        p.id_reserva,
        p.canal,
        p.destinatario,
        p.tipo,
        p.asunto,
        p.cuerpo,
        p.enviada_en,
      ]);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Oldest first (enviada_en, then id); each filter only when given. */
  async listar(filtro: FiltroNotificaciones): Promise<Notificacion[]> {
    const condiciones: string[] = [];
    const valores: string[] = [];
    for (const campo of ['id_reserva', 'id_cliente'] as const) {
      const valor = filtro[campo];
      if (valor === undefined) continue;
      condiciones.push(`${campo} = ?`);
      valores.push(valor);
    }
    const where = condiciones.length > 0 ? `WHERE ${condiciones.join(' AND ')}` : '';
    const rows = await this.uow.manager.query<NotificacionProps[]>(
      `SELECT ${COLUMNAS} FROM notificaciones ${where} ORDER BY enviada_en, id`,
      valores,
    );
    return rows.map((row) => Notificacion.restaurar(row));
  }
}
