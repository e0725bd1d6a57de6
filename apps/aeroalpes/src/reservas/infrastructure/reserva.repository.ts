import { Inject, Injectable } from '@nestjs/common';
import { EventStore, NotFoundError, ProjectionRunner, type StoredEvent, UnitOfWork } from '#seedwork';
import { PROYECCIONES } from '../projections/proyecciones.provider.js';
import { evolve, fold, type Reserva } from '../domain/reserva.js';
import type { ReservaEvento } from '../domain/reserva.events.js';

/** Reservas are event-sourced: loaded by folding their stream, saved by appending to it (write side). */
@Injectable()
export class ReservaRepository {
  constructor(
    private readonly eventStore: EventStore,
    private readonly uow: UnitOfWork,
    @Inject(PROYECCIONES) private readonly proyecciones: ProjectionRunner,
  ) {}

  /** The reserva now, or as it was at `en`. */
  async find(id: string, en?: Date): Promise<Reserva | undefined> {
    const events = await this.eventStore.read<ReservaEvento>(id, en);
    return fold(events.map((e) => e.event));
  }

  async get(id: string): Promise<Reserva> {
    const reserva = await this.find(id);
    if (!reserva) throw new NotFoundError('RESERVA.NO_ENCONTRADA', `no existe la reserva ${id}`);
    return reserva;
  }

  async events(id: string): Promise<StoredEvent<ReservaEvento>[]> {
    return this.eventStore.read<ReservaEvento>(id);
  }

  /** Appends the new events after the version the reserva was loaded at; returns the new state. */
  async save(
    reserva: Reserva | undefined,
    id: string,
    events: readonly ReservaEvento[],
    metadata: Record<string, unknown> = {},
  ): Promise<Reserva> {
    if (events.length > 0) {
      await this.eventStore.append(id, reserva?.version ?? 0, events, metadata);
      // The read side catches up as soon as the events are committed.
      this.uow.current?.afterCommit(() => void this.proyecciones.wake());
    }
    return events.reduce<Reserva | undefined>(evolve, reserva)!;
  }
}
