import { describe, expect, it } from '@jest/globals';
import { BusinessRuleBrokenError } from '#seedwork/domain';
import { Email } from './email.js';

describe('Email', () => {
  it('keeps the address as it was written', () => {
    expect(Email.de('Ana.Perez@Example.com').valor).toBe('Ana.Perez@Example.com');
  });

  it('normalises to lower case, so that letter case does not make another address', () => {
    expect(Email.de('Ana.Perez@Example.COM').normalizado).toBe('ana.perez@example.com');
  });

  it('is equal to the same address', () => {
    expect(Email.de('ana@example.com').equals(Email.de('ana@example.com'))).toBe(true);
  });

  it.each(['', 'ana', 'ana@', '@example.com', 'ana@example', 'ana perez@example.com', `${'a'.repeat(250)}@example.com`])(
    'refuses %j',
    (valor) => {
      expect(() => Email.de(valor)).toThrow(BusinessRuleBrokenError);
    },
  );
});
