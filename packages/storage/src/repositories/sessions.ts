import { randomUUID } from "node:crypto";
import { asId, type User, type UserId } from "@pathwise/domain";
import type { Queryable } from "../database";
import { toDate } from "./rows";
import { publicUser, toUser, type UserRow } from "./users";

export interface StoredSession {
  readonly userId: UserId;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

/** Idle-timeout bookkeeping granularity: the idle timeout is exact to within this much. */
const TOUCH_GRANULARITY_MS = 60_000;

/**
 * Server-side sessions keyed by the SHA-256 of the cookie token (the server hashes; this stores).
 * Validity (idle and absolute timeouts) is decided by the caller's clock, passed in as `now`.
 */
export function sessionRepository(db: Queryable) {
  return {
    async create(input: {
      tokenHash: string;
      userId: UserId;
      csrfToken: string;
      now: Date;
      expiresAt: Date;
    }) {
      await db.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)`,
        [input.tokenHash, input.userId, input.csrfToken, input.now, input.expiresAt],
      );
    },
    /**
     * The live session for this hash and its (enabled) user, in one query; undefined when absent, idle,
     * expired or the user is disabled. `last_seen_at` is written at most once a minute, so an active
     * client does not turn every request into a database write.
     */
    async touch(
      tokenHash: string,
      now: Date,
      idleMs: number,
    ): Promise<{ session: StoredSession; user: User } | undefined> {
      const idleSince = new Date(now.getTime() - idleMs);
      const { rows } = await db.query<
        UserRow & {
          csrf_token: string;
          session_created_at: unknown;
          last_seen_at: unknown;
          expires_at: unknown;
        }
      >(
        `SELECT u.*, s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled_at IS NULL`,
        [tokenHash, now, idleSince],
      );
      const row = rows[0];
      if (!row) return undefined;
      if (now.getTime() - toDate(row.last_seen_at).getTime() >= TOUCH_GRANULARITY_MS) {
        await db.query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", [tokenHash, now]);
      }
      const user = publicUser(toUser(row));
      return {
        user,
        session: {
          userId: user.id,
          csrfToken: row.csrf_token,
          createdAt: toDate(row.session_created_at),
          lastSeenAt: now,
          expiresAt: toDate(row.expires_at),
        },
      };
    },
    async delete(tokenHash: string): Promise<void> {
      await db.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
    },
    async deleteAllForUser(userId: UserId): Promise<void> {
      await db.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
    },
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;

/** API tokens for integrations: a named, revocable bearer credential acting as one user. */
export function apiTokenRepository(db: Queryable) {
  return {
    async create(input: { userId: UserId; name: string; tokenHash: string }): Promise<{ id: string }> {
      const id = randomUUID();
      await db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)", [
        id,
        input.userId,
        input.name,
        input.tokenHash,
      ]);
      return { id };
    },
    /** The enabled user a live (unrevoked) token acts as, in one query. */
    async findUser(tokenHash: string): Promise<User | undefined> {
      const { rows } = await db.query<UserRow>(
        `SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
        [tokenHash],
      );
      return rows[0] && publicUser(toUser(rows[0]));
    },
    /** Revokes every live token of the user (account disabled or deleted); answers how many. */
    async revokeAllForUser(userId: UserId): Promise<number> {
      const result = await db.query(
        "UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
        [userId],
      );
      return result.affectedRows;
    },
    async revoke(id: string, userId: UserId): Promise<boolean> {
      const result = await db.query(
        "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
        [id, userId],
      );
      return result.affectedRows > 0;
    },
  };
}
export type ApiTokenRepository = ReturnType<typeof apiTokenRepository>;

/** A live device token: which account it was issued to (the account's email, to match a login's). */
export interface LiveDeviceToken {
  readonly tokenHash: string;
  readonly userId: UserId;
  readonly email: string;
}

/**
 * Device tokens (OWASP "device cookies"): a browser that logged in to an account successfully gets one,
 * stored as its SHA-256 like sessions. Logins presenting it are counted in their own failure budget.
 */
export function deviceTokenRepository(db: Queryable) {
  return {
    async create(input: { tokenHash: string; userId: UserId; now: Date; expiresAt: Date }): Promise<void> {
      await db.query(
        "INSERT INTO device_tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        [input.tokenHash, input.userId, input.now, input.expiresAt],
      );
    },
    /** Which of these hashes are unexpired tokens of an enabled account, in one query. */
    async findLive(tokenHashes: readonly string[], now: Date): Promise<LiveDeviceToken[]> {
      if (tokenHashes.length === 0) return [];
      const { rows } = await db.query<{ token_hash: string; user_id: string; email: string }>(
        `SELECT d.token_hash, d.user_id::text, u.email FROM device_tokens d JOIN users u ON u.id = d.user_id
         WHERE d.token_hash = ANY($1::text[]) AND d.expires_at > $2 AND u.disabled_at IS NULL`,
        [tokenHashes, now],
      );
      return rows.map((row) => ({
        tokenHash: row.token_hash,
        userId: asId<UserId>(row.user_id),
        email: row.email,
      }));
    },
    /** Drops a token replaced at login, and the user's expired ones. */
    async retire(userId: UserId, tokenHash: string | undefined, now: Date): Promise<void> {
      await db.query(
        "DELETE FROM device_tokens WHERE user_id = $1 AND (token_hash = $2 OR expires_at <= $3)",
        [userId, tokenHash ?? null, now],
      );
    },
    async deleteAllForUser(userId: UserId): Promise<number> {
      return (await db.query("DELETE FROM device_tokens WHERE user_id = $1", [userId])).affectedRows;
    },
  };
}
export type DeviceTokenRepository = ReturnType<typeof deviceTokenRepository>;
