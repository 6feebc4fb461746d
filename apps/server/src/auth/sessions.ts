import type { User } from "@pathwise/domain";
import type { AppDeps } from "../deps";
import { hashToken, newToken } from "./tokens";

export const SESSION_COOKIE = "pathwise_session";
export const CSRF_HEADER = "x-csrf-token";

/** Starts a server-side session: a fresh token at every login (no fixation), stored hashed. */
export async function startSession(deps: AppDeps, user: User) {
  const token = newToken();
  const csrfToken = newToken();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.session.absoluteMs);
  await deps.repos.sessions.create({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export function sessionCookieOptions(deps: AppDeps, expiresAt: Date) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.session.cookieSecure,
    expires: expiresAt,
  };
}
