interface PendingPass {
  promise: Promise<void>;
  resolve(): void;
}

function pendingPass(): PendingPass {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Runs one pass of a task at a time. A call made while a pass runs does not start a second one
 * beside it: every call made meanwhile shares one more pass after the current one, and its promise
 * resolves when that pass (which sees everything committed before the call) has run.
 * For background catch-up loops (the outbox relay, the projection runner) woken by many commits.
 *
 * `spacingMs` keeps passes that follow each other at least that far apart: under load, the commits
 * of those few milliseconds are handled by one pass instead of one pass each.
 */
export class CoalescingRunner {
  private loop: Promise<void> | undefined;
  private next: PendingPass | undefined;
  private stopped = false;
  private lastStart = -Infinity;
  private pause: { timer: NodeJS.Timeout; done(): void } | undefined;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
    private readonly spacingMs = 0,
  ) {}

  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.next ??= pendingPass();
    const requested = this.next.promise;
    if (!this.loop) this.startLoop();
    return requested;
  }

  /** Lets the current pass finish; starts no more until `resume` (calls waiting for one resolve). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pause) {
      clearTimeout(this.pause.timer);
      this.pause.done();
    }
    await this.loop;
    // Calls left waiting resolve now; unless `resume` came meanwhile and their pass is still to run.
    if (this.stopped) {
      this.next?.resolve();
      this.next = undefined;
    }
  }

  resume(): void {
    this.stopped = false;
  }

  private startLoop(): void {
    this.loop = this.drain().finally(() => {
      this.loop = undefined;
      // A call that came as the loop was ending: its pass still runs.
      if (this.next && !this.stopped) this.startLoop();
    });
  }

  private async drain(): Promise<void> {
    while (this.next && !this.stopped) {
      const wait = this.lastStart + this.spacingMs - performance.now();
      if (wait > 0) await this.sleep(wait);
      const current = this.next;
      if (this.stopped || !current) return;
      this.next = undefined;
      this.lastStart = performance.now();
      try {
        await this.pass();
      } catch (error) {
        try {
          this.onError(error);
        } catch {
          // a failing error handler must not leave the callers of this pass waiting
        }
      } finally {
        current.resolve();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.pause = undefined;
        resolve();
      };
      this.pause = { timer: setTimeout(done, ms), done };
    });
  }
}
