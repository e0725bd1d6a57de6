import { describe, expect, it } from '@jest/globals';
import { Pago, type SolicitudPago } from './pago.js';

const AHORA = new Date('2026-12-01T10:00:00.000Z');
const DESPUES = new Date('2026-12-01T10:05:00.000Z');

function unaSolicitud(cambios: Partial<SolicitudPago> = {}): SolicitudPago {
  return { id: 'p-1', id_reserva: 'r-1', monto: 450000.5, moneda: 'COP', token: 'tok_ok', ...cambios };
}

describe('Pago', () => {
  describe('procesar', () => {
    it('records an approved payment with no motivo for tok_ok', () => {
      expect(Pago.procesar(unaSolicitud(), AHORA).snapshot()).toEqual({
        id: 'p-1',
        id_reserva: 'r-1',
        monto: 450000.5,
        moneda: 'COP',
        estado: 'APROBADO',
        motivo: null,
        creado_en: '2026-12-01T10:00:00.000Z',
        actualizado_en: '2026-12-01T10:00:00.000Z',
      });
    });

    it('records a RECHAZADO payment with FONDOS_INSUFICIENTES for tok_declined', () => {
      const { estado, motivo } = Pago.procesar(unaSolicitud({ token: 'tok_declined' })).snapshot();
      expect({ estado, motivo }).toEqual({ estado: 'RECHAZADO', motivo: 'FONDOS_INSUFICIENTES' });
    });

    it('records a RECHAZADO payment with TOKEN_INVALIDO for any other token', () => {
      const { estado, motivo } = Pago.procesar(unaSolicitud({ token: 'tok_robado' })).snapshot();
      expect({ estado, motivo }).toEqual({ estado: 'RECHAZADO', motivo: 'TOKEN_INVALIDO' });
    });
  });

  describe('resultado (the answer to PagarReserva, first or repeated)', () => {
    it('is approved for an APROBADO payment', () => {
      expect(Pago.procesar(unaSolicitud()).resultado).toEqual({ aprobado: true });
    });

    it('is rejected with the recorded motivo for a RECHAZADO payment', () => {
      expect(Pago.procesar(unaSolicitud({ token: 'tok_declined' })).resultado).toEqual({ aprobado: false, motivo: 'FONDOS_INSUFICIENTES' });
    });

    it('is rejected with PAGO_REVERTIDO once the payment was reverted', () => {
      const pago = Pago.procesar(unaSolicitud());
      pago.revertir();
      expect(pago.resultado).toEqual({ aprobado: false, motivo: 'PAGO_REVERTIDO' });
    });
  });

  describe('revertir', () => {
    it('turns an APROBADO payment into REVERTIDO, stamping actualizado_en', () => {
      const pago = Pago.procesar(unaSolicitud(), AHORA);
      expect(pago.revertir(DESPUES)).toBe(true);
      const { estado, motivo, creado_en, actualizado_en } = pago.snapshot();
      expect({ estado, motivo, creado_en, actualizado_en }).toEqual({
        estado: 'REVERTIDO',
        motivo: null,
        creado_en: '2026-12-01T10:00:00.000Z',
        actualizado_en: '2026-12-01T10:05:00.000Z',
      });
    });

    it('has nothing to revert on a RECHAZADO payment, and leaves it as it was', () => {
      const pago = Pago.procesar(unaSolicitud({ token: 'tok_declined' }), AHORA);
      const antes = pago.snapshot();
      expect({ cambio: pago.revertir(DESPUES), despues: pago.snapshot() }).toEqual({ cambio: false, despues: antes });
    });

    it('has nothing to revert the second time', () => {
      const pago = Pago.procesar(unaSolicitud(), AHORA);
      pago.revertir(DESPUES);
      const antes = pago.snapshot();
      expect({ cambio: pago.revertir(new Date()), despues: pago.snapshot() }).toEqual({ cambio: false, despues: antes });
    });
  });

  describe('restaurar', () => {
    it('gives back the payment it was saved as', () => {
      const snapshot = Pago.procesar(unaSolicitud()).snapshot();
      expect(Pago.restaurar(snapshot).snapshot()).toEqual(snapshot);
    });
  });
});
