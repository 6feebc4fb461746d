import { ErrorResponseSchema, HealthResponseSchema, ReadinessResponseSchema } from "@pathwise/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../deps";
import { errorBody } from "../http/errors";

/** Liveness (the process answers) and readiness (the database answers a query). */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/health", { schema: { tags: ["health"], response: { 200: HealthResponseSchema } } }, async () => ({
    status: "ok" as const,
  }));
  r.get(
    "/health/ready",
    { schema: { tags: ["health"], response: { 200: ReadinessResponseSchema, 503: ErrorResponseSchema } } },
    async function readiness(_request, reply) {
      try {
        await deps.db.query("SELECT 1");
        return { status: "ready" as const, database: deps.db.dialect };
      } catch {
        return reply.status(503).send(errorBody("not_ready", "The database does not answer"));
      }
    },
  );
}
