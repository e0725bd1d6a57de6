import { describe, expect, it } from '@jest/globals';
import { defineMessage } from '../messaging/contracts/message-contract.js';
import { saga } from './saga-definition.js';
import { SagaExecutor } from './saga-executor.js';

class Ref {
  id: string;
}

const Hacer = defineMessage('Hacer', 'comandos-otro', Ref);
const Hecho = defineMessage('Hecho', 'eventos-otro', Ref);
const Fallido = defineMessage('Fallido', 'eventos-otro', Ref);
const Deshacer = defineMessage('Deshacer', 'comandos-otro', Ref);
const Deshecho = defineMessage('Deshecho', 'eventos-otro', Ref);

const DEFINICION = saga<{ id: string; recibo?: string }>('prueba')
  .step('Hacer')
  .invokeParticipant('otro', Hacer, (d) => ({ id: d.id }))
  .onReply(Hecho, (d, reply) => ({ ...d, recibo: String(reply.recibo) }))
  .onError(Fallido)
  .withCompensation(Deshacer, Deshecho, (d) => ({ id: d.id }))
  .step('Otra')
  .invokeParticipant('otro', defineMessage('Otra', 'comandos-otro', Ref), (d) => ({ id: d.id }))
  .onReply(defineMessage('OtraHecha', 'eventos-otro', Ref))
  .onError(defineMessage('OtraFallida', 'eventos-otro', Ref))
  .build();

describe('SagaExecutor', () => {
  it('leaves the saga it is given as it was: a transition works on a copy', () => {
    const executor = new SagaExecutor(DEFINICION, { timeoutMs: 1000, maxIntentosCompensacion: 3 });
    const started = executor.start('s-1', 'r-1', { id: 'r-1' }).saga;
    const before = structuredClone(started);
    const [hacer] = executor.start('s-1', 'r-1', { id: 'r-1' }).commands;
    const replied = executor.onReply(started, { id: 'm-1', type: Hecho.type, payload: { id: 'r-1', recibo: 'R-9' } })!;
    expect(replied.saga.pasos.map((p) => p.estado)).toEqual(['EXITOSO', 'EN_CURSO']);
    expect(replied.saga.datos).toEqual({ id: 'r-1', recibo: 'R-9' });
    expect(started).toEqual(before);
    const failed = executor.onReply(replied.saga, { id: 'm-2', type: 'OtraFallida', payload: { id: 'r-1' } })!;
    expect(failed.saga.estado).toBe('COMPENSANDO');
    expect(replied.saga.pasos.map((p) => p.estado)).toEqual(['EXITOSO', 'EN_CURSO']);
    expect(hacer.contrato).toBe(Hacer);
  });
});
