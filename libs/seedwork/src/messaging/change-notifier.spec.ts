import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ChangeNotifier, partitionKey, type ProbeResult } from './change-notifier.js';

const POLL_MS = 10;
const A = partitionKey('reservas', 0);
const B = partitionKey('reservas', 1);

/**
 * A log that the test appends to, probed as the broker does: the first probe (nothing known yet)
 * answers only the head, later ones the keys appended to after the head they are given. It counts
 * its calls and records the head each was called with.
 */
function fakeLog(initial = 0) {
  const log = {
    head: initial,
    appended: [] as { position: number; key: string }[],
    calls: 0,
    afters: [] as (number | undefined)[],
    fail: false,
    append(key: string) {
      log.head += 1;
      log.appended.push({ position: log.head, key });
    },
  };
  const probe = async (after: number | undefined): Promise<ProbeResult> => {
    log.calls += 1;
    log.afters.push(after);
    if (log.fail) throw new Error('database unreachable');
    if (after === undefined) return { head: log.head };
    const changed = new Set(log.appended.filter((entry) => entry.position > after).map((entry) => entry.key));
    return { head: log.head, changed: [...changed] };
  };
  return { log, probe };
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

  /** Waits on `key` with a token taken now, as a consumer does after a read that found nothing. */
  function waitOn(target: ChangeNotifier, key: string, timeoutMs = 60000) {
    return track(target.wait(key, target.token(key), timeoutMs));
  }

  /** A notifier whose head is known: the first probe, which has nothing to compare with, has run. */
  async function settled(initial = 0) {
    const fake = fakeLog(initial);
    notifier = new ChangeNotifier(fake.probe, POLL_MS);
    const first = waitOn(notifier, A);
    await advance(POLL_MS);
    expect(first.done).toBe(true);
    expect(fake.log.afters).toEqual([undefined]);
    return { notifier, ...fake };
  }

  it('notify(keys) wakes the waiters of those keys at once, without probing, and leaves the others asleep', async () => {
    const { log, probe } = fakeLog();
    notifier = new ChangeNotifier(probe, POLL_MS);
    const onA = [waitOn(notifier, A), waitOn(notifier, A)];
    const onB = waitOn(notifier, B);
    notifier.notify([A]);
    await advance(0);
    expect(onA.map((w) => w.done)).toEqual([true, true]);
    expect(onB.done).toBe(false);
    expect(log.calls).toBe(0);
  });

  it('notify() with no keys wakes every waiter, without probing', async () => {
    const { log, probe } = fakeLog();
    notifier = new ChangeNotifier(probe, POLL_MS);
    const waits = [waitOn(notifier, A), waitOn(notifier, B)];
    notifier.notify();
    await advance(0);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
    expect(log.calls).toBe(0);
  });

  it('resolves a wait at once when its key was notified between the token and the wait (publish between read and wait)', async () => {
    const { log, probe } = fakeLog();
    notifier = new ChangeNotifier(probe, POLL_MS);
    const tokenA = notifier.token(A);
    const tokenB = notifier.token(B);
    notifier.notify([A]);
    const onA = track(notifier.wait(A, tokenA, 60000));
    const onB = track(notifier.wait(B, tokenB, 60000));
    await advance(0);
    expect(onA.done).toBe(true);
    expect(onB.done).toBe(false);
    expect(log.calls).toBe(0);
  });

  it('resolves a wait at once when notify() (every key) was called between the token and the wait', async () => {
    const { log, probe } = fakeLog();
    notifier = new ChangeNotifier(probe, POLL_MS);
    const token = notifier.token(B);
    notifier.notify();
    const wait = track(notifier.wait(B, token, 60000));
    await advance(0);
    expect(wait.done).toBe(true);
    expect(log.calls).toBe(0);
  });

  it('resolves a wait at once when a probe found its key changed between the token and the wait (another process published)', async () => {
    const { notifier, log } = await settled(5);
    const keepsPolling = waitOn(notifier, B);
    const tokenA = notifier.token(A);
    log.append(A);
    await advance(POLL_MS);
    expect(keepsPolling.done).toBe(false);
    const wait = track(notifier.wait(A, tokenA, 60000));
    await advance(0);
    expect(wait.done).toBe(true);
  });

  it('lets a wait on an unchanged key last until its timeout', async () => {
    const { notifier } = await settled(5);
    const wait = waitOn(notifier, A, 1000);
    await advance(990);
    expect(wait.done).toBe(false);
    await advance(10);
    expect(wait.done).toBe(true);
  });

  it('treats the first probe (called with undefined, nothing to compare with) as a change: every waiter wakes', async () => {
    const { log, probe } = fakeLog(5);
    notifier = new ChangeNotifier(probe, POLL_MS);
    const waits = [waitOn(notifier, A), waitOn(notifier, B)];
    await advance(POLL_MS);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
    expect(log.afters).toEqual([undefined]);
  });

  it("wakes only the waiters of a later probe's changed keys, within one poll, probing after the previous head", async () => {
    const { notifier, log } = await settled(5);
    const onA = waitOn(notifier, A);
    const onB = waitOn(notifier, B);
    await advance(5 * POLL_MS);
    expect([onA.done, onB.done]).toEqual([false, false]);
    expect(log.afters.slice(1)).toEqual([5, 5, 5, 5, 5]);

    log.append(A);
    await advance(POLL_MS);
    expect(onA.done).toBe(true);
    expect(onB.done).toBe(false);
    await advance(POLL_MS);
    expect(log.afters.at(-1)).toBe(6);
    expect(onB.done).toBe(false);
  });

  it('probes only while someone waits: no polling when idle', async () => {
    const { notifier, log } = await settled();
    const idleCalls = log.calls;
    await advance(100 * POLL_MS);
    expect(log.calls).toBe(idleCalls);

    const wait = waitOn(notifier, A);
    await advance(3 * POLL_MS);
    expect(log.calls).toBe(idleCalls + 3);
    expect(wait.done).toBe(false);
  });

  it('stops polling when the last waiter times out, and not before', async () => {
    const { notifier, log } = await settled();
    const short = waitOn(notifier, A, 55);
    const long = waitOn(notifier, B, 105);
    await advance(55);
    expect(short.done).toBe(true);
    const callsAfterFirstTimeout = log.calls;
    await advance(40);
    expect(log.calls).toBeGreaterThan(callsAfterFirstTimeout);

    await advance(10);
    expect(long.done).toBe(true);
    const callsAfterLastTimeout = log.calls;
    await advance(100 * POLL_MS);
    expect(log.calls).toBe(callsAfterLastTimeout);
  });

  it('never overlaps probes: a slow probe is not called again until it answers', async () => {
    let calls = 0;
    let answer: ((found: ProbeResult) => void) | undefined;
    notifier = new ChangeNotifier(() => {
      calls += 1;
      return new Promise<ProbeResult>((resolve) => {
        answer = resolve;
      });
    }, POLL_MS);
    const wait = waitOn(notifier, A);
    await advance(20 * POLL_MS);
    expect(calls).toBe(1);
    expect(wait.done).toBe(false);
    answer?.({ head: 1 });
    await advance(0);
    expect(wait.done).toBe(true);
  });

  it('survives a failing probe (database unreachable): waiters time out, and a later change still wakes them', async () => {
    const { notifier, log } = await settled(5);
    log.fail = true;
    const failing = waitOn(notifier, A, 200);
    await advance(200);
    expect(failing.done).toBe(true);
    expect(log.calls).toBeGreaterThan(2);

    const later = waitOn(notifier, A);
    log.fail = false;
    log.append(A);
    await advance(POLL_MS);
    expect(later.done).toBe(true);
    expect(log.afters.at(-1)).toBe(5);
  });

  it('wakes every waiter on close and stops polling', async () => {
    const { notifier, log } = await settled();
    const waits = [waitOn(notifier, A), waitOn(notifier, B)];
    await advance(POLL_MS);
    notifier.close();
    await advance(0);
    expect(waits.map((w) => w.done)).toEqual([true, true]);
    const calls = log.calls;
    await advance(100 * POLL_MS);
    expect(log.calls).toBe(calls);
  });
});
