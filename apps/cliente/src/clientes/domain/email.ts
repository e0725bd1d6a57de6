import { checkRule, ValueObject } from '#seedwork/domain';
import { EmailValido } from './reglas/email-valido.js';

/**
 * A cliente's email, kept as the cliente wrote it. Two emails that differ only in letter case are
 * the same address: `normalizado` is what uniqueness is decided on.
 */
export class Email extends ValueObject<{ valor: string }> {
  static de(valor: string): Email {
    checkRule(new EmailValido(valor));
    return new Email({ valor });
  }

  get valor(): string {
    return this.props.valor;
  }

  get normalizado(): string {
    return this.props.valor.toLowerCase();
  }
}
