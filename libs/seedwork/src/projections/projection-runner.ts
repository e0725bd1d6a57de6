import { ConflictError, NotFoundError } from '../domain/domain-error.js';
import type { EventStore } from '../event-store/event-store.js';
import { CoalescingRunner } from '../persistence/coalescing-runner.js';
import { Mutex } from '../persistence/mutex.js';
import type { TransactionContext, UnitOfWork } from '../persistence/unit-of-work.js';
import type { Projection, ProjectionContext } from './projection.js';

type Copia = 'a' | 'b';

/** Passes `sync` may wait for before it gives up on read-your-writes (a failing projection). */
const MAX_SYNC_PASSES = 5;

export interface ProjectionStatus {
  nombre: string;
  posicion: number;
  cabeza: number;
  retraso: number;
  copia_activa: Copia;
  reconstruyendo: boolean;
}

export interface ProjectionRunnerOptions {
  batchSize: number;
  /** Sweep interval; the runner is also woken after each commit that appends events. */
  pollMs: number;
  /** Least time between two passes: under load, one pass takes the events of several commits. */
  spacingMs?: number;
  onError(error: unknown): void;
}

interface Checkpoint {
  posicion: number;
  copia_activa: Copia;
}

/**
 * Feeds projections from the event store: each keeps its checkpoint in the same transaction as its
 * rows, so it resumes exactly where it stopped. A rebuild replays from position 0 into the idle
 * copy of its tables while reads go on from the live one, then switches copies in one transaction.
 */
