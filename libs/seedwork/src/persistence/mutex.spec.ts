import { describe, expect, it } from '@jest/globals';
import { Mutex } from './mutex.js';

/** A task that yields to the event loop a few times, as database work does. */
function slowTask<T>(value: T, log: string[], turns = 3): () => Promise<T> {
  return async () => {
    log.push(`start ${String(value)}`);
    for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
    log.push(`end ${String(value)}`);
    return value;
  };
}

describe('Mutex', () => {
  it('resolves each run with its own task result', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    await expect(Promise.all([mutex.run(slowTask('a', log)), mutex.run(slowTask('b', log))])).resolves.toEqual(['a', 'b']);
  });

  it('runs tasks in arrival order', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    // The first task is the slowest: without the lock it would finish last.
    await Promise.all([mutex.run(slowTask(1, log, 6)), mutex.run(slowTask(2, log, 1)), mutex.run(slowTask(3, log, 3))]);
    expect(log.filter((entry) => entry.startsWith('end'))).toEqual(['end 1', 'end 2', 'end 3']);
  });

  it('runs one task at a time', async () => {
    const mutex = new Mutex();
    let active = 0;
    let mostActive = 0;
    const task = async () => {
      active += 1;
      mostActive = Math.max(mostActive, active);
      await new Promise((resolve) => setImmediate(resolve));
      active -= 1;
    };
    await Promise.all(Array.from({ length: 10 }, () => mutex.run(task)));
    expect(mostActive).toBe(1);
  });

  it('does not start a task before the previous one has ended', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    await Promise.all([mutex.run(slowTask('a', log)), mutex.run(slowTask('b', log))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('rejects the run whose task fails with that task’s error', async () => {
    const mutex = new Mutex();
    const failure = new Error('the task failed');
    await expect(
      mutex.run(async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('runs the next task after a task has failed', async () => {
    const mutex = new Mutex();
    const failing = mutex.run(async () => {
      throw new Error('the task failed');
    });
    const next = mutex.run(async () => 'next ran');
    await failing.catch(() => undefined);
    await expect(next).resolves.toBe('next ran');
  });

  it('waits for a failing task to end before starting the next one', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const failing = mutex.run(async () => {
      await slowTask('failing', log)();
      throw new Error('the task failed');
    });
    const next = mutex.run(slowTask('next', log));
    await Promise.allSettled([failing, next]);
    expect(log).toEqual(['start failing', 'end failing', 'start next', 'end next']);
  });
});
