import type { DomainEvent } from '#seedwork/domain';
import type { Itinerario } from './itinerario.js';

export type ReservaCreada = DomainEvent<
  'ReservaCreada',
  { id_reserva: string; id_cliente: string; itinerarios: Itinerario[]; monto: number; moneda: string }
>;
export type ReservaPagada = DomainEvent<'ReservaPagada', { id_pago: string }>;
export type ReservaConfirmada = DomainEvent<'ReservaConfirmada', { localizador: string }>;
export type ReservaAprobada = DomainEvent<'ReservaAprobada', Record<string, never>>;
export type ReservaCancelada = DomainEvent<'ReservaCancelada', { motivo: string }>;

/** The events of a Reserva's stream. */
export type ReservaEvento = ReservaCreada | ReservaPagada | ReservaConfirmada | ReservaAprobada | ReservaCancelada;
