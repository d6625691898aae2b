import type { Kysely, Transaction } from 'kysely';
import { InputError } from '../errors.js';
import type { LedgerTables } from './db/schema.js';
import type { Ledger } from './db/connect.js';
import { writeTx } from './db/tx.js';
import { actor, audit } from './audit.js';

export type ReviewAction = 'verify' | 'dispute' | 'correct';

export interface ReviewState {
  id: number;
  record: string;
  anchor: string;
  action: ReviewAction;
  low: number | null;
  best: number | null;
  high: number | null;
  category: string | null;
  note: string | null;
  reviewer: string;
  at: string;
}

export interface ReviewInput {
  action: ReviewAction;
  low?: number | null;
  best?: number | null;
  high?: number | null;
  category?: string | null;
  note?: string | null;
  reviewer?: string;
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** The latest review of each anchor mention (a record's state is the latest review of its anchor). */
export async function currentReviews(ledger: Ledger): Promise<Map<string, ReviewState>> {
  const rows = await ledger.db.selectFrom('reviews').selectAll().orderBy('id').execute();
  const out = new Map<string, ReviewState>();
  for (const r of rows) out.set(r.anchor, { id: Number(r.id), record: r.record_id, anchor: r.anchor, action: r.action, low: num(r.low), best: num(r.best), high: num(r.high), category: r.category, note: r.note, reviewer: r.reviewer, at: r.created_at });
  return out;
}

/**
 * Finds a record by id; an id from before a rebuild that merged it into another record still
 * works, through the anchor mention its reviews were written against.
 */
export async function findRecord(ledger: Ledger, id: string) {
  const db = ledger.db;
  const r = await db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
  if (r) return r;
  const old = await db.selectFrom('reviews').select('anchor').where('record_id', '=', id).orderBy('id', 'desc').executeTakeFirst();
  if (!old) return undefined;
  const rm = await db.selectFrom('record_mentions').select('record_id').where('mention_id', '=', old.anchor).executeTakeFirst();
  return rm ? db.selectFrom('records').selectAll().where('id', '=', rm.record_id).executeTakeFirst() : undefined;
}

/** The reviews of a record, oldest first (through the anchor mentions of every record merged into it). */
export async function reviewsOf(ledger: Ledger | { db: Kysely<LedgerTables> | Transaction<LedgerTables> }, recordId: string): Promise<ReviewState[]> {
  const mentions = (await ledger.db.selectFrom('record_mentions').select('mention_id').where('record_id', '=', recordId).execute()).map((m) => m.mention_id);
  if (!mentions.length) return [];
  const rows = await ledger.db.selectFrom('reviews').selectAll().where('anchor', 'in', mentions).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), record: r.record_id, anchor: r.anchor, action: r.action, low: num(r.low), best: num(r.best), high: num(r.high), category: r.category, note: r.note, reviewer: r.reviewer, at: r.created_at }));
}

/**
 * Records an analyst's verdict on a record: verified, disputed, or corrected (new low / best /
 * high or category). The review and its audit entry (state before and after) are written in one
 * transaction; neither table accepts updates or deletes.
 */
export async function reviewRecord(ledger: Ledger, recordId: string, input: ReviewInput): Promise<ReviewState> {
  const record = await findRecord(ledger, recordId);
  if (!record) throw new InputError(`review: no record ${recordId} (see sitrep report --format json or sitrep export)`);
  if (input.action === 'correct' && input.low == null && input.best == null && input.high == null && !input.category) throw new InputError('review: --correct needs --best, --low, --high or --category', 2);
  const reviewer = input.reviewer ?? actor();
  return writeTx(ledger, async (trx) => {
    // inside the transaction, through it: SQLite has one connection, and it is this one
    const before = (await reviewsOf({ db: trx }, record.id)).at(-1) ?? null;
    const row = {
      record_id: record.id,
      anchor: record.anchor,
      action: input.action,
      low: input.low ?? null,
      best: input.best ?? null,
      high: input.high ?? null,
      category: input.category ?? null,
      note: input.note ?? null,
      reviewer,
      created_at: new Date().toISOString(),
    };
    await trx.insertInto('reviews').values(row).execute();
    const inserted = await trx.selectFrom('reviews').selectAll().where('anchor', '=', record.anchor).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const state: ReviewState = { id: Number(inserted.id), record: record.id, anchor: record.anchor, action: input.action, low: row.low, best: row.best, high: row.high, category: row.category, note: row.note, reviewer, at: row.created_at };
    await audit(trx, {
      actor: reviewer,
      action: `review.${input.action}`,
      targetType: 'record',
      targetId: record.id,
      before: { record: { category: record.category, low: num(record.low), best: num(record.best), high: num(record.high), place: record.place_name, date: record.date_start }, review: before },
      after: { review: state },
      note: input.note ?? null,
    });
    return state;
  });
}
