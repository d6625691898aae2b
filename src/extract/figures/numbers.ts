import type { Token } from '../../segment/types.js';
import type { Range } from '../../model/span.js';
import type { FigureLexicon } from './lexicon.js';
import { exactly } from './qualifiers.js';

/** A number read from tokens first..last (inclusive). */
export interface NumberMatch {
  first: number;
  last: number;
  value: Range;
  /** "tens of thousands", "dozens": a vague amount, kept as the qualifier text */
  vague: string | null;
}

// 20,000  1.5  250  (not clock times, phone numbers, ordinals, decades or ages: the tokenizer keeps
// those in one token with their colon, hyphen or letters)
const DIGITS_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'lakh', 'crore']);

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

/** The value of a scale word, singular or plural ("thousands" -> 1000), if it is one. */
function scaleOf(word: string, lex: FigureLexicon): number | null {
  const w = word.endsWith('s') ? word.slice(0, -1) : word;
  return SCALES.has(w) ? lex.numberWords.get(w) ?? null : null;
}

/** Value of a number word or hyphenated compound ("twenty-five"), without scale words. */
function unitWordValue(word: string, lex: FigureLexicon): number | null {
  if (SCALES.has(word) || word === 'dozen') return null;
  const parts = word.split(/[-\u2010\u2011]/);
  if (parts.length === 1) return lex.numberWords.get(word) ?? null;
  if (parts.length !== 2) return null;
  const tens = lex.numberWords.get(parts[0]!), units = lex.numberWords.get(parts[1]!);
  if (tens === undefined || units === undefined || tens < 20 || tens % 10 !== 0 || units < 1 || units > 9) return null;
  return tens + units;
}

/** A number in digits at token i, with an optional scale word ("1.5 million"). */
function digitsAt(tokens: readonly Token[], i: number, lex: FigureLexicon): NumberMatch | null {
  const t = tokens[i]!;
  if (t.kind !== 'number' || !DIGITS_RE.test(t.text)) return null;
  let n = Number(t.text.replace(/,/g, ''));
  let last = i;
  const scale = tokens[i + 1] ? scaleOf(lower(tokens[i + 1]), lex) : null;
  if (scale && !lower(tokens[i + 1]).endsWith('s')) {
    n *= scale;
    last = i + 1;
  }
  return { first: i, last, value: exactly(Math.round(n)), vague: null };
}

/** A number in words at token i: "twenty-five", "one hundred and fifty", "a dozen", "two thousand". */
function wordsAt(tokens: readonly Token[], i: number, lex: FigureLexicon): NumberMatch | null {
  let total = 0, current = 0, last = -1, seen = false;
  let j = i;
  // "a hundred", "a thousand", "a dozen": the article stands for one
  if (lower(tokens[j]) === 'a' || lower(tokens[j]) === 'an') {
    const next = lower(tokens[j + 1]);
    if (next === 'dozen') return { first: i, last: j + 1, value: exactly(12), vague: null };
    if (!scaleOf(next, lex) || next.endsWith('s')) return null;
    current = 1;
    j++;
  }
  for (; j < tokens.length; j++) {
    const w = lower(tokens[j]);
    const unit = unitWordValue(w, lex);
    if (unit !== null) {
      if (seen && current % 100 !== 0 && current % 1000 !== 0 && !(current >= 20 && current % 10 === 0 && unit < 10)) break;
      current += unit;
      seen = true;
      last = j;
      continue;
    }
    if (w === 'dozen' && seen) {
      current *= 12;
      last = j;
      continue;
    }
    const scale = SCALES.has(w) ? lex.numberWords.get(w)! : null;
    if (scale !== null && (seen || current === 1)) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
      last = j;
      continue;
    }
    // "one hundred and fifty": "and" only inside a number
    if (w === 'and' && seen && current >= 100 && unitWordValue(lower(tokens[j + 1]), lex) !== null) continue;
    break;
  }
  if (!seen || last < 0) return null;
  return { first: i, last, value: exactly(total + current), vague: null };
}

/**
 * A vague amount at token i: "dozens", "hundreds of thousands", "several hundred", "tens of thousands".
 * A vague word before a scale word multiplies it; the high end fills the scale ("tens of thousands"
 * -> 10,000..99,999).
 */
function vagueAt(tokens: readonly Token[], i: number, lex: FigureLexicon): NumberMatch | null {
  const m = lex.vague.matchAt(tokens, i);
  if (!m) return null;
  let { low, best, high } = m.value;
  let last = m.last;
  // "tens of thousands", "hundreds of thousands", "several hundred", "a few thousand"
  let k = last + 1;
  if (lower(tokens[k]) === 'of' && m.phrase.split(' ').pop() !== 'of') k++;
  const scaleWord = lower(tokens[k]);
  const scale = tokens[k] ? scaleOf(scaleWord, lex) : null;
  const bareScale = !m.phrase.endsWith(' of');
  if (scale && bareScale && (scaleWord.endsWith('s') || k === last + 1)) {
    low *= scale;
    best *= scale;
    high = high === null ? null : (high + 1) * scale - 1;
    last = k;
  } else if (m.phrase.endsWith(' of')) {
    last = m.last - 1; // the "of" belongs to the noun phrase
  }
  return { first: i, last, value: { low, best, high }, vague: tokens.slice(i, last + 1).map((t) => t.text).join(' ') };
}

/** The number starting at token i, if any (digits, words or a vague amount). */
export function numberAt(tokens: readonly Token[], i: number, lex: FigureLexicon): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'number') return digitsAt(tokens, i, lex);
  if (t.kind !== 'word') return null;
  return vagueAt(tokens, i, lex) ?? wordsAt(tokens, i, lex);
}
