/**
 * Wakes idle consumers when new messages may be there: at once for a publish from this process,
 * and for other processes by probing a cheap "head" value (the log's last position) every
 * `pollMs`, only while someone is waiting. No busy loop over the database.
 */
export class ChangeNotifier {
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastHead: unknown;
  private probing = false;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly pollMs: number,
  ) {}

  notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next change, or after `timeoutMs` at the latest. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        this.waiters.delete(done);
        resolve();
      };
      const timeout = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      this.ensurePolling();
    });
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.notify();
  }

  private ensurePolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.waiters.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.probing) return;
    this.probing = true;
    try {
      const head = await this.probe();
      if (head !== this.lastHead) {
        this.lastHead = head;
        this.notify();
      }
    } catch {
      // the database is unreachable for a moment: waiters time out and try again.
    } finally {
      this.probing = false;
    }
  }
}
