/**
 * Counts failed logins per budget in a sliding window (in memory, per process). When a budget reaches the
 * limit, further attempts on it are refused with 429 *before* any argon2 work, so a password-guessing storm
 * cannot burn CPU (TRUST #14). Budgets are keyed by `loginBudget`: one per account for browsers it does not
 * know, one per device token (auth/device-cookies.ts). Per-IP limits are separate (rate-limit plugin). A
 * success clears the budget it came through only, so the owner logging in from their own browser does not
 * give an attacker a fresh set of guesses.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  private recent(budget: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const kept = (this.failures.get(budget) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(budget);
    else this.failures.set(budget, kept);
    return kept;
  }

  /** Milliseconds until the budget may try again; 0 when it may try now. */
  retryAfterMs(budget: string): number {
    const recent = this.recent(budget);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(0, (recent[0] as number) + this.windowMs - this.now().getTime());
  }

  fail(budget: string): void {
    this.failures.set(budget, [...this.recent(budget), this.now().getTime()]);
  }

  succeed(budget: string): void {
    this.failures.delete(budget);
  }
}

/**
 * The budget a login attempt is counted in: its device token's when it presents a live one of this
 * account, otherwise the account's (keyed by the email as typed, so unknown emails behave like real ones).
 */
export function loginBudget(email: string, deviceTokenHash: string | undefined): string {
  return deviceTokenHash === undefined ? `account:${email.toLowerCase()}` : `device:${deviceTokenHash}`;
}
