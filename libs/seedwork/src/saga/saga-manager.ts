import { ConflictError, NotFoundError } from '../domain/domain-error.js';
import { envelope, type Envelope } from '../messaging/envelope.js';
import type { Outbox } from '../messaging/outbox/outbox.js';
import type { UnitOfWork } from '../persistence/unit-of-work.js';
import type { SagaDefinition } from './saga-definition.js';
import { type SagaCommand, SagaExecutor, type SagaExecutorOptions, type SagaTransition } from './saga-executor.js';
import type { PasoEstado, SagaInstance, SagaLogEntry } from './saga-instance.js';
import type { SagaFilter, SagaStore } from './saga-store.js';

/** What the orchestrating service does when the saga moves: e.g. mark its aggregate paid. */
export interface SagaHooks<TData> {
  /** Called in the same transaction, after a step's success reply was applied. */
  onStepSucceeded?(paso: string, saga: SagaInstance<TData>, reply: Envelope): Promise<void>;
}

export interface SagaManagerOptions extends SagaExecutorOptions {
  /** `source` of the commands the saga sends. */
  source: string;
  /** Told of a deadline that could not be handled for another reason than a concurrent change. */
  onError?(error: unknown): void;
}

export interface SagaView<TData> extends SagaInstance<TData> {
  log: SagaLogEntry[];
}

/**
 * Runs a saga definition against the store and the outbox: every transition is saved (with
 * optimistic locking), logged, and its commands written to the outbox, in one transaction.
 */
export class SagaManager<TData> {
  readonly executor: SagaExecutor<TData>;

  constructor(
    readonly definition: SagaDefinition<TData>,
    private readonly store: SagaStore,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly options: SagaManagerOptions,
    private readonly hooks: SagaHooks<TData> = {},
  ) {
    this.executor = new SagaExecutor(definition, options);
  }

  /** Starts a saga inside the caller's unit of work (see `SagaExecutor.start` for `primerPasoEjecutado`). */
  async start(
    id: string,
    referencia: string,
    datos: TData,
    opciones: { primerPasoEjecutado?: boolean } = {},
  ): Promise<SagaInstance<TData>> {
    return this.uow.run(() => this.apply(this.executor.start(id, referencia, datos, opciones)));
  }

  /** Applies a reply (an event of a participant) to the saga named by its correlation id. */
  async handleReply(reply: Envelope): Promise<void> {
    await this.uow.run(async () => {
      const saga = await this.store.find<TData>(reply.correlationId);
      if (!saga || saga.tipo !== this.definition.nombre) return;
      // Applied already: by the orchestrator's own step in its transaction, or a redelivery.
      if (await this.store.hasLogged(saga.id, reply.id)) return;
      const transition = this.executor.onReply(saga, { id: reply.id, type: reply.type, payload: reply.payload as Record<string, unknown> });
      if (!transition) return;
      const saved = await this.apply(transition, reply);
      const paso = this.definition.pasos.find((p) => p.evento.type === reply.type);
      const applied = transition.log.some((l) => l.tipo === 'EVENTO_RECIBIDO' && l.id_mensaje === reply.id);
      if (paso && applied && this.hooks.onStepSucceeded) await this.hooks.onStepSucceeded(paso.nombre, saved, reply);
    });
  }

  /** The state of one step of a saga, read in the caller's transaction (undefined: no such saga). */
  async pasoEstado(id: string, paso: string): Promise<PasoEstado | undefined> {
    const saga = await this.uow.run(() => this.store.find<TData>(id));
    return saga?.pasos.find((p) => p.nombre === paso)?.estado;
  }

  /** Handles the sagas whose deadlines have passed; returns how many moved. */
  async expireDue(limit = 100): Promise<number> {
    const ids = await this.uow.read(() => this.store.due(Date.now(), limit));
    let moved = 0;
    for (const id of ids) {
      try {
        await this.uow.run(async () => {
          const saga = await this.store.find<TData>(id);
          if (!saga) return;
          const transition = this.executor.onDeadline(saga);
          if (transition.log.length > 0) {
            await this.apply(transition);
            moved += 1;
          }
        });
      } catch (error) {
        // A reply moved the saga at the same time (version conflict): the next tick looks again.
        if (!(error instanceof ConflictError)) this.options.onError?.(error);
      }
    }
    return moved;
  }

  async retry(id: string): Promise<SagaView<TData>> {
    return this.uow.run(async () => {
      const saga = await this.require(id);
      await this.apply(this.executor.retry(saga));
      return this.view(id);
    });
  }

  async view(id: string): Promise<SagaView<TData>> {
    return this.uow.read(async () => {
      const saga = await this.require(id);
      return { ...saga, log: await this.store.log(id) };
    });
  }

  async list(filter: Omit<SagaFilter, 'tipo'>): Promise<{ items: SagaView<TData>[]; total: number }> {
    return this.uow.read(async () => {
      const page = await this.store.list<TData>({ ...filter, tipo: this.definition.nombre });
      const items = [];
      for (const saga of page.items) items.push({ ...saga, log: await this.store.log(saga.id) });
      return { items, total: page.total };
    });
  }

  private async require(id: string): Promise<SagaInstance<TData>> {
    const saga = await this.store.find<TData>(id);
    if (!saga || saga.tipo !== this.definition.nombre) throw new NotFoundError('SAGA.NO_ENCONTRADA', `no saga with id ${id}`);
    return saga;
  }

  private async apply(transition: SagaTransition<TData>, causa?: Envelope): Promise<SagaInstance<TData>> {
    const saved = await this.store.save(transition.saga, transition.log);
    for (const command of transition.commands) {
      await this.outbox.add(command.contrato.topic, [this.toEnvelope(saved, command, causa)]);
    }
    return saved;
  }

  private toEnvelope(saga: SagaInstance<TData>, command: SagaCommand, causa?: Envelope): Envelope {
    return envelope({
      id: command.id,
      type: command.contrato.type,
      schemaVersion: command.contrato.schemaVersion,
      payload: command.payload,
      source: this.options.source,
      correlationId: saga.id,
      causedBy: causa,
    });
  }
}
