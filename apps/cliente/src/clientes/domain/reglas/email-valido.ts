import type { BusinessRule } from '#seedwork/domain';

const FORMA_DE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_LONGITUD_MAXIMA = 254;

/** An address an email can be sent to: `local@dominio.tld`, at most 254 characters (RFC 5321). */
export class EmailValido implements BusinessRule {
  readonly code = 'CLIENTE.EMAIL_INVALIDO';
  readonly message = 'El email no es una dirección válida';

  constructor(private readonly valor: string) {}

  isBroken(): boolean {
    return this.valor.length > EMAIL_LONGITUD_MAXIMA || !FORMA_DE_EMAIL.test(this.valor);
  }
}
