import { z } from "zod";

/** Offset pagination for small admin lists; `limit` capped so a request cannot ask for everything. */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const IdParamsSchema = (name: string) => z.strictObject({ [name]: z.uuid() });

export const OkSchema = z.object({ ok: z.literal(true) });
