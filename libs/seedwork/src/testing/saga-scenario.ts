import { expect } from '@jest/globals';
import type { MessageContract } from '../messaging/contracts/message-contract.js';
import type { SagaDefinition } from '../saga/saga-definition.js';
import { SagaExecutor, type SagaTransition } from '../saga/saga-executor.js';
import type { PasoEstado, SagaEstado, SagaInstance, SagaLogTipo } from '../saga/saga-instance.js';

const TIMEOUT_MS = 1000;

/**
 * Saga specs that read as the process, in the style of Eventuate Tram's saga tests:
 *
 *   given(definicion).start(datos, { primerPasoEjecutado: true })
 *     .andGiven().successReply(ReservaCreada)
 *     .expectCommand(PagarReserva).to('pagos')
 *     .andGiven().errorReply(PagoRechazado, { motivo: 'FONDOS_INSUFICIENTES' })
 *     .expectCompensations(CancelarReserva)
 *     .expectEstado('COMPENSADA');
 *
 * Pure: it drives the executor's transitions with a fake clock, no database, no broker.
 */
export function given<TData>(
  definition: SagaDefinition<TData>,
  options: { maxIntentosCompensacion?: number } = {},
): SagaScenarioStart<TData> {
  return new SagaScenarioStart(definition, options.maxIntentosCompensacion ?? 3);
}

export class SagaScenarioStart<TData> {
  constructor(
    private readonly definition: SagaDefinition<TData>,
    private readonly maxIntentosCompensacion: number,
  ) {}

  start(datos: TData, opciones: { primerPasoEjecutado?: boolean } = {}): SagaScenario<TData> {
    return new SagaScenario(this.definition, this.maxIntentosCompensacion, datos, opciones);
  }
}

export class SagaScenario<TData> {
  private clock = Date.parse('2026-12-01T10:00:00.000Z');
  private ids = 0;
  private readonly executor: SagaExecutor<TData>;
  private last: SagaTransition<TData>;
  saga: SagaInstance<TData>;

  constructor(
    definition: SagaDefinition<TData>,
    maxIntentosCompensacion: number,
    datos: TData,
    opciones: { primerPasoEjecutado?: boolean },
  ) {
    this.executor = new SagaExecutor(definition, {
      timeoutMs: TIMEOUT_MS,
      maxIntentosCompensacion,
      now: () => new Date(this.clock),
      newId: () => `m${++this.ids}`,
    });
    this.last = this.executor.start('saga-1', 'reserva-1', datos, opciones);
    this.saga = this.last.saga;
  }

  /** The last transition sent exactly one message, of this contract. */
  expectCommand(contract: MessageContract): { to(participante: string): SagaScenario<TData> } {
    expect(this.last.commands.map((c) => c.contrato.type)).toEqual([contract.type]);
    return {
      to: (participante: string) => {
        const paso = this.saga.pasos.find((p) => p.nombre === this.last.commands[0].paso)!;
        expect(paso.participante).toBe(participante);
        return this;
      },
    };
  }

  expectNoCommand(): this {
    expect(this.last.commands).toEqual([]);
    return this;
  }

  andGiven(): this {
    return this;
  }

  /** A reply of any kind (success, error or compensation event). */
  reply(contract: MessageContract, payload: Record<string, unknown> = {}): this {
    const transition = this.executor.onReply(this.saga, { id: `r${++this.ids}`, type: contract.type, payload });
    expect(transition).not.toBeNull();
    this.last = transition!;
    this.saga = this.last.saga;
    return this;
  }

  successReply(contract: MessageContract, payload: Record<string, unknown> = {}): this {
    return this.reply(contract, payload);
  }

  errorReply(contract: MessageContract, payload: Record<string, unknown> = {}): this {
    return this.reply(contract, payload);
  }

  /** Time passes beyond every deadline the saga holds. */
  deadlinePasses(): this {
    const pending = this.saga.pasos.map((p) => p.vence_en).filter((v): v is number => v !== null);
    expect(pending.length).toBeGreaterThan(0);
    this.clock = Math.max(...pending) + 1;
    this.last = this.executor.onDeadline(this.saga);
    this.saga = this.last.saga;
    return this;
  }

  /** Each compensation is sent in this order, and each is answered with its success event. */
  expectCompensations(...contracts: MessageContract[]): this {
    for (const contract of contracts) {
      expect(this.last.commands.map((c) => [c.contrato.type, c.compensacion])).toEqual([[contract.type, true]]);
      const step = this.executor.definition.pasos.find((p) => p.compensacion?.comando.type === contract.type)!;
      this.reply(step.compensacion!.evento);
    }
    return this;
  }

  retry(): this {
    this.last = this.executor.retry(this.saga);
    this.saga = this.last.saga;
    return this;
  }

  expectEstado(estado: SagaEstado): this {
    expect(this.saga.estado).toBe(estado);
    return this;
  }

  expectPasos(estados: Record<string, PasoEstado>): this {
    expect(Object.fromEntries(this.saga.pasos.map((p) => [p.nombre, p.estado]))).toEqual(estados);
    return this;
  }

  expectLogged(tipo: SagaLogTipo): this {
    expect(this.last.log.map((l) => l.tipo)).toContain(tipo);
    return this;
  }
}
