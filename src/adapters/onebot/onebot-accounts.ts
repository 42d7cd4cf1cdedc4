/**
 * The bot accounts this process talks through, keyed by QQ number (`X-Self-ID` of a reverse connection).
 * A forward connection is one account whatever number it logs in as. Which account answers a session:
 * the one its last message came in through, else `onebot.selfId`, else the only account there is.
 */
import { RuntimeError } from '../../errors.js';
import { type AccountTimeouts, OnebotAccount } from './onebot-account.js';

/** The name of the single account of forward mode when `onebot.selfId` does not give its QQ number. */
export const forwardAccountKey = 'forward';

export class OnebotAccounts {
  readonly #accounts = new Map<string, OnebotAccount>();
  readonly #timeouts: AccountTimeouts;
  readonly #forward: boolean;
  readonly #defaultSelfId: string | undefined;

  constructor(options: { timeouts: AccountTimeouts; forward: boolean; defaultSelfId?: string | undefined }) {
    this.#timeouts = options.timeouts;
    this.#forward = options.forward;
    this.#defaultSelfId = options.defaultSelfId;
  }

  /** The account of `selfId` (the forward account in forward mode), created on first use. */
  get(selfId: string): OnebotAccount {
    const key = this.#forward ? (this.#defaultSelfId ?? forwardAccountKey) : selfId;
    let account = this.#accounts.get(key);
    if (account === undefined) {
      account = new OnebotAccount(key, this.#timeouts);
      this.#accounts.set(key, account);
    }
    return account;
  }

  /** The account that sends for a session whose last message came through `route` (null: none yet); throws when ambiguous. */
  forSession(route: string | null): OnebotAccount {
    if (this.#forward) return this.get(this.#defaultSelfId ?? forwardAccountKey);
    const selfId = route ?? this.#defaultSelfId ?? this.#onlyAccount();
    if (selfId !== undefined) return this.get(selfId);
    if (this.#accounts.size === 0) throw new RuntimeError('platform_unavailable', 'OneBot: no account has connected yet', { retryable: true });
    throw new RuntimeError(
      'platform_rejected',
      `OneBot: ${this.#accounts.size} accounts are connected and this chat has not written to any of them: set onebot.selfId to choose the sender`,
    );
  }

  /** The QQ numbers of the accounts with an open connection. */
  connected(): string[] {
    return [...this.#accounts.values()].filter((account) => account.connected).map((account) => account.selfId);
  }

  /** Fails whatever waits for a connection and refuses new actions. */
  close(): void {
    for (const account of this.#accounts.values()) account.close();
  }

  #onlyAccount(): string | undefined {
    return this.#accounts.size === 1 ? [...this.#accounts.keys()][0] : undefined;
  }
}
