/** What a probe of the log found: its head now, and the keys appended to since the previous head. */
export interface ProbeResult {
  head: number;
  /** The keys (topic and partition) with messages after the previous head; undefined: unknown, wake all. */
  changed?: readonly string[];
}

/**
 * A key's state as a waiter saw it before reading: a wait on it ends at once if anything changed
 * since, so a publish that lands between a read and the wait is never slept through.
 */
export interface ChangeToken {
  readonly epoch: number;
  readonly version: number;
}

/**
 * Wakes idle consumers when their partition may have new messages: at once for a publish from this
 * process, and for other processes by probing what the log received since its last known head every
 * `pollMs`, only while someone is waiting. A change wakes only the waiters of the keys it touched
 * (topic and partition), so a busy log does not make every idle partition read again.
 */
export class ChangeNotifier {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly versions = new Map<string, number>();
  /** Bumped by a change of unknown extent (the first probe, close): every token is stale then. */
  private epoch = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastHead: number | undefined;
  private probing = false;

  constructor(
    private readonly probe: (after: number | undefined) => Promise<ProbeResult>,
    private readonly pollMs: number,
  ) {}

  /** The key's state now; take it before reading the partition, and pass it to `wait`. */
  token(key: string): ChangeToken {
    return { epoch: this.epoch, version: this.versions.get(key) ?? 0 };
  }

  /** Marks keys as changed and wakes their waiters; no keys: every waiter. */
  notify(keys?: readonly string[]): void {
    if (keys === undefined) {
      this.epoch += 1;
      const all = [...this.waiters.values()].flatMap((set) => [...set]);
      this.waiters.clear();
      for (const wake of all) wake();
      return;
    }
    for (const key of new Set(keys)) {
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      const set = this.waiters.get(key);
      if (!set) continue;
      this.waiters.delete(key);
      for (const wake of set) wake();
    }
  }

  /** Resolves on the key's next change (at once if it changed since `since`), or after `timeoutMs`. */
  wait(key: string, since: ChangeToken, timeoutMs: number): Promise<void> {
    const now = this.token(key);
    if (now.epoch !== since.epoch || now.version !== since.version) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        const set = this.waiters.get(key);
        set?.delete(done);
        if (set?.size === 0) this.waiters.delete(key);
        resolve();
      };
      const timeout = setTimeout(done, timeoutMs);
      let set = this.waiters.get(key);
      if (!set) this.waiters.set(key, (set = new Set()));
      set.add(done);
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
      const found = await this.probe(this.lastHead);
      if (found.changed === undefined) {
        this.lastHead = found.head;
        this.notify();
      } else if (found.head !== this.lastHead) {
        this.lastHead = found.head;
        this.notify(found.changed);
      }
    } catch {
      // the database is unreachable for a moment: waiters time out and try again.
    } finally {
      this.probing = false;
    }
  }
}

/** The notifier's key for a topic's partition. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}#${partition}`;
}
