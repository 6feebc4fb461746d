import {
  HistoryQuerySchema,
  HistoryResponseSchema,
  PostEventsRequestSchema,
  PostEventsResponseSchema,
} from "@pathwise/contracts";
import { asId, type UserId } from "@pathwise/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { presentEvent } from "../http/presenters";
import { recordStatements } from "../use-cases/events";

/** The learning record store: POST statements (one or a batch), GET a learner's history in order. */
export function registerEventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/events",
    {
      bodyLimit: deps.config.eventsBodyLimitBytes,
      schema: {
        tags: ["events"],
        body: PostEventsRequestSchema,
        response: { 200: PostEventsResponseSchema },
      },
    },
    async function postEvents(request) {
      const report = await recordStatements(deps, principalOf(request), request.body);
      return { results: [...report.results] };
    },
  );
  r.get(
    "/api/learners/:learnerId/events",
    {
      schema: {
        tags: ["events"],
        params: z.strictObject({ learnerId: z.uuid() }),
        querystring: HistoryQuerySchema,
        response: { 200: HistoryResponseSchema },
      },
    },
    async function learnerHistory(request) {
      const { user } = principalOf(request);
      const page = await deps.repos.events.history(user.tenantId, asId<UserId>(request.params.learnerId), {
        limit: request.query.limit,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
      });
      return {
        events: page.events.map(presentEvent),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
  );
}
