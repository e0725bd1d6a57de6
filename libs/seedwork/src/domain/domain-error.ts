/**
 * What kind of failure a domain error is. The HTTP layer maps it to a status
 * (INVALIDO → 400, NO_ENCONTRADO → 404, CONFLICTO → 409, NO_PROCESABLE → 422); the messaging layer
 * to an error reply.
 * Kept as a string so it survives a broker, where `instanceof` does not.
 */
export type DomainErrorKind = 'INVALIDO' | 'NO_ENCONTRADO' | 'CONFLICTO' | 'NO_PROCESABLE';

/** Base of every error the domain raises on purpose. `code` is stable, e.g. `RESERVA.YA_CANCELADA`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'INVALIDO',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'NO_ENCONTRADO');
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'CONFLICTO');
  }
}

/** Well-formed but not acceptable in this state, e.g. an idempotency key reused with another body (422). */
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'NO_PROCESABLE');
  }
}
