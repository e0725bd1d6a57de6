import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ChangeNotifier } from './change-notifier.js';

const POLL_MS = 10;

/** A probe of the log's head that the test moves, counting its calls. */
function fakeHead(initial = 0) {
  const head = { value: initial as unknown, calls: 0, fail: false };
  const probe = async () => {
    head.calls += 1;
    if (head.fail) throw new Error('database unreachable');
    return head.value;
  };
  return { head, probe };
}

function track(wait: Promise<void>): { done: boolean } {
  const state = { done: false };
  void wait.then(() => {
    state.done = true;
  });
  return state;
}

const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('ChangeNotifier', () => {
  let notifier: ChangeNotifier | undefined;

  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    notifier?.close();
    notifier = undefined;
    jest.useRealTimers();
  });

  /** A notifier whose head is known: the first probe, which has nothing to compare with, has run. */
  async function settled(initial = 0) {
    const fake = fakeHead(initial);
    notifier = new ChangeNotifier(fake.probe, POLL_MS);
    const first = track(notifier.wait(60000));
    await advance(POLL_MS);
    expect(first.done).toBe(true);
    return { notifier, ...fake };
  }

  it('wakes every waiter at once on notify (a publish from this process), without probing', async () => {
    const { head, probe } = fakeHead();
    notifier = new ChangeNotifier(probe, POLL_MS);
    const waits = [track(notifier.wait(60000)), track(notifier.wait(60000))];
    notifier.notify();
    await advance(0);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
    expect(head.calls).toBe(0);
  });

  it('treats the first probe as a change (nothing to compare with): a first waiter checks the log at once', async () => {
    await settled();
  });

  it('lets a wait last until its timeout while the head does not change', async () => {
    const { notifier } = await settled(5);
    const wait = track(notifier.wait(1000));
    await advance(990);
    expect(wait.done).toBe(false);
    await advance(10);
    expect(wait.done).toBe(true);
  });

  it('wakes every waiter within one poll when the head changes (a publish from another process)', async () => {
    const { notifier, head } = await settled(5);
    const waits = [track(notifier.wait(60000)), track(notifier.wait(60000))];
    await advance(5 * POLL_MS);
    expect(waits.map((w) => w.done)).toEqual([false, false]);
    head.value = 6;
    await advance(POLL_MS);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
  });

  it('probes only while someone waits: no polling when idle', async () => {
    const { notifier, head } = await settled();
    await advance(POLL_MS);
    const idleCalls = head.calls;
    await advance(100 * POLL_MS);
    expect(head.calls).toBe(idleCalls);

    const wait = track(notifier.wait(60000));
    await advance(3 * POLL_MS);
    expect(head.calls).toBeGreaterThanOrEqual(idleCalls + 2);
    expect(wait.done).toBe(false);
  });

  it('never overlaps probes: a slow probe is not called again until it answers', async () => {
    let calls = 0;
    let answer: ((head: number) => void) | undefined;
    notifier = new ChangeNotifier(() => {
      calls += 1;
      return new Promise<number>((resolve) => {
        answer = resolve;
      });
    }, POLL_MS);
    const wait = track(notifier.wait(60000));
    await advance(20 * POLL_MS);
    expect(calls).toBe(1);
    answer?.(1);
    await advance(POLL_MS);
    expect(wait.done).toBe(true);
  });

  it('survives a failing probe (database unreachable): waiters time out, and a later change still wakes them', async () => {
    const { notifier, head } = await settled(5);
    head.fail = true;
    const failing = track(notifier.wait(200));
    await advance(200);
    expect(failing.done).toBe(true);
    const callsWhileFailing = head.calls;
    expect(callsWhileFailing).toBeGreaterThan(2);

    const later = track(notifier.wait(60000));
    head.fail = false;
    head.value = 6;
    await advance(POLL_MS);
    expect(later.done).toBe(true);
  });

  it('wakes every waiter on close and stops polling', async () => {
    const { notifier, head } = await settled();
    const waits = [track(notifier.wait(60000)), track(notifier.wait(60000))];
    notifier.close();
    await advance(0);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
    const calls = head.calls;
    await advance(100 * POLL_MS);
    expect(head.calls).toBe(calls);
  });
});
