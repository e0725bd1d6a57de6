import { describe, expect, it } from '@jest/globals';
import { motivoDeRechazo } from './pasarela-simulada.js';

describe('motivoDeRechazo (the simulated gateway)', () => {
  it('approves tok_ok', () => {
    expect(motivoDeRechazo('tok_ok')).toBeNull();
  });

  it('declines tok_declined for FONDOS_INSUFICIENTES', () => {
    expect(motivoDeRechazo('tok_declined')).toBe('FONDOS_INSUFICIENTES');
  });

  it.each(['tok_unknown', 'TOK_OK', 'tok_ok ', 'x'])('declines any other token (%j) as TOKEN_INVALIDO', (token) => {
    expect(motivoDeRechazo(token)).toBe('TOKEN_INVALIDO');
  });
});
