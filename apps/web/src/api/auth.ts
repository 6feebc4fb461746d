import {
  type ClassView,
  type LoginRequestSchema,
  MeResponseSchema,
  type RegisterLearnerRequestSchema,
  type RegisterSchoolRequestSchema,
  SessionResponseSchema,
  type TenantView,
  type UserView,
} from "@pathwise/contracts";
import { z } from "zod";
import { currentCsrfToken, rememberCsrfToken } from "./csrf";
import { ApiError, apiRequest } from "./http";

/** The signed-in user with their school and classes, as `GET /api/auth/me` reports them. */
export type CurrentUser = UserView & { tenant: TenantView; classes: ClassView[] };
export type SignUpInput = z.input<typeof RegisterLearnerRequestSchema>;
export type RegisterSchoolInput = z.input<typeof RegisterSchoolRequestSchema>;

// `me` may carry the session's CSRF token (so a new tab can make changes); older servers omit it.
const MeWithCsrfSchema = MeResponseSchema.extend({ csrfToken: z.string().optional() });

/**
 * The current user, or undefined when nobody is signed in (401). Without a remembered CSRF token this
 * browser has no live session of ours (never logged in, or logged out), so the server is not asked:
 * an anonymous visit then causes no failed request at all.
 */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | undefined> {
  if (currentCsrfToken() === undefined) return undefined;
  try {
    const me = await apiRequest("/api/auth/me", {
      response: MeWithCsrfSchema,
      ...(signal ? { signal } : {}),
    });
    if (me.csrfToken) rememberCsrfToken(me.csrfToken);
    return { ...me.user, tenant: me.tenant, classes: me.classes };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(undefined); // the session ended (expired or logged out elsewhere)
      return undefined;
    }
    throw error;
  }
}

async function afterSessionStarted(): Promise<CurrentUser> {
  const user = await fetchCurrentUser();
  if (!user) throw new ApiError(401, "unauthenticated", "the new session was not accepted");
  return user;
}

export async function logIn(email: string, password: string): Promise<CurrentUser> {
  const body: z.input<typeof LoginRequestSchema> = { email, password };
  const session = await apiRequest("/api/auth/login", {
    method: "POST",
    body,
    response: SessionResponseSchema,
  });
  rememberCsrfToken(session.csrfToken);
  return afterSessionStarted();
}

/** A learner signs up by joining a class with the code their teacher gave them. */
export async function signUp(input: SignUpInput): Promise<CurrentUser> {
  const session = await apiRequest("/api/auth/register", {
    method: "POST",
    body: input,
    response: SessionResponseSchema,
  });
  rememberCsrfToken(session.csrfToken);
  return afterSessionStarted();
}

/** A new school and its first admin, who is signed in at once. */
export async function registerSchool(input: RegisterSchoolInput): Promise<CurrentUser> {
  const session = await apiRequest("/api/auth/register-school", {
    method: "POST",
    body: input,
    response: SessionResponseSchema,
  });
  rememberCsrfToken(session.csrfToken);
  return afterSessionStarted();
}

export async function logOut(): Promise<void> {
  try {
    await apiRequest("/api/auth/logout", { method: "POST" });
  } finally {
    rememberCsrfToken(undefined);
  }
}
