import { z } from "zod";
import type { ClassId, TenantId, UserId } from "./ids";
import type { Role } from "./roles";
import type { LocalizedText } from "./text";

/** A tenant is a school: every user, class and event belongs to exactly one, and nothing crosses them. */
export interface Tenant {
  readonly id: TenantId;
  readonly slug: string;
  readonly name: LocalizedText;
  readonly createdAt: Date;
}

/** A class in a school. Learners join with its join code; teachers are enrolled by an admin. */
export interface SchoolClass {
  readonly id: ClassId;
  readonly tenantId: TenantId;
  readonly name: LocalizedText;
  readonly joinCode: string;
  readonly createdAt: Date;
}

export interface User {
  readonly id: UserId;
  readonly tenantId: TenantId;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale: "en" | "zh-CN";
  readonly createdAt: Date;
}

/** Membership of a user in a class: learners as `learner`, teachers as `teacher`. */
export const ENROLMENT_ROLES = ["learner", "teacher"] as const;
export const EnrolmentRoleSchema = z.enum(ENROLMENT_ROLES);
export type EnrolmentRole = z.infer<typeof EnrolmentRoleSchema>;

export interface Enrolment {
  readonly classId: ClassId;
  readonly userId: UserId;
  readonly role: EnrolmentRole;
}

export const TenantSlugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and '-'");

/**
 * Class join codes are short, unambiguous (no 0/O, 1/I/L) and random: 8 characters of a 31-symbol
 * alphabet ≈ 40 bits, enough against guessing behind the rate limit.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JoinCodeSchema = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`), "a join code is 8 letters/digits"));

/** Makes a join code from random bytes supplied by the caller (keeps this module free of I/O). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new RangeError(`joinCodeFromBytes needs 8 random bytes, got ${bytes.length}`);
  let code = "";
  for (let i = 0; i < 8; i++) code += JOIN_CODE_ALPHABET[(bytes[i] ?? 0) % JOIN_CODE_ALPHABET.length];
  return code;
}
