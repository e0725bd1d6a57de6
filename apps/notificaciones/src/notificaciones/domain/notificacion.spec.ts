import { describe, expect, it } from '@jest/globals';
import { BusinessRuleBrokenError } from '#seedwork/domain';
import type { AvisoReserva } from './aviso-reserva.js';
import type { Contacto } from './contacto.js';
import { Notificacion } from './notificacion.js';

const CLIENTE = '6f1c0c7e-2f5e-4c39-9d7e-1a2b3c4d5e6f';
const RESERVA = '0b9e3d52-7c1a-4f0e-9a55-3c2d1e0f9a8b';
const AHORA = new Date('2026-12-01T10:00:00.000Z');
const contacto: Contacto = { id_cliente: CLIENTE, nombres: 'Ana', email: 'ana@example.com' };

function aviso(cambios: Partial<AvisoReserva> = {}): AvisoReserva {
  return { tipo: 'RESERVA_APROBADA', id_reserva: RESERVA, id_cliente: CLIENTE, ...cambios };
}

describe('Notificacion.paraAviso', () => {
  it('is an email to the contacto about the reserva, sent now', () => {
    expect(Notificacion.paraAviso(aviso(), contacto, 'n-1', AHORA).props).toEqual({
      id: 'n-1',
      id_cliente: CLIENTE,
      id_reserva: RESERVA,
      canal: 'email',
      destinatario: 'ana@example.com',
      tipo: 'RESERVA_APROBADA',
      asunto: expect.stringContaining(RESERVA),
      cuerpo: expect.stringContaining(RESERVA),
      enviada_en: '2026-12-01T10:00:00.000Z',
    });
  });

  it('keeps the tipo of the aviso', () => {
    expect(Notificacion.paraAviso(aviso({ tipo: 'RESERVA_CANCELADA' }), contacto, 'n-1', AHORA).props.tipo).toBe('RESERVA_CANCELADA');
  });

  it("refuses to write to a cliente about another cliente's reserva", () => {
    expect(() => Notificacion.paraAviso(aviso({ id_cliente: 'otro' }), contacto, 'n-1', AHORA)).toThrow(BusinessRuleBrokenError);
  });
});
