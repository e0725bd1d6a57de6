import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, isInstant } from './instants.js';

describe('isInstant', () => {
  it.each(['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.123Z', '2026-12-01T10:00:00-05:00', '2024-02-29T00:00:00+01:00'])(
    'accepts %s',
    (v) => expect(isInstant(v)).toBe(true),
  );
  it.each([
    '2026-12-01T10:00:00', // no zone: which one?
    '2026-W48-2', // week date
    '2026-335', // ordinal date
    '20261201T100000Z', // compact
    '2026-02-30T10:00:00Z', // no such day
    '2026-12-31T23:59:60Z', // leap second: Date.parse cannot read it
    '2026-12-01T24:00:00Z',
    'garbage',
    42,
  ])('rejects %s', (v) => expect(isInstant(v)).toBe(false));
});

describe('isCalendarDate', () => {
  it('accepts a date that exists', () => expect(isCalendarDate('2024-02-29')).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '2026-12-01T00:00:00Z', ''])('rejects %s', (v) => expect(isCalendarDate(v)).toBe(false));
});
