import { describe, expect, it } from '@jest/globals';
import { CoalescingRunner } from './coalescing-runner.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CoalescingRunner', () => {
  it('folds the calls made during a pass into exactly one more pass', async () => {
    const gates = [deferred(), deferred()];
    let passes = 0;
    const runner = new CoalescingRunner(
      async () => {
        await gates[passes++]?.promise;
      },
      () => undefined,
    );
    const first = runner.run();
    void runner.run();
    void runner.run();
    gates[0].resolve();
    await first;
    expect(passes).toBe(2); // the two calls made during the first pass started one more, together
    gates[1].resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(passes).toBe(2); // and nothing after it
  });

  it('hands a failing pass to onError and keeps running later passes', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const runner = new CoalescingRunner(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('broker down');
      },
      (e) => errors.push(e),
    );
    await runner.run();
    await runner.run();
    expect(errors.map((e) => (e as Error).message)).toEqual(['broker down']);
    expect(calls).toBe(2);
  });

  it('starts no pass after stop, until resumed', async () => {
    let calls = 0;
    const runner = new CoalescingRunner(
      async () => void (calls += 1),
      () => undefined,
    );
    await runner.stop();
    await runner.run();
    expect(calls).toBe(0);
    runner.resume();
    await runner.run();
    expect(calls).toBe(1);
  });
});
