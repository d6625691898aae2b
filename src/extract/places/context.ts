/**
 * What the words around a place name say about it: a region word ("Aleppo province", "the state of
 * Texas"), a town word ("the city of Aleppo"), a part ("eastern Aleppo", "parts of Aleppo", "Aleppo's
 * old city"), a containing place ("Paris, Texas", "Gainesville, Ga."), and for a demonym whether it names
 * a place ("the Syrian capital") or only modifies ("Syrian forces").
 */
import type { Token } from '../../segment/types.js';
import type { Analysis } from '../analysis.js';
import type { Candidate } from './detect.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceLexicon } from './lexicon.js';

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase().replace(/\.$/, '') : '');
const POSSESSIVE = /['\u2019]s?$/u;

/** Fills the cue fields of each candidate; may add candidates for state abbreviations ("Ga."). */
export function readContext(a: Analysis, g: Gazetteer, lex: PlaceLexicon, cands: Candidate[]): Candidate[] {
  const tokens = a.seg.tokens;
  const byFirst = new Map<number, number>();
  cands.forEach((c, k) => byFirst.set(c.first, k));
  const added: Candidate[] = [];
  const dropped = new Set<Candidate>();
  const lists = listNeighbours(a, cands);
  for (const c of cands) {
    const next = tokens[c.last + 1], next2 = tokens[c.last + 2];
    const prev = tokens[c.first - 1], prev2 = tokens[c.first - 2];
    const sameToken = c.start > tokens[c.first]!.start || c.end < tokens[c.last]!.end - 2;

    if (c.demonymOf >= 0) {
      const u = demonymUsage(tokens, c, lex, g);
      if (u === 'drop') dropped.add(c);
      else c.usage = u;
      continue;
    }
    if (sameToken) continue;
    // "Marburg virus", "the Paris agreement": part of the name of something else.
    const head = next?.kind === 'word' && !/^\p{Lu}/u.test(next.text) ? lex.nameHeads.get(next.text.toLowerCase()) : undefined;
    if (head === 'drop' && !c.fromNer) { dropped.add(c); continue; }
    if (head === 'associative') c.usage = 'associative';
    // Region words: "Aleppo province", "the province of Idlib".
    const after = lower(next);
    if (next?.kind === 'word' && lex.regionCues.has(after) && !POSSESSIVE.test(tokens[c.last]!.text)) c.regionCue = lex.regionCues.get(after)!;
    if (lower(prev) === 'of' && lex.regionCues.has(lower(prev2))) c.regionCue = lex.regionCues.get(lower(prev2))!;
    // Town words: "Aleppo city", "the city of Aleppo", "the capital Kiev" / "the capital, Kiev".
    if (next?.kind === 'word' && lex.cityCues.has(after) && !/^\p{Lu}/u.test(next.text)) c.cityCue = true;
    if (lower(prev) === 'of' && lex.cityCues.has(lower(prev2))) c.cityCue = true;
    if (lower(prev) === 'capital' || (prev?.text === ',' && lower(prev2) === 'capital')) c.cityCue = true;
    // Parts: "eastern Aleppo", "rebel-held eastern Aleppo".
    const pw = lower(prev);
    if (prev && lex.parts.has(pw) && prev.kind === 'word') c.part = lex.parts.get(pw)!;
    // "eastern parts of Aleppo", "a rebel-controlled neighbourhood of Aleppo".
    if (pw === 'of') partOf(tokens, c, lex);
    // "Aleppo's old city", "Aleppo's eastern districts".
    const possessive = /^['\u2019]s?$/u.test(next?.text ?? '') ? c.last + 2 : POSSESSIVE.test(tokens[c.last]!.text) ? c.last + 1 : -1;
    if (possessive > 0) {
      const k = possessive;
      const whole = lex.partNouns.matchAt(tokens, k);
      const dir = !whole && lex.parts.has(lower(tokens[k])) && tokens[k]!.kind === 'word' ? lex.parts.get(lower(tokens[k]))! : null;
      const m = whole ?? (dir ? lex.partNouns.matchAt(tokens, k + 1) : null);
      if (m) { c.part = dir ?? m.phrase.toLowerCase(); if (m.value) c.cityCue = true; }
    }
    // Containment: "Paris, Texas", "Paris, France", "Gainesville, Ga.".
    if (next?.text === ',' && next2) {
      const k = byFirst.get(c.last + 2);
      const inner = k === undefined ? undefined : cands[k];
      const ab = abbreviationAt(a.text, next2.start, lex);
      if (ab && (!inner || inner.end <= next2.start + ab.text.length)) {
        c.within = [ab.code];
        const entry = admin1Of(g, ab.code);
        if (entry < 0) continue;
        const span = { start: next2.start, end: next2.start + ab.text.length };
        if (inner) Object.assign(inner, span, { hits: [{ entry, flag: 0 }], key: ab.text.toLowerCase(), demonymOf: -1 });
        else {
          added.push({
            ...span, first: c.last + 2, last: lastTokenBefore(tokens, c.last + 2, span.end), key: ab.text.toLowerCase(),
            hits: [{ entry, flag: 0 }], demonymOf: -1, demonymPlural: false, usage: 'literal', fromNer: false, inTitle: false,
            regionCue: 0, cityCue: false, part: null, within: null,
          });
        }
      } else if (inner && inner.demonymOf < 0 && inner.hits.length && !inList(lists, cands.indexOf(c), k!)) {
        const codes = inner.hits.filter((h) => h.flag !== 2 && ['country', 'admin1'].includes(g.level(h.entry))).map((h) => code(g, h.entry));
        if (codes.length) c.within = codes;
        // ... and the second name is the region ("Seattle, Washington", "Buffalo, New York"), unless a country
        const levels = inner.hits.filter((h) => h.flag === 0).map((h) => g.level(h.entry));
        if (levels.includes('admin1') && !levels.includes('country') && !inner.regionCue && !inner.cityCue) inner.regionCue = 1;
      }
    }
  }
  const kept = cands.filter((c) => !dropped.has(c));
  return added.length ? [...kept, ...added].sort((x, y) => x.start - y.start) : kept;
}

function partOf(tokens: Token[], c: Candidate, lex: PlaceLexicon): void {
  // The part noun ends right before "of"; it may be one or two words ("old city").
  for (const len of [2, 1]) {
    const k = c.first - 1 - len;
    if (k < 0) continue;
    const m = lex.partNouns.matchAt(tokens, k);
    if (!m || m.last !== c.first - 2) continue;
    const before = tokens[k - 1];
    const dir = before && before.kind === 'word' && lex.parts.has(lower(before)) ? lex.parts.get(lower(before))! : null;
    c.part = dir ?? m.phrase.toLowerCase();
    if (m.value) c.cityCue = true;
    return;
  }
}

/**
 * How a demonym is used: a place when its head noun is a place noun ("the Syrian capital", "Syrian
 * territory", "the Syrian-Turkish border"), associative before any other noun or a title ("Syrian
 * forces", "Russian President"), and no place at all as a noun or a language ("an American was
 * hurt", "in English", "French speakers").
 */
function demonymUsage(tokens: Token[], c: Candidate, lex: PlaceLexicon, g: Gazetteer): 'literal' | 'associative' | 'drop' {
  // "the Palestinians", "many Russians": the people stand for their place.
  if (c.demonymPlural) return 'associative';
  let k = c.last + 1;
  const sameToken = c.end < tokens[c.last]!.end;
  if (sameToken) {
    // "Russian-backed", "English-language": the rest of the word decides.
    const rest = tokens[c.last]!.text.slice(c.end - tokens[c.last]!.start).replace(/^-/, '').split('-')[0]!.toLowerCase();
    if (lex.languageHeads.has(rest)) return 'drop';
    if (/^\p{Lu}/u.test(rest) || !rest) { /* "Israeli-Palestinian": look at the noun after the word */ }
    else return 'associative';
  }
  // "the Syrian-Turkish border", "Syrian and Iraqi territory": skip coordinated demonyms.
  for (let n = 0; n < 4 && k < tokens.length; n++) {
    const t = tokens[k]!;
    const w = lower(t);
    if (w === 'and' || w === ',' || w === '-' || w === 'or') { k++; continue; }
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text) && g.demonym(w) >= 0) { k++; continue; }
    break;
  }
  const head = tokens[k];
  if (!head || head.kind !== 'word' || tokens[k - 1]!.sentence !== head.sentence) return 'drop';
  const w = head.text.toLowerCase();
  if (/^\p{Lu}/u.test(head.text)) return 'associative';
  if (lex.languageHeads.has(w) || lex.demonymNounCues.has(w)) return 'drop';
  return lex.literalHeads.matchAt(tokens, k) ? 'literal' : 'associative';
}

