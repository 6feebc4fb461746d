import { randomBytes } from "node:crypto";
import type {
  LoginRequestSchema,
  RegisterLearnerRequestSchema,
  RegisterSchoolRequestSchema,
} from "@pathwise/contracts";
import { JoinCodeSchema, joinCodeFromBytes, type User, type UserId } from "@pathwise/domain";
import {
  accountStatus,
  apiTokenRepository,
  classRepository,
  deviceTokenRepository,
  publicUser,
  StorageError,
  tenantRepository,
  userRepository,
} from "@pathwise/storage";
import type { z } from "zod";
import { deviceFor, type PresentedDevice } from "../auth/device-cookies";
import { type LoginLimiter, loginBudget } from "../auth/login-limiter";
import { isCommonPassword } from "../auth/passwords";
import { startSession } from "../auth/sessions";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";

function rejectCommonPassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new ApiError(
      "validation_failed",
      `${field}: this password is among the most common ones; choose another`,
      { field },
    );
  }
}

/** A learner joins the school that owns the class whose join code they were given, and is enrolled in it. */
export async function registerLearner(deps: AppDeps, input: z.infer<typeof RegisterLearnerRequestSchema>) {
  rejectCommonPassword(input.password, "body.password");
  const code = JoinCodeSchema.safeParse(input.joinCode);
  const schoolClass = code.success ? await deps.repos.classes.findByJoinCode(code.data) : undefined;
  if (!schoolClass)
    throw new ApiError("validation_failed", "body.joinCode: no class has this join code", {
      field: "body.joinCode",
    });
  const passwordHash = await deps.passwords.hash(input.password);
  const user = await deps.db.transaction(async (tx) => {
    const created = await userRepository(tx).create({
      tenantId: schoolClass.tenantId,
      email: input.email,
      displayName: input.displayName,
      role: "learner",
      locale: input.locale,
      passwordHash,
    });
    await classRepository(tx).enrol({ classId: schoolClass.id, userId: created.id, role: "learner" });
    return created;
  });
  return { user, session: await startSession(deps, user) };
}

/** A new school and its first admin, in one transaction. */
export async function registerSchool(deps: AppDeps, input: z.infer<typeof RegisterSchoolRequestSchema>) {
  if (!deps.config.openSchoolSignup)
    throw new ApiError("forbidden", "School sign-up is closed on this server");
  rejectCommonPassword(input.admin.password, "body.admin.password");
  const passwordHash = await deps.passwords.hash(input.admin.password);
  const { tenant, user } = await deps.db.transaction(async (tx) => {
    const tenant = await tenantRepository(tx).create(input.school);
    const user = await userRepository(tx).create({
      tenantId: tenant.id,
      email: input.admin.email,
      displayName: input.admin.displayName,
      role: "admin",
      locale: input.admin.locale,
      passwordHash,
    });
    return { tenant, user };
  });
  return { tenant, user, session: await startSession(deps, user) };
}

/**
 * Login (TRUST #13, #14). The attempt is counted in its budget — its device token's when the browser
 * presents a live one of this account, the account's otherwise — and a spent budget answers 429 before
 * any hashing. An unknown email costs one argon2 verification against a decoy, and its budget fills like
 * a real account's, so neither timing nor 429s reveal which emails have accounts. A disabled or deleted
 * account is named only after its correct password.
 */
export async function login(
  deps: AppDeps,
  limiter: LoginLimiter,
  input: z.infer<typeof LoginRequestSchema>,
  devices: readonly PresentedDevice[],
) {
  const device = deviceFor(devices, input.email);
  const budget = loginBudget(input.email, device?.tokenHash);
  const wait = limiter.retryAfterMs(budget);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    const from = device ? "from this browser" : "from browsers it has not signed in from";
    throw new ApiError(
      "rate_limited",
      `Too many failed logins to this account ${from}; try again in ${seconds} s`,
      {
        details: { retryAfterSeconds: seconds },
      },
    );
  }
  const found = await deps.repos.users.findByEmail(input.email);
  const verified = found?.passwordHash
    ? await deps.passwords.verify(found.passwordHash, input.password)
    : await deps.passwords.burn(input.password).then(() => false);
  if (!found || !verified) {
    limiter.fail(budget);
    throw new ApiError("invalid_credentials");
  }
  if (found.deleted) throw new ApiError("account_disabled", "This account has been deleted");
  if (found.disabled) throw new ApiError("account_disabled");
  limiter.succeed(budget);
  const user = publicUser(found);
  return { user, session: await startSession(deps, user) };
}

export type AccountAction = "disable" | "enable" | "delete";

/**
 * An admin disables, enables or deletes an account of their school (TRUST #12). Disabling and deleting
 * end every session, revoke every API token and forget every device token, in one transaction; the
 * account is refused at login. Deleting is final (no enable); erasing the personal data is a separate
 * privacy feature. An admin cannot lock themselves out.
 */
export async function changeAccountState(deps: AppDeps, admin: User, userId: UserId, action: AccountAction) {
  if (action !== "enable" && userId === admin.id) {
    throw new ApiError(
      "forbidden",
      `You cannot ${action} your own account; another admin of your school can`,
    );
  }
  const target = await deps.repos.users.getAccount(userId);
  if (!target || target.tenantId !== admin.tenantId)
    throw new ApiError("not_found", `No user ${userId} in your school`);
  if (target.deleted)
    throw new ApiError("not_found", `User ${userId} has been deleted; a deleted account cannot be changed`);
  await deps.db.transaction(async function applyAccountState(tx) {
    const users = userRepository(tx);
    if (action === "enable") {
      await users.enable(userId);
      return;
    }
    await users.disable(userId);
    await apiTokenRepository(tx).revokeAllForUser(userId);
    await deviceTokenRepository(tx).deleteAllForUser(userId);
    if (action === "delete") await users.markDeleted(userId);
  });
  const after = await deps.repos.users.getAccount(userId);
  if (!after) throw new ApiError("not_found", `No user ${userId} in your school`);
  return { user: publicUser(after), status: accountStatus(after) };
}

/** Makes a class with a fresh random join code, retrying the (rare) clash. */
export async function createClass(
  deps: AppDeps,
  tenantId: User["tenantId"],
  name: { en: string; "zh-CN"?: string | undefined },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const localized =
        name["zh-CN"] === undefined ? { en: name.en } : { en: name.en, "zh-CN": name["zh-CN"] };
      return await deps.repos.classes.create({
        tenantId,
        name: localized,
        joinCode: joinCodeFromBytes(randomBytes(8)),
      });
    } catch (error) {
      if (!(error instanceof StorageError && error.code === "unique_violation")) throw error;
    }
  }
  throw new Error("Could not find a free join code after 5 attempts");
}
