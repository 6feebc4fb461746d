import { randomBytes } from "node:crypto";
import type {
  LoginRequestSchema,
  RegisterLearnerRequestSchema,
  RegisterSchoolRequestSchema,
} from "@pathwise/contracts";
import { JoinCodeSchema, joinCodeFromBytes, type User } from "@pathwise/domain";
import { classRepository, StorageError, tenantRepository, userRepository } from "@pathwise/storage";
import type { z } from "zod";
import type { LoginLimiter } from "../auth/login-limiter";
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
 * Login: the per-account failure limit is checked before any hashing; an unknown email still costs one
 * argon2 verification (against a decoy) so timing does not reveal which emails have accounts.
 */
export async function login(deps: AppDeps, limiter: LoginLimiter, input: z.infer<typeof LoginRequestSchema>) {
  const account = input.email.toLowerCase();
  const wait = limiter.retryAfterMs(account);
  if (wait > 0) {
    throw new ApiError(
      "rate_limited",
      `Too many failed logins for this account; try again in ${Math.ceil(wait / 1000)} s`,
      {
        details: { retryAfterSeconds: Math.ceil(wait / 1000) },
      },
    );
  }
  const found = await deps.repos.users.findByEmail(account);
  let user: User | undefined;
  if (found?.passwordHash && !found.disabled) {
    if (await deps.passwords.verify(found.passwordHash, input.password)) {
      const { passwordHash: _hash, disabled: _disabled, ...rest } = found;
      user = rest;
    }
  } else {
    await deps.passwords.burn(input.password);
  }
  if (!user) {
    limiter.fail(account);
    throw new ApiError("invalid_credentials");
  }
  limiter.succeed(account);
  return { user, session: await startSession(deps, user) };
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
