import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { CoalescingRunner } from './coalescing-runner.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A runner whose passes only count themselves. */
function counting(spacingMs: number) {
  let passes = 0;
  const runner = new CoalescingRunner(
    async () => void (passes += 1),
    () => undefined,
    spacingMs,
  );
  return { runner, passes: () => passes };
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
    const second = runner.run();
    const third = runner.run();
    gates[0].resolve();
    await first;
    expect(passes).toBe(2); // the two calls made during the first pass started one more, together
    gates[1].resolve();
    await Promise.all([second, third]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(passes).toBe(2); // and nothing after it
  });

  it('resolves a call made during a pass only after the next pass, which sees what the call committed', async () => {
    const gates = [deferred(), deferred()];
    const seen: number[] = [];
    let committed = 0;
    const runner = new CoalescingRunner(
      async () => {
        seen.push(committed);
        await gates[seen.length - 1].promise;
      },
      () => undefined,
    );
    const first = runner.run();
    committed = 1; // committed while the first pass runs: the first pass may have missed it
    let lateDone = false;
    const late = runner.run().then(() => (lateDone = true));
    gates[0].resolve();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(lateDone).toBe(false); // the first pass is over, but not the one that sees the commit
    gates[1].resolve();
    await late;
    expect(seen).toEqual([0, 1]);
  });

  describe('with spacingMs', () => {
    beforeEach(() => {
      jest.useFakeTimers();
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('keeps passes that follow each other spacingMs apart, so one pass takes what came meanwhile', async () => {
      const { runner, passes } = counting(40);
      await runner.run();
      const calls = [runner.run(), runner.run(), runner.run()];
      await jest.advanceTimersByTimeAsync(39);
      expect(passes()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      await Promise.all(calls);
      expect(passes()).toBe(2);
    });

    it('starts a pass at once when the previous one is older than spacingMs', async () => {
      const { runner, passes } = counting(40);
      await runner.run();
      await jest.advanceTimersByTimeAsync(60);
      const call = runner.run();
      await jest.advanceTimersByTimeAsync(0);
      expect(passes()).toBe(2);
      await call;
    });
  });

  it('resolves the calls waiting for a spaced pass when stopped, without running it', async () => {
    const { runner, passes } = counting(60000);
    await runner.run();
    const waiting = runner.run();
    await runner.stop();
    await waiting;
    expect(passes()).toBe(1);
  });

  it('resolves the callers of a pass whose error handler throws, and keeps running', async () => {
    let calls = 0;
    const runner = new CoalescingRunner(
      async () => {
        calls += 1;
        throw new Error('broker down');
      },
      () => {
        throw new Error('the logger failed too');
      },
    );
    await runner.run();
    await runner.run();
    expect(calls).toBe(2);
  });

  it('runs the pass of a call made after stop and resume while the stopped pass was finishing', async () => {
    const gate = deferred();
    let passes = 0;
    const runner = new CoalescingRunner(
      async () => {
        passes += 1;
        if (passes === 1) await gate.promise;
      },
      () => undefined,
    );
    const first = runner.run();
    const stopping = runner.stop();
    runner.resume();
    const again = runner.run();
    gate.resolve();
    await Promise.all([first, stopping, again]);
    expect(passes).toBe(2);
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
