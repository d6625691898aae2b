import type { Token, TokenKind } from './types.js';

// Alternatives, first match wins at each position:
//  - initialisms with dots: U.S., U.N., a.m.
//  - numbers with separators and attached letters or hyphenated parts: 20,000  1.5  1990s  24-hour  1996-08-22
//  - words with inner hyphens or apostrophes: Ki-Moon, Al-Ashkar, O'Brien, that's (clitics split below)
//  - runs of the same punctuation (..., --), then any other single character
const TOKEN_RE =
  /(?:\p{L}\.){2,}(?!\p{L})|\d+(?:[.,:/]\d+)*(?:\p{L}+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:(?:[-\u2010\u2011'\u2019]|\.(?=\p{L}))[\p{L}\p{M}\p{N}]+)*|\.{2,}|-{2,}|\S/gu;

const CLITIC_RE = /^(.+?)((?:n['\u2019]t)|(?:['\u2019](?:s|re|ve|ll|d|m)))$/i;
const QUOTE_CHARS = new Set(['"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '\u2039', '\u203a', '`']);

function kindOf(s: string): TokenKind {
  if (QUOTE_CHARS.has(s)) return 'quote';
  if (/^\d/.test(s)) return 'number';
  if (/^[\p{L}\p{M}]/u.test(s)) return 'word';
  if (/^\p{P}/u.test(s)) return 'punct';
  return 'symbol';
}

/** Tokens of `text` with their offsets; `sentence` is filled in by the sentence splitter. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const push = (start: number, end: number) => {
    const t = text.slice(start, end);
    const prev = out[out.length - 1];
    out.push({
      index: out.length, start, end, text: t, kind: kindOf(t), sentence: -1,
      spaceBefore: !prev || prev.end < start,
    });
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index!, word = m[0];
    const clitic = /^[\p{L}]/u.test(word) ? CLITIC_RE.exec(word) : null;
    if (clitic && clitic[1]!.length > 0 && !/['\u2019]$/.test(clitic[1]!)) {
      const cut = start + clitic[1]!.length;
      push(start, cut);
      push(cut, start + word.length);
    } else push(start, start + word.length);
  }
  return out;
}
