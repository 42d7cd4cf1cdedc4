/**
 * Per-account send pacing: QQ flags accounts that send fast, so the sends of one account go out at least
 * `intervalMs` apart, whichever sessions they belong to. Callers line up per account in the order they
 * asked, and each measures its gap from the moment the previous one was actually released (a timer that
 * fired late never lets the next send catch up).
 */
export class SendPacer {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #tails = new Map<string, Promise<void>>();
  readonly #releasedAt = new Map<string, number>();

  constructor(intervalMs: number, now: () => number = Date.now, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))) {
    this.#intervalMs = intervalMs;
    this.#now = now;
    this.#sleep = sleep;
  }

  /** Resolves when `account` may send: at least `intervalMs` after the previous release for it. */
  async wait(account: string): Promise<void> {
    if (this.#intervalMs <= 0) return;
    const previous = this.#tails.get(account) ?? Promise.resolve();
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    this.#tails.set(account, turn);
    await previous;
    const last = this.#releasedAt.get(account);
    // Timers may fire up to a millisecond early by the clock: wait until the gap is really there.
    for (let gap = last === undefined ? Infinity : this.#now() - last; gap < this.#intervalMs; gap = this.#now() - last!) {
      await this.#sleep(this.#intervalMs - gap);
    }
    this.#releasedAt.set(account, this.#now());
    if (this.#tails.get(account) === turn) this.#tails.delete(account);
    release();
  }
}
