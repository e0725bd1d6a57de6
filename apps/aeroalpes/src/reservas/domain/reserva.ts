import { checkRule, ConflictError, domainEvent } from '#seedwork/domain';
import { type Itinerario, legsDe } from './itinerario.js';
import type { ReservaEvento } from './reserva.events.js';
import { LegsDebenSerValidos } from './reglas/legs-deben-ser-validos.js';
import { MontoDebeSerPositivo } from './reglas/monto-debe-ser-positivo.js';
import { ReservaDebeTenerItinerarios } from './reglas/reserva-debe-tener-itinerarios.js';

export type ReservaEstado = 'PENDIENTE' | 'PAGADA' | 'CONFIRMADA' | 'APROBADA' | 'CANCELADA';
export const RESERVA_ESTADOS: readonly ReservaEstado[] = ['PENDIENTE', 'PAGADA', 'CONFIRMADA', 'APROBADA', 'CANCELADA'];

/** The Reserva's state, folded from its events (decider style: `decide` and `evolve`). */
export interface Reserva {
  id: string;
  id_cliente: string;
  estado: ReservaEstado;
  itinerarios: Itinerario[];
  monto: number;
  moneda: string;
  fecha_creacion: string;
  fecha_actualizacion: string;
  version: number;
}

export interface CrearReservaDatos {
  id_reserva: string;
  id_cliente: string;
  itinerarios: Itinerario[];
  monto: number;
  moneda: string;
}

export class TransicionInvalidaError extends ConflictError {
  constructor(reserva: Reserva, accion: string) {
    super('RESERVA.TRANSICION_INVALIDA', `no se puede ${accion} la reserva ${reserva.id}: está ${reserva.estado}`);
  }
}

// ---- decide: a command and the current state give the new events (none when already done) ----

export function crear(datos: CrearReservaDatos, ahora: Date = new Date()): ReservaEvento[] {
  checkRule(new ReservaDebeTenerItinerarios(datos.itinerarios));
  checkRule(new LegsDebenSerValidos(legsDe(datos.itinerarios)));
  checkRule(new MontoDebeSerPositivo(datos.monto));
  return [domainEvent('ReservaCreada', { ...datos }, ahora)];
}

export function registrarPago(reserva: Reserva, id_pago: string, ahora: Date = new Date()): ReservaEvento[] {
  if (reserva.estado !== 'PENDIENTE') return yaHecho(reserva, ['PAGADA', 'CONFIRMADA', 'APROBADA'], 'registrar el pago de');
  return [domainEvent('ReservaPagada', { id_pago }, despuesDe(reserva, ahora))];
}

export function registrarConfirmacion(reserva: Reserva, localizador: string, ahora: Date = new Date()): ReservaEvento[] {
  if (reserva.estado !== 'PAGADA') return yaHecho(reserva, ['CONFIRMADA', 'APROBADA'], 'confirmar');
  return [domainEvent('ReservaConfirmada', { localizador }, despuesDe(reserva, ahora))];
}

export function aprobar(reserva: Reserva, ahora: Date = new Date()): ReservaEvento[] {
  if (reserva.estado !== 'CONFIRMADA') return yaHecho(reserva, ['APROBADA'], 'aprobar');
  return [domainEvent('ReservaAprobada', {}, despuesDe(reserva, ahora))];
}

export function cancelar(reserva: Reserva, motivo: string, ahora: Date = new Date()): ReservaEvento[] {
  if (reserva.estado === 'CANCELADA') return [];
  if (reserva.estado === 'APROBADA') throw new TransicionInvalidaError(reserva, 'cancelar');
  return [domainEvent('ReservaCancelada', { motivo }, despuesDe(reserva, ahora))];
}

/**
 * When a new event of the reserva happens: `ahora`, or, when that is not after its last event (two
 * steps in one transaction, within one millisecond), one millisecond after it. A reserva's events
 * follow each other in time, so the reserva as it was at any of its events' instants (`?en=`) is
 * what that event made it.
 */
function despuesDe(reserva: Reserva, ahora: Date): Date {
  return new Date(Math.max(ahora.getTime(), Date.parse(reserva.fecha_actualizacion) + 1));
}

function yaHecho(reserva: Reserva, hechos: readonly ReservaEstado[], accion: string): ReservaEvento[] {
  if (hechos.includes(reserva.estado)) return [];
  throw new TransicionInvalidaError(reserva, accion);
}

// ---- evolve: an event applied to the state ----

export function evolve(reserva: Reserva | undefined, event: ReservaEvento): Reserva {
  if (event.tipo === 'ReservaCreada') {
    const d = event.datos;
    return {
      id: d.id_reserva,
      id_cliente: d.id_cliente,
      estado: 'PENDIENTE',
      itinerarios: d.itinerarios,
      monto: d.monto,
      moneda: d.moneda,
      fecha_creacion: event.ocurrido_en,
      fecha_actualizacion: event.ocurrido_en,
      version: 1,
    };
  }
  if (!reserva) throw new Error(`${event.tipo} before ReservaCreada`);
  const next = { ...reserva, fecha_actualizacion: event.ocurrido_en, version: reserva.version + 1 };
  switch (event.tipo) {
    case 'ReservaPagada':
      return { ...next, estado: 'PAGADA' };
    case 'ReservaConfirmada':
      return { ...next, estado: 'CONFIRMADA' };
    case 'ReservaAprobada':
      return { ...next, estado: 'APROBADA' };
    case 'ReservaCancelada':
      return { ...next, estado: 'CANCELADA' };
    default: {
      const exhaustive: never = event;
      throw new Error(`unknown event ${(exhaustive as { tipo: string }).tipo}`);
    }
  }
}

export function fold(events: readonly ReservaEvento[]): Reserva | undefined {
  return events.reduce<Reserva | undefined>(evolve, undefined);
}
