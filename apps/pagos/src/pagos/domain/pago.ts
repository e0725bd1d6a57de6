import { Entity } from '#seedwork/domain';
import type { EstadoPago, MotivoRechazo } from './estado-pago.js';
import { motivoDeRechazo } from './pasarela-simulada.js';

export interface PagoSnapshot {
  id: string;
  id_reserva: string;
  monto: number;
  moneda: string;
  estado: EstadoPago;
  /** Why it was RECHAZADO; null for a payment that was approved (APROBADO or REVERTIDO). */
  motivo: MotivoRechazo | null;
  creado_en: string;
  actualizado_en: string;
}

export interface SolicitudPago {
  id: string;
  id_reserva: string;
  monto: number;
  moneda: string;
  token: string;
}

/** What a PagarReserva is answered with, the first time and every time after. */
export type ResultadoPago = { aprobado: true } | { aprobado: false; motivo: MotivoRechazo };

/**
 * The one payment of a reserva. It is decided once, when first asked for, by the simulated
 * gateway; a repeated request gets the recorded outcome and captures nothing.
 */
export class Pago extends Entity<string> {
  private constructor(private state: PagoSnapshot) {
    super(state.id);
  }

  static procesar(solicitud: SolicitudPago, ahora = new Date()): Pago {
    const motivo = motivoDeRechazo(solicitud.token);
    const en = ahora.toISOString();
    return new Pago({
      id: solicitud.id,
      id_reserva: solicitud.id_reserva,
      monto: solicitud.monto,
      moneda: solicitud.moneda,
      estado: motivo === null ? 'APROBADO' : 'RECHAZADO',
      motivo,
      creado_en: en,
      actualizado_en: en,
    });
  }

  static restaurar(snapshot: PagoSnapshot): Pago {
    return new Pago({ ...snapshot });
  }

  get estado(): EstadoPago {
    return this.state.estado;
  }

  /** The answer to PagarReserva: approved, rejected with its motivo, or PAGO_REVERTIDO once reverted. */
  get resultado(): ResultadoPago {
    switch (this.state.estado) {
      case 'APROBADO':
        return { aprobado: true };
      case 'RECHAZADO':
        return { aprobado: false, motivo: this.state.motivo ?? 'TOKEN_INVALIDO' };
      case 'REVERTIDO':
        return { aprobado: false, motivo: 'PAGO_REVERTIDO' };
    }
  }

  /** Gives an approved payment back; returns false (and changes nothing) when there is nothing to revert. */
  revertir(ahora = new Date()): boolean {
    if (this.state.estado !== 'APROBADO') return false;
    this.state = { ...this.state, estado: 'REVERTIDO', actualizado_en: ahora.toISOString() };
    return true;
  }

  snapshot(): PagoSnapshot {
    return { ...this.state };
  }
}
