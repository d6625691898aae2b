import type { Command } from './commands.js';
import { parse } from './args.js';
import { InputError } from '../errors.js';
import { openLedger } from '../ledger/db/connect.js';
import { DB_HELP, dbTarget } from '../ledger/cli-common.js';
import { ensureConsolidated } from '../ledger/ready.js';
import { findRecord, reviewRecord, reviewsOf, type ReviewAction } from '../ledger/review.js';
import { actor } from '../ledger/audit.js';

const USAGE = `usage: sitrep review RECORD_ID (--verify | --dispute | --correct [--best N] [--low N] [--high N] [--category C]) [--note TEXT] [--by NAME] [--db PATH|URL]
       sitrep review RECORD_ID          the record's reviews
       sitrep review --log [--json]     the audit log

An analyst's verdict on a record: verified, disputed, or corrected. Reviews are never changed or
deleted; the latest one is the record's state, and each is written to the audit log with the state
before and after, in one transaction. --by (or $SITREP_USER) names the reviewer.
  ${DB_HELP.replace(/\n/g, '\n  ')}
`;

function number(name: string, v: unknown): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InputError(`review: --${name} wants a number, got "${String(v)}"`, 2);
  return n;
}

export const reviewCommand: Command = {
  summary: 'verify, dispute or correct a record (audited)',
  usage: 'review RECORD_ID --verify|--dispute|--correct',
  async run(args) {
    const { values, positionals } = parse(
      args,
      { verify: { type: 'boolean' }, dispute: { type: 'boolean' }, correct: { type: 'boolean' }, best: { type: 'string' }, low: { type: 'string' }, high: { type: 'string' }, category: { type: 'string' }, note: { type: 'string' }, by: { type: 'string' }, log: { type: 'boolean' }, json: { type: 'boolean' }, db: { type: 'string' } },
      'review',
    );
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const ledger = await openLedger(dbTarget(values.db));
    try {
      if (values.log) {
        const rows = await ledger.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
        if (values.json) process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
        else for (const r of rows) process.stdout.write(`${r.id}\t${r.at}\t${r.actor}\t${r.action}\t${r.target_type} ${r.target_id}${r.note ? `\t${r.note}` : ''}\n`);
        return 0;
      }
      if (positionals.length !== 1) throw new InputError('review: expected one RECORD_ID; see: sitrep review --help', 2);
      const actions = (['verify', 'dispute', 'correct'] as const).filter((a) => values[a]);
      if (actions.length > 1) throw new InputError('review: give one of --verify, --dispute, --correct', 2);
      if (!actions.length && (values.best || values.low || values.high || values.category || values.note)) throw new InputError('review: --best, --low, --high, --category and --note go with --verify, --dispute or --correct', 2);
      await ensureConsolidated(ledger);
      const id = positionals[0]!;
      if (!actions.length) {
        const rec = await findRecord(ledger, id);
        if (!rec) throw new InputError(`review: no record ${id}`);
        const list = await reviewsOf(ledger, rec.id);
        process.stdout.write(`${rec.id}: ${rec.category} ${rec.best ?? ''} in ${rec.place_name ?? 'unknown place'}, ${rec.date_start ?? ''}; ${list.length} review${list.length === 1 ? '' : 's'}\n`);
        for (const r of list) process.stdout.write(`  ${r.at} ${r.reviewer}: ${r.action}${r.best != null ? ` best=${r.best}` : ''}${r.low != null ? ` low=${r.low}` : ''}${r.high != null ? ` high=${r.high}` : ''}${r.category ? ` category=${r.category}` : ''}${r.note ? ` — ${r.note}` : ''}\n`);
        return 0;
      }
      const action = actions[0] as ReviewAction;
      if (action !== 'correct' && (values.best || values.low || values.high || values.category)) throw new InputError('review: --best, --low, --high and --category go with --correct', 2);
      const state = await reviewRecord(ledger, id, {
        action,
        low: number('low', values.low),
        best: number('best', values.best),
        high: number('high', values.high),
        category: (values.category as string | undefined) ?? null,
        note: (values.note as string | undefined) ?? null,
        reviewer: (values.by as string | undefined) ?? actor(),
      });
      process.stdout.write(`${state.record}: ${state.action === 'verify' ? 'verified' : state.action === 'dispute' ? 'disputed' : 'corrected'} by ${state.reviewer} (review ${state.id}, written to the audit log)\n`);
      return 0;
    } finally {
      await ledger.close();
    }
  },
};
