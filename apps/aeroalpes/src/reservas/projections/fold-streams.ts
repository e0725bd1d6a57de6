import type { StoredEvent } from '#seedwork';
import { evolve, type Reserva } from '../domain/reserva.js';
import type { ReservaEvento } from '../domain/reserva.events.js';

/**
 * Folds a batch of events into the reservas they touch, starting from the rows already projected.
 * An event whose version the row already has is skipped: replaying a batch changes nothing.
 */
export function foldStreams(actuales: ReadonlyMap<string, Reserva>, eventos: readonly StoredEvent[]): Map<string, Reserva> {
  const cambiadas = new Map<string, Reserva>();
  for (const e of eventos) {
    const antes = cambiadas.get(e.streamId) ?? actuales.get(e.streamId);
    if (antes && e.version <= antes.version) continue;
    if (!antes && e.version !== 1) continue;
    cambiadas.set(e.streamId, evolve(antes, e.event as ReservaEvento));
  }
  return cambiadas;
}

export function streamsOf(eventos: readonly StoredEvent[]): string[] {
  return [...new Set(eventos.map((e) => e.streamId))];
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
