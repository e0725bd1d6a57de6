import { describe, expect, it } from '@jest/globals';
import { partitionOf } from './partition-of.js';

const keys = Array.from({ length: 4000 }, (_, i) => `reserva-${i}`);

describe('partitionOf', () => {
  it('is the FNV-1a 32-bit hash of the key, modulo the partitions (known test vectors)', () => {
    const whole = 2 ** 32;
    expect(partitionOf('', whole)).toBe(0x811c9dc5);
    expect(partitionOf('a', whole)).toBe(0xe40c292c);
    expect(partitionOf('foobar', whole)).toBe(0xbf9cf968);
  });

  it('gives a key the same partition on every call', () => {
    for (const key of keys.slice(0, 100)) expect(partitionOf(key, 8)).toBe(partitionOf(key, 8));
  });

  it('always returns an integer partition in [0, partitions)', () => {
    for (const partitions of [1, 2, 3, 8, 13, 64]) {
      const outside = keys.map((key) => partitionOf(key, partitions)).filter((p) => !Number.isInteger(p) || p < 0 || p >= partitions);
      expect({ partitions, outside }).toEqual({ partitions, outside: [] });
    }
  });

  it('puts every key in partition 0 when there is one partition', () => {
    expect(new Set(keys.map((key) => partitionOf(key, 1)))).toEqual(new Set([0]));
  });

  it('spreads many keys fairly over the partitions (each within 25% of an even share)', () => {
    const counts = new Array<number>(8).fill(0);
    for (const key of keys) counts[partitionOf(key, 8)] += 1;
    const even = keys.length / 8;
    for (const count of counts) expect(Math.abs(count - even) / even).toBeLessThan(0.25);
  });

  it('tells apart keys that differ in one character, including non-ASCII ones', () => {
    expect(partitionOf('reserva-1', 2 ** 32)).not.toBe(partitionOf('reserva-2', 2 ** 32));
    expect(partitionOf('José', 2 ** 32)).not.toBe(partitionOf('Jose', 2 ** 32));
  });
});
