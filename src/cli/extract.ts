import type { Command } from './commands.js';
import { jobsOption, parse, publishedOption } from './args.js';
import { InputError } from '../errors.js';
import { lineSource } from '../batch/lines.js';
import { progressBar } from '../batch/progress.js';
import { extractLines } from '../batch/extract.js';
import { loadResources, packageVersion } from '../resources/load.js';

const USAGE = `usage: sitrep extract FILE.jsonl|- [--full] [--published YYYY-MM-DD] [--jobs N]

Reads documents in the gold format (one JSON object a line with at least "text") and writes one
line per document on stdout, in order: the evaluation contract of shared/eval/FORMAT.md section 2,
or with --full the whole report. A bad line is reported on stderr with its number and skipped;
the exit code is then 1. --jobs sets the number of worker threads (default: one per core, at most 4).
`;

export const extractCommand: Command = {
  summary: 'batch extraction of JSON Lines documents, streaming',
  usage: 'extract FILE.jsonl|-',
  async run(args) {
    const { values, positionals } = parse(args, { full: { type: 'boolean' }, published: { type: 'string' }, jobs: { type: 'string', short: 'j' } }, 'extract');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new InputError("extract: expected one input file (or - for stdin); see: sitrep extract --help", 2);
    const published = publishedOption(values.published);
    const jobs = jobsOption(values.jobs);
    const src = lineSource(positionals[0]!);
    let errors = 0;
    const summary = await extractLines(src, process.stdout, {
      res: loadResources(),
      version: packageVersion(),
      full: Boolean(values.full),
      jobs,
      published,
      progress: progressBar('extract', src.size),
      onError: (m) => {
        errors++;
        process.stderr.write(`sitrep extract: ${m}\n`);
      },
    });
    if (summary.documents === 0 && errors === 0) throw new InputError(`extract: ${positionals[0]} holds no documents`);
    if (errors) process.stderr.write(`sitrep extract: ${summary.documents} documents written, ${errors} lines failed\n`);
    return errors ? 1 : 0;
  },
};
