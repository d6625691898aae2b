import { sql, type Transaction } from 'kysely';
import type { Ledger } from './connect.js';
import type { LedgerTables } from './schema.js';

/** Errors after which the same transaction may succeed: a lock held by another process, a serialisation failure, a race on a unique key. */
export function isRetryable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  const code = String(err?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
  if (['40001', '40P01', '23505', '55P03'].includes(code)) return true;
  return /database is locked|database table is locked|SQLITE_BUSY/i.test(err?.message ?? '');
}

/**
 * Runs fn in one write transaction, again when another process got in the way (SQLite takes the
 * write lock at BEGIN and waits up to the busy timeout; PostgreSQL may report a serialisation
 * failure or a unique-key race). With `lock`, PostgreSQL transactions first take an advisory lock
 * of that name, so that two processes never run that step at once.
 */
export async function writeTx<T>(ledger: Ledger, fn: (trx: Transaction<LedgerTables>) => Promise<T>, opts: { lock?: string; tries?: number } = {}): Promise<T> {
  const tries = opts.tries ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ledger.db.transaction().execute(async (trx) => {
        if (opts.lock && ledger.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${opts.lock}))`.execute(trx);
        return fn(trx);
      });
    } catch (e) {
      if (attempt >= tries || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.min(2000, 20 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/** Inserts rows in chunks small enough for both engines' limits on bound parameters. */
export async function insertMany<K extends keyof LedgerTables & string>(trx: Transaction<LedgerTables>, table: K, rows: readonly LedgerTables[K][]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(30_000 / cols));
  for (let i = 0; i < rows.length; i += size) {
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}
