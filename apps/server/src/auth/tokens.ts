import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Session, CSRF and API tokens: 256 bits from the OS CSPRNG (OWASP ASVS V7.2.3 asks for ≥ 128),
 * base64url. Only SHA-256 hashes of session and API tokens are stored: a token has enough entropy
 * that a fast hash is safe, and a leaked table cannot be replayed.
 */
export function newToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time string comparison (for CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** API tokens carry a recognisable prefix so secret scanners can find leaked ones. */
export const API_TOKEN_PREFIX = "pw_";
