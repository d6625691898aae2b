import { join } from 'node:path';
import type { Command } from './commands.js';
import { jobsOption, parse } from './args.js';
import { loadResources, packageRoot, packageVersion } from '../resources/load.js';
import { qualityTable, runEvaluation, sharedDir, writeQuality } from '../eval/run.js';

const USAGE = `usage: sitrep eval [--shared DIR] [--only SET[,SET...]] [--no-write] [--jobs N]

Runs extract on every evaluation set of ../shared/eval and ../shared/seed, scores each with
../shared/eval/score.mjs, prints the table and writes docs/quality.md (unless --only or --no-write).
`;

export const evalCommand: Command = {
  summary: 'score the extractor on the shared evaluation sets, write docs/quality.md',
  usage: 'eval',
  async run(args) {
    const { values } = parse(args, { shared: { type: 'string' }, only: { type: 'string' }, 'no-write': { type: 'boolean' }, jobs: { type: 'string', short: 'j' } }, 'eval');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const root = packageRoot();
    const shared = sharedDir(root, values.shared as string | undefined);
    if (!shared) {
      process.stdout.write('sitrep eval: no ../shared/eval here (a user\'s clone has none): nothing to score.\n');
      return 0;
    }
    const only = values.only ? String(values.only).split(',').filter(Boolean) : undefined;
    const version = packageVersion();
    const rows = await runEvaluation({
      shared, outDir: join(root, '.eval-out'), res: loadResources(), version, only, jobs: jobsOption(values.jobs),
      log: (l) => process.stderr.write(`${l}\n`),
    });
    process.stdout.write(qualityTable(rows) + '\n');
    if (!only && !values['no-write']) {
      writeQuality(rows, join(root, 'docs'), version);
      process.stderr.write(`wrote ${join(root, 'docs', 'quality.md')}\n`);
    }
    const short = rows.filter((r) => r.lines !== r.docs);
    for (const r of short) process.stderr.write(`sitrep eval: ${r.set}: ${r.lines} output lines for ${r.docs} documents\n`);
    return short.length ? 1 : 0;
  },
};
