import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../event-store/event-store.js';

/** Where a projection writes: its transaction, and the physical names of its tables. */
export interface ProjectionContext {
  readonly manager: EntityManager;
  /** `tabla('reservas_lista')` → the table being written: the live copy, or the rebuild's. */
  tabla(nombre: string): string;
}

/**
 * A read model fed from the event store. It declares the event types it handles and its tables
 * (each kept twice, `<tabla>_a` and `<tabla>_b`, so that a rebuild fills the idle copy while reads
 * go on from the live one); it must be idempotent: an event applied twice changes nothing.
 */
export interface Projection {
  readonly nombre: string;
  readonly tipos: readonly string[];
  readonly tablas: readonly string[];
  /** Applies a batch of events (in global order) inside the runner's transaction. */
  aplicar(ctx: ProjectionContext, eventos: readonly StoredEvent[]): Promise<void>;
}
