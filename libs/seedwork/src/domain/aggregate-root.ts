import type { DomainEvent } from './domain-event.js';
import { Entity } from './entity.js';

/**
 * The consistency boundary: every change goes through it and is recorded as a domain event,
 * which the unit of work saves together with the state (and, later, the outbox).
 */
export abstract class AggregateRoot<TId = string, TEvent extends DomainEvent = DomainEvent> extends Entity<TId> {
  private pending: TEvent[] = [];
  /** Version of the last event applied; 0 for a new aggregate. */
  version = 0;

  protected record(event: TEvent): void {
    this.apply(event);
    this.pending.push(event);
  }

  /** Replays history without recording it: how an event-sourced aggregate is loaded. */
  rehydrate(events: readonly TEvent[]): this {
    for (const event of events) this.apply(event);
    return this;
  }

  pullEvents(): TEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  get pendingEvents(): readonly TEvent[] {
    return this.pending;
  }

  private apply(event: TEvent): void {
    this.when(event);
    this.version += 1;
  }

  /** Changes the state for one event; must not fail or check rules. */
  protected abstract when(event: TEvent): void;
}
