import type { Database, Queryable } from './database.js';

/** The same queryable, telling `observe` how long each statement took (failed ones too). */
function timedQueryable(q: Queryable, observe: (ms: number) => void): Queryable {
  return {
    async query(sql, params) {
      const started = performance.now();
      try {
        return await q.query(sql, params);
      } finally {
        observe(performance.now() - started);
      }
    },
    exec: (sql) => q.exec(sql),
  };
}

/** The database with every query timed (for the query-time metric); everything else as it is. */
export function timedDatabase(db: Database, observe: (ms: number) => void): Database {
  const timed = timedQueryable(db, observe);
  return {
    engine: db.engine,
    get capabilities() {
      return db.capabilities;
    },
    query: timed.query,
    exec: timed.exec,
    transaction: (fn) => db.transaction((tx) => fn(timedQueryable(tx, observe))),
    close: () => db.close(),
  };
}
