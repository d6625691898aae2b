import { DEFAULT_DB } from './db/connect.js';

/** The ledger a command works on: --db, else $SITREP_DB, else ./sitrep.db. */
export function dbTarget(value: unknown): string {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return process.env.SITREP_DB?.trim() || DEFAULT_DB;
}

export const DB_HELP = `--db PATH|URL  the ledger: a SQLite file (default ./sitrep.db, or $SITREP_DB) or a PostgreSQL
               URL postgres://user@host:5432/db (add ?schema=NAME to keep it in one schema)`;
