import { ERRORS, type ErrorCode, type ErrorResponse } from "@pathwise/contracts";
import { EventConflictError, StorageError } from "@pathwise/storage";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** An error a route raises on purpose: a catalogue code plus a message naming the bad value. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message ?? ERRORS[code].message);
    this.name = "ApiError";
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorBody(
  code: ErrorCode,
  message: string,
  extra: Omit<ErrorResponse["error"], "code" | "message"> = {},
) {
  return { error: { code, message, ...extra } } satisfies ErrorResponse;
}

/** `/body/items/3/timestamp` (Fastify) → `body.items.3.timestamp`. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split("/").filter((part) => part.length > 0);
  return [context ?? "body", ...parts].join(".");
}

interface Issue {
  readonly field: string;
  readonly message: string;
  readonly unknown: boolean;
}

type ZodIssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: ZodIssueLike[][];
};

/**
 * Turns one zod issue into field/message pairs. For a union (e.g. "one statement or an array"), the
 * branch that got past the top-level type check is the one the client meant; its issues are reported
 * instead of zod's bare "Invalid input".
 */
function describeIssue(base: string, code: string, message: string | undefined, params: unknown): Issue[] {
  const extra = params as { keys?: string[]; errors?: ZodIssueLike[][] };
  if (code === "unrecognized_keys" && extra.keys) {
    return [
      {
        field: `${base}.${extra.keys[0]}`,
        message: `unknown field(s): ${extra.keys.join(", ")}`,
        unknown: true,
      },
    ];
  }
  if (code === "invalid_union" && extra.errors && extra.errors.length > 0) {
    const meant = extra.errors.find(
      (branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0),
    );
    if (meant && meant.length > 0) {
      return meant.flatMap((i) =>
        describeIssue([base, ...i.path.map(String)].join("."), i.code, i.message, i),
      );
    }
  }
  return [{ field: base, message: message ?? "invalid value", unknown: false }];
}

/**
 * Maps everything that can go wrong to the catalogue: schema validation (zod, every issue listed),
 * Fastify's body-parser errors (malformed JSON, too large, wrong media type), storage errors, rate
 * limits; anything else is a 500 whose body reveals nothing (the log has the stack).
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (
    code: ErrorCode,
    message: string,
    extra: Omit<ErrorResponse["error"], "code" | "message"> = {},
  ) => reply.status(ERRORS[code].status).send(errorBody(code, message, extra));

  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403 || error.code === "not_found") {
      // Every denial is logged (TRUST #11) with who and what, never with credentials or bodies.
      request.log.warn(
        {
          code: error.code,
          route: `${request.method} ${request.routeOptions.url ?? request.url}`,
          userId: request.principal?.user.id,
        },
        "access denied",
      );
    }
    return send(error.code, error.message, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const issues = error.validation.flatMap((issue) =>
      describeIssue(fieldPath(context, issue.instancePath), issue.keyword, issue.message, issue.params),
    );
    const first = issues[0] ?? { field: context ?? "body", message: "invalid", unknown: false };
    const code: ErrorCode = first.unknown ? "unknown_field" : "validation_failed";
    return send(code, `${first.field}: ${first.message}`, {
      field: first.field,
      issues: issues.map(({ field, message }) => ({ field, message })),
    });
  }
  if (error instanceof EventConflictError) {
    return send("statement_conflict", error.message, { details: { ids: error.ids } });
  }
  if (error instanceof StorageError && error.code === "unique_violation") {
    const field = String(error.detail.field ?? "");
    return send(field === "slug" ? "slug_taken" : "email_taken", error.message, { field });
  }
  if (error instanceof StorageError && error.code === "invalid") {
    return send("validation_failed", error.message, {
      ...(error.detail.field ? { field: String(error.detail.field) } : {}),
    });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return send(
        "payload_too_large",
        `The request body is larger than the limit of ${request.routeOptions.bodyLimit} bytes`,
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return send(
        "unsupported_media_type",
        `Content type ${JSON.stringify(request.headers["content-type"] ?? "")} is not accepted; send application/json`,
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return send("malformed_json", "The request body is empty; send a JSON document");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return send("malformed_json", `The request body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return send("malformed_json", `The request body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode === 429) return send("rate_limited", error.message || ERRORS.rate_limited.message);
  if (error.statusCode === 413) return send("payload_too_large", ERRORS.payload_too_large.message);
  request.log.error({ err: error }, "unhandled error");
  return send("internal", ERRORS.internal.message);
}
