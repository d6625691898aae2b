/**
 * Training material for the name tagger: gold documents from ../shared/eval, segmented with the
 * project's own segmenter, and their entity spans turned into BILOU labels under one convention
 * (CoNLL-style names: no titles, no determiners, no descriptive phrases; countries are places and
 * peoples MISC even where another corpus calls them organisations). Where a corpus marks a
 * longer phrase whose CoNLL-style analysis is unknown ("Foreign Minister X" minus its title, "Airbus
 * parent EADS"), those tokens are left unlabeled (any label allowed) instead of being taught as O.
 */
import { readFileSync } from 'node:fs';
import { segment } from '../../src/segment/index.js';
import type { Resources } from '../../src/resources/resources.js';
import { nerDoc, type NerDoc } from '../../src/extract/entities/doc.js';
import { labelOf, TYPES } from '../../src/extract/entities/labels.js';

export interface GoldEntity { start: number; end: number; type: string; text?: string }
export interface GoldDoc { id: string; text: string; gold?: { entities?: GoldEntity[] } }

export interface TrainDoc {
  id: string;
  doc: NerDoc;
  /** label per token, -1 where unknown */
  gold: Int32Array;
}

export type Convention = 'conll' | 're3d' | 'meantime';

export function readJsonl(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'do', 'y', 'the', "'s", 'on', 'in', 'at', 'to', 'upon']);

/** Tokens whose text is exactly [start, end): first and last token index, or null. */
function tokenRange(doc: NerDoc, start: number, end: number): [number, number] | null {
  const toks = doc.tokens;
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= toks.length || toks[lo]!.start !== start) return null;
  let j = lo;
  while (j < toks.length && toks[j]!.end < end) j++;
  if (j >= toks.length || toks[j]!.end !== end) return null;
  if (toks[j]!.sentence !== toks[lo]!.sentence) return null;
  return [lo, j];
}

/** Tokens overlapping [start, end). */
function tokensTouching(doc: NerDoc, start: number, end: number): number[] {
  const out: number[] = [];
  doc.tokens.forEach((t, i) => { if (t.start < end && start < t.end) out.push(i); });
  return out;
}

interface Cand { first: number; last: number; type: number; ok: boolean }

/** Re-cuts one gold span to the CoNLL convention, or marks it unknown (ok = false). */
function normalizeSpan(doc: NerDoc, first: number, last: number, type: number, conv: Convention, titles: TitleMatcher, lists: ConventionLists): Cand {
  const toks = doc.tokens;
  if (conv === 'conll') return { first, last, type, ok: true };
  // CoNLL tags a country as a place even where it acts ("the UK said"), and peoples as MISC ("Syrians")
  const text = doc.text.slice(toks[first]!.start, toks[last]!.end).toLowerCase();
  if (TYPES[type] === 'ORG' && lists.places.has(text)) type = TYPES.indexOf('LOC');
  else if (TYPES[type] === 'ORG' && lists.peoples.has(text)) type = TYPES.indexOf('MISC');
  if (conv === 'meantime' && TYPES[type] === 'MISC') return { first, last, type, ok: false }; // products, not CoNLL MISC
  while (first < last && DETERMINERS.has(toks[first]!.lower)) first++;
  // descriptive phrases: a lower-case word that is no connector, a comma or a bracket
  const descriptive = (from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      const r = toks[i]!.raw;
      if (r === ',' || r === '(' || r === ')') return true;
      if (/^\p{Ll}/u.test(r) && !CONNECTORS.has(toks[i]!.lower) && !/^(?:al|el|bin|ibn|abu|van|von|de)-/u.test(toks[i]!.lower)) return true;
    }
    return false;
  };
  if (TYPES[type] === 'PER') {
    // "X, Foreign Office Minister ...": keep the name before the comma
    for (let i = first; i <= last; i++) if (toks[i]!.raw === ',') { last = i - 1; break; }
    const t = titles.lastTitleEnd(doc, first, last);
    if (t >= 0) {
      if (t === last) return { first, last, type, ok: false }; // a title alone ("Foreign Secretary")
      if (['of', 'for'].includes(toks[t + 1]!.lower)) return { first, last, type, ok: false };
      // "Mr. Colville": the title's full stop is no part of the name
      let f = t + 1;
      while (f < last && toks[f]!.raw === '.') f++;
      return { first: f, last, type, ok: !descriptive(f, last) };
    }
  }
  return { first, last, type, ok: !descriptive(first, last) };
}

