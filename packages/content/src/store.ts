import { createRepositories, type Database, type Queryable, type Repositories } from "@pathwise/storage";

/**
 * Runs `work` with every repository bound to ONE transaction of `db`: committed when it resolves, rolled
 * back when it throws, so an import or the demo seed is never half-written. Repositories that open their
 * own transaction (content, events) run inside this one: their `transaction` is the enclosing one.
 */
export function inTransaction<T>(db: Database, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return db.transaction(function inOneTransaction(tx) {
    return work(createRepositories(enclosedIn(db, tx)));
  });
}

/** A Database facade over an open transaction (nested `transaction` calls join it). */
function enclosedIn(db: Database, tx: Queryable): Database {
  return {
    dialect: db.dialect,
    query: (sql, params) => tx.query(sql, params),
    transaction: (work) => work(tx),
    close: async () => {
      throw new Error("a transaction-bound database cannot be closed; close the database that opened it");
    },
  };
}
