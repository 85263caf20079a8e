import type { ResolvedSession } from './login.ts';

/**
 * A short per-process memory of resolved sessions, keyed by the token's hash, so a burst of
 * reads does not look the same session up on every request (measured in `bench/`: the lookup
 * was one of the round trips the list endpoint paid on top of its query).
 *
 * What keeps it safe:
 * - Every write request handled by this process (any method but GET/HEAD/OPTIONS: logout,
 *   disabling an account, a leaving date, a role change …) empties it when it finishes, and a
 *   lookup that started before that write is not stored (the generation check).
 * - An entry lives `ttlMs` at most (default 2 s), which bounds what another instance's writes
 *   (another app server on the same PostgreSQL, a scheduled job) take to be seen here.
 * - A cached session that looks idle-expired is looked up again before it is ended.
 * `ttlMs = 0` turns it off (MAMORI_SESSION_CACHE_MS=0).
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: ResolvedSession; storedAt: number }>();
  #generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(tokenHash: string): ResolvedSession | null {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return null;
    if (this.clock() - entry.storedAt > this.ttlMs) {
      this.#entries.delete(tokenHash);
      return null;
    }
    return entry.session;
  }

  /** The generation to pass to `set` — taken before the database lookup starts. */
  generation(): number {
    return this.#generation;
  }

  set(tokenHash: string, session: ResolvedSession, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(tokenHash, { session, storedAt: this.clock() });
  }

  delete(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }

  /** Forgets everything, and refuses lookups still in flight (a write has just finished). */
  invalidateAll(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