/** Word lists that say how CoNLL would type a span (lower-cased). */
export interface ConventionLists { places: ReadonlySet<string>; peoples: ReadonlySet<string> }

export function conventionLists(res: Resources): ConventionLists {
  const extra = (type: string) => res.list('ner-gaz-extra').filter((l) => l.startsWith(type + '\t')).map((l) => l.slice(type.length + 1).toLowerCase());
  return { places: new Set([...res.set('ner-gaz-loc'), ...extra('LOC')]), peoples: new Set([...res.set('ner-gaz-misc'), ...extra('MISC')]) };
}

/** Finds title phrases ("Foreign Minister", "Lt Gen") in token runs. */
export class TitleMatcher {
  private readonly phrases: string[][];
  constructor(list: readonly string[]) {
    this.phrases = list.map((e) => e.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length);
  }
  /** Index of the last token of the last title phrase inside [first, last], or -1. */
  lastTitleEnd(doc: NerDoc, first: number, last: number): number {
    let best = -1;
    for (let i = first; i <= last; i++) {
      for (const p of this.phrases) {
        if (i + p.length - 1 > last) continue;
        let ok = true;
        for (let k = 0; k < p.length; k++) if (doc.tokens[i + k]!.lower.replace(/\.$/, '') !== p[k]) { ok = false; break; }
        if (ok) { best = Math.max(best, i + p.length - 1); break; }
      }
    }
    return best;
  }
}

/** Segments a gold document and labels its tokens under the CoNLL convention. */
export function trainDoc(g: GoldDoc, res: Resources, conv: Convention, titles: TitleMatcher, lists = conventionLists(res)): { td: TrainDoc; dropped: number } {
  const seg = segment(g.text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
  const doc = nerDoc(seg);
  const n = doc.tokens.length;
  const gold = new Int32Array(n).fill(0);
  const unknown = new Uint8Array(n);
  const cands: Cand[] = [];
  let dropped = 0;
  for (const e of g.gold?.entities ?? []) {
    const type = TYPES.indexOf(e.type as (typeof TYPES)[number]);
    if (type < 0) continue;
    const r = tokenRange(doc, e.start, e.end);
    if (!r) {
      dropped++;
      for (const i of tokensTouching(doc, e.start, e.end)) unknown[i] = 1;
      continue;
    }
    cands.push(normalizeSpan(doc, r[0], r[1], type, conv, titles, lists));
  }
  // unknown phrases first, then kept names, longest first, none overlapping another kept name
  for (const c of cands) if (!c.ok) for (let i = c.first; i <= c.last; i++) unknown[i] = 1;
  const kept: Cand[] = [];
  for (const c of cands.filter((c) => c.ok).sort((a, b) => (b.last - b.first) - (a.last - a.first) || a.first - b.first)) {
    if (kept.some((k) => k.first <= c.last && c.first <= k.last)) continue;
    kept.push(c);
  }
  for (const c of kept) {
    for (let i = c.first; i <= c.last; i++) unknown[i] = 0;
    if (c.first === c.last) gold[c.first] = labelOf(c.type, 'U');
    else {
      gold[c.first] = labelOf(c.type, 'B');
      for (let i = c.first + 1; i < c.last; i++) gold[i] = labelOf(c.type, 'I');
      gold[c.last] = labelOf(c.type, 'L');
    }
  }
  // tokens of a kept name can't be unknown; other unknown tokens get -1
  const inKept = new Uint8Array(n);
  for (const c of kept) for (let i = c.first; i <= c.last; i++) inKept[i] = 1;
  for (let i = 0; i < n; i++) if (unknown[i] && !inKept[i]) gold[i] = -1;
  // re3d and MEANTIME mostly leave nationality words unannotated ("Syrian forces", "Russian-backed"),
  // where CoNLL calls them MISC: leave them unlabeled rather than teach O
  if (conv !== 'conll') {
    for (let i = 0; i < n; i++) {
      const t = doc.tokens[i]!;
      if (gold[i] !== 0 || !/^\p{Lu}/u.test(t.raw)) continue;
      if (lists.peoples.has(t.lower) || lists.peoples.has(t.lower.split('-')[0]!)) gold[i] = -1;
    }
  }
  return { td: { id: g.id, doc, gold }, dropped };
}
