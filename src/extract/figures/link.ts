import type { Segmented } from '../../segment/types.js';
import type { Place, TimeRef } from '../../model/index.js';

interface Located {
  start: number;
  end: number;
}

const LOCAL = new Set(['city', 'part-of-city']);

/** Whether place `outer` is `inner` or holds it: same name, its first-level region, or its country. */
export function placeHolds(outer: Place, inner: Place): boolean {
  const name = outer.name.toLowerCase();
  if (name === inner.name.toLowerCase()) return true;
  if (outer.precision === 'region' && inner.admin1 && inner.admin1.toLowerCase() === name) return true;
  return outer.precision === 'country' && !!outer.country && outer.country === inner.country;
}

/** Items sorted by start, for the lookups below. */
const byStart = <T extends Located>(xs: readonly T[]) => [...xs].sort((a, b) => a.start - b.start);

/** The index of the first item starting at or after offset. */
function lowerBound(xs: readonly Located[], offset: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Links figures (and events) to the place and time they are about. A place (literal uses only): the nearest in the figure's own
 * sentence, the one after the figure first ("killed in Aleppo province"); else the last place named
 * before it within the three paragraphs above ("the city" after "Aleppo"). A time: the nearest in the
 * sentence; figures with none stay unanchored (the ledger falls back to the publication date).
 */
export class FigureLinker {
  private readonly places: Place[];
  private readonly times: TimeRef[];

  constructor(private readonly seg: Segmented, places: readonly Place[], times: readonly TimeRef[]) {
    // "Syrian forces" names who acted, not where: only places the text names as places locate things
    this.places = byStart(places.filter((p) => p.usage !== 'associative'));
    this.times = byStart(times);
  }

  private sentenceBounds(offset: number): { start: number; end: number; paragraph: number } | null {
    const ss = this.seg.sentences;
    let lo = 0, hi = ss.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ss[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const s = ss[lo];
    return s ? { start: s.start, end: s.end, paragraph: s.paragraph } : null;
  }

  /** The nearest item inside the sentence of [start, end): after the figure first, then before it. */
  private nearestInSentence<T extends Located>(xs: readonly T[], start: number, end: number): T | null {
    const s = this.sentenceBounds(start);
    if (!s) return null;
    const k = lowerBound(xs, end);
    const after = xs[k] && xs[k]!.start < s.end ? xs[k]! : null;
    let before: T | null = null;
    for (let j = k - 1; j >= 0 && xs[j]!.start >= s.start; j--) {
      if (xs[j]!.end <= start) {
        before = xs[j]!;
        break;
      }
    }
    if (after && before) return after.start - end <= (start - before.end) * 2 ? after : before;
    return after ?? before;
  }

  place(start: number, end: number): Place | null {
    const inSentence = this.nearestInSentence(this.places, start, end);
    if (inSentence) return this.townOf(inSentence);
    const s = this.sentenceBounds(start);
    if (!s) return null;
    // the last place named before, within three paragraphs; a town or a district rather than a country
    // ("the city", "there" refer back to the place the story is in, not to "Syria's largest cities")
    let fallback: Place | null = null;
    for (let k = lowerBound(this.places, start) - 1; k >= 0; k--) {
      const prev = this.places[k]!;
      const ps = this.sentenceBounds(prev.start);
      if (!ps || s.paragraph - ps.paragraph > 3) break;
      if (LOCAL.has(prev.precision)) return prev;
      fallback ??= prev;
    }
    return fallback;
  }

  /** A place named in the sentence of [start, end), if any. */
  placeInSentence(start: number, end: number): Place | null {
    const p = this.nearestInSentence(this.places, start, end);
    return p && this.townOf(p);
  }

  /** "DAYTON, Ohio", "Greer, South Carolina": for the region or country of a "Town, Region" pair, the town. */
  private townOf(p: Place): Place {
    if (LOCAL.has(p.precision)) return p;
    const k = lowerBound(this.places, p.start) - 1;
    const q = k >= 0 ? this.places[k]! : null;
    if (!q || !LOCAL.has(q.precision) || !/^,\s*$/.test(this.seg.text.slice(q.end, p.start))) return p;
    return placeHolds(p, q) ? q : p;
  }

  time(start: number, end: number): TimeRef | null {
    return this.nearestInSentence(this.times, start, end);
  }
}
