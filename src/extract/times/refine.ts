/**
 * The refiners: settle overlaps between candidates (the longest wins, then the rule's priority) and
 * keep both ends of a range together.
 */
import type { TimeRef } from '../../model/times.js';
import type { Candidate } from './types.js';

/** Non-overlapping candidates in text order: longer spans first, then higher priority, then earlier. */
export function settleOverlaps(cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  // kept spans in a sorted array of starts would make this n log n; candidates per article are few
  for (const c of sorted) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const RANGE_JOINER = /^\s*(?:-|\u2013|\u2014|to|until|till|through|and)\s*$/i;
const RANGE_OPENER = /(?:^|[^\p{L}])(?:from|between)\s+$/iu;

/**
 * Marks the two ends of a range with the whole interval: ends a parser found together ("1939-45",
 * "22-25 April"), and neighbouring dates joined as "from X to Y" / "between X and Y" / "X-Y".
 * `groups[i]` is the parser's range group of times[i] (undefined when none).
 */
export function linkRanges(text: string, times: TimeRef[], groups: (number | undefined)[]): void {
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!, b = times[i + 1]!;
    if (!a.interval || !b.interval || a.type === 'DURATION' || b.type === 'DURATION' || a.type === 'SET' || b.type === 'SET') continue;
    const together = groups[i] !== undefined && groups[i] === groups[i + 1];
    const between = text.slice(a.end, b.start);
    const joined = RANGE_JOINER.test(between) && (/^\s*[-\u2013\u2014]\s*$/.test(between) || RANGE_OPENER.test(text.slice(Math.max(0, a.start - 12), a.start)));
    if (!together && !joined) continue;
    if (a.interval.start > b.interval.end) continue;
    const range = { start: a.interval.start, end: b.interval.end };
    a.range = range;
    b.range = range;
  }
}
