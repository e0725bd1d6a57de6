import { DomainError } from '#seedwork/domain';

/** The GDS keeps seat inventory per route and day: one seat counter per key. */
export interface ClaveInventario {
  origen: string;
  destino: string;
  /** YYYY-MM-DD, the UTC date of the leg's departure. */
  fecha: string;
}

export interface LegGds {
  origen: string;
  destino: string;
  fecha_salida: string;
  fecha_llegada: string;
}

export class FechaSalidaIlegible extends DomainError {
  constructor(valor: string) {
    super('GDS.FECHA_SALIDA_ILEGIBLE', `fecha_salida "${valor}" is not a date-time the GDS can read`);
  }
}

const CON_ZONA = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The UTC date (YYYY-MM-DD) of an ISO-8601 instant; a date-time with no offset is read as UTC. */
export function fechaUtc(instante: string): string {
  const texto = instante.includes('T') && !CON_ZONA.test(instante) ? `${instante}Z` : instante;
  const ms = Date.parse(texto);
  if (Number.isNaN(ms)) throw new FechaSalidaIlegible(instante);
  return new Date(ms).toISOString().slice(0, 10);
}

export function claveDe(leg: LegGds): ClaveInventario {
  return { origen: leg.origen, destino: leg.destino, fecha: fechaUtc(leg.fecha_salida) };
}

/**
 * The keys of a reserva's legs, one per leg (two legs on one route and day take two seats), in one
 * fixed order: transactions that lock the same counters in the same order do not deadlock.
 */
export function clavesDe(legs: readonly LegGds[]): ClaveInventario[] {
  const texto = (c: ClaveInventario) => `${c.origen}|${c.destino}|${c.fecha}`;
  return legs.map(claveDe).sort((a, b) => texto(a).localeCompare(texto(b)));
}
