/**
 * Runs tasks one at a time per key and keys side by side: a OneBot connection hands each chat's events over
 * in arrival order, while one chat whose event is slow to take (a group message whose images are being
 * fetched) does not hold up the other chats on the same account.
 */
export class SessionLanes {
  readonly #tails = new Map<string, Promise<void>>();

  /** Queues `task` behind the earlier tasks of `key`; it never rejects (tasks handle their own errors). */
  run(key: string, task: () => Promise<void>): void {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const tail = previous.then(task).catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }

  /** Keys with work queued or running (for tests and metrics). */
  get size(): number {
    return this.#tails.size;
  }
}
