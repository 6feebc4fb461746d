import type { FastifyInstance, FastifyRequest } from "fastify";
import { auditLearnerAccess } from "../audit/record";
import { OBJECT_RULES } from "../auth/object-rules";
import { type Access, policyFor } from "../auth/policy-table";
import type { Principal } from "../auth/principal";
import { CSRF_HEADER, SESSION_COOKIE } from "../auth/sessions";
import { hashToken, safeEqual } from "../auth/tokens";
import type { AppDeps } from "../deps";
import { ApiError } from "./errors";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function authenticate(deps: AppDeps, request: FastifyRequest): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
    if (!match?.[1])
      throw new ApiError("unauthenticated", "The Authorization header must be 'Bearer <api token>'");
    const user = await deps.repos.apiTokens.findUser(hashToken(match[1]));
    if (!user) throw new ApiError("unauthenticated", "The API token is unknown or revoked");
    return { user, via: "api-token" };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const found = await deps.repos.sessions.touch(tokenHash, deps.clock(), deps.config.session.idleMs);
  if (!found) return undefined;
  const { session, user } = found;
  return {
    user,
    via: "session",
    session: { tokenHash, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
  };
}

const isGuarded = (url: string) => url.startsWith("/api") || url.startsWith("/health");

/** The route's policy; undefined for unguarded routes (web app files, /docs). */
function policyOf(request: FastifyRequest): Access | undefined {
  const url = request.routeOptions.url;
  if (!url || request.is404 || !isGuarded(url)) return undefined;
  const access = policyFor(request.method === "HEAD" ? "GET" : request.method, url);
  if (!access) throw new ApiError("forbidden", `No policy for ${request.method} ${url}`);
  return access;
}

/**
 * Wires the policy table into every route:
 * - at registration, a route under /api (or /health) without a policy entry stops the server from starting;
 * - before validation: authenticate (API token or session cookie), check CSRF for cookie sessions on
 *   unsafe methods, check the role (401/403 before any body is examined);
 * - after validation: the object rule for the route's object (404 other school, 403 same school), and the
 *   staff-access audit row of a request reaching learners' data (audit/record.ts), whatever the decision.
 */
export function installAuthorization(app: FastifyInstance, deps: AppDeps): void {
  app.addHook("onRoute", function requirePolicy(route) {
    if (!isGuarded(route.url)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD" || method === "OPTIONS") continue;
      if (!policyFor(method, route.url))
        throw new Error(`Route ${method} ${route.url} has no entry in the policy table`);
    }
  });

  app.addHook("preValidation", async function authenticateAndCheckRole(request) {
    const access = policyOf(request);
    if (!access || access.kind === "public") return;
    const principal = await authenticate(deps, request);
    if (!principal) throw new ApiError("unauthenticated");
    if (principal.via === "session" && UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !principal.session || !safeEqual(sent, principal.session.csrfToken)) {
        throw new ApiError("csrf_failed");
      }
    }
    if (!access.roles.includes(principal.user.role)) {
      throw new ApiError(
        "forbidden",
        `The ${principal.user.role} role may not call ${request.method} ${request.routeOptions.url}`,
      );
    }
    request.principal = principal;
  });

  app.addHook("preHandler", async function checkObjectRule(request) {
    const access = policyOf(request);
    if (!access || access.kind === "public" || !access.object) return;
    const principal = request.principal;
    if (!principal) throw new ApiError("unauthenticated");
    const decision = await OBJECT_RULES[access.object](
      deps.repos,
      principal,
      request.params as Record<string, string>,
    );
    await auditLearnerAccess(deps, request, principal, access.object, decision);
    if (decision === "not_found") throw new ApiError("not_found", `No such ${access.object} in your school`);
    if (decision === "forbidden") throw new ApiError("forbidden", `You may not access this ${access.object}`);
  });
}

/** The authenticated caller; routes behind a signed-in policy always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError("unauthenticated");
  return request.principal;
}
