import {
  ApiTokenResponseSchema,
  CreateApiTokenRequestSchema,
  LoginRequestSchema,
  MeResponseSchema,
  RegisterLearnerRequestSchema,
  RegisterSchoolRequestSchema,
  SessionResponseSchema,
} from "@pathwise/contracts";
import type { User } from "@pathwise/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DEVICE_COOKIE,
  type PresentedDevice,
  presentedDevices,
  renewDeviceCookie,
} from "../auth/device-cookies";
import { LoginLimiter } from "../auth/login-limiter";
import { SESSION_COOKIE, sessionCookieOptions } from "../auth/sessions";
import { API_TOKEN_PREFIX, hashToken, newToken } from "../auth/tokens";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError } from "../http/errors";
import { presentClass, presentTenant, presentUser } from "../http/presenters";
import { login, registerLearner, registerSchool } from "../use-cases/accounts";

type Session = { token: string; csrfToken: string; expiresAt: Date };

async function sendSession(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  user: User,
  session: Session,
  devices: readonly PresentedDevice[],
) {
  // A session cookie the browser already had is ended: each login gets a fresh token (no fixation).
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await deps.repos.sessions.delete(hashToken(previous));
  reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(deps, session.expiresAt));
  const device = await renewDeviceCookie(deps, user, devices);
  reply.setCookie(DEVICE_COOKIE, device.value, device.options);
  return reply.status(status).send({
    user: presentUser(user),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  });
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new LoginLimiter(
    deps.config.login.maxFailuresPerAccount,
    deps.config.login.failureWindowMs,
    deps.clock,
  );
  const perIp = { rateLimit: { max: deps.config.login.maxPerIpPerMinute, timeWindow: 60_000 } };

  r.post(
    "/api/auth/register",
    {
      config: perIp,
      schema: {
        tags: ["auth"],
        body: RegisterLearnerRequestSchema,
        response: { 201: SessionResponseSchema },
      },
    },
    async function registerLearnerRoute(request, reply) {
      const { user, session } = await registerLearner(deps, request.body);
      return sendSession(deps, request, reply, 201, user, session, await presentedDevices(deps, request));
    },
  );
  r.post(
    "/api/auth/register-school",
    {
      config: perIp,
      schema: { tags: ["auth"], body: RegisterSchoolRequestSchema, response: { 201: SessionResponseSchema } },
    },
    async function registerSchoolRoute(request, reply) {
      const { user, session } = await registerSchool(deps, request.body);
      return sendSession(deps, request, reply, 201, user, session, await presentedDevices(deps, request));
    },
  );
  r.post(
    "/api/auth/login",
    {
      config: perIp,
      schema: { tags: ["auth"], body: LoginRequestSchema, response: { 200: SessionResponseSchema } },
    },
    async function loginRoute(request, reply) {
      const devices = await presentedDevices(deps, request);
      const { user, session } = await login(deps, limiter, request.body, devices);
      return sendSession(deps, request, reply, 200, user, session, devices);
    },
  );
  r.post("/api/auth/logout", { schema: { tags: ["auth"] } }, async function logoutRoute(request, reply) {
    const principal = principalOf(request);
    if (principal.session) await deps.repos.sessions.delete(principal.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
  r.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], response: { 200: MeResponseSchema } } },
    async function meRoute(request) {
      const { user } = principalOf(request);
      const tenant = await deps.repos.tenants.get(user.tenantId);
      if (!tenant) throw new ApiError("not_found", "Your school no longer exists");
      const classes = await deps.repos.classes.listForUser(user.id);
      return {
        user: presentUser(user),
        tenant: presentTenant(tenant),
        classes: classes.map((c) => presentClass(c, { showJoinCode: c.role === "teacher", myRole: c.role })),
      };
    },
  );

  r.post(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        body: CreateApiTokenRequestSchema,
        response: { 201: ApiTokenResponseSchema },
      },
    },
    async function createTokenRoute(request, reply) {
      const { user } = principalOf(request);
      const token = newToken(API_TOKEN_PREFIX);
      const { id } = await deps.repos.apiTokens.create({
        userId: user.id,
        name: request.body.name,
        tokenHash: hashToken(token),
      });
      return reply.status(201).send({ id, name: request.body.name, token });
    },
  );
  r.delete(
    "/api/tokens/:tokenId",
    { schema: { tags: ["auth"], params: z.strictObject({ tokenId: z.uuid() }) } },
    async function revokeTokenRoute(request, reply) {
      const { user } = principalOf(request);
      if (!(await deps.repos.apiTokens.revoke(request.params.tokenId, user.id))) {
        throw new ApiError("not_found", `No active API token ${request.params.tokenId} of yours`);
      }
      return reply.status(204).send();
    },
  );
}
