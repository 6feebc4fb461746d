/**
 * Counts failed logins per account in a sliding window (in memory, per process). When an account
 * reaches the limit, further attempts are refused with 429 *before* any argon2 work, so a password
 * guessing storm on one account cannot burn CPU (TRUST #14). Per-IP limits are separate (rate-limit
 * plugin). A success clears the account's failures.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  private recent(account: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const kept = (this.failures.get(account) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(account);
    else this.failures.set(account, kept);
    return kept;
  }

  /** Milliseconds until the account may try again; 0 when it may try now. */
  retryAfterMs(account: string): number {
    const recent = this.recent(account);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(0, (recent[0] as number) + this.windowMs - this.now().getTime());
  }

  fail(account: string): void {
    this.failures.set(account, [...this.recent(account), this.now().getTime()]);
  }

  succeed(account: string): void {
    this.failures.delete(account);
  }
}
