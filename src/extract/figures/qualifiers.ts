import type { Range } from '../../model/span.js';

/**
 * How a qualifier bounds a number n (data/lexicon/figure-qualifiers.txt). sitrep's convention for
 * {low, best, high}: `best` is always the number the text gives (for a vague amount, the smallest it
 * can mean, as ACLED codes "dozens" as the lowest reading); `low`/`high` are the bounds the words
 * support, null where they leave a side open.
 *   exact      "20,000"              {20000, 20000, 20000}
 *   above      "more than 20,000"    {20000, 20000, null}   (the stated number is the floor)
 *   min        "at least 20,000"     {20000, 20000, null}
 *   max        "up to 20,000"        {null, 20000, 20000}
 *   below      "nearly 20,000"       {null, 20000, 20000}
 *   approx     "about 20,000"        {null, 20000, null}    (an estimate: neither side is bounded)
 *   range      "between 20 and 30"   {20, 20, 30}           (best is the lower end, as ACLED does)
 *   vague      "tens of thousands"   {10000, 10000, 99999}  (number-vague.txt)
 * A qualifier on a vague amount keeps the vague bound on its other side: "more than a dozen" ->
 * {12, 12, null}; "up to hundreds" -> {null, 100, 999}.
 */
export type QualifierKind = 'above' | 'min' | 'max' | 'below' | 'approx' | 'exact';

export function applyQualifier(kind: QualifierKind | null, v: Range): Range {
  switch (kind) {
    case 'above':
    case 'min':
      return { low: v.low ?? v.best, best: v.best, high: null };
    case 'max':
    case 'below':
      return { low: null, best: v.best, high: v.high ?? v.best };
    case 'approx':
      return { low: null, best: v.best, high: null };
    default:
      return v;
  }
}

export const exactly = (n: number): Range => ({ low: n, best: n, high: n });
