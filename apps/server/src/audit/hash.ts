import { createHash } from "node:crypto";
import type { AccessRecord } from "@pathwise/storage";

/** What the first row of a school's chain is chained to. */
export const GENESIS_HASH = "";

/**
 * The chained hash of one audit row, computed here independently of the database's `access_audit_hash`
 * (migration 8) so the verifier does not trust the code it checks: SHA-256 (FIPS 180-4) over the UTF-8 of
 * the previous row's hash and this row's fields joined by '|', the time in UTC to the millisecond.
 */
export function accessRecordHash(previousHash: string, record: AccessRecord): string {
  const fields = [
    previousHash,
    String(record.seq),
    record.tenantId,
    record.at.toISOString(),
    record.actorId,
    record.actorRole,
    record.learnerIds.join(","),
    record.route,
    record.path,
    record.outcome,
  ];
  return createHash("sha256").update(fields.join("|"), "utf8").digest("hex");
}
