import type { ValidationError } from 'class-validator';
import type { CampoError } from './problem.js';

/** Flattens class-validator's tree of errors into `{ campo, mensaje }` with dotted paths. */
export function toCampoErrors(errors: readonly ValidationError[], parent = ''): CampoError[] {
  return errors.flatMap((error) => {
    const campo = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((mensaje) => ({ campo, mensaje }));
    return [...own, ...toCampoErrors(error.children ?? [], campo)];
  });
}
