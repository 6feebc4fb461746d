import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, ContractMismatchError } from "../api/http";
import { errorMessageKey } from "./error-text";

describe("errorMessageKey", () => {
  it("names the field the server rejected when it has a sentence for it", () => {
    const error = new ApiError(
      400,
      "validation_failed",
      "body.joinCode: no class has this join code",
      "body.joinCode",
    );
    expect(errorMessageKey(error)).toBe("errors.badJoinCode");
  });

  it("falls back to the error code, then to a generic sentence", () => {
    expect(errorMessageKey(new ApiError(400, "validation_failed", "x", "body.other"))).toBe(
      "errors.invalidInput",
    );
    expect(errorMessageKey(new ApiError(409, "email_taken", "x"))).toBe("errors.emailTaken");
    expect(errorMessageKey(new ApiError(429, "rate_limited", "x"))).toBe("errors.rateLimited");
    expect(errorMessageKey(new ApiError(500, "internal", "x"))).toBe("errors.generic");
    expect(errorMessageKey(new Error("boom"))).toBe("errors.generic");
  });

  it("says a disabled account cannot log in", () => {
    expect(errorMessageKey(new ApiError(403, "account_disabled", "This account is disabled"))).toBe(
      "errors.accountDisabled",
    );
  });

  it("lets the place that shows an error say more precisely what its code means there", () => {
    const gone = new ApiError(404, "not_found", "User x has been deleted");
    expect(errorMessageKey(gone, { not_found: "admin.accountGone" })).toBe("admin.accountGone");
    expect(errorMessageKey(gone)).toBe("errors.notFound");
    // Only the codes it names: the others keep their app-wide sentence.
    expect(errorMessageKey(new ApiError(0, "network", "x"), { not_found: "admin.accountGone" })).toBe(
      "errors.network",
    );
  });

  it("tells a network failure, a contract mismatch and invalid form input apart", () => {
    expect(errorMessageKey(new ApiError(0, "network", "x"))).toBe("errors.network");
    expect(errorMessageKey(new ContractMismatchError("/api/x", "bad"))).toBe("errors.unexpectedResponse");
    expect(errorMessageKey(z.string().safeParse(1).error)).toBe("errors.invalidInput");
  });
});
