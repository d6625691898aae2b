import type { QuoteSpan, Segmented, Sentence, Token } from '../../segment/types.js';
import type { AttribLexicon } from './lexicon.js';

/** What the attribution rules read about one article: tokens, their quote membership, the word lists. */
export interface Ctx {
  text: string;
  seg: Segmented;
  toks: Token[];
  /** lower-cased token texts */
  lower: string[];
  lex: AttribLexicon;
  /** outer quoted passages (depth 0), sorted by start */
  quotes: QuoteSpan[];
  /** per token: index in `quotes` of the outer quote holding it (marks included), or -1 */
  quoteOf: Int32Array;
}

export function makeCtx(seg: Segmented, lex: AttribLexicon): Ctx {
  const toks = seg.tokens;
  const quotes = seg.quotes.filter((q) => q.depth === 0);
  const quoteOf = new Int32Array(toks.length).fill(-1);
  let t = 0;
  quotes.forEach((q, qi) => {
    while (t < toks.length && toks[t]!.end <= q.start) t++;
    for (let k = t; k < toks.length && toks[k]!.start < q.end; k++) if (quoteOf[k] === -1) quoteOf[k] = qi;
  });
  return { text: seg.text, seg, toks, lower: toks.map((x) => x.text.toLowerCase().replace(/\u2019/g, "'")), lex, quotes, quoteOf };
}

export const QUOTE_OPEN = new Set(['"', '\u201c', '\u201e', '\u00ab', "'", '\u2018', '\u2039']);
export const QUOTE_CLOSE = new Set(['"', '\u201d', '\u00bb', "'", '\u2019', '\u203a']);
const TERMINAL = new Set(['.', '!', '?', '\u2026', '...']);

export const isCap = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
export const isWord = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'number');
export const isTerminal = (t: Token | undefined) => !!t && TERMINAL.has(t.text);

export function sentenceOf(ctx: Ctx, i: number): Sentence {
  return ctx.seg.sentences[ctx.toks[i]!.sentence]!;
}

/** The quote (outer) that starts at token i with an opening mark, if any. */
export function quoteStartingAt(ctx: Ctx, i: number): QuoteSpan | undefined {
  const q = ctx.quoteOf[i]! >= 0 ? ctx.quotes[ctx.quoteOf[i]!] : undefined;
  return q && q.start === ctx.toks[i]!.start ? q : undefined;
}

/** The quote (outer) that ends at token i with its closing mark, if any. */
export function quoteEndingAt(ctx: Ctx, i: number): QuoteSpan | undefined {
  const q = ctx.quoteOf[i]! >= 0 ? ctx.quotes[ctx.quoteOf[i]!] : undefined;
  return q && q.end === ctx.toks[i]!.end ? q : undefined;
}

/** The outer quote holding character offset `pos`, if any (binary search over sorted quotes). */
export function quoteAtOffset(ctx: Ctx, pos: number): QuoteSpan | undefined {
  let lo = 0, hi = ctx.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.quotes[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const q = ctx.quotes[lo];
  return q && q.start <= pos && pos < q.end ? q : undefined;
}
