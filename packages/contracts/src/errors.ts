import { z } from "zod";

/**
 * The one catalogue of API errors: a stable code (clients branch on it, never on the message), the
 * HTTP status, and a default message. Responses name the bad field or value in `message`/`field`.
 */
export const ERRORS = {
  validation_failed: { status: 400, message: "The request is not valid" },
  unknown_field: { status: 400, message: "The request has a field this endpoint does not accept" },
  malformed_json: { status: 400, message: "The request body is not valid JSON" },
  duplicate_statement_id: { status: 400, message: "A batch contains the same statement id twice" },
  unauthenticated: { status: 401, message: "Sign in first" },
  invalid_credentials: { status: 401, message: "Email or password is wrong" },
  csrf_failed: { status: 403, message: "Missing or wrong CSRF token (send the x-csrf-token header)" },
  forbidden: { status: 403, message: "You may not do this" },
  account_disabled: {
    status: 403,
    message: "This account is disabled; ask your school's administrator to enable it",
  },
  not_found: { status: 404, message: "Not found" },
  route_not_found: { status: 404, message: "No such endpoint" },
  email_taken: { status: 409, message: "An account with this email already exists" },
  slug_taken: { status: 409, message: "A school with this slug already exists" },
  statement_conflict: {
    status: 409,
    message: "A statement with this id is already stored with different content",
  },
  model_conflict: {
    status: 409,
    message: "The course's models are not in a state that allows this (see the message)",
  },
  payload_too_large: { status: 413, message: "The request body is too large" },
  unsupported_media_type: { status: 415, message: "Send the body as application/json" },
  course_invalid: {
    status: 422,
    message: "The course file has problems; nothing was imported (see issues: path and message of each)",
  },
  rate_limited: { status: 429, message: "Too many requests; try again later" },
  internal: { status: 500, message: "Something went wrong on our side" },
  not_ready: { status: 503, message: "The service is starting or its database is unavailable" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ErrorCodeSchema = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** Path of the offending field, e.g. `body.items.3.timestamp`. */
    field: z.string().optional(),
    /** Every problem found, when there were several. */
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
