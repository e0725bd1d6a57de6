import type { MessageContract } from '../messaging/contracts/message-contract.js';

/** One step of a saga, as plain data that the generic executor runs. */
export interface SagaStep<TData> {
  readonly nombre: string;
  readonly participante: string;
  readonly comando: MessageContract;
  readonly evento: MessageContract;
  readonly error: MessageContract;
  readonly compensacion?: {
    readonly comando: MessageContract;
    readonly evento: MessageContract;
    readonly payload: (data: TData) => object;
  };
  readonly payload: (data: TData) => object;
  /** Folds what the success reply says into the saga's data (e.g. a localizador): returns new data, never changes the data given. */
  readonly alResponder?: (data: TData, reply: Record<string, unknown>) => TData;
  /** Overrides the executor's default deadline for this step. */
  readonly timeoutMs?: number;
}

export interface SagaDefinition<TData> {
  readonly nombre: string;
  readonly pasos: readonly SagaStep<TData>[];
}

type Draft<TData> = { -readonly [K in keyof SagaStep<TData>]?: SagaStep<TData>[K] } & { nombre: string };

/**
 * A saga declared as the process reads, in the style of Eventuate Tram:
 *
 *   saga<Datos>('reserva')
 *     .step('PagarReserva').invokeParticipant('pagos', PagarReserva, (d) => ({ … }))
 *       .onReply(ReservaPagada).onError(PagoRechazado).withCompensation(RevertirPago, PagoRevertido, (d) => ({ … }))
 *     .step(…)
 *     .build();
 */
export function saga<TData>(nombre: string): SagaBuilder<TData> {
  return new SagaBuilder<TData>(nombre);
}

export class SagaBuilder<TData> {
  private readonly drafts: Draft<TData>[] = [];

  constructor(private readonly nombre: string) {}

  step(nombre: string): StepBuilder<TData> {
    const draft: Draft<TData> = { nombre };
    this.drafts.push(draft);
    return new StepBuilder(this, draft);
  }

  build(): SagaDefinition<TData> {
    if (this.drafts.length === 0) throw new Error(`saga ${this.nombre} has no steps`);
    const pasos = this.drafts.map((d) => {
      for (const field of ['participante', 'comando', 'evento', 'error', 'payload'] as const) {
        if (!d[field]) throw new Error(`saga ${this.nombre}, step ${d.nombre}: ${field} is missing`);
      }
      return Object.freeze({ ...d }) as SagaStep<TData>;
    });
    const tipos = pasos.flatMap((p) => [p.evento.type, p.error.type, ...(p.compensacion ? [p.compensacion.evento.type] : [])]);
    const repetido = tipos.find((t, i) => tipos.indexOf(t) !== i);
    if (repetido) throw new Error(`saga ${this.nombre}: reply ${repetido} is used by two steps`);
    return Object.freeze({ nombre: this.nombre, pasos: Object.freeze(pasos) });
  }
}

export class StepBuilder<TData> {
  constructor(
    private readonly parent: SagaBuilder<TData>,
    private readonly draft: Draft<TData>,
  ) {}

  invokeParticipant(participante: string, comando: MessageContract, payload: (data: TData) => object): this {
    Object.assign(this.draft, { participante, comando, payload });
    return this;
  }

  onReply(evento: MessageContract, alResponder?: (data: TData, reply: Record<string, unknown>) => TData): this {
    Object.assign(this.draft, { evento, alResponder });
    return this;
  }

  onError(error: MessageContract): this {
    this.draft.error = error;
    return this;
  }

  withCompensation(comando: MessageContract, evento: MessageContract, payload: (data: TData) => object): this {
    this.draft.compensacion = { comando, evento, payload };
    return this;
  }

  withTimeout(timeoutMs: number): this {
    this.draft.timeoutMs = timeoutMs;
    return this;
  }

  step(nombre: string): StepBuilder<TData> {
    return this.parent.step(nombre);
  }

  build(): SagaDefinition<TData> {
    return this.parent.build();
  }
}
