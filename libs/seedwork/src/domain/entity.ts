import { checkRule, type BusinessRule } from './business-rule.js';

/** Something with an identity that outlives changes of its attributes. */
export abstract class Entity<TId = string> {
  protected constructor(readonly id: TId) {}

  equals(other: Entity<TId> | undefined): boolean {
    return other !== undefined && other.constructor === this.constructor && other.id === this.id;
  }

  protected checkRule(rule: BusinessRule): void {
    checkRule(rule);
  }
}
