import {
  AccountStateResponseSchema,
  AuditQuerySchema,
  AuditResponseSchema,
  ClassDetailResponseSchema,
  ClassListResponseSchema,
  ClassViewSchema,
  CreateClassRequestSchema,
  CreateUserRequestSchema,
  EnrolRequestSchema,
  GuardianLinkRequestSchema,
  OkSchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserParamsSchema,
  UserViewSchema,
} from "@pathwise/contracts";
import { asId, type ClassId, type User, type UserId } from "@pathwise/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { presentAccessRecord } from "../audit/present";
import { isCommonPassword } from "../auth/passwords";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError } from "../http/errors";
import { presentClass, presentUser } from "../http/presenters";
import { type AccountAction, changeAccountState, createClass } from "../use-cases/accounts";

const ClassParams = z.strictObject({ classId: z.uuid() });

/** Loads a user of the caller's school or fails naming the field (other schools' users are "not found"). */
async function userInSchool(deps: AppDeps, caller: User, id: string, field: string): Promise<User> {
  const user = await deps.repos.users.get(asId<UserId>(id));
  if (!user || user.tenantId !== caller.tenantId)
    throw new ApiError("not_found", `${field}: no user ${id} in your school`, { field });
  return user;
}

/**
 * School administration: users and their account state, guardian links, classes and enrolments, the
 * staff-access audit log (admins; teachers read their classes).
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const accountStateSchema = {
    tags: ["admin"],
    params: UserParamsSchema,
    response: { 200: AccountStateResponseSchema },
  };
  const accountStateRoute = (action: AccountAction) =>
    async function changeAccountStateRoute(request: FastifyRequest<{ Params: { userId: string } }>) {
      const { user, status } = await changeAccountState(
        deps,
        principalOf(request).user,
        asId<UserId>(request.params.userId),
        action,
      );
      return { user: presentUser(user), status };
    };
  r.post("/api/users/:userId/disable", { schema: accountStateSchema }, accountStateRoute("disable"));
  r.post("/api/users/:userId/enable", { schema: accountStateSchema }, accountStateRoute("enable"));
  r.delete("/api/users/:userId", { schema: accountStateSchema }, accountStateRoute("delete"));

  r.get(
    "/api/audit",
    { schema: { tags: ["admin"], querystring: AuditQuerySchema, response: { 200: AuditResponseSchema } } },
    async function listAudit(request) {
      const { user } = principalOf(request);
      const [records, head] = await Promise.all([
        deps.repos.audit.list(user.tenantId, request.query),
        deps.repos.audit.head(user.tenantId),
      ]);
      return { entries: records.map(presentAccessRecord), head: head ?? null };
    },
  );

  r.get(
    "/api/users",
    {
      schema: {
        tags: ["admin"],
        querystring: UserListQuerySchema,
        response: { 200: UserListResponseSchema },
      },
    },
    async function listUsers(request) {
      const { user } = principalOf(request);
      const users = await deps.repos.users.listByTenant(user.tenantId, request.query);
      return { users: users.map((listed) => ({ ...presentUser(listed), status: listed.status })) };
    },
  );
  r.post(
    "/api/users",
    { schema: { tags: ["admin"], body: CreateUserRequestSchema, response: { 201: UserViewSchema } } },
    async function createUser(request, reply) {
      const { user } = principalOf(request);
      const body = request.body;
      if (isCommonPassword(body.password)) {
        throw new ApiError(
          "validation_failed",
          "body.password: this password is among the most common ones",
          { field: "body.password" },
        );
      }
      const created = await deps.repos.users.create({
        tenantId: user.tenantId,
        email: body.email,
        displayName: body.displayName,
        role: body.role,
        locale: body.locale,
        passwordHash: await deps.passwords.hash(body.password),
      });
      return reply.status(201).send(presentUser(created));
    },
  );
  r.post(
    "/api/guardian-links",
    { schema: { tags: ["admin"], body: GuardianLinkRequestSchema, response: { 201: OkSchema } } },
    async function linkGuardian(request, reply) {
      const { user } = principalOf(request);
      const guardian = await userInSchool(deps, user, request.body.guardianId, "body.guardianId");
      const learner = await userInSchool(deps, user, request.body.learnerId, "body.learnerId");
      if (guardian.role !== "guardian")
        throw new ApiError("validation_failed", "body.guardianId: this user is not a guardian", {
          field: "body.guardianId",
        });
      if (learner.role !== "learner")
        throw new ApiError("validation_failed", "body.learnerId: this user is not a learner", {
          field: "body.learnerId",
        });
      await deps.repos.users.linkGuardian(guardian.id, learner.id);
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.get(
    "/api/classes",
    { schema: { tags: ["classes"], response: { 200: ClassListResponseSchema } } },
    async function listClasses(request) {
      const { user } = principalOf(request);
      if (user.role === "admin") {
        const classes = await deps.repos.classes.listByTenant(user.tenantId);
        return { classes: classes.map((c) => presentClass(c, { showJoinCode: true })) };
      }
      const mine = await deps.repos.classes.listForUser(user.id);
      return {
        classes: mine.map((c) => presentClass(c, { showJoinCode: c.role === "teacher", myRole: c.role })),
      };
    },
  );
  r.post(
    "/api/classes",
    { schema: { tags: ["classes"], body: CreateClassRequestSchema, response: { 201: ClassViewSchema } } },
    async function createClassRoute(request, reply) {
      const { user } = principalOf(request);
      const created = await createClass(deps, user.tenantId, request.body.name);
      return reply.status(201).send(presentClass(created, { showJoinCode: true }));
    },
  );
  r.get(
    "/api/classes/:classId",
    { schema: { tags: ["classes"], params: ClassParams, response: { 200: ClassDetailResponseSchema } } },
    async function getClass(request) {
      const classId = asId<ClassId>(request.params.classId);
      const schoolClass = await deps.repos.classes.get(classId);
      if (!schoolClass) throw new ApiError("not_found", `No class ${classId}`);
      const members = await deps.repos.classes.members(classId);
      const users = await Promise.all(members.map((m) => deps.repos.users.get(m.userId)));
      return {
        class: presentClass(schoolClass, { showJoinCode: true }),
        members: members.flatMap((m, i) => {
          const member = users[i];
          return member ? [{ user: presentUser(member), role: m.role }] : [];
        }),
      };
    },
  );
  r.post(
    "/api/classes/:classId/enrolments",
    {
      schema: {
        tags: ["classes"],
        params: ClassParams,
        body: EnrolRequestSchema,
        response: { 201: OkSchema },
      },
    },
    async function enrol(request, reply) {
      const caller = principalOf(request).user;
      const member = await userInSchool(deps, caller, request.body.userId, "body.userId");
      const needed = request.body.role === "teacher" ? ["teacher", "admin"] : ["learner"];
      if (!needed.includes(member.role)) {
        throw new ApiError(
          "validation_failed",
          `body.role: a ${member.role} cannot be enrolled as ${request.body.role}`,
          { field: "body.role" },
        );
      }
      await deps.repos.classes.enrol({
        classId: asId<ClassId>(request.params.classId),
        userId: member.id,
        role: request.body.role,
      });
      return reply.status(201).send({ ok: true as const });
    },
  );
}
