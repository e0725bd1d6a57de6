import { DomainError } from './domain-error.js';

/** A business rule as a named class: `checkRule(new ReservaDebeTenerItinerarios(itinerarios))`. */
export interface BusinessRule {
  /** Stable code of the error raised when the rule is broken, e.g. `RESERVA.SIN_ITINERARIOS`. */
  readonly code: string;
  readonly message: string;
  isBroken(): boolean;
}

export class BusinessRuleBrokenError extends DomainError {
  constructor(readonly rule: BusinessRule) {
    super(rule.code, rule.message, 'INVALIDO');
  }
}

export function checkRule(rule: BusinessRule): void {
  if (rule.isBroken()) throw new BusinessRuleBrokenError(rule);
}
