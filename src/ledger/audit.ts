import type { Kysely, Transaction } from 'kysely';
import { userInfo } from 'node:os';
import type { Ledger } from './db/connect.js';
import type { LedgerTables } from './db/schema.js';
import type { IngestSummary } from './ingest/run.js';

/** Who is making a change: $SITREP_USER, else the login name. */
export function actor(): string {
  if (process.env.SITREP_USER?.trim()) return process.env.SITREP_USER.trim();
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface AuditEntry {
  actor?: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function audit(db: Kysely<LedgerTables> | Transaction<LedgerTables>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor: e.actor ?? actor(),
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      note: e.note ?? null,
    })
    .execute();
}

/** One audit entry per ingest run that changed the ledger: what it read and what it stored. */
export async function recordIngest(ledger: Ledger, s: IngestSummary, inputs: readonly string[]): Promise<void> {
  if (!s.new && !s.updated) return;
  await audit(ledger.db, {
    action: 'ingest',
    targetType: 'articles',
    targetId: inputs.join(' ').slice(0, 500),
    after: { read: s.read, new: s.new, updated: s.updated, duplicate: s.duplicate, failed: s.failed },
  });
}
