/**
 * What a long-running command has started, closed in reverse order: at shutdown, or when a later step of
 * starting fails, so a failed start leaves no private redis-server, connection or port behind.
 */
export class Teardown {
  readonly #steps: Array<() => unknown> = [];

  /** Registers how to close something just started. */
  add(step: () => unknown): void {
    this.#steps.push(step);
  }

  /** Runs every step once, the last added first; each runs even if an earlier one failed. Performs I/O. */
  async run(): Promise<void> {
    let failure: unknown = null;
    for (let step = this.#steps.pop(); step !== undefined; step = this.#steps.pop()) {
      try {
        await step();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== null) throw failure;
  }

  /** Runs `start`; if it throws, closes what was started before rethrowing its error. Performs I/O. */
  async guard<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (error) {
      await this.run().catch(() => undefined);
      throw error;
    }
  }
}
