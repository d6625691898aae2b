import type { Ctx } from './context.js';
import { isWord } from './context.js';
import type { Found } from './index.js';
import { contentBetween } from './structure.js';

/**
 * Transcript lines: a paragraph opening with a speaker's name in capitals and a colon
 * ("SMITH: We will not ...", "JOHN SMITH: ..."), possibly inside the quotation marks of a quoted
 * transcript. The name is the source, the colon the cue, the rest of the paragraph the content.
 */
export function transcriptLines(ctx: Ctx, isPlace: (start: number, end: number) => boolean = () => false): Found[] {
  const out: Found[] = [];
  const { toks } = ctx;
  const paragraphOf: number[] = [];
  for (const [n, p] of ctx.seg.paragraphs.entries()) {
    let i = firstTokenAt(ctx, p.start);
    if (i < 0 || toks[i]!.start >= p.end) continue;
    if (toks[i]!.kind === 'quote') i++;
    const first = i;
    while (i < toks.length && i - first < 4 && isWord(toks[i]) && /^[\p{Lu}][\p{Lu}.'\u2019-]+$/u.test(toks[i]!.text)) i++;
    if (i === first || !toks[i] || toks[i]!.text !== ':' || toks[i]!.start >= p.end) continue;
    let last = i;
    while (last + 1 < toks.length && toks[last + 1]!.start < p.end) last++;
    const content = last > i ? contentBetween(ctx, i + 1, last) : null;
    if (!content) continue;
    out.push({
      score: 0.9,
      cue: { head: i, first: i, last: i, type: 'other', kind: 'say', lemma: ':', form: null },
      st: { source: { first, last: i - 1 }, content, sourceSide: 'left', contentSide: 'right' },
    });
    paragraphOf.push(n);
  }
  // "VIJAYAWADA: Floods cut off ...": one such line near the top, naming a place, is a dateline
  if (out.length === 1 && paragraphOf[0]! <= 2) {
    const src = out[0]!.st.source!;
    if (isPlace(toks[src.first]!.start, toks[src.last]!.end)) return [];
  }
  return out;
}

const DASH = new Set(['\u2014', '\u2015', '\u2013', '--', '-']);

/**
 * Pull quotes and epigraphs signed after a dash: '"We need a ceasefire now." — Amina Yusuf'. The name
 * (up to the end of the line) is the source, the dash the cue, the quotation the content.
 */
export function signedQuotes(ctx: Ctx): Found[] {
  const out: Found[] = [];
  const { toks, text } = ctx;
  for (const q of ctx.quotes) {
    const i = firstTokenAt(ctx, q.end);
    if (i < 0 || !DASH.has(toks[i]!.text) || /\n/.test(text.slice(q.end, toks[i]!.start))) continue;
    let j = i + 1;
    const first = j;
    while (j < toks.length && j - first < 6 && (isWord(toks[j]) && /^\p{Lu}/u.test(toks[j]!.text) || (toks[j]!.text === '.' && !toks[j]!.spaceBefore)) && !/\n/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) j++;
    let last = j - 1;
    while (last >= first && toks[last]!.text === '.') last--;
    if (last < first) continue;
    // the name must end its line
    const after = toks[j];
    if (after && !/\n/.test(text.slice(toks[j - 1]!.end, after.start)) && !(after.text === ',' || after.text === '.')) continue;
    out.push({
      score: 0.9,
      cue: { head: i, first: i, last: i, type: 'other', kind: 'say', lemma: toks[i]!.text, form: null },
      st: { source: { first, last }, content: { start: q.start, end: q.end }, sourceSide: 'right', contentSide: 'left' },
    });
  }
  return out;
}

function firstTokenAt(ctx: Ctx, offset: number): number {
  let lo = 0, hi = ctx.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.toks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < ctx.toks.length ? lo : -1;
}
