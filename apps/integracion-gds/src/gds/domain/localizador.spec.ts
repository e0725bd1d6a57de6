import { describe, expect, it } from '@jest/globals';
import { FORMA_LOCALIZADOR, nuevoLocalizador } from './localizador.js';

describe('nuevoLocalizador', () => {
  it('is 6 upper-case letters and digits', () => {
    for (let i = 0; i < 200; i += 1) expect(nuevoLocalizador()).toMatch(FORMA_LOCALIZADOR);
  });

  it('draws each character from A-Z and 0-9', () => {
    const sucesion = [0, 25, 26, 35, 1, 34];
    expect(nuevoLocalizador(() => sucesion.shift()!)).toBe('AZ09B8');
  });

  it('differs from one reserva to the next', () => {
    expect(new Set(Array.from({ length: 100 }, () => nuevoLocalizador())).size).toBe(100);
  });
});
