import type { Command } from './commands.js';
import { jobsOption, parse } from './args.js';
import { InputError } from '../errors.js';
import { loadResources, packageVersion } from '../resources/load.js';
import { openLedger } from '../ledger/db/connect.js';
import { DB_HELP, dbTarget } from '../ledger/cli-common.js';
import { isUrl } from '../ledger/ingest/sources.js';
import { ingest } from '../ledger/ingest/run.js';
import { canonicalUrl } from '../ledger/store.js';
import { recordIngest } from '../ledger/audit.js';

const USAGE = `usage: sitrep watch FEED_URL... [--every 10m] [--db PATH|URL] [--jobs N] [--cycles N]

Polls RSS / Atom feeds and ingests their new items into the ledger: a feed item's page is fetched
only when its URL is not stored yet (a full-text item is read from the feed itself, and a changed
text is stored as a new version). One line per poll; stops on Ctrl-C (after the article in hand).

  --every T   time between polls: 30s, 10m, 1h (default 10m)
  --cycles N  stop after N polls (default: run until stopped)
  --jobs N    extraction worker threads
  ${DB_HELP.replace(/\n/g, '\n  ')}
`;

/** "30s", "10m", "1h", "2h30m" or a number of seconds, in milliseconds. */
export function durationMs(v: string): number {
  const t = v.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g;
  let total = 0, matched = '';
  for (const m of t.matchAll(re)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
    matched += m[0];
  }
  if (!total || matched.replace(/\s/g, '') !== t.replace(/\s/g, '')) throw new InputError(`watch: --every wants a duration such as 30s, 10m or 1h, got "${v}"`, 2);
  return total;
}

export const watchCommand: Command = {
  summary: 'poll RSS / Atom feeds into the ledger',
  usage: 'watch FEED_URL... --every 10m',
  async run(args) {
    const { values, positionals } = parse(args, { every: { type: 'string' }, db: { type: 'string' }, jobs: { type: 'string', short: 'j' }, cycles: { type: 'string' } }, 'watch');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!positionals.length) throw new InputError('watch: expected at least one feed URL; see: sitrep watch --help', 2);
    const bad = positionals.find((p) => !isUrl(p));
    if (bad) throw new InputError(`watch: "${bad}" is not an http(s) URL (for feed files use sitrep ingest)`, 2);
    const every = durationMs((values.every as string | undefined) ?? '10m');
    const cycles = values.cycles === undefined ? Infinity : Number(values.cycles);
    if (!(cycles >= 1)) throw new InputError(`watch: --cycles wants a whole number, got "${String(values.cycles)}"`, 2);
    const jobs = jobsOption(values.jobs);
    const ledger = await openLedger(dbTarget(values.db));
    const signal = { stopped: false };
    let wake: (() => void) | null = null;
    const stop = () => {
      if (signal.stopped) process.exit(130);
      signal.stopped = true;
      process.stderr.write('sitrep watch: stopping after the article in hand (Ctrl-C again to quit now)\n');
      wake?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const res = loadResources();
    const version = packageVersion();
    let failures = 0;
    try {
      for (let cycle = 1; cycle <= cycles && !signal.stopped; cycle++) {
        const s = await ingest(ledger, positionals, {
          res,
          version,
          jobs,
          signal,
          wantLink: async (url) => {
            const u = canonicalUrl(url);
            if (!u) return true;
            return !(await ledger.db.selectFrom('articles').select('id').where('key', '=', `url:${u}`).limit(1).executeTakeFirst());
          },
        });
        await recordIngest(ledger, s, positionals);
        failures += s.failed;
        process.stdout.write(`${new Date().toISOString().slice(0, 19)}Z poll ${cycle}: ${s.read} items, ${s.new} new, ${s.updated} updated, ${s.duplicate} duplicate, ${s.failed} failed\n`);
        for (const f of s.failures.slice(0, 10)) process.stdout.write(`  failed ${f.origin}: ${f.reason}\n`);
        if (cycle < cycles && !signal.stopped) await new Promise<void>((r) => ((wake = r), setTimeout(r, every)));
      }
      return failures ? 1 : 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await ledger.close();
    }
  },
};
