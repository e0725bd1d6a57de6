/**
 * Runs one pass of a task at a time. A call made while a pass runs does not start a second one
 * beside it: it asks for one more pass after the current one, and gets the current one's promise.
 * For background catch-up loops (the outbox relay, the projection runner) woken by many commits.
 */
export class CoalescingRunner {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const running = this.pass()
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.run();
        }
      });
    this.running = running;
    return running;
  }

  /** Lets the current pass finish; starts no more until `resume`. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again = false;
    await this.running;
  }

  resume(): void {
    this.stopped = false;
  }
}
