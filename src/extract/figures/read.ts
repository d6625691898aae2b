import type { Segmented } from '../../segment/types.js';
import type { FigureLexicon } from './lexicon.js';
import { findCounts, type Count, type CountOptions } from './counts.js';
import { categorise, type Categorised } from './categories.js';

/** A figure as read from one sentence, in token terms (before places, times and merging). */
export interface RawFigure extends Count, Categorised {
  sentence: number;
}

const NAME_TOKEN_RE = /^\p{Lu}[\p{L}'\u2019.-]*$/u;

/**
 * Person names the entity stage may not have found yet: two to four capitalised words followed by an
 * age in commas ("Jane Doe, 17, was shot"). Token ranges, inclusive.
 */
export function namesWithAges(seg: Segmented): [number, number][] {
  const out: [number, number][] = [];
  const toks = seg.tokens;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i]!.text !== ',' || toks[i + 1]!.kind !== 'number' || toks[i + 2]!.text !== ',') continue;
    if (!/^\d{1,3}$/.test(toks[i + 1]!.text) || Number(toks[i + 1]!.text) > 110) continue;
    let k = i - 1;
    while (k >= 0 && i - k <= 4 && NAME_TOKEN_RE.test(toks[k]!.text) && toks[k]!.sentence === toks[i]!.sentence) k--;
    if (i - 1 - k >= 2) out.push([k + 1, i - 1]);
  }
  return out;
}

/**
 * Every figure about people in a segmented text: counts found per sentence, each with the category
 * its predicate gives. Counts with no category (a number of people nothing happened to) are dropped,
 * except shares of an earlier figure ("80% of these"), left as 'other' for the caller to resolve.
 */
export function readFigures(seg: Segmented, lex: FigureLexicon, names: readonly [number, number][] = [], opts: CountOptions = {}): RawFigure[] {
  const out: RawFigure[] = [];
  const toks = seg.tokens;
  for (const s of seg.sentences) {
    const counts = findCounts(toks, s.tokenStart, s.tokenEnd, lex, names, opts);
    const ends = new Map(counts.map((c) => [c.first, c.last]));
    for (const c of counts) {
      const cat = categorise(toks, c, s.tokenStart, s.tokenEnd, lex, (i) => ends.has(i), (i) => ends.get(i) ?? -1);
      if (cat) out.push({ ...c, ...cat, sentence: s.index });
      // "more than 80% of these": a share of the figure before, which gives it its category
      else if (c.anaphoric && c.unit === 'percent') out.push({ ...c, category: 'other', trigger: null, direct: false, sentence: s.index });
    }
  }
  return out;
}
