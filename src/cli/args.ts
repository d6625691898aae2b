import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors.js';
import { normaliseDate } from '../article.js';
import { defaultJobs } from '../batch/pool.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with usage errors as InputError (exit code 2). */
export function parse(args: string[], options: Options, command: string): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(`${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`, 2);
  }
}

/** Checks a --published value. */
export function publishedOption(v: unknown): string | null {
  if (v === undefined) return null;
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? normaliseDate(v) : null;
  if (!d) throw new InputError(`--published wants a date as YYYY-MM-DD, got "${String(v)}"`, 2);
  return d;
}

/** Checks a --jobs value; the default is one worker per core. */
export function jobsOption(v: unknown): number {
  if (v === undefined) return defaultJobs();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InputError(`--jobs wants a whole number from 1 to 64, got "${String(v)}"`, 2);
  return n;
}
