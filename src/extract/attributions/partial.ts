import type { Ctx } from './context.js';
import { isCap, isTerminal, isWord } from './context.js';
import type { Found } from './index.js';
import type { Sentence } from '../../segment/types.js';
import { tokenAt } from '../util/spans.js';
import { nounPhraseEndingAt } from './phrases.js';

// a partial quote of fewer words is taken for a scare quote ("so-called 'experts'")
const MIN_WORDS = 3;

/**
 * Quotations that no cue introduced: a partial quote inside a sentence ("to use its 'immense
 * diplomatic muscle'") is attributed to the sentence's subject when it is a name or a pronoun.
 * Quotes in a headline-like paragraph (no final punctuation) are scare quotes, not quotes.
 */
export function partialQuotes(ctx: Ctx, found: Found[]): Found[] {
  const out: Found[] = [];
  // contents that already say whose words a quote holds (a sourceless one does not)
  const quoteBounds = new Set(ctx.quotes.map((q) => `${q.start}:${q.end}`));
  const blocking = found.filter((f) => f.st.source || quoteBounds.has(`${f.st.content!.start}:${f.st.content!.end}`))
    .map((f) => f.st.content!).sort((x, y) => x.start - y.start);
  // running maximum of the ends, so that "does any blocking content overlap q" is one binary search
  const maxEnd: number[] = [];
  blocking.forEach((c, k) => maxEnd.push(Math.max(c.end, k ? maxEnd[k - 1]! : 0)));
  const blocked = (q: { start: number; end: number }) => {
    let lo = 0, hi = blocking.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (blocking[mid]!.start < q.end) lo = mid + 1; else hi = mid; }
    return lo > 0 && maxEnd[lo - 1]! > q.start;
  };
  for (const q of ctx.quotes) {
    if (blocked(q)) continue;
    const first = tokenAt(ctx.seg, q.innerStart);
    if (!first) continue;
    const t = first.index;
    let words = 0, caps = 0;
    for (let k = t; k < ctx.toks.length && ctx.toks[k]!.end <= q.innerEnd; k++) {
      if (!isWord(ctx.toks[k])) continue;
      words++;
      if (isCap(ctx.toks[k])) caps++;
    }
    // a title in quotation marks ("Fox and Friends", "Larry King Now") is no quote
    if (words < MIN_WORDS || t >= ctx.toks.length || caps * 2 > words) continue;
    const firstTok = Math.max(0, t - 1);
    const sent = ctx.seg.sentences[ctx.toks[firstTok]!.sentence]!;
    if (headlineLike(ctx, sent)) continue;
    // a paragraph that is all quotation, after a paragraph quoting someone: the same speaker goes on
    const para = ctx.seg.paragraphs[sent.paragraph]!;
    if (q.start === para.start && q.end >= para.end - 1) {
      const prev = previousQuoting(ctx, found, sent.paragraph);
      // its source phrase is the one that named the speaker before
      if (prev) out.push({ score: 0.5, cue: null, sameSpeakerAs: prev, st: { source: prev.st.source, content: { start: q.start, end: q.end }, sourceSide: 'left', contentSide: 'right' } });
      continue;
    }
    // the subject: the first name of the sentence, before the quote
    let src = null;
    for (let k = sent.tokenStart; k < firstTok && k - sent.tokenStart < 12; k++) {
      const w = ctx.lower[k]!;
      if (ctx.lex.pronouns.has(w) && k === sent.tokenStart) { src = { first: k, last: k }; break; }
      if (isCap(ctx.toks[k]) && !ctx.lex.determiners.has(w) && !ctx.lex.boundaries.has(w)) {
        let e = k;
        while (e + 1 < firstTok && (isCap(ctx.toks[e + 1]) || ctx.toks[e + 1]!.text === '-')) e++;
        src = nounPhraseEndingAt(ctx, e, sent.tokenStart);
        break;
      }
      if (ctx.toks[k]!.text === ',') break;
    }
    if (!src || !personLike(ctx, src)) continue;
    out.push({ score: 0.5, cue: null, st: { source: src, content: { start: q.start, end: q.end }, sourceSide: 'left', contentSide: 'right' } });
  }
  return out;
}

/** A paragraph of one short sentence with no final punctuation: a headline or a caption. */
function headlineLike(ctx: Ctx, sentence: Sentence): boolean {
  const p = ctx.seg.paragraphs[sentence.paragraph]!;
  if (sentence.start > p.start || sentence.end < p.end - 1) return false;
  const last = ctx.toks[sentence.tokenEnd - 1];
  return !isTerminal(last) && !(last && last.kind === 'quote' && isTerminal(ctx.toks[sentence.tokenEnd - 2])) && p.end - p.start < 200;
}

/** A source that can speak: a personal pronoun or a name of two or more words that is no organisation. */
function personLike(ctx: Ctx, r: { first: number; last: number }): boolean {
  const w = ctx.lower[r.last]!;
  if (r.first === r.last) return w === 'he' || w === 'she';
  let caps = 0;
  for (let k = r.first; k <= r.last; k++) {
    if (ctx.lex.orgWords.has(ctx.lower[k]!)) return false;
    if (isCap(ctx.toks[k]) && !ctx.lex.roles.has(ctx.lower[k]!) && !ctx.lex.determiners.has(ctx.lower[k]!)) caps++;
  }
  return caps >= 2;
}

/** The attribution quoting a named or pronoun source in the paragraph before (or the one before that). */
function previousQuoting(ctx: Ctx, found: Found[], paragraph: number): Found | null {
  let best: Found | null = null;
  for (const f of found) {
    if (!f.st.source || !f.cue) continue;
    const p = ctx.seg.sentences[ctx.toks[f.cue.head]!.sentence]!.paragraph;
    if (p < paragraph - 2 || p >= paragraph) continue;
    const quoted = ctx.quotes.some((q) => q.start >= f.st.content!.start && q.end <= f.st.content!.end);
    if (quoted && (!best || f.cue.head > best.cue!.head)) best = f;
  }
  // only if no other attribution stands between
  if (best && found.some((f) => f !== best && f.cue && f.cue.head > best!.cue!.head && ctx.seg.sentences[ctx.toks[f.cue.head]!.sentence]!.paragraph < paragraph)) return null;
  return best;
}