function code(g: Gazetteer, entry: number): string {
  return g.level(entry) === 'admin1' ? `${g.cc(entry)}.${g.a1(entry)}` : g.cc(entry);
}

function admin1Of(g: Gazetteer, c: string): number {
  const [cc, a1] = c.split('.');
  return g.admin1ByCode(cc!, a1!);
}

function abbreviationAt(text: string, pos: number, lex: PlaceLexicon): { text: string; code: string } | null {
  let best: { text: string; code: string } | null = null;
  for (const [ab, c] of lex.stateAbbreviations) {
    if (text.startsWith(ab, pos) && !/\p{L}/u.test(text[pos + ab.length] ?? '') && (!best || ab.length > best.text.length)) best = { text: ab, code: c };
  }
  return best;
}

function lastTokenBefore(tokens: Token[], from: number, end: number): number {
  let k = from;
  while (k + 1 < tokens.length && tokens[k + 1]!.end <= end) k++;
  return k;
}

/** Whether "X, Y" (candidates i and j) is part of a longer list ("Michigan, Oregon, New York"), not "Paris, Texas". */
function inList(lists: number[][], i: number, j: number): boolean {
  return lists[i]!.some((n) => n < i) || lists[j]!.some((n) => n > j);
}

/**
 * The list neighbours of each candidate: the names before and after it joined by a comma, "and" or
 * "or" ("Missouri, New Jersey, New York and Ohio"), as indices into `cands`.
 */
export function listNeighbours(a: Analysis, cands: readonly Candidate[]): number[][] {
  const joined = (x: Candidate, y: Candidate) => /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/u.test(a.text.slice(x.end, y.start));
  return cands.map((c, k) => {
    const out: number[] = [];
    if (k > 0 && joined(cands[k - 1]!, c)) out.push(k - 1);
    if (k + 1 < cands.length && joined(c, cands[k + 1]!)) out.push(k + 1);
    return out;
  });
}
