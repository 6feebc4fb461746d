import type { TenantId } from "@pathwise/domain";
import type { AuditRepository } from "@pathwise/storage";
import { accessRecordHash, GENESIS_HASH } from "./hash";

/** Rows read per query while walking a chain. */
const PAGE = 1_000;

export interface ChainReport {
  /** True when every row matches its hash, none is missing, and the last one is the school's head. */
  readonly intact: boolean;
  readonly rowsChecked: number;
  /** The first problem found, naming the row. */
  readonly problem?: { readonly seq: number; readonly message: string };
}

/**
 * Walks a school's audit log oldest first and recomputes every hash (TRUST #15). An edited row no longer
 * matches its hash; an inserted or deleted row breaks the sequence or the next row's hash; dropping the
 * newest rows leaves the school's head pointing past the end. Someone able to rewrite every later row and
 * the head is caught only by comparing the head with a copy kept elsewhere (`GET /api/audit` shows it).
 */
export async function verifyAuditChain(audit: AuditRepository, tenantId: TenantId): Promise<ChainReport> {
  let previousHash = GENESIS_HASH;
  let lastSeq = 0;
  for (;;) {
    const rows = await audit.chainAfter(tenantId, lastSeq, PAGE);
    for (const row of rows) {
      if (row.seq !== lastSeq + 1) {
        const missing = row.seq - 1 === lastSeq + 1 ? `${lastSeq + 1}` : `${lastSeq + 1}–${row.seq - 1}`;
        return broken(lastSeq, row.seq, `row ${missing} is missing (deleted)`);
      }
      if (accessRecordHash(previousHash, row) !== row.hash) {
        return broken(
          lastSeq,
          row.seq,
          `row ${row.seq} does not match its hash (edited, or its predecessor was)`,
        );
      }
      previousHash = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  const head = await audit.head(tenantId);
  const headSeq = head?.seq ?? 0;
  if (headSeq !== lastSeq) {
    return broken(
      lastSeq,
      lastSeq + 1,
      `the log ends at row ${lastSeq} but its head says ${headSeq} (rows removed)`,
    );
  }
  if ((head?.hash ?? GENESIS_HASH) !== previousHash) {
    return broken(lastSeq, lastSeq, `row ${lastSeq} does not match the head's hash`);
  }
  return { intact: true, rowsChecked: lastSeq };
}

function broken(rowsChecked: number, seq: number, message: string): ChainReport {
  return { intact: false, rowsChecked, problem: { seq, message } };
}
