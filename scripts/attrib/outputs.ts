// Shared helpers of the attribution inspection scripts: reading gold and output JSON Lines, span overlap,
// and a tally of error categories.
import { readFileSync } from 'node:fs';

export type Sp = { start: number; end: number } | null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const read = (f: string): any[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
/** Characters two spans share. */
export const ov = (a: Sp, b: Sp) => (a && b ? Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) : 0);
/** A counter of categories: `inc(k)` counts one, `counts` holds the tally. */
export function tally(): { counts: Record<string, number>; inc: (k: string) => number } {
  const counts: Record<string, number> = {};
  return { counts, inc: (k: string) => (counts[k] = (counts[k] ?? 0) + 1) };
}
