import { describe, expect, it } from '@jest/globals';
import { KeyedQueue } from './keyed-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after another, in the order pushed, even when an earlier one is slower', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const slow = deferred();
    queue.push('k', async () => {
      log.push('1 start');
      await slow.promise;
      log.push('1 end');
    });
    queue.push('k', async () => {
      log.push('2');
    });
    await flush();
    expect(log).toEqual(['1 start']);
    slow.resolve();
    await queue.drain();
    expect(log).toEqual(['1 start', '1 end', '2']);
  });

  it('runs the tasks of different keys concurrently: a held key does not block another', async () => {
    const queue = new KeyedQueue();
    const held = deferred();
    const log: string[] = [];
    queue.push('a', async () => {
      await held.promise;
      log.push('a');
    });
    queue.push('b', async () => {
      log.push('b');
    });
    await flush();
    expect(log).toEqual(['b']);
    held.resolve();
    await queue.drain();
    expect(log).toEqual(['b', 'a']);
  });

  it('goes on with the next task of a key after one fails', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    queue.push('k', async () => {
      throw new Error('handler failed');
    });
    queue.push('k', async () => {
      log.push('next');
    });
    await queue.drain();
    expect(log).toEqual(['next']);
  });

  it('drains every pending task, including tasks pushed while draining', async () => {
    const queue = new KeyedQueue();
    const first = deferred();
    const log: string[] = [];
    queue.push('a', async () => {
      await first.promise;
      log.push('a1');
    });
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    queue.push('b', async () => {
      log.push('b1');
    });
    await flush();
    expect(drained).toBe(false);
    queue.push('a', async () => {
      log.push('a2');
    });
    first.resolve();
    await draining;
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });
});
