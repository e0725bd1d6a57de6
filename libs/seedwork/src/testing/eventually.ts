/**
 * Runs `check` until it passes (returns without throwing) and returns its result; once `timeoutMs`
 * has passed, rethrows its last failure. For outcomes that arrive asynchronously: poll with a
 * deadline instead of sleeping a fixed time and hoping.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) {
        if (error instanceof Error) error.message = `still failing after ${timeoutMs} ms: ${error.message}`;
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
