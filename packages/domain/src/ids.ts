import { z } from "zod";

/**
 * Branded identifiers: every id is a UUID string at runtime, but the type system keeps a learner id
 * from being passed where a class id is expected. Parse untrusted input with the schemas; build ids
 * from trusted sources (the database) with `asId`.
 */
function idSchema<B extends string>() {
  return z.uuid().brand<B>();
}

export const TenantIdSchema = idSchema<"TenantId">();
export const ClassIdSchema = idSchema<"ClassId">();
export const UserIdSchema = idSchema<"UserId">();
export const CourseIdSchema = idSchema<"CourseId">();
export const ConceptIdSchema = idSchema<"ConceptId">();
export const ItemIdSchema = idSchema<"ItemId">();
export const StatementIdSchema = idSchema<"StatementId">();

export type TenantId = z.infer<typeof TenantIdSchema>;
export type ClassId = z.infer<typeof ClassIdSchema>;
export type UserId = z.infer<typeof UserIdSchema>;
export type CourseId = z.infer<typeof CourseIdSchema>;
export type ConceptId = z.infer<typeof ConceptIdSchema>;
export type ItemId = z.infer<typeof ItemIdSchema>;
export type StatementId = z.infer<typeof StatementIdSchema>;

/** Brands a string that a trusted source (the database, a generator) guarantees is a valid id. */
export function asId<T extends string & z.core.$brand<string>>(value: string): T {
  return value as T;
}

/**
 * A stable key: the human-chosen identifier of content inside a course file (`fractions`,
 * `frac-add-01`). Imports upsert by key so re-importing a course updates it instead of duplicating it.
 */
export const StableKeySchema = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  );
export type StableKey = z.infer<typeof StableKeySchema>;
