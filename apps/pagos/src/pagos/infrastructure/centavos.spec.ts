import { describe, expect, it } from '@jest/globals';
import { aCentavos, deCentavos } from './centavos.js';

describe('centavos', () => {
  it.each([
    [450000, 45000000],
    [0.1, 10],
    [19.99, 1999],
    [1234567.89, 123456789],
  ])('stores %p as %p cents, exactly', (monto, centavos) => {
    expect(aCentavos(monto)).toBe(centavos);
  });

  it.each([0.01, 0.1, 0.29, 19.99, 1234567.89, 450000])('reads %p back unchanged', (monto) => {
    expect(deCentavos(aCentavos(monto))).toBe(monto);
  });

  it('reads the string MySQL gives for a BIGINT', () => {
    expect(deCentavos('45000050')).toBe(450000.5);
  });
});
