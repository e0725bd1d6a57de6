import type { CampoError } from './problem.js';

/** Raised by the validation pipe: bad input, answered 400 with the list of fields. */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: CampoError[],
    message = 'The request has invalid fields',
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
