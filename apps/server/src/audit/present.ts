import type { AuditEntry } from "@pathwise/contracts";
import type { AccessRecord } from "@pathwise/storage";

export function presentAccessRecord(record: AccessRecord): AuditEntry {
  return {
    seq: record.seq,
    at: record.at.toISOString(),
    actor: { id: record.actorId, role: record.actorRole },
    learnerIds: [...record.learnerIds],
    route: record.route,
    path: record.path,
    outcome: record.outcome,
    hash: record.hash,
  };
}
