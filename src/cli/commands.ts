import { extractCommand } from './extract.js';
import { evalCommand } from './eval.js';
import { analyzeCommand } from './analyze.js';
import { ingestCommand } from './ingest.js';
import { watchCommand } from './watch.js';
import { reportCommand } from './report.js';
import { exportCommand } from './export.js';
import { reviewCommand } from './review.js';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  extract: extractCommand,
  eval: evalCommand,
  ingest: ingestCommand,
  watch: watchCommand,
  report: reportCommand,
  export: exportCommand,
  review: reviewCommand,
};

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'sitrep: crisis news into a sourced ledger',
    '',
    'usage:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'sitrep COMMAND --help for the options of a command.',
    '',
  ].join('\n');
}