export class ProjectionRunner {
  private readonly locks = new Map<string, Mutex>();
  private readonly activas = new Map<string, Copia>();
  private readonly rebuilding = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly passes: CoalescingRunner;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly eventStore: EventStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions,
  ) {
    for (const p of projections) this.locks.set(p.nombre, new Mutex());
    this.passes = new CoalescingRunner(
      async () => {
        // Read first, beside the writer: a projection already at the head needs no transaction.
        const head = await this.uow.read(() => this.eventStore.headPosition());
        for (const p of await this.behind(head)) await this.catchUp(p);
      },
      options.onError,
      options.spacingMs,
    );
  }

  async start(): Promise<void> {
    await this.uow.run(async (tx) => {
      for (const p of this.projections) {
        const cp = await this.checkpoint(tx, p.nombre);
        this.activas.set(p.nombre, cp.copia_activa);
      }
    });
    this.passes.resume();
    this.timer = setInterval(() => void this.wake(), this.options.pollMs);
    this.timer.unref();
    await this.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.passes.stop();
    await Promise.all(this.rebuilding.values());
  }

  /** Brings every projection up to the head; calls arriving meanwhile are folded into one more pass. */
  wake(): Promise<void> {
    return this.passes.run();
  }

  /**
   * Resolves once every projection has caught up with the event store's head as it is now:
   * read-your-writes for a caller that just committed events. Usually the pass its commit woke.
   */
  async sync(): Promise<void> {
    const head = await this.uow.read(() => this.eventStore.headPosition());
    for (let pass = 0; pass < MAX_SYNC_PASSES && (await this.behind(head)).length > 0; pass += 1) await this.wake();
  }

  /** The projections whose committed checkpoint is before `head`, read beside the writer. */
  private async behind(head: number): Promise<Projection[]> {
    return this.uow.read(async () => {
      const atrasadas: Projection[] = [];
      for (const p of this.projections) if ((await this.readCheckpoint(p.nombre)).posicion < head) atrasadas.push(p);
      return atrasadas;
    });
  }

  /** The physical table a query reads for a projection's table: `reservas_lista` → `reservas_lista_a`. */
  tabla(proyeccion: string, tabla: string): string {
    return `${tabla}_${this.activas.get(proyeccion) ?? 'a'}`;
  }

  async status(): Promise<ProjectionStatus[]> {
    return this.uow.read(async () => {
      const cabeza = await this.eventStore.headPosition();
      const out: ProjectionStatus[] = [];
      for (const p of this.projections) {
        const cp = await this.readCheckpoint(p.nombre);
        out.push({
          nombre: p.nombre,
          posicion: cp.posicion,
          cabeza,
          retraso: cabeza - cp.posicion,
          copia_activa: cp.copia_activa,
          reconstruyendo: this.rebuilding.has(p.nombre),
        });
      }
      return out;
    });
  }

  /** Starts rebuilding a projection from position 0; resolves when it has been switched in. */
  rebuild(nombre: string): { done: Promise<void> } {
    const projection = this.projection(nombre);
    if (this.rebuilding.has(nombre))
      throw new ConflictError('PROYECCION.YA_EN_RECONSTRUCCION', `projection ${nombre} is already being rebuilt`);
    const done = this.runRebuild(projection).finally(() => this.rebuilding.delete(nombre));
    this.rebuilding.set(nombre, done);
    return { done };
  }

  isRebuilding(nombre: string): boolean {
    return this.rebuilding.has(nombre);
  }

  projection(nombre: string): Projection {
    const projection = this.projections.find((p) => p.nombre === nombre);
    if (!projection)
      throw new NotFoundError(
        'PROYECCION.NO_ENCONTRADA',
        `no projection named ${nombre}; known: ${this.projections.map((p) => p.nombre).join(', ')}`,
      );
    return projection;
  }

  private async catchUp(projection: Projection): Promise<void> {
    await this.locks.get(projection.nombre)!.run(async () => {
      for (;;) {
        const applied = await this.uow.run(async (tx) => {
          const cp = await this.checkpoint(tx, projection.nombre);
          const n = await this.applyBatch(tx, projection, cp.copia_activa, cp.posicion);
          if (n.ultima > cp.posicion) await this.saveCheckpoint(tx, projection.nombre, n.ultima, cp.copia_activa);
          return n.leidos;
        });
        if (applied < this.options.batchSize) return;
      }
    });
  }

  private async runRebuild(projection: Projection): Promise<void> {
    const idle = this.activas.get(projection.nombre) === 'a' ? 'b' : 'a';
    await this.uow.run(async (tx) => {
      for (const tabla of projection.tablas) await tx.manager.query(`DELETE FROM ${tabla}_${idle}`);
    });
    let posicion = 0;
    // Replay into the idle copy, batch by batch, while the live copy keeps being served and fed.
    for (;;) {
      const { leidos, ultima } = await this.uow.run((tx) => this.applyBatch(tx, projection, idle, posicion));
      posicion = Math.max(posicion, ultima);
      if (leidos < this.options.batchSize) break;
    }
    // Catch up the last events and switch copies in one transaction, with the live feed paused.
    await this.locks.get(projection.nombre)!.run(() =>
      this.uow.run(async (tx) => {
        for (;;) {
          const { leidos, ultima } = await this.applyBatch(tx, projection, idle, posicion);
          posicion = Math.max(posicion, ultima);
          if (leidos < this.options.batchSize) break;
        }
        await this.saveCheckpoint(tx, projection.nombre, posicion, idle);
        tx.afterCommit(() => void this.activas.set(projection.nombre, idle));
      }),
    );
  }

  /** Reads one batch after `despues` and applies the events of the projection's types. */
  private async applyBatch(
    tx: TransactionContext,
    projection: Projection,
    copia: Copia,
    despues: number,
  ): Promise<{ leidos: number; ultima: number }> {
    const eventos = await this.eventStore.readAll(despues, this.options.batchSize);
    if (eventos.length === 0) return { leidos: 0, ultima: despues };
    const suyos = eventos.filter((e) => projection.tipos.includes(e.event.tipo));
    const ctx: ProjectionContext = { manager: tx.manager, tabla: (nombre) => `${nombre}_${copia}` };
    if (suyos.length > 0) await projection.aplicar(ctx, suyos);
    return { leidos: eventos.length, ultima: eventos.at(-1)!.position };
  }

  /** The checkpoint as committed, without creating it (status reads on the read connection). */
  private async readCheckpoint(nombre: string): Promise<Checkpoint> {
    const [row] = await this.uow.manager.query<Array<{ posicion: number; copia_activa: Copia }>>(
      'SELECT posicion, copia_activa FROM projection_checkpoints WHERE nombre = ?',
      [nombre],
    );
    return row ? { posicion: Number(row.posicion), copia_activa: row.copia_activa } : { posicion: 0, copia_activa: 'a' };
  }

  private async checkpoint(tx: TransactionContext, nombre: string): Promise<Checkpoint> {
    const [row] = await tx.manager.query<Array<{ posicion: number; copia_activa: Copia }>>(
      'SELECT posicion, copia_activa FROM projection_checkpoints WHERE nombre = ?',
      [nombre],
    );
    if (row) return { posicion: Number(row.posicion), copia_activa: row.copia_activa };
    await tx.manager.query('INSERT INTO projection_checkpoints (nombre, posicion, copia_activa, actualizado_en) VALUES (?, 0, ?, ?)', [
      nombre,
      'a',
      new Date().toISOString(),
    ]);
    return { posicion: 0, copia_activa: 'a' };
  }

  private async saveCheckpoint(tx: TransactionContext, nombre: string, posicion: number, copia: Copia): Promise<void> {
    await tx.manager.query('UPDATE projection_checkpoints SET posicion = ?, copia_activa = ?, actualizado_en = ? WHERE nombre = ?', [
      posicion,
      copia,
      new Date().toISOString(),
      nombre,
    ]);
  }
}
