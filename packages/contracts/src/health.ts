import { z } from "zod";

export const HealthResponseSchema = z.object({ status: z.literal("ok") });
export const ReadinessResponseSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["pglite", "postgres"]),
});
