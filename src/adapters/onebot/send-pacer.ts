/**
 * Per-account send pacing: QQ flags accounts that send fast, so the sends of one account go out at least
 * `intervalMs` apart, whichever sessions they belong to. Each caller reserves the next free slot, so
 * concurrent sends line up in the order they asked.
 */
export class SendPacer {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #next = new Map<string, number>();

  constructor(intervalMs: number, now: () => number = Date.now) {
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Resolves when `account` may send again, and books the slot. */
  async wait(account: string): Promise<void> {
    if (this.#intervalMs <= 0) return;
    const now = this.#now();
    const slot = Math.max(now, this.#next.get(account) ?? 0);
    this.#next.set(account, slot + this.#intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
