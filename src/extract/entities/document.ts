/**
 * Second-stage (document-level) features: what a first tagging pass said about the other occurrences
 * of the same word in the article (Krishnan & Manning 2006; Ratinov & Roth 2009). A later "Mitchell"
 * after "Andrew Mitchell" was the last word of a person; "Pirelli" was tagged an organisation three
 * times elsewhere; the headline's "JAPAN" is "Japan" (a place) in the body.
 */
import { combine, hashString } from '../../util/hash.js';
import { partOf, spansOf, typeOf, TYPES } from './labels.js';
import type { DocFeatures } from './features.js';
import type { NerDoc } from './doc.js';

const T_SELF = hashString('#s1'), T_PREV = hashString('#s1-1'), T_NEXT = hashString('#s1+1');
const T_TYPE = hashString('#docType'), T_MAJ = hashString('#docMaj'), T_POS = hashString('#docPos');
const T_NONE = hashString('#docNone'), T_SPAN = hashString('#docSpan'), T_FIRST = hashString('#docFirst');

const isNameLike = (raw: string) => /^[\p{Lu}\p{N}]/u.test(raw);

/** Per token: hashed features from the first pass's labels over the whole document. */
export function documentFeatures(doc: NerDoc, labels: Int32Array): number[][] {
  const toks = doc.tokens;
  const n = toks.length;
  // per lower-cased word: label parts and types over its occurrences (name-like ones only)
  const occ = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (!isNameLike(toks[i]!.raw) && !doc.sentences[toks[i]!.sentence]!.allCaps) continue;
    const l = occ.get(toks[i]!.lower);
    if (l) l.push(i);
    else occ.set(toks[i]!.lower, [i]);
  }
  // the text of each first-pass name and its types over the document
  const spanTypes = new Map<string, Set<number>>();
  const spanAt = new Int32Array(n).fill(-1);
  const spans = spansOf(labels);
  spans.forEach((s, k) => {
    let key = '';
    for (let i = s.first; i <= s.last; i++) { key += toks[i]!.lower + ' '; spanAt[i] = k; }
    const set = spanTypes.get(key) ?? new Set<number>();
    set.add(s.type);
    spanTypes.set(key, set);
  });
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f: number[] = [];
    const sent = doc.sentences[toks[i]!.sentence]!;
    f.push(combine(T_SELF, labels[i]!));
    f.push(combine(T_PREV, i > sent.first ? labels[i - 1]! : 99));
    f.push(combine(T_NEXT, i + 1 < sent.end ? labels[i + 1]! : 99));
    const others = occ.get(toks[i]!.lower);
    if (others && others.length > 1) {
      const count = [0, 0, 0, 0];
      let none = 0, firstType = -2;
      for (const j of others) {
        if (j === i) continue;
        const lab = labels[j]!;
        if (lab === 0) { none++; if (firstType === -2 && j < i) firstType = -1; continue; }
        const t = typeOf(lab);
        count[t]!++;
        if (firstType === -2 && j < i) firstType = t;
        f.push(combine(T_POS, combine(t, partOf(lab).charCodeAt(0))));
      }
      let maj = -1, best = 0;
      for (let t = 0; t < 4; t++) {
        if (count[t]! > 0) f.push(combine(T_TYPE, combine(t, count[t]! > 1 ? 2 : 1)));
        if (count[t]! > best) { best = count[t]!; maj = t; }
      }
      if (maj >= 0) f.push(combine(T_MAJ, maj));
      if (none > 0) f.push(combine(T_NONE, best > 0 ? 1 : 0));
      if (firstType !== -2) f.push(combine(T_FIRST, firstType + 2));
    }
    const k = spanAt[i]!;
    if (k >= 0) {
      const s = spans[k]!;
      let key = '';
      for (let j = s.first; j <= s.last; j++) key += toks[j]!.lower + ' ';
      for (const t of spanTypes.get(key)!) if (t !== s.type) f.push(combine(T_SPAN, t));
    }
    out[i] = f;
  }
  return out;
}

/** Base features with extra per-token features appended. */
export function appendFeatures(base: DocFeatures, extra: number[][]): DocFeatures {
  const n = base.offsets.length - 1;
  let total = base.feats.length;
  for (const e of extra) total += e.length;
  const feats = new Uint32Array(total);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    feats.set(base.feats.subarray(base.offsets[i]!, base.offsets[i + 1]!), k);
    k += base.offsets[i + 1]! - base.offsets[i]!;
    for (const h of extra[i]!) feats[k++] = h >>> 0;
  }
  offsets[n] = k;
  return { feats, offsets };
}

export { TYPES };
