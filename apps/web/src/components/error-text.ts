import { ZodError } from "zod";
import { ApiError, ContractMismatchError } from "../api/http";
import { type MessageKey, messageKey } from "../i18n/message-key";

/**
 * Which sentence to show for a failed request. The server's own messages are English and meant for
 * developers, so the UI branches on the stable error code (and the field it names) instead.
 */
const BY_FIELD: Record<string, MessageKey> = {
  "body.joinCode": messageKey("errors.badJoinCode"),
  "body.password": messageKey("errors.weakPassword"),
  "body.email": messageKey("errors.badEmail"),
  "body.admin.password": messageKey("errors.weakPassword"),
  "body.admin.email": messageKey("errors.badEmail"),
  "body.school.slug": messageKey("errors.badSlug"),
};

const BY_CODE: Record<string, MessageKey> = {
  invalid_credentials: messageKey("errors.invalidCredentials"),
  email_taken: messageKey("errors.emailTaken"),
  slug_taken: messageKey("errors.slugTaken"),
  rate_limited: messageKey("errors.rateLimited"),
  unauthenticated: messageKey("errors.sessionEnded"),
  csrf_failed: messageKey("errors.sessionEnded"),
  forbidden: messageKey("errors.forbidden"),
  not_found: messageKey("errors.notFound"),
  account_disabled: messageKey("errors.accountDisabled"),
  validation_failed: messageKey("errors.invalidInput"),
};

/**
 * `byCode` is the caller's own sentence for some codes (e.g. `not_found` on an account that another admin
 * just deleted is not "this page does not exist"); it is consulted before the app-wide table.
 */
export function errorMessageKey(
  error: unknown,
  byCode: Readonly<Record<string, MessageKey>> = {},
): MessageKey {
  if (error instanceof ZodError) return messageKey("errors.invalidInput"); // checked before sending
  if (error instanceof ContractMismatchError) return messageKey("errors.unexpectedResponse");
  if (!(error instanceof ApiError)) return messageKey("errors.generic");
  if (error.status === 0) return messageKey("errors.network");
  const byField = error.field === undefined ? undefined : BY_FIELD[error.field];
  if (error.code === "validation_failed" && byField) return byField;
  if (error.code === undefined) return messageKey("errors.generic");
  return byCode[error.code] ?? BY_CODE[error.code] ?? messageKey("errors.generic");
}
