/**
 * The narrow seam between Pathwise and a PostgreSQL-dialect database (the Kysely habit: declare only
 * the part of a driver we use). Two adapters implement it: embedded PGlite and a `pg` pool.
 */
export type SqlParam = string | number | boolean | null | Date | Uint8Array | readonly SqlParam[];

export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly affectedRows: number;
}

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  readonly dialect: "pglite" | "postgres";
  /**
   * Runs `work` in one transaction: committed (durably, see docs/storage.md) when it resolves, rolled
   * back when it throws. Never half-applied.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database problem the application can name: a missing row, a unique clash, a conflict. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "unique_violation" | "conflict" | "invalid",
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "StorageError";
  }
}

/** PostgreSQL's SQLSTATE for a unique violation (Appendix A of the PostgreSQL manual). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
