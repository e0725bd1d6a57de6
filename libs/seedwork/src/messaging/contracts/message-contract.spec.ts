import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsNumber, IsPositive, IsString, IsUUID, ValidateNested } from 'class-validator';
import { type Envelope, envelope } from '../envelope.js';
import { UnprocessableMessageError } from '../message-broker.js';
import { defineMessage, MessageContracts } from './message-contract.js';

class Monto {
  @IsNumber() @IsPositive() valor!: number;
  @IsString() moneda!: string;
}

class PagarReservaPayload {
  @IsUUID() id_reserva!: string;
  @ValidateNested() @Type(() => Monto) monto!: Monto;
}

const PagarReserva = defineMessage('PagarReserva', 'comandos-pagos', PagarReservaPayload);

const ID_RESERVA = '6f1c1a52-3c5e-4f59-9d77-2a3a8c0f9e11';

function pagarReserva(payload: unknown, schemaVersion = 'v1'): Envelope {
  return envelope({ type: 'PagarReserva', source: 'aeroalpes', correlationId: ID_RESERVA, schemaVersion, payload });
}

function validPayload() {
  return { id_reserva: ID_RESERVA, monto: { valor: 120, moneda: 'COP' } };
}

async function rejectionOf(promise: Promise<unknown>): Promise<UnprocessableMessageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnprocessableMessageError) return error;
    throw error;
  }
  throw new Error('expected an UnprocessableMessageError');
}

describe('defineMessage', () => {
  it('declares schema version v1 by default', () => {
    expect(PagarReserva).toEqual({ type: 'PagarReserva', topic: 'comandos-pagos', payload: PagarReservaPayload, schemaVersion: 'v1' });
  });
});

describe('MessageContracts', () => {
  const contracts = new MessageContracts([PagarReserva]);

  describe('parse', () => {
    it('returns the payload as an instance of its contract class', async () => {
      await expect(contracts.parse(pagarReserva(validPayload()))).resolves.toBeInstanceOf(PagarReservaPayload);
    });

    it('turns nested payload objects into their classes', async () => {
      const payload = (await contracts.parse(pagarReserva(validPayload()))) as PagarReservaPayload;
      expect(payload.monto).toBeInstanceOf(Monto);
    });

    it('rejects an unknown type, naming the type', async () => {
      const error = await rejectionOf(contracts.parse({ ...pagarReserva(validPayload()), type: 'CobrarReserva' }));
      expect(error.message).toContain('unknown message type "CobrarReserva"');
    });

    it('rejects an unsupported schema version, naming both versions', async () => {
      const error = await rejectionOf(contracts.parse(pagarReserva(validPayload(), 'v2')));
      expect(error.message).toMatch(/unsupported schema version "v2" \(expected v1\)/);
    });

    it('rejects an invalid payload, naming the field', async () => {
      const error = await rejectionOf(contracts.parse(pagarReserva({ ...validPayload(), id_reserva: 'not-a-uuid' })));
      expect(error.message).toMatch(/invalid payload \(id_reserva: /);
    });

    it('rejects a payload missing a field, naming the field', async () => {
      const { id_reserva: _omitted, ...payload } = validPayload();
      const error = await rejectionOf(contracts.parse(pagarReserva(payload)));
      expect(error.message).toContain('id_reserva');
    });

    it('rejects an invalid nested field, naming its parent field', async () => {
      const error = await rejectionOf(contracts.parse(pagarReserva({ ...validPayload(), monto: { valor: -5, moneda: 'COP' } })));
      expect(error.message).toMatch(/monto: /);
    });

    it('rejects a payload that is not an object', async () => {
      const error = await rejectionOf(contracts.parse(pagarReserva(null)));
      expect(error.message).toContain('payload is not an object');
    });
  });

  describe('registration', () => {
    it('throws when two contracts declare the same type', () => {
      const other = defineMessage('PagarReserva', 'comandos-otros', PagarReservaPayload);
      expect(() => new MessageContracts([PagarReserva, other])).toThrow('two contracts declare the message type PagarReserva');
    });

    it('accepts the same contract added twice', () => {
      expect(new MessageContracts([PagarReserva]).add(PagarReserva).all()).toEqual([PagarReserva]);
    });

    it('finds a contract by its type', () => {
      expect(contracts.get('PagarReserva')).toBe(PagarReserva);
    });
  });
});
