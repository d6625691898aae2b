import type { Paragraph, Sentence, Token } from './types.js';

export interface SentenceLexicon {
  /** abbreviations (lower case, no period) whose period rarely ends a sentence */
  abbreviations: ReadonlySet<string>;
  /** words that open sentences: after an ambiguous abbreviation they confirm a boundary */
  starters: ReadonlySet<string>;
}

const TERMINAL = /^(?:[.!?\u2026]|\.{2,})$/;
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', '\u203a', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '\u00ab', '\u201e', '\u2039', '(', '[']);
// Titles are never the last word of a sentence: "Gen. Smith", "Dr. Jones".
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'sen', 'rep', 'gov', 'rev', 'st', 'mt', 'ft', 'adm', 'brig', 'amb', 'hon', 'cpl', 'pvt', 'cmdr', 'pres']);

function startsSentence(t: Token | undefined): boolean {
  if (!t) return true;
  return /^[\p{Lu}\p{N}]/u.test(t.text) || OPENERS.has(t.text);
}

/**
 * Splits each paragraph into sentences and stamps every token with its sentence index.
 * A line break inside a paragraph ends a sentence unless the next line continues it in lower case
 * (hard-wrapped text).
 */
export function splitSentences(text: string, paragraphs: Paragraph[], tokens: Token[], lex: SentenceLexicon): Sentence[] {
  const out: Sentence[] = [];
  let k = 0;
  for (const p of paragraphs) {
    while (k < tokens.length && tokens[k]!.end <= p.start) k++;
    const first = k;
    while (k < tokens.length && tokens[k]!.start < p.end) k++;
    const last = k; // tokens [first, last) lie in the paragraph
    let sStart = first;
    const close = (endTok: number) => {
      if (endTok <= sStart) return;
      const idx = out.length;
      out.push({ index: idx, start: tokens[sStart]!.start, end: tokens[endTok - 1]!.end, paragraph: p.index, tokenStart: sStart, tokenEnd: endTok });
      for (let i = sStart; i < endTok; i++) tokens[i]!.sentence = idx;
      sStart = endTok;
    };
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      // a line break between this token and the next
      if (next && i + 1 < last && text.slice(t.end, next.start).includes('\n')) {
        const continues = /^\p{Ll}/u.test(next.text) && !/[.!?:"\u201d]$/.test(t.text);
        if (!continues) { close(i + 1); continue; }
      }
      if (!TERMINAL.test(t.text) && !(t.kind === 'word' && /\.$/.test(t.text) && t.text.length > 2)) continue;
      // take closing quotes and brackets along
      let j = i + 1;
      while (j < last && CLOSERS.has(tokens[j]!.text) && !tokens[j]!.spaceBefore) j++;
      if (j < last && tokens[j]!.spaceBefore === false && !CLOSERS.has(tokens[j]!.text)) continue; // "3.5", "end.Next"
      const after = j < last ? tokens[j] : undefined;
      if (t.text === '.' || /\.$/.test(t.text)) {
        const prevWord = t.text === '.' ? tokens[i - 1] : t;
        const w = prevWord ? prevWord.text.replace(/\.$/, '').toLowerCase() : '';
        const isInitialism = prevWord && /^(?:\p{L}\.)+\p{L}?\.?$/u.test(prevWord.text);
        const isInitial = prevWord && t.text === '.' && /^\p{Lu}$/u.test(prevWord.text) && !text.slice(prevWord.start - 1, prevWord.start).match(/\S/);
        if (prevWord && t.text === '.' && prevWord.end === t.start) {
          if (TITLES.has(w)) continue;
          if (lex.abbreviations.has(w) && after && !lex.starters.has(after.text.toLowerCase())) {
            if (/^[\p{Lu}\p{N}]/u.test(after.text)) continue;
          }
          if (isInitial && after && /^\p{Lu}/u.test(after.text)) continue;
        }
        if (isInitialism && after && /^\p{Lu}/u.test(after.text) && !lex.starters.has(after.text.toLowerCase())) continue;
      }
      if (!startsSentence(after)) continue;
      close(j);
      i = j - 1;
    }
    close(last);
  }
  return out;
}
