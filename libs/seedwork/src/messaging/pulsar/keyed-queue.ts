/**
 * Runs tasks one after another per key and concurrently across keys: Pulsar's listener hands
 * messages over without waiting, so this keeps each correlation id's messages in order.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  push(key: string, task: () => Promise<void>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch(() => undefined);
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
