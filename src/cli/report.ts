import { writeFileSync } from 'node:fs';
import type { Command } from './commands.js';
import { parse } from './args.js';
import { InputError } from '../errors.js';
import { normaliseDate } from '../article.js';
import { openLedger } from '../ledger/db/connect.js';
import { DB_HELP, dbTarget } from '../ledger/cli-common.js';
import { ensureConsolidated } from '../ledger/ready.js';
import { situationReport } from '../ledger/report/query.js';
import { renderMarkdown } from '../ledger/report/markdown.js';
import { renderHtml } from '../ledger/report/html.js';

const USAGE = `usage: sitrep report [--place NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format md|html|json] [--db PATH|URL]

The situation report of the ledger for a place and a period: headline figures with their range and
number of independent sources, what each source says, contradictions, unverified claims and a
dated timeline. Every statement cites its article and characters.

  --place NAME   a place, its first-level region, or a country (every place in it)
  --since D      from this date (records whose dates reach it)
  --until D      up to this date
  --format F     md (default), html or json (everything, no limit)
  --limit N      items per section in md and html (default 25)
  --out FILE     write to FILE instead of standard output
  ${DB_HELP.replace(/\n/g, '\n  ')}
`;

/** A --since / --until value. */
export function dateOption(name: string, v: unknown): string | null {
  if (v === undefined) return null;
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? normaliseDate(v) : null;
  if (!d) throw new InputError(`--${name} wants a date as YYYY-MM-DD, got "${String(v)}"`, 2);
  return d;
}

export const reportCommand: Command = {
  summary: 'the situation report of a place and period, from the ledger',
  usage: 'report [--place NAME] [--since D]',
  async run(args) {
    const { values, positionals } = parse(args, { place: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' }, db: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' } }, 'report');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length) throw new InputError(`report: unexpected argument "${positionals[0]}"; see: sitrep report --help`, 2);
    const format = (values.format as string | undefined) ?? 'md';
    if (!['md', 'markdown', 'html', 'json'].includes(format)) throw new InputError(`report: --format wants md, html or json, got "${format}"`, 2);
    const limit = values.limit === undefined ? 25 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new InputError(`report: --limit wants a whole number, got "${String(values.limit)}"`, 2);
    const since = dateOption('since', values.since), until = dateOption('until', values.until);
    const ledger = await openLedger(dbTarget(values.db));
    try {
      await ensureConsolidated(ledger);
      const r = await situationReport(ledger, { place: (values.place as string | undefined) ?? null, since, until });
      const text = format === 'json' ? JSON.stringify(r, null, 1) + '\n' : format === 'html' ? renderHtml(r, { limit }) : renderMarkdown(r, { limit });
      if (values.out) writeFileSync(values.out as string, text);
      else process.stdout.write(text);
      return 0;
    } finally {
      await ledger.close();
    }
  },
};
