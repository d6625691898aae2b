import { extractCommand } from './extract.js';
import { evalCommand } from './eval.js';
import { analyzeCommand } from './analyze.js';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  extract: extractCommand,
  eval: evalCommand,
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
