import { ConflictError, DomainError, NotFoundError } from '../domain/domain-error.js';
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
  /**
   * Handles a command of a step whose participant is the orchestrating service itself (`source`),
   * in the transaction that sends it, instead of a round trip through the broker; its reply goes to
   * `handleReply` as any other. Without it such commands go through the outbox too.
   */
  runOwnCommand?(command: Envelope): Promise<void>;
}

export interface SagaManagerOptions extends SagaExecutorOptions {
  /** `source` of the commands the saga sends. */
  source: string;
  /**
   * Told of what the saga could not do and leaves to a later attempt: a deadline that could not be
   * handled (for another reason than a concurrent change), an own command that failed.
   */
  onError?(error: unknown, what: string): void;
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
    return this.uow.run(async () => {
      const { saved, own } = await this.apply(this.executor.start(id, referencia, datos, opciones));
      if (own.length === 0) return saved;
      await this.runOwn(own);
      // Its own first command has moved it on (its reply applied): the saga as it is now.
      return (await this.store.find<TData>(id)) ?? saved;
    });
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
      const { saved, own } = await this.apply(transition, reply);
      const paso = this.definition.pasos.find((p) => p.evento.type === reply.type);
      const applied = transition.log.some((l) => l.tipo === 'EVENTO_RECIBIDO' && l.id_mensaje === reply.id);
      if (paso && applied && this.hooks.onStepSucceeded) await this.hooks.onStepSucceeded(paso.nombre, saved, reply);
      await this.runOwn(own);
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
            await this.runOwn((await this.apply(transition)).own);
            moved += 1;
          }
        });
      } catch (error) {
        // A reply moved the saga at the same time (version conflict): the next tick looks again.
        if (!(error instanceof ConflictError))
          this.options.onError?.(error, `could not handle the deadline of saga ${id} (tried again at the next tick)`);
      }
    }
    return moved;
  }

  async retry(id: string): Promise<SagaView<TData>> {
    return this.uow.run(async () => {
      const saga = await this.require(id);
      await this.runOwn((await this.apply(this.executor.retry(saga))).own);
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

  /**
   * Saves the transition and sends its commands through the outbox, except those this service runs
   * itself: they come back in `own`, for `runOwn` once the caller is ready for them.
   */
  private async apply(transition: SagaTransition<TData>, causa?: Envelope): Promise<{ saved: SagaInstance<TData>; own: Envelope[] }> {
    const saved = await this.store.save(transition.saga, transition.log);
    const own: Envelope[] = [];
    for (const command of transition.commands) {
      const message = this.toEnvelope(saved, command, causa);
      if (this.runsItself(command)) own.push(message);
      else await this.outbox.add(command.contrato.topic, [message]);
    }
    return { saved, own };
  }

  private runsItself(command: SagaCommand): boolean {
    const step = this.definition.pasos.find((p) => p.nombre === command.paso);
    return this.hooks.runOwnCommand !== undefined && step?.participante === this.options.source;
  }

  /**
   * Runs this service's own commands in the current transaction, each in a savepoint. One refused
   * by the domain (a `DomainError`) is undone alone and left to its step's deadline, like a command
   * lost on its way: the step is given up and compensated, or a compensation sent again with
   * backoff (then FALLIDA). Any other error, a conflict with a concurrent change too, fails the
   * whole unit of work, as it would have failed the command's delivery: the message that caused it
   * is delivered again (or the deadline tick, or the request, tried again).
   */
  private async runOwn(commands: readonly Envelope[]): Promise<void> {
    for (const command of commands) {
      const outcome = await this.uow.attempt(() => this.hooks.runOwnCommand!(command));
      if (outcome.ok) continue;
      if (!(outcome.error instanceof DomainError) || outcome.error instanceof ConflictError) throw outcome.error;
      this.options.onError?.(
        outcome.error,
        `${command.type} of saga ${command.correlationId} was refused and undone; its step's deadline takes over`,
      );
    }
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
