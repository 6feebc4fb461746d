import { LocaleSchema, LocalizedTextSchema, RoleSchema, TenantSlugSchema } from "@pathwise/domain";
import { z } from "zod";

/**
 * Passwords: NIST SP 800-63B §5.1.1 — at least 8 characters, long passphrases allowed (up to 256),
 * no composition rules. Checked against a short list of common passwords on the server.
 */
export const PasswordSchema = z
  .string()
  .min(8, "use at least 8 characters")
  .max(256, "use at most 256 characters");
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "not an email address" }));
export const DisplayNameSchema = z.string().trim().min(1).max(100);

export const UserViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: LocaleSchema,
});
export type UserView = z.infer<typeof UserViewSchema>;

/** An account's state: `disabled` and `deleted` accounts cannot log in or call the API. */
export const AccountStatusSchema = z.enum(["active", "disabled", "deleted"]);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export const TenantViewSchema = z.object({ id: z.uuid(), slug: z.string(), name: LocalizedTextSchema });
export type TenantView = z.infer<typeof TenantViewSchema>;

export const ClassViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  name: LocalizedTextSchema,
  /** Only shown to the school's admins and the class's teachers. */
  joinCode: z.string().optional(),
  /** The caller's role in the class, when they are a member. */
  myRole: z.enum(["learner", "teacher"]).optional(),
});
export type ClassView = z.infer<typeof ClassViewSchema>;

/** A learner registers by joining a class with the code their teacher gave them. */
export const RegisterLearnerRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  joinCode: z.string().min(1).max(20),
  locale: LocaleSchema.default("en"),
});

/** A new school registers together with its first admin. */
export const RegisterSchoolRequestSchema = z.strictObject({
  school: z.strictObject({ slug: TenantSlugSchema, name: LocalizedTextSchema }),
  admin: z.strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    displayName: DisplayNameSchema,
    locale: LocaleSchema.default("en"),
  }),
});

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const SessionResponseSchema = z.object({
  user: UserViewSchema,
  /** Send it back as the `x-csrf-token` header on POST/PUT/PATCH/DELETE made with the session cookie. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});

export const MeResponseSchema = z.object({
  user: UserViewSchema,
  tenant: TenantViewSchema,
  classes: z.array(ClassViewSchema),
});

export const CreateUserRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  locale: LocaleSchema.default("en"),
});
/** A listed account carries its state, so an admin sees which ones are disabled (deleted ones are not listed). */
export const UserListEntrySchema = UserViewSchema.extend({ status: AccountStatusSchema });
export type UserListEntry = z.infer<typeof UserListEntrySchema>;
export const UserListResponseSchema = z.object({ users: z.array(UserListEntrySchema) });
export const UserListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  role: RoleSchema.optional(),
});

export const GuardianLinkRequestSchema = z.strictObject({ guardianId: z.uuid(), learnerId: z.uuid() });

export const CreateClassRequestSchema = z.strictObject({ name: LocalizedTextSchema });
export const ClassListResponseSchema = z.object({ classes: z.array(ClassViewSchema) });
export const ClassDetailResponseSchema = z.object({
  class: ClassViewSchema,
  members: z.array(z.object({ user: UserViewSchema, role: z.enum(["learner", "teacher"]) })),
});
export const EnrolRequestSchema = z.strictObject({ userId: z.uuid(), role: z.enum(["learner", "teacher"]) });

export const CreateApiTokenRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const ApiTokenResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Shown once; only its hash is stored. Send as `Authorization: Bearer <token>`. */
  token: z.string(),
});

export const UserParamsSchema = z.strictObject({ userId: z.uuid() });
export const AccountStateResponseSchema = z.object({ user: UserViewSchema, status: AccountStatusSchema });

/** The staff-access audit log (admins): newest first, optionally one learner's rows, paged by `before`. */
export const AuditQuerySchema = z.strictObject({
  learnerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only rows with a smaller sequence number (the `seq` of the last row of the previous page). */
  before: z.coerce.number().int().min(1).optional(),
});
export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), role: z.string() }),
  /** The learners whose data the request reached (a class-level read names the class's learners). */
  learnerIds: z.array(z.string()),
  /** Method and route template, e.g. `GET /api/learners/:learnerId/events`. */
  route: z.string(),
  path: z.string(),
  /** The authorization decision; the row is written before any data is sent. */
  outcome: z.enum(["allowed", "forbidden", "not_found"]),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** The school's newest row: keep a copy elsewhere to detect a rewrite of the whole chain. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
