import pg from "pg";
import type { Database, Queryable, QueryResult, SqlParam } from "../database";

export interface PostgresOptions {
  readonly connectionString: string;
  /** Put every connection's `search_path` on this schema (tests give each file its own schema). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

function wrap(runner: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      const result = await runner.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
  };
}

/** A PostgreSQL server through a `pg` connection pool. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Invalid schema name: ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node exits.
  pool.on("error", function logIdleClientError(error) {
    console.error(`PostgreSQL idle connection error: ${error.message}`);
  });
  const root = wrap(pool);
  await root.query("SELECT 1");
  return {
    dialect: "postgres",
    query: root.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Checks the server commits durably: `fsync` and `synchronous_commit` must be on, otherwise an
 * acknowledged event could be lost in a crash. Returns the problems found (empty when durable).
 */
export async function durabilityProblems(db: Queryable): Promise<string[]> {
  const problems: string[] = [];
  for (const setting of ["fsync", "synchronous_commit"]) {
    const { rows } = await db.query<{ value: string }>(`SELECT current_setting('${setting}') AS value`);
    const value = rows[0]?.value;
    if (
      value !== "on" &&
      !(setting === "synchronous_commit" && (value === "remote_apply" || value === "remote_write"))
    ) {
      problems.push(`${setting} is '${value}', expected 'on'`);
    }
  }
  return problems;
}
