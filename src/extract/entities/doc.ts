/**
 * The article as the name tagger sees it: tokens with normalised forms, grouped in sentences.
 * Built from the shared segmentation; offsets stay those of the unchanged text. Pre-tokenised text
 * ("Japan 's") and running text ("Japan's") give the same token forms.
 */
import type { Segmented } from '../../segment/types.js';

export interface NerToken {
  start: number;
  end: number;
  /** the text as written */
  raw: string;
  /** quotes and dashes unified, digits kept */
  norm: string;
  /** norm in lower case */
  lower: string;
  /** index of the sentence holding it */
  sentence: number;
}

export interface NerSentence {
  first: number;
  /** one past the last token */
  end: number;
  /** most letters are capitals: a headline, a byline or a shouted line */
  allCaps: boolean;
  /** the first sentence of the text (usually the headline) */
  isTitle: boolean;
}

export interface NerDoc {
  text: string;
  tokens: NerToken[];
  sentences: NerSentence[];
}

const QUOTE_NORM: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '``': '"', "''": '"',
  '\u2018': "'", '\u2019': "'", '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-',
};

export function normalizeForm(s: string): string {
  const q = QUOTE_NORM[s];
  if (q) return q;
  return s.replace(/[\u2019\u2018]/g, "'").replace(/[\u2010\u2011\u2013]/g, '-');
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function push(tokens: NerToken[], start: number, end: number, raw: string, sentence: number): void {
  const norm = normalizeForm(raw);
  tokens.push({ start, end, raw, norm, lower: norm.toLowerCase(), sentence });
}

/** The tagger's view of a segmented text. */
export function nerDoc(seg: Segmented): NerDoc {
  const text = seg.text;
  const src = seg.tokens;
  const tokens: NerToken[] = [];
  for (let i = 0; i < src.length; i++) {
    const t = src[i]!;
    let end = t.end;
    let raw = t.text;
    // "'" + "s" written apart by a tokenised source ("Japan 's"): one possessive token, as in "Japan's"
    const nx = src[i + 1];
    if ((raw === "'" || raw === '\u2019') && nx && !nx.spaceBefore && (nx.text === 's' || nx.text === 'S') && nx.sentence === t.sentence) {
      end = nx.end;
      raw = text.slice(t.start, end);
      i++;
    }
    // "Council.In this respect": a full stop with its space missing joins two words into one token
    const joined = /^(\p{L}{2,})\.(\p{Lu}\p{Ll}+)$/u.exec(raw);
    if (joined && /\p{Ll}/u.test(joined[1]!)) {
      const a = joined[1]!, b = joined[2]!;
      push(tokens, t.start, t.start + a.length, a, t.sentence);
      push(tokens, t.start + a.length, t.start + a.length + 1, '.', t.sentence);
      push(tokens, t.start + a.length + 1, end, b, t.sentence);
      continue;
    }
    push(tokens, t.start, end, raw, t.sentence);
  }
  const sentences: NerSentence[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentence !== tokens[first]!.sentence) {
      sentences.push({ first, end: i, allCaps: isAllCaps(tokens, first, i), isTitle: sentences.length === 0 });
      first = i;
    }
  }
  for (let s = 0; s < sentences.length; s++) for (let i = sentences[s]!.first; i < sentences[s]!.end; i++) tokens[i]!.sentence = s;
  return { text, tokens, sentences };
}

function isAllCaps(tokens: NerToken[], from: number, to: number): boolean {
  let words = 0, caps = 0;
  for (let i = from; i < to; i++) {
    const r = tokens[i]!.raw;
    if (!LETTER.test(r)) continue;
    words++;
    if (r === r.toUpperCase() && UPPER.test(r)) caps++;
  }
  return words >= 2 && caps / words > 0.75;
}
