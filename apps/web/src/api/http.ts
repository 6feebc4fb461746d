import type { z } from "zod";
import { currentCsrfToken } from "./csrf";

/**
 * The one way the web app talks to the server: same-origin `fetch` under `/api`, JSON in and out,
 * every response body validated with the shared zod contract before the UI sees it.
 */
export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The stable error code from the server's error catalogue, when it sent one. */
    readonly code: string | undefined,
    message: string,
    /** The offending request field (`body.joinCode`), when the server named one. */
    readonly field?: string,
    /** Every problem the server listed (a course file's problems: path in the file and message). */
    readonly issues: readonly { readonly field: string; readonly message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Thrown when a response does not match its contract: a bug on one side, never shown as data. */
export class ContractMismatchError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`response of ${path} does not match its contract: ${issues}`);
    this.name = "ContractMismatchError";
  }
}

interface RequestOptions<S extends z.ZodType> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Schema of the success body; omit for 204 responses. */
  response?: S;
  signal?: AbortSignal;
}

function csrfHeader(): Record<string, string> {
  const token = currentCsrfToken();
  return token ? { "x-csrf-token": token } : {};
}

interface ErrorParts {
  code?: string;
  message?: string;
  field?: string;
  issues?: { field: string; message: string }[];
}

function errorCodeOf(body: unknown): ErrorParts {
  if (body === null || typeof body !== "object") return {};
  const record = body as Record<string, unknown>;
  const nested =
    record.error && typeof record.error === "object" ? (record.error as Record<string, unknown>) : record;
  return {
    ...(typeof nested.code === "string" ? { code: nested.code } : {}),
    ...(typeof nested.message === "string" ? { message: nested.message } : {}),
    ...(typeof nested.field === "string" ? { field: nested.field } : {}),
    ...(Array.isArray(nested.issues)
      ? {
          issues: nested.issues.flatMap((issue: unknown) => {
            const { field, message } = (issue ?? {}) as Record<string, unknown>;
            return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
          }),
        }
      : {}),
  };
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S> & { response: S },
): Promise<z.infer<S>>;
export async function apiRequest(path: string, options?: RequestOptions<never>): Promise<void>;
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S> = {}) {
  const method = options.method ?? "GET";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(method === "GET" ? {} : csrfHeader()),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", `cannot reach ${path}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const { code, message, field, issues } = errorCodeOf(body);
    throw new ApiError(
      response.status,
      code,
      message ?? `${path} answered ${response.status}`,
      field,
      issues,
    );
  }
  if (!options.response) return undefined;
  const parsed = options.response.safeParse(body);
  if (!parsed.success) throw new ContractMismatchError(path, parsed.error.message);
  return parsed.data;
}
