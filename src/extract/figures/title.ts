import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Segmented } from '../../segment/types.js';
import { segment } from '../../segment/index.js';

const cache = new WeakMap<Analysis, Segmented | null>();

/**
 * The article's headline, segmented like the body (it is not part of the text, so nothing found in it
 * has a span; the toll and the main event still read it). Segmented once per analysis.
 */
export function titleSegment(a: Analysis, res: Resources): Segmented | null {
  let seg = cache.get(a);
  if (seg === undefined) {
    seg = a.title ? segment(a.title, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') }) : null;
    cache.set(a, seg);
  }
  return seg;
}
