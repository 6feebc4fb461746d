import type { User } from "@pathwise/domain";
import type { LiveDeviceToken } from "@pathwise/storage";
import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../deps";
import { hashToken, newToken } from "./tokens";

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that logged
 * in to an account successfully holds a token bound to that account. Login attempts presenting it are
 * counted in that device's own failure budget instead of the account's, so a guessing storm that locks
 * the account for unknown browsers does not lock its owner out of the browsers they already use.
 *
 * The token is random (256 bits) and stored hashed, like sessions, rather than HMAC-signed as in the
 * OWASP text: equally unforgeable, with no key to manage across server processes, and revocable (a
 * disabled account loses its devices). A browser keeps up to MAX_TOKENS of them (a family or classroom
 * computer shared by a few accounts), in one cookie sent only to the auth routes.
 */
export const DEVICE_COOKIE = "pathwise_device";
const COOKIE_PATH = "/api/auth";
/** A browser unused for a school term earns trust again with one successful login. */
const DEVICE_TOKEN_LIFETIME_MS = 90 * 24 * 3_600_000;
const MAX_TOKENS = 5;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A device token the browser presented that is live, with the token itself. */
export interface PresentedDevice extends LiveDeviceToken {
  readonly token: string;
}

/** The live device tokens in the request's cookie (malformed, unknown and expired ones are ignored). */
export async function presentedDevices(deps: AppDeps, request: FastifyRequest): Promise<PresentedDevice[]> {
  const tokens = (request.cookies[DEVICE_COOKIE] ?? "")
    .split(".")
    .filter((token) => TOKEN.test(token))
    .slice(0, MAX_TOKENS);
  const byHash = new Map(tokens.map((token) => [hashToken(token), token]));
  const live = await deps.repos.deviceTokens.findLive([...byHash.keys()], deps.clock());
  return live.map((device) => ({ ...device, token: byHash.get(device.tokenHash) as string }));
}

/** The presented device token of this account (by email, as typed at login), if any. */
export function deviceFor(devices: readonly PresentedDevice[], email: string): PresentedDevice | undefined {
  const account = email.toLowerCase();
  return devices.find((device) => device.email.toLowerCase() === account);
}

/**
 * After a successful login or registration: a new device token for this account replaces the one the
 * browser had for it (OWASP: issue a new device cookie at each success); other accounts' live tokens stay.
 */
export async function renewDeviceCookie(
  deps: AppDeps,
  user: User,
  devices: readonly PresentedDevice[],
): Promise<{ value: string; options: ReturnType<typeof deviceCookieOptions> }> {
  const now = deps.clock();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + DEVICE_TOKEN_LIFETIME_MS);
  const previous = devices.find((device) => device.userId === user.id);
  await deps.repos.deviceTokens.retire(user.id, previous?.tokenHash, now);
  await deps.repos.deviceTokens.create({ tokenHash: hashToken(token), userId: user.id, now, expiresAt });
  const others = devices.filter((device) => device.userId !== user.id).map((device) => device.token);
  return {
    value: [token, ...others].slice(0, MAX_TOKENS).join("."),
    options: deviceCookieOptions(deps, expiresAt),
  };
}

function deviceCookieOptions(deps: AppDeps, expiresAt: Date) {
  return {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: "strict" as const,
    secure: deps.config.session.cookieSecure,
    expires: expiresAt,
  };
}
