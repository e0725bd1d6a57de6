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

/**
 * Upcasters by event type: `upcasters.ReservaCancelada[0]` turns schema v1 data into v2, `[1]` v2
 * into v3, and so on. An event is stored with its type's current version (upcasters + 1) and read
 * back at the current version, whatever version it was written with.
 */
export type Upcasters = Readonly<Record<string, ReadonlyArray<(datos: Record<string, unknown>) => Record<string, unknown>>>>;

interface EventRow {
  position: number;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  occurred_at: string;
}

/**
 * Append-only streams of domain events in the service's database, written in the caller's unit of
 * work (with the outbox rows that publish them), with optimistic concurrency on the expected version.
 */
export class EventStore {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly upcasters: Upcasters = {},
  ) {}

  private get manager(): EntityManager {
    return this.uow.manager;
  }

  /** Appends after `expectedVersion` (0 for a new stream); returns the stream's new version. */
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    metadata: Record<string, unknown> = {},
  ): Promise<number> {
    // Projections read `position > checkpoint`: a position must never become visible after a higher
    // one. MySQL/MariaDB take an auto-increment at INSERT but show it at COMMIT, so appends queue on
    // one row's lock and commit in position order. SQLite has one writer: nothing to do.
    if (this.manager.connection.options.type !== 'better-sqlite3') {
      await this.manager.query('UPDATE event_store_head SET appends = appends + 1 WHERE id = 1');
    }
    const actual = await this.version(streamId);
    if (actual !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actual);
    let version = expectedVersion;
    for (const event of events) {
      version += 1;
      try {
        await this.manager.query(
          'INSERT INTO event_store (stream_id, version, type, schema_version, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            streamId,
            version,
            event.tipo,
            this.currentSchema(event.tipo),
            JSON.stringify(event.datos),
            JSON.stringify(metadata),
            event.ocurrido_en,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          // The winner's row is not in this transaction's snapshot: it is at least one version ahead.
          throw new ConcurrencyError(streamId, expectedVersion, Math.max(await this.version(streamId), expectedVersion + 1));
        }
        throw error;
      }
    }
    return version;
  }

  async version(streamId: string): Promise<number> {
    const [row] = await this.manager.query<Array<{ v: number | null }>>('SELECT MAX(version) AS v FROM event_store WHERE stream_id = ?', [
      streamId,
    ]);
    return Number(row?.v ?? 0);
  }

  /** The stream, oldest first; `until` keeps the events that occurred at or before that instant. */
  async read<TEvent extends DomainEvent = DomainEvent>(streamId: string, until?: Date): Promise<StoredEvent<TEvent>[]> {
    const rows = await this.manager.query<EventRow[]>('SELECT * FROM event_store WHERE stream_id = ? ORDER BY version', [streamId]);
    const events = rows.map((row) => this.toStored<TEvent>(row));
    return until ? events.filter((e) => Date.parse(e.event.ocurrido_en) <= until.getTime()) : events;
  }

  /** Every stream's events after a global position, in order: what projections are fed from. */
  async readAll<TEvent extends DomainEvent = DomainEvent>(afterPosition: number, limit: number): Promise<StoredEvent<TEvent>[]> {
    const rows = await this.manager.query<EventRow[]>('SELECT * FROM event_store WHERE position > ? ORDER BY position LIMIT ?', [
      afterPosition,
      limit,
    ]);
    return rows.map((row) => this.toStored<TEvent>(row));
  }

  async headPosition(): Promise<number> {
    const [row] = await this.manager.query<Array<{ p: number | null }>>('SELECT MAX(position) AS p FROM event_store');
    return Number(row?.p ?? 0);
  }

  private currentSchema(type: string): number {
    return (this.upcasters[type]?.length ?? 0) + 1;
  }

  private toStored<TEvent extends DomainEvent>(row: EventRow): StoredEvent<TEvent> {
    let datos = JSON.parse(row.data) as Record<string, unknown>;
    for (const upcast of (this.upcasters[row.type] ?? []).slice(Number(row.schema_version ?? 1) - 1)) datos = upcast(datos);
    return {
      position: Number(row.position),
      streamId: row.stream_id,
      version: Number(row.version),
      event: { tipo: row.type, datos, ocurrido_en: row.occurred_at } as TEvent,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    };
  }
}

/**
 * Runs a command's unit of work again when its stream moved underneath it (ConcurrencyError), on
 * fresh state. Inside an outer transaction (a message handler) it does not retry: the conflict
 * fails the whole delivery, which the broker redelivers with backoff.
 */
export async function retryOnConflict<T>(uow: UnitOfWork, work: () => Promise<T>, attempts = 3): Promise<T> {
  if (uow.current) return uow.run(work);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await uow.run(work);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
}
