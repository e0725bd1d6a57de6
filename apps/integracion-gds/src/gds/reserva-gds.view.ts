import type { LegGds } from './domain/clave-inventario.js';
import type { EstadoReservaGds, MotivoFallo } from './domain/estado-reserva-gds.js';
import type { ReservaGds } from './domain/reserva-gds.js';

/** A reserva as the GDS shows it (API.md, integracion-gds). */
export interface ReservaGdsView {
  id_reserva: string;
  localizador: string | null;
  estado: EstadoReservaGds;
  motivo: MotivoFallo | null;
  legs: LegGds[];
}

export function reservaGdsView(reserva: ReservaGds): ReservaGdsView {
  const { id_reserva, localizador, estado, motivo, legs } = reserva.snapshot();
  return { id_reserva, localizador, estado, motivo, legs };
}
