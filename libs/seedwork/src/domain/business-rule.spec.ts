import { describe, expect, it } from '@jest/globals';
import { BusinessRuleBrokenError, checkRule, type BusinessRule } from './business-rule.js';
import { DomainError } from './domain-error.js';

class MontoDebeSerPositivo implements BusinessRule {
  readonly code = 'PAGO.MONTO_NO_POSITIVO';
  readonly message = 'El monto debe ser positivo';
  constructor(private readonly monto: number) {}
  isBroken(): boolean {
    return this.monto <= 0;
  }
}

describe('checkRule', () => {
  it('passes silently when the rule holds', () => {
    expect(() => checkRule(new MontoDebeSerPositivo(10))).not.toThrow();
  });

  it('raises a domain error carrying the rule code when the rule is broken', () => {
    let caught: unknown;
    try {
      checkRule(new MontoDebeSerPositivo(0));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BusinessRuleBrokenError);
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('PAGO.MONTO_NO_POSITIVO');
    expect((caught as DomainError).kind).toBe('INVALIDO');
  });
});
