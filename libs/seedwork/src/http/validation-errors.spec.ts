import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from 'class-validator';
import { toCampoErrors } from './validation-errors.js';

function error(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return { property, constraints, children };
}

describe('toCampoErrors', () => {
  it('turns each constraint of a top-level field into one { campo, mensaje }', () => {
    const errors = [error('email', { isEmail: 'email must be an email', isNotEmpty: 'email should not be empty' })];
    expect(toCampoErrors(errors)).toEqual([
      { campo: 'email', mensaje: 'email must be an email' },
      { campo: 'email', mensaje: 'email should not be empty' },
    ]);
  });

  it('names nested fields by their dotted path through array indexes', () => {
    const errors = [
      error('itinerarios', undefined, [error('0', undefined, [error('odos', { arrayNotEmpty: 'odos should not be empty' })])]),
    ];
    expect(toCampoErrors(errors)).toEqual([{ campo: 'itinerarios.0.odos', mensaje: 'odos should not be empty' }]);
  });

  it('keeps the errors of a parent and of its children, parent first', () => {
    const errors = [
      error('cliente', { isObject: 'cliente must be an object' }, [error('nombre', { isString: 'nombre must be a string' })]),
    ];
    expect(toCampoErrors(errors)).toEqual([
      { campo: 'cliente', mensaje: 'cliente must be an object' },
      { campo: 'cliente.nombre', mensaje: 'nombre must be a string' },
    ]);
  });

  it('flattens several branches in order', () => {
    const errors = [
      error('itinerarios', undefined, [
        error('0', undefined, [error('odos', { arrayNotEmpty: 'odos should not be empty' })]),
        error('2', undefined, [error('precio', { isPositive: 'precio must be a positive number' })]),
      ]),
      error('id_cliente', { isUuid: 'id_cliente must be a UUID' }),
    ];
    expect(toCampoErrors(errors).map((e) => e.campo)).toEqual(['itinerarios.0.odos', 'itinerarios.2.precio', 'id_cliente']);
  });

  it('returns an empty list for no errors', () => {
    expect(toCampoErrors([])).toEqual([]);
  });
});
