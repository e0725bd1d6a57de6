import type { EntityManager } from 'typeorm';
import { ConflictError } from '../domain/domain-error.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { isUniqueViolation } from '../persistence/sql-dialect.js';
import type { UnitOfWork } from '../persistence/unit-of-work.js';

/** An event as stored: its stream, its version in the stream and its global position. */
export interface StoredEvent<TEvent extends DomainEvent = DomainEvent> {
  position: number;
  streamId: string;
  version: number;
  event: TEvent;
  metadata: Record<string, unknown>;
}

/** Raised when a stream has moved since it was read: the command is retried on fresh state. */
export class ConcurrencyError extends ConflictError {
  constructor(streamId: string, expected: number, actual: number) {
    super('EVENT_STORE.CONFLICTO_DE_VERSION', `stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}

interface EventRow {
  position: number;
  stream_id: string;
  version: number;
  type: string;
  data: string;
  metadata: string;
  occurred_at: string;
}

/**
 * Append-only streams of domain events in the service's database, written in the caller's unit of
 * work (with the outbox rows that publish them), with optimistic concurrency on the expected version.
 */
export class EventStore {
  constructor(private readonly uow: UnitOfWork) {}

  private get manager(): EntityManager {
    return this.uow.manager;
  }

  /** Appends after `expectedVersion` (0 for a new stream); returns the stream's new version. */
  async append(streamId: string, expectedVersion: number, events: readonly DomainEvent[], metadata: Record<string, unknown> = {}): Promise<number> {
    const actual = await this.version(streamId);
    if (actual !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actual);
    let version = expectedVersion;
    for (const event of events) {
      version += 1;
      try {
        await this.manager.query(
          'INSERT INTO event_store (stream_id, version, type, schema_version, data, metadata, occurred_at) VALUES (?, ?, ?, 1, ?, ?, ?)',
          [streamId, version, event.tipo, JSON.stringify(event.datos), JSON.stringify(metadata), event.ocurrido_en],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConcurrencyError(streamId, expectedVersion, await this.version(streamId));
        }
        throw error;
      }
    }
    return version;
  }

  async version(streamId: string): Promise<number> {
    const [row] = await this.manager.query<Array<{ v: number | null }>>('SELECT MAX(version) AS v FROM event_store WHERE stream_id = ?', [streamId]);
    return Number(row?.v ?? 0);
  }

  /** The stream, oldest first; `until` keeps the events that occurred at or before that instant. */
  async read<TEvent extends DomainEvent = DomainEvent>(streamId: string, until?: Date): Promise<StoredEvent<TEvent>[]> {
    const rows = await this.manager.query<EventRow[]>('SELECT * FROM event_store WHERE stream_id = ? ORDER BY version', [streamId]);
    const events = rows.map((row) => toStored<TEvent>(row));
    return until ? events.filter((e) => Date.parse(e.event.ocurrido_en) <= until.getTime()) : events;
  }

  /** Every stream's events after a global position, in order: what projections are fed from. */
  async readAll<TEvent extends DomainEvent = DomainEvent>(afterPosition: number, limit: number): Promise<StoredEvent<TEvent>[]> {
    const rows = await this.manager.query<EventRow[]>('SELECT * FROM event_store WHERE position > ? ORDER BY position LIMIT ?', [afterPosition, limit]);
    return rows.map((row) => toStored<TEvent>(row));
  }

  async headPosition(): Promise<number> {
    const [row] = await this.manager.query<Array<{ p: number | null }>>('SELECT MAX(position) AS p FROM event_store');
    return Number(row?.p ?? 0);
  }
}

function toStored<TEvent extends DomainEvent>(row: EventRow): StoredEvent<TEvent> {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    version: Number(row.version),
    event: { tipo: row.type, datos: JSON.parse(row.data), ocurrido_en: row.occurred_at } as TEvent,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  };
}
