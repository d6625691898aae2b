import type { Command } from './commands.js';
import { jobsOption, parse, publishedOption } from './args.js';
import { InputError } from '../errors.js';
import { progressBar } from '../batch/progress.js';
import { loadResources, packageVersion } from '../resources/load.js';
import { openLedger } from '../ledger/db/connect.js';
import { DB_HELP, dbTarget } from '../ledger/cli-common.js';
import { expandPath, isUrl, localBytes } from '../ledger/ingest/sources.js';
import { ingest, summaryText } from '../ledger/ingest/run.js';
import { recordIngest } from '../ledger/audit.js';

const USAGE = `usage: sitrep ingest PATH|URL... [--db PATH|URL] [--jobs N] [--published YYYY-MM-DD] [--json]

Stores articles in the ledger: text, HTML and JSON files, folders (searched recursively), JSON
Lines (one article a line), RSS / Atom feed files, and URLs of pages or feeds. Each article is
extracted and written with everything read from it in one transaction; the same article again
is stored once (content hash and canonical URL or id), a changed text of a known URL or id is
stored as its next version. Stories, records and contradictions are rebuilt at the end.
A summary follows: new, updated, duplicate, failed with reasons (exit code 1 when any failed).

  ${DB_HELP.replace(/\n/g, '\n  ')}
  --jobs N       extraction worker threads (default: one per core, at most 4)
  --published D  the date of articles that give none
  --json         print the summary as JSON
  --no-consolidate  store only; the derived tables are rebuilt by the next command that needs them
`;

export const ingestCommand: Command = {
  summary: 'store articles, folders, JSON Lines, feeds or URLs in the ledger',
  usage: 'ingest PATH|URL...',
  async run(args) {
    const { values, positionals } = parse(args, { db: { type: 'string' }, jobs: { type: 'string', short: 'j' }, published: { type: 'string' }, json: { type: 'boolean' }, 'no-consolidate': { type: 'boolean' } }, 'ingest');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!positionals.length) throw new InputError('ingest: expected at least one file, folder or URL; see: sitrep ingest --help', 2);
    const published = publishedOption(values.published);
    const jobs = jobsOption(values.jobs);
    const inputs = positionals.flatMap((p) => (isUrl(p) ? [p] : expandPath(p)));
    if (!inputs.length) throw new InputError(`ingest: no article, JSON Lines or feed files under ${positionals.join(', ')}`);
    const ledger = await openLedger(dbTarget(values.db));
    try {
      const res = loadResources();
      const version = packageVersion();
      const summary = await ingest(ledger, inputs, {
        res,
        version,
        jobs,
        published,
        consolidate: !values['no-consolidate'],
        progress: progressBar('ingest', localBytes(inputs) || null),
      });
      await recordIngest(ledger, summary, positionals);
      if (values.json) process.stdout.write(JSON.stringify({ db: ledger.where, ...summary }) + '\n');
      else process.stdout.write(summaryText(summary, ledger.where));
      return summary.failed ? 1 : 0;
    } finally {
      await ledger.close();
    }
  },
};
