import { randomUUID } from "node:crypto";
import { asId, type Role, type TenantId, type User, type UserId } from "@pathwise/domain";
import { isUniqueViolation, type Queryable, StorageError } from "../database";
import { toDate } from "./rows";

export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: "en" | "zh-CN";
  password_hash: string | null;
  disabled_at: unknown;
  deleted_at: unknown;
  created_at: unknown;
}

export interface UserWithCredentials extends User {
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  /** Deleted by an admin (always disabled too); erasing its personal data is a separate privacy feature. */
  readonly deleted: boolean;
}

/** Whether an account may be used: `disabled` and `deleted` accounts cannot log in or call the API. */
export type AccountStatus = "active" | "disabled" | "deleted";

export function accountStatus(user: UserWithCredentials): AccountStatus {
  if (user.deleted) return "deleted";
  return user.disabled ? "disabled" : "active";
}

export const toUser = (row: UserRow): UserWithCredentials => ({
  id: asId<UserId>(row.id),
  tenantId: asId<TenantId>(row.tenant_id),
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  locale: row.locale,
  createdAt: toDate(row.created_at),
  passwordHash: row.password_hash,
  disabled: row.disabled_at !== null,
  deleted: row.deleted_at !== null && row.deleted_at !== undefined,
});

/** Strips the credential fields: what leaves the repository for anything but login is a plain User. */
export function publicUser(user: UserWithCredentials): User {
  const { passwordHash: _hash, disabled: _disabled, deleted: _deleted, ...rest } = user;
  return rest;
}

export interface NewUser {
  readonly tenantId: TenantId;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale?: "en" | "zh-CN";
  readonly passwordHash: string | null;
  /** Optional fixed id (dataset imports map external student ids to stable user ids). */
  readonly id?: UserId;
}

export function userRepository(db: Queryable) {
  return {
    async create(input: NewUser): Promise<User> {
      try {
        const { rows } = await db.query<UserRow>(
          `INSERT INTO users (id, tenant_id, email, display_name, role, locale, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            input.id ?? randomUUID(),
            input.tenantId,
            input.email,
            input.displayName,
            input.role,
            input.locale ?? "en",
            input.passwordHash,
          ],
        );
        return publicUser(toUser(rows[0] as UserRow));
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new StorageError("An account with this email already exists", "unique_violation", {
            field: "email",
          });
        }
        throw error;
      }
    },
    async findByEmail(email: string): Promise<UserWithCredentials | undefined> {
      const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE lower(email) = lower($1)", [email]);
      return rows[0] && toUser(rows[0]);
    },
    /** The account with its state (for administration); never leaves the server as is. */
    async getAccount(id: UserId): Promise<UserWithCredentials | undefined> {
      const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
      return rows[0] && toUser(rows[0]);
    },
    async get(id: UserId): Promise<User | undefined> {
      const { rows } = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
      return rows[0] && publicUser(toUser(rows[0]));
    },
    /** The school's accounts, deleted ones left out (disabled ones stay, so they can be enabled again). */
    async listByTenant(
      tenantId: TenantId,
      page: { limit: number; offset: number; role?: Role },
    ): Promise<(User & { readonly status: AccountStatus })[]> {
      const { rows } = await db.query<UserRow>(
        `SELECT * FROM users WHERE tenant_id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR role = $2)
         ORDER BY created_at, id LIMIT $3 OFFSET $4`,
        [tenantId, page.role ?? null, page.limit, page.offset],
      );
      return rows.map((row) => {
        const account = toUser(row);
        return { ...publicUser(account), status: accountStatus(account) };
      });
    },
    /** Which of these ids are users of the tenant (used to check statement actors in one query). */
    async idsInTenant(tenantId: TenantId, ids: readonly string[]): Promise<Set<string>> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id::text FROM users WHERE tenant_id = $1
           AND id IN (SELECT (jsonb_array_elements_text($2::jsonb))::uuid)`,
        [tenantId, JSON.stringify([...new Set(ids)])],
      );
      return new Set(rows.map((row) => row.id));
    },
    /**
     * Disables the account and ends all its sessions (OWASP ASVS V7.4.2), in one transaction by the caller;
     * answers how many sessions were ended.
     */
    async disable(id: UserId): Promise<number> {
      await db.query("UPDATE users SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL", [id]);
      return (await db.query("DELETE FROM sessions WHERE user_id = $1", [id])).affectedRows;
    },
    /** Lets a disabled account log in again; a deleted one stays disabled. False when nothing changed. */
    async enable(id: UserId): Promise<boolean> {
      const result = await db.query(
        "UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL AND deleted_at IS NULL",
        [id],
      );
      return result.affectedRows > 0;
    },
    /** Marks a (disabled) account deleted, for good: `enable` no longer applies to it. */
    async markDeleted(id: UserId): Promise<void> {
      await db.query(
        "UPDATE users SET deleted_at = now(), disabled_at = coalesce(disabled_at, now()) WHERE id = $1 AND deleted_at IS NULL",
        [id],
      );
    },
    /**
     * Learner attributes (`users.attributes`) restricted to the given keys, for the per-group fairness
     * table; learners without any of the keys are absent.
     */
    async attributesOf(
      tenantId: TenantId,
      ids: readonly string[],
      keys: readonly string[],
    ): Promise<Map<string, Record<string, string>>> {
      const out = new Map<string, Record<string, string>>();
      if (keys.length === 0 || ids.length === 0) return out;
      const { rows } = await db.query<{ id: string; attributes: Record<string, unknown> }>(
        `SELECT id::text, attributes FROM users WHERE tenant_id = $1
           AND id IN (SELECT (jsonb_array_elements_text($2::jsonb))::uuid)`,
        [tenantId, JSON.stringify([...new Set(ids)])],
      );
      for (const row of rows) {
        const picked = Object.fromEntries(
          keys
            .filter((key) => row.attributes[key] !== undefined && row.attributes[key] !== null)
            .map((key) => [key, String(row.attributes[key])]),
        );
        if (Object.keys(picked).length > 0) out.set(row.id, picked);
      }
      return out;
    },
    async setAttributes(id: UserId, attributes: Record<string, string | number | boolean>): Promise<void> {
      await db.query("UPDATE users SET attributes = $2::jsonb WHERE id = $1", [
        id,
        JSON.stringify(attributes),
      ]);
    },
    async linkGuardian(guardianId: UserId, learnerId: UserId): Promise<void> {
      await db.query(
        "INSERT INTO guardian_links (guardian_id, learner_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [guardianId, learnerId],
      );
    },
    async isGuardianOf(guardianId: UserId, learnerId: UserId): Promise<boolean> {
      const { rows } = await db.query(
        "SELECT 1 FROM guardian_links WHERE guardian_id = $1 AND learner_id = $2",
        [guardianId, learnerId],
      );
      return rows.length > 0;
    },
    /** The learners a guardian is linked to, by display name. */
    async childrenOf(guardianId: UserId): Promise<User[]> {
      const { rows } = await db.query<UserRow>(
        `SELECT u.* FROM users u JOIN guardian_links g ON g.learner_id = u.id
         WHERE g.guardian_id = $1 AND u.disabled_at IS NULL ORDER BY u.display_name, u.id`,
        [guardianId],
      );
      return rows.map((row) => publicUser(toUser(row)));
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
