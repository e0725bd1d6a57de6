import { describe, expect, it } from '@jest/globals';
import { claveDe, clavesDe, FechaSalidaIlegible, fechaUtc, type LegGds } from './clave-inventario.js';

function unLeg(origen: string, destino: string, fecha_salida: string): LegGds {
  return { origen, destino, fecha_salida, fecha_llegada: fecha_salida };
}

describe('fechaUtc', () => {
  it('is the date of a UTC instant', () => {
    expect(fechaUtc('2026-12-01T10:00:00Z')).toBe('2026-12-01');
  });

  it('is the UTC date when the local departure is late in the evening west of UTC', () => {
    expect(fechaUtc('2026-12-01T22:30:00-05:00')).toBe('2026-12-02');
  });

  it('is the UTC date when the local departure is early in the morning east of UTC', () => {
    expect(fechaUtc('2026-12-01T01:00:00.000+02:00')).toBe('2026-11-30');
  });

  it('reads a date-time without an offset as UTC, whatever the process time zone', () => {
    expect(fechaUtc('2026-12-01T23:59:59')).toBe('2026-12-01');
  });

  it('takes a plain date as it is', () => {
    expect(fechaUtc('2026-12-01')).toBe('2026-12-01');
  });

  it('raises FechaSalidaIlegible for a value that is no date', () => {
    expect(() => fechaUtc('2026-W48-2')).toThrow(FechaSalidaIlegible);
  });
});

describe('claveDe', () => {
  it('keys a leg by its origen, destino and UTC departure date', () => {
    expect(claveDe(unLeg('BOG', 'MDE', '2026-12-01T10:00:00Z'))).toEqual({ origen: 'BOG', destino: 'MDE', fecha: '2026-12-01' });
  });
});

describe('clavesDe', () => {
  it('gives one key per leg, in one fixed order whatever the order of the legs', () => {
    const ida = unLeg('MDE', 'BOG', '2026-12-01T10:00:00Z');
    const vuelta = unLeg('BOG', 'MDE', '2026-12-05T10:00:00Z');
    expect(clavesDe([ida, vuelta])).toEqual(clavesDe([vuelta, ida]));
  });

  it('keeps two legs on one route and day as two keys (two seats)', () => {
    const leg = unLeg('BOG', 'MDE', '2026-12-01T10:00:00Z');
    expect(clavesDe([leg, { ...leg, fecha_salida: '2026-12-01T18:00:00Z' }])).toHaveLength(2);
  });
});
