/**
 * Titles and roles given to a person next to the name: before it ("ITV News Correspondent Dan
 * Rivers", "UN Secretary-General Ban Ki-Moon", "Commons speaker John Bercow") or in apposition
 * ("Salah Al-Ashkar, a resident", "one resident, Salah Al-Ashkar").
 */
import type { Token } from '../../segment/types.js';
import { PhraseMatcher } from '../util/phrases.js';
import type { NerDoc } from './doc.js';

export interface TitleLexicon {
  matcher: PhraseMatcher<string>;
  maxWords: number;
}

export function titleLexicon(entries: readonly string[]): TitleLexicon {
  const m = new Map<string, string>();
  for (const e of entries) m.set(e, e);
  return { matcher: new PhraseMatcher(m), maxWords: Math.max(1, ...entries.map((e) => e.split(/\s+/).length)) };
}

/** The matcher reads token texts: give it the tagger's tokens without abbreviation dots. */
function asTokens(doc: NerDoc): Token[] {
  return doc.tokens.map((t, i) => ({ index: i, start: t.start, end: t.end, text: t.norm, kind: 'word', sentence: t.sentence, spaceBefore: true }));
}

const cache = new WeakMap<NerDoc, Token[]>();
const tokensOf = (doc: NerDoc) => {
  let t = cache.get(doc);
  if (!t) cache.set(doc, (t = asTokens(doc)));
  return t;
};

/** A title phrase ending at token `last` (the dot of "Gen." skipped): [first, canonical]. */
export function titleEndingAt(doc: NerDoc, lex: TitleLexicon, last: number): [number, string] | null {
  const toks = tokensOf(doc);
  if (last >= 0 && toks[last]!.text === '.') last--;
  for (let first = Math.max(0, last - lex.maxWords + 1); first <= last; first++) {
    const m = lex.matcher.matchAt(toks, first);
    if (m && m.last === last) return [first, m.value];
  }
  return null;
}

/** Writes a title phrase: list casing for title words (lower-case role nouns), text casing elsewhere. */
function render(doc: NerDoc, lex: TitleLexicon, first: number, last: number): string {
  const parts: string[] = [];
  for (let i = last; i >= first; ) {
    const t = titleEndingAt(doc, lex, i);
    if (t) {
      const [f, canon] = t;
      const written = doc.text.slice(doc.tokens[f]!.start, doc.tokens[i]!.end);
      const lowerText = written === written.toLowerCase();
      parts.unshift(lowerText ? written : canon === canon.toLowerCase() ? canon : written);
      i = f - 1;
    } else {
      parts.unshift(doc.tokens[i]!.raw);
      i--;
    }
  }
  return parts.join(' ').replace(/ (['\u2019]s)\b/g, '$1');
}

const isCapWord = (s: string) => /^[\p{Lu}\p{N}]/u.test(s);

/**
 * Titles of the person named by tokens [first, last], and the first token of the title written right
 * before the name (-1 if none). `nameType(i)` says whether token i belongs to another recognised name
 * (an organisation or place inside the title: "ITV News", "UN").
 */
export function titlesOf(doc: NerDoc, lex: TitleLexicon, first: number, last: number, nameType: (i: number) => string | null): { titles: string[]; before: number } {
  const out: string[] = [];
  let before = -1;
  const toks = doc.tokens;
  const sent = doc.sentences[toks[first]!.sentence]!;
  // before the name: title phrases, capitalised modifiers and names, back to the first other word
  let i = first - 1, start = first, sawTitle = false;
  while (i >= sent.first) {
    const t = titleEndingAt(doc, lex, i);
    if (t) { sawTitle = true; start = t[0]; i = t[0] - 1; continue; }
    const w = toks[i]!;
    if (nameType(i) && nameType(i) !== 'PER') { start = i; i--; continue; }
    if (w.lower === "'s" && i - 1 >= sent.first && nameType(i - 1)) { start = i; i--; continue; }
    if (isCapWord(w.raw) && /\p{L}/u.test(w.raw) && i > sent.first) { start = i; i--; continue; }
    if (w.raw === '-' && i > sent.first && isCapWord(toks[i - 1]!.raw)) { start = i; i--; continue; }
    break;
  }
  // keep modifiers only up to the leftmost title word or name ("Conservative Andrew Mitchell" keeps "Conservative")
  while (start < first && !sawTitle && !nameType(start) && titleEndingAt(doc, lex, start) === null) start++;
  if (start < first && (sawTitle || nameType(start))) {
    out.push(render(doc, lex, start, first - 1));
    before = start;
  }
  // "Name, (a|an|the) title (of X)," after the name
  let j = last + 1;
  if (j < sent.end && toks[j]!.raw === ',') {
    j++;
    if (j < sent.end && ['a', 'an', 'the'].includes(toks[j]!.lower)) j++;
    const from = j;
    let end = -1;
    for (let k = j; k < sent.end && k < j + 8; k++) {
      if (/^[,.;:()"]$/.test(toks[k]!.norm)) break;
      const t = titleEndingAt(doc, lex, k);
      if (t && t[0] >= from) end = k;
    }
    if (end >= 0) out.push(render(doc, lex, from, end));
  }
  // "(a|one|the) title, Name"
  const comma = first - 1;
  if (comma > sent.first && toks[comma]!.raw === ',') {
    const t = titleEndingAt(doc, lex, comma - 1);
    if (t) {
      let f = t[0];
      while (f - 1 >= sent.first && (nameType(f - 1) || isCapWord(toks[f - 1]!.raw) && f - 1 > sent.first)) f--;
      if (f - 1 >= sent.first && ['a', 'an', 'the', 'one'].includes(toks[f - 1]!.lower)) out.push(render(doc, lex, f, comma - 1));
    }
  }
  return { titles: out, before };
}
