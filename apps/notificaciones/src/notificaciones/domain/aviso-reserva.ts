import type { TipoNotificacion } from './tipo-notificacion.js';

/** Something that happened to a reserva that its cliente must be told about. */
export interface AvisoReserva {
  tipo: TipoNotificacion;
  id_reserva: string;
  id_cliente: string;
  motivo?: string;
}
