import type { EstadoPago, MotivoRechazo } from './domain/estado-pago.js';
import type { Pago } from './domain/pago.js';

/** A payment as the API shows it (API.md, pagos). */
export interface PagoView {
  id: string;
  id_reserva: string;
  monto: number;
  moneda: string;
  estado: EstadoPago;
  motivo: MotivoRechazo | null;
  creado_en: string;
  actualizado_en: string;
}

export function pagoView(pago: Pago): PagoView {
  const { id, id_reserva, monto, moneda, estado, motivo, creado_en, actualizado_en } = pago.snapshot();
  return { id, id_reserva, monto, moneda, estado, motivo, creado_en, actualizado_en };
}
