import { fsyncSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import type { Database, Queryable, QueryResult, SqlParam } from "../database";

/**
 * Why this adapter changes PGlite's defaults — durability (measured on @electric-sql/pglite 0.5.16):
 * - PGlite starts Postgres with `-F` (fsync = off) in its default start parameters.
 * - Its Emscripten Node filesystem (NODEFS) has no `fsync` stream operation and `fdatasync` is a no-op,
 *   so even with fsync = on nothing reaches the disk's stable storage: a committed transaction survives
 *   a process kill (writes are in the OS page cache) but not a power loss or OS crash.
 * We therefore (1) drop `-F`, (2) set `wal_sync_method = fsync` (the only sync path that reaches a
 * stream operation) and (3) give NODEFS an `fsync` that calls Node's `fsyncSync` on the real file.
 * Then COMMIT returns only after the WAL is on stable storage, like a normal PostgreSQL server.
 * `durable: false` keeps PGlite's fast defaults (tests that do not exercise crash durability).
 */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const result = await super.init(...args);
    const opts = result.emscriptenOpts;
    const preRun = (opts.preRun ?? []) as ((module: unknown) => void)[];
    opts.preRun = [
      function addNodeFsync(module: unknown) {
        const nodefs = (module as { NODEFS: { stream_ops: Record<string, unknown> } }).NODEFS;
        nodefs.stream_ops.fsync = (stream: { nfd?: number }) => {
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
          return 0;
        };
      },
      ...preRun,
    ];
    return result;
  }
}

export interface PgliteOptions {
  /** Folder holding the database files; omit for an in-memory database (tests). */
  readonly dataDir?: string;
  /** Start from a dump made by `dumpPglite` instead of running initdb (in-memory only; tests). */
  readonly loadDataDir?: Blob;
  /** Make every commit reach stable storage (default true for a data folder). */
  readonly durable?: boolean;
}

function wrap(runner: Pick<PGlite | Transaction, "query">): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      const result = await runner.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
  };
}

/** The PGlite instance behind each Database this adapter opened (for dumps). */
const instances = new WeakMap<Database, PGlite>();

/** A tarball of the database's files, loadable with `openPglite({ loadDataDir })`. */
export async function dumpPglite(db: Database): Promise<Blob> {
  const pg = instances.get(db);
  if (!pg) throw new Error("dumpPglite: this database was not opened by openPglite");
  return pg.dumpDataDir("none");
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const durable = options.dataDir !== undefined && options.durable !== false;
  let pg: PGlite;
  if (options.dataDir === undefined) {
    pg = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } else {
    const dataDir = resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    const startParams = durable
      ? [...PGlite.defaultStartParams.filter((param) => param !== "-F"), "-c", "wal_sync_method=fsync"]
      : undefined;
    pg = await PGlite.create({
      fs: durable ? new DurableNodeFS(dataDir) : new NodeFS(dataDir),
      ...(startParams ? { startParams } : {}),
    });
  }
  const root = wrap(pg);
  const db: Database = {
    dialect: "pglite",
    query: root.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
  instances.set(db, pg);
  return db;
}
