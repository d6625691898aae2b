import type { Segmented, Sentence, Token } from '../../segment/types.js';
import { spanOf, type Span } from '../../model/span.js';

export interface Bounds {
  start: number;
  end: number;
}

export const overlaps = (a: Bounds, b: Bounds) => a.start < b.end && b.start < a.end;
export const contains = (outer: Bounds, inner: Bounds) => outer.start <= inner.start && inner.end <= outer.end;

/** Index of the first element whose end is after `offset` (arrays sorted by start, non-overlapping). */
function firstEndingAfter<T extends Bounds>(items: readonly T[], offset: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token covering `offset`, or the first token after it. */
export function tokenAt(seg: Segmented, offset: number): Token | undefined {
  return seg.tokens[firstEndingAfter(seg.tokens, offset)];
}

/** The tokens lying (partly) inside [start, end). */
export function tokensIn(seg: Segmented, start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = firstEndingAfter(seg.tokens, start); i < seg.tokens.length && seg.tokens[i]!.start < end; i++) out.push(seg.tokens[i]!);
  return out;
}

/** The sentence holding `offset` (or the next one). */
export function sentenceAt(seg: Segmented, offset: number): Sentence | undefined {
  return seg.sentences[firstEndingAfter(seg.sentences, offset)];
}

/** The tokens of a sentence. */
export const sentenceTokens = (seg: Segmented, s: Sentence): Token[] => seg.tokens.slice(s.tokenStart, s.tokenEnd);

/** A Span from token i to token j (inclusive). */
export const tokenSpan = (seg: Segmented, i: number, j: number): Span => spanOf(seg.text, seg.tokens[i]!.start, seg.tokens[j]!.end);

/** Sorts spans by start, longer first on ties, and drops those overlapping an earlier kept one. */
export function dropOverlapping<T extends Bounds>(items: T[], better: (a: T, b: T) => number = (a, b) => (b.end - b.start) - (a.end - a.start)): T[] {
  const sorted = [...items].sort((a, b) => better(a, b) || a.start - b.start);
  const kept: T[] = [];
  for (const it of sorted) if (!kept.some((k) => overlaps(k, it))) kept.push(it);
  return kept.sort((a, b) => a.start - b.start);
}

/** Sequential ids: p1, p2, ... */
export function idMaker(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
