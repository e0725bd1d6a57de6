import { describe, expect, it } from '@jest/globals';
import type { LegGds } from './clave-inventario.js';
import { ReservaGds } from './reserva-gds.js';

const AHORA = new Date('2026-11-20T09:00:00.000Z');
const DESPUES = new Date('2026-11-20T09:30:00.000Z');
const LEGS: LegGds[] = [{ origen: 'BOG', destino: 'MDE', fecha_salida: '2026-12-01T10:00:00Z', fecha_llegada: '2026-12-01T11:05:00Z' }];

describe('ReservaGds', () => {
  describe('confirmada', () => {
    it('is CONFIRMADA with its localizador and no motivo', () => {
      expect(ReservaGds.confirmada('r-1', LEGS, 'ABC123', AHORA).snapshot()).toEqual({
        id_reserva: 'r-1',
        localizador: 'ABC123',
        estado: 'CONFIRMADA',
        motivo: null,
        legs: LEGS,
        creado_en: '2026-11-20T09:00:00.000Z',
        actualizado_en: '2026-11-20T09:00:00.000Z',
      });
    });

    it('answers a (repeated) ConfirmarReserva with its localizador', () => {
      expect(ReservaGds.confirmada('r-1', LEGS, 'ABC123').resultado).toEqual({ confirmada: true, localizador: 'ABC123' });
    });
  });

  describe('rechazada', () => {
    it('is RECHAZADA with its motivo and no localizador', () => {
      const { estado, motivo, localizador } = ReservaGds.rechazada('r-1', LEGS, 'SIN_CUPO').snapshot();
      expect({ estado, motivo, localizador }).toEqual({ estado: 'RECHAZADA', motivo: 'SIN_CUPO', localizador: null });
    });

    it('answers a (repeated) ConfirmarReserva with its motivo', () => {
      expect(ReservaGds.rechazada('r-1', LEGS, 'SIN_CUPO').resultado).toEqual({ confirmada: false, motivo: 'SIN_CUPO' });
    });
  });

  describe('revertir', () => {
    it('turns a CONFIRMADA reserva into REVERTIDA, keeping its localizador', () => {
      const reserva = ReservaGds.confirmada('r-1', LEGS, 'ABC123', AHORA);
      expect(reserva.revertir(DESPUES)).toBe(true);
      const { estado, localizador, actualizado_en } = reserva.snapshot();
      expect({ estado, localizador, actualizado_en }).toEqual({
        estado: 'REVERTIDA',
        localizador: 'ABC123',
        actualizado_en: '2026-11-20T09:30:00.000Z',
      });
    });

    it('has nothing to revert on a RECHAZADA reserva', () => {
      const reserva = ReservaGds.rechazada('r-1', LEGS, 'SIN_CUPO', AHORA);
      const antes = reserva.snapshot();
      expect({ cambio: reserva.revertir(DESPUES), despues: reserva.snapshot() }).toEqual({ cambio: false, despues: antes });
    });

    it('has nothing to revert the second time', () => {
      const reserva = ReservaGds.confirmada('r-1', LEGS, 'ABC123', AHORA);
      reserva.revertir(DESPUES);
      expect(reserva.revertir(new Date())).toBe(false);
    });

    it('answers a ConfirmarReserva after the revert as failed, CONFIRMACION_REVERTIDA', () => {
      const reserva = ReservaGds.confirmada('r-1', LEGS, 'ABC123');
      reserva.revertir();
      expect(reserva.resultado).toEqual({ confirmada: false, motivo: 'CONFIRMACION_REVERTIDA' });
    });
  });

  it('is restored as it was saved', () => {
    const snapshot = ReservaGds.confirmada('r-1', LEGS, 'ABC123').snapshot();
    expect(ReservaGds.restaurar(snapshot).snapshot()).toEqual(snapshot);
  });
});
