import { describe, expect, it } from '@jest/globals';
import { newId } from './new-id.js';

describe('newId', () => {
  it('is a version 7 UUID (RFC 9562)', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in the order the ids were made, also within one millisecond, and never repeats', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('begins with the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const millis = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
  });

  it('keeps its random part random across refills of its pool of random bytes', () => {
    // The last five bytes are random bytes alone (the counter ends in the byte before them).
    const randomParts = Array.from({ length: 1000 }, () => newId().replaceAll('-', '').slice(22));
    expect(new Set(randomParts).size).toBe(randomParts.length);
  });
});
