/**
 * The worker's drain slots: how many session drains run at once in this process (`runtime.drainConcurrency`),
 * shared by every shard run the process holds. Waiters are served first come, first served, and a slot given
 * back goes to a waiter before anyone may take it again — so under overload a busy shard cannot keep every
 * slot to itself while another shard's sessions wait.
 */
interface Waiter {
  wanted: number;
  grant: (count: number) => void;
}

export class DrainSlots {
  #free: number;
  readonly #waiters: Waiter[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** How many takers wait in line for slots. */
  get inLine(): number {
    return this.#waiters.length;
  }

  /** Takes up to `wanted` slots now; returns how many (0 when none is free or others are waiting). */
  tryTake(wanted: number): number {
    if (this.#waiters.length > 0) return 0;
    const taken = Math.min(wanted, this.#free);
    this.#free -= taken;
    return taken;
  }

  /** Takes between 1 and `wanted` slots, waiting in line for them; resolves with how many. */
  take(wanted: number): Promise<number> {
    const now = this.tryTake(wanted);
    if (now > 0) return Promise.resolve(now);
    return new Promise((grant) => this.#waiters.push({ wanted, grant }));
  }

  /** Gives back `count` slots; waiters in line get them first. */
  give(count: number): void {
    if (count <= 0) return;
    this.#free += count;
    while (this.#free > 0 && this.#waiters.length > 0) {
      const waiter = this.#waiters.shift()!;
      const granted = Math.min(waiter.wanted, this.#free);
      this.#free -= granted;
      waiter.grant(granted);
    }
  }
}
