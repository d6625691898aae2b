import type { TimeLexicon } from './lexicon.js';

/**
 * The value of a number written in digits ("24", "1,500", "2.5") or words ("twenty-four",
 * "one hundred and fifty", "a", "a dozen"); null when the words do not make a number.
 */
export function parseNumber(s: string, lex: TimeLexicon): number | null {
  const t = s.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const frac = /^(\d+)\s*(?:1\/2|\u00bd)$/.exec(t);
  if (frac) return Number(frac[1]) + 0.5;
  if (t === 'a' || t === 'an' || t === 'one') return 1;
  const words = t.split(/[\s-]+/).filter((w) => w !== 'and');
  let total = 0, current = 0, seen = false;
  for (const w of words) {
    if (w === 'a' || w === 'an') {
      if (seen) return null;
      current = 1;
      seen = true;
      continue;
    }
    const v = lex.numbers.get(w);
    if (v === undefined) return null;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (v === 12 && w === 'dozen') current = (current || 1) * 12;
    else current += v;
    seen = true;
  }
  return seen ? total + current : null;
}

/** The value of an ordinal: "3rd", "third", "twenty-first". */
export function parseOrdinal(s: string, lex: TimeLexicon): number | null {
  const t = s.trim().toLowerCase();
  const d = /^(\d+)(?:st|nd|rd|th)?$/.exec(t);
  if (d) return Number(d[1]);
  const parts = t.split('-');
  const last = lex.ordinals.get(parts[parts.length - 1]!);
  if (last === undefined) return null;
  if (parts.length === 1) return last;
  const tens = lex.numbers.get(parts[0]!);
  return tens !== undefined && tens >= 20 && tens % 10 === 0 && last < 10 ? tens + last : null;
}
