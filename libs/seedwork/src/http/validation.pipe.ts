import { ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from './invalid-input.error.js';
import { toCampoErrors } from './validation-errors.js';

/**
 * The one validation pipe of every service: unknown fields are rejected (400, as API.md says),
 * payloads are turned into their DTO classes, and failures become `{ campo, mensaje }` lists.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(toCampoErrors(errors)),
  });
}
