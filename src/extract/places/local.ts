/**
 * Local features: streets, buildings and sites ("Royal Street", "Barclays Center", "Holy Redeemer
 * Church"), and names the recogniser calls places that no gazetteer of towns holds ("Anfield",
 * "Faubourg Marigny"). No shipped gazetteer can list them, but the article says where they are: right
 * after the name ("Royal Street in New Orleans"), in the same sentence, or the town it is reporting
 * from. Such a feature takes that town's point, and `within` says so. (A town that opens the name,
 * "Aleppo University", stays the place itself.)
 */
import type { Token } from '../../segment/types.js';
import type { Analysis } from '../analysis.js';
import { isTitleCase, type Candidate } from './detect.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceLexicon } from './lexicon.js';
import type { Resolution } from './resolve.js';
import { normName } from './normalize.js';

const CONNECTORS = new Set(['of', 'the', 'de', 'del', 'du', 'la', 'le', '&']);
const LOCATIVE = new Set(['at', 'in', 'inside', 'outside', 'near', 'on', 'to', 'from', 'into', 'toward', 'towards', 'behind', 'across', 'along', 'off']);
/** place levels precise enough to stand for a street or building */
const TOWN_LEVELS = new Set(['city', 'admin2', 'landmark']);
const MAX_TOKENS = 8;
const STREETS = new Set(['STRT', 'RD', 'SQR']);

const isCapWord = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
const headWord = (t: Token) => t.text.toLowerCase().replace(/['\u2019]s$/u, '').replace(/\.$/, '');

function sentenceFirst(tokens: Token[], from: number): number {
  let i = from;
  while (tokens[i] && tokens[i]!.kind !== 'word') i++;
  return i;
}

/**
 * Runs of capitalised words (with "of", "the", "&" between them, and a house number before) that end
 * in a head word ("Third Street", "2700 North Fourth Street") or open with one followed by "of"
 * ("University of Perpetual Help"), as [first, last, feature code].
 */
function featureRuns(a: Analysis, lex: PlaceLexicon): [number, number, string][] {
  const tokens = a.seg.tokens;
  const out: [number, number, string][] = [];
  for (const s of a.seg.sentences) {
    if (isTitleCase(tokens, s.tokenStart, s.tokenEnd)) continue;
    const opening = sentenceFirst(tokens, s.tokenStart);
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!isCapWord(tokens[i]) && !(/^\d+$/.test(tokens[i]!.text) && isCapWord(tokens[i + 1]))) { i++; continue; }
      let j = i;
      while (j + 1 < s.tokenEnd && j - i < MAX_TOKENS) {
        const n = tokens[j + 1]!;
        if (isCapWord(n) && n.spaceBefore) { j++; continue; }
        // "Church of the Holy Sepulchre": a connector between capitalised words
        if (CONNECTORS.has(n.text) && (isCapWord(tokens[j + 2]) || (CONNECTORS.has(tokens[j + 2]?.text ?? '') && isCapWord(tokens[j + 3])))) { j += 1; continue; }
        // "Main St.": the abbreviation's dot
        if (n.text === '.' && !n.spaceBefore && lex.localHeads.has(headWord(tokens[j]!)) && tokens[j]!.text.length <= 4) { j++; break; }
        break;
      }
      let last = j;
      if (tokens[last]!.text === '.') last--;
      while (last > i && CONNECTORS.has(tokens[last]!.text)) last--;
      let first = i;
      // "The Barclays Center", and a sentence-initial word that is no name ("Outside Holy Cross Church")
      while (first < last && (CONNECTORS.has(tokens[first]!.text.toLowerCase()) || (first === opening && lex.stopWords.has(tokens[first]!.text.toLowerCase())))) first++;
      const endCode = lex.localHeads.get(headWord(tokens[last]!));
      const openCode = tokens[first + 1]?.text === 'of' && first + 1 < last ? lex.localHeads.get(headWord(tokens[first]!)) : undefined;
      // a head needs a name with it: "the Center" or "Street" alone is nothing
      if (endCode && last > first) out.push([first, tokens[j]!.text === '.' ? j : last, endCode]);
      else if (openCode) out.push([first, last, openCode]);
      i = j + 1;
    }
  }
  return out;
}

/** The candidates after local features are added, each with its reading and container. */
export interface Located {
  cands: Candidate[];
  resolved: (Resolution | null)[];
  /** the gazetteer entry whose point a local feature takes, -1 for none (and for every other candidate) */
  within: number[];
}

/**
 * Adds the article's streets and buildings as candidates (with `local` set), replacing the names of
 * other things found inside them ("Douglas" of "Marjory Stoneman Douglas High School"), turns the
 * recogniser's places that no gazetteer holds into local features, and finds each one's container.
 * A name that overlaps a run without lying inside it keeps the run from being a feature.
 */
export function addLocalFeatures(a: Analysis, g: Gazetteer, lex: PlaceLexicon, cands: Candidate[], resolved: (Resolution | null)[]): Located {
  const tokens = a.seg.tokens;
  const drop = new Set<number>();
  const added: Candidate[] = [];
  for (const [first, last, code] of featureRuns(a, lex)) {
    const start = tokens[first]!.start, end = tokens[last]!.end;
    const overlapping = cands.map((c, k) => k).filter((k) => cands[k]!.start < end && start < cands[k]!.end);
    if (overlapping.some((k) => cands[k]!.start < start || cands[k]!.end > end)) continue;
    // the whole run is a place the gazetteer knows ("Trafalgar Square" as a landmark, "Fort Salonga" as a town)
    if (overlapping.some((k) => cands[k]!.start === start && cands[k]!.end === end && resolved[k])) continue;
    if (g.lookupKey(normName(a.text.slice(start, end))).length) continue;
    // A place or demonym that opens the name, or follows "<head> of", is where it is ("Aleppo University",
    // "University of Nebraska", "State Russian Museum"): that name stays the place. One inside a
    // person's or a longer name is not ("Marjory Stoneman Douglas High School", "City Hall").
    // Streets are named after anything ("Bayview Street", "Damascus Road"): any name inside is no place.
    const street = STREETS.has(code);
    if (!street && overlapping.some((k) => cands[k]!.demonymOf >= 0 || (resolved[k] && !lateInName(tokens, lex, first, cands[k]!.first)))) continue;
    for (const k of overlapping) drop.add(k);
    added.push(localCandidate(tokens, first, last, start, end, code, a.text));
  }
  const rows: { c: Candidate; r: Resolution | null }[] = [];
  cands.forEach((c, k) => {
    if (drop.has(k)) return;
    // The recogniser's place names that no gazetteer holds, or whose only known word is a small town
    // inside a longer name ("Brands Hatch", "Glenrock Lagoon"): located by the article too.
    const u = unknownName(a, g, lex, c, resolved[k] ?? null);
    rows.push(u ? { c: u, r: null } : { c, r: resolved[k] ?? null });
  });
  for (const c of added) rows.push({ c, r: null });
  rows.sort((x, y) => x.c.start - y.c.start);
  const out = { cands: rows.map((x) => x.c), resolved: rows.map((x) => x.r) };
  return { ...out, within: containers(g, a, out.cands, out.resolved) };
}

/**
 * Whether a name at token k, inside a run from token `first`, follows other words of a longer name
 * ("Stoneman Douglas", "City Hall"); not after "of", a number or only parts ("Eastern Kentucky").
 */
function lateInName(tokens: Token[], lex: PlaceLexicon, first: number, k: number): boolean {
  for (let i = k - 1; i >= first; i--) {
    const w = tokens[i]!.text.toLowerCase().replace(/\.$/, '');
    if (w === 'of' || w === 'the' || /^\d/.test(w)) return false;
    if (!lex.parts.has(w) && !(i === first && lex.stopWords.has(w))) return true;
  }
  return false;
}

function afterLocative(tokens: Token[], first: number): boolean {
  let p = first - 1;
  if (/^(?:the|a|an)$/i.test(tokens[p]?.text ?? '')) p--;
  return LOCATIVE.has(tokens[p]?.text.toLowerCase() ?? '');
}

function localCandidate(tokens: Token[], first: number, last: number, start: number, end: number, code: string | null, text: string): Candidate {
  const literal = STREETS.has(code ?? '') || afterLocative(tokens, first);
  return {
    start, end, first, last, key: normName(text.slice(start, end)), hits: [], demonymOf: -1, demonymPlural: false,
    usage: literal ? 'literal' : 'associative', fromNer: false, inTitle: false, regionCue: 0, cityCue: false, part: null, within: null,
    local: code ?? '',
  };
}

/** A recogniser's place name the gazetteer cannot place, as a local feature; else null (keep it). */
function unknownName(a: Analysis, g: Gazetteer, lex: PlaceLexicon, c: Candidate, r: Resolution | null): Candidate | null {
  if (!c.fromNer || c.demonymOf >= 0 || c.local !== undefined || c.regionCue || c.cityCue || c.part || c.within) return null;
  const m = a.mentions.find((x) => x.type === 'LOC' && x.start <= c.start && c.end <= x.end);
  if (!m) return null;
  const tokens = a.seg.tokens;
  let first = c.first, last = c.last;
  while (first > 0 && tokens[first - 1]!.start >= m.start) first--;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= m.end) last++;
  while (first < last && /^the$/i.test(tokens[first]!.text)) first++;
  if (!r) {
    // an acronym the recogniser took for a place ("UN") is no local feature
    if (c.start !== tokens[first]!.start || c.hits.length || /^[\p{Lu}\d.&-]+$/u.test(a.text.slice(c.start, c.end))) return null;
    // an unknown name needs a confident recogniser or a preposition of place ("at Anfield", "on Oahu"):
    // the recogniser also takes unusual given names and products for places ("the deaths of Koi and
    // Chadney", "a Ford Bronco driven by")
    if (m.score < (c.first === c.last ? 0.5 : 0.05) && !afterLocative(tokens, c.first)) return null;
    return localCandidate(tokens, c.first, c.last, c.start, c.end, null, a.text);
  }
  if (first === c.first && last === c.last) return null;
  if (!lateInName(tokens, lex, first, c.first)) return null;
  // the name inside stands when it is a strong place or the other words are parts or cues ("North Texas")
  const others = [...tokens.slice(first, c.first), ...tokens.slice(c.last + 1, last + 1)].filter((t) => t.kind === 'word');
  if (others.some((t) => !isCapWord(t)) || others.every((t) => lex.parts.has(t.text.toLowerCase()) || lex.regionCues.has(t.text.toLowerCase()) || lex.cityCues.has(t.text.toLowerCase()))) return null;
  const lv = g.level(r.entry);
  if (lv !== 'city' || g.population(r.entry) >= 100000) return null;
  const end = tokens[last]!.start + tokens[last]!.text.replace(/['\u2019]s?$/u, '').length;
  return localCandidate(tokens, first, last, tokens[first]!.start, end, null, a.text);
}

const AFTER = new Set([',', 'in', 'at', 'near', 'outside', 'of']);

/**
 * The gazetteer entry whose point each local feature takes, or -1: a town-level place right after the
 * name ("Royal Street in New Orleans", "Anfield, Liverpool"), else the nearest town named in the same
 * sentence, else the town the article names most (a local report is about one town; the nearest
 * earlier mention breaks ties).
 */
function containers(g: Gazetteer, a: Analysis, cands: Candidate[], resolved: (Resolution | null)[]): number[] {
  const tokens = a.seg.tokens;
  const towns: number[] = [];
  cands.forEach((c, k) => { if (c.local === undefined && c.usage === 'literal' && resolved[k] && TOWN_LEVELS.has(g.level(resolved[k]!.entry))) towns.push(k); });
  const entryOf = (t: number) => (t >= 0 ? resolved[t]!.entry : -1);
  const mentions = new Map<number, number>();
  for (const t of towns) mentions.set(entryOf(t), (mentions.get(entryOf(t)) ?? 0) + 1);
  const sentenceOf = (k: number) => tokens[cands[k]!.first]!.sentence;
  return cands.map((c, k) => {
    if (c.local === undefined || !towns.length) return -1;
    const sep = tokens[c.last + 1]?.text.toLowerCase() ?? '';
    const after = AFTER.has(sep) ? towns.find((t) => cands[t]!.first === c.last + 2) : undefined;
    if (after !== undefined) return entryOf(after);
    const same = towns.filter((t) => sentenceOf(t) === sentenceOf(k));
    if (same.length) return entryOf(nearest(cands, same, k));
    const top = Math.max(...towns.map((t) => mentions.get(entryOf(t))!));
    return entryOf(nearest(cands, towns.filter((t) => mentions.get(entryOf(t)) === top), k));
  });
}

/** The closest of `ks` before candidate k, else the first after it (-1 for none). */
function nearest(cands: Candidate[], ks: number[], k: number): number {
  let best = -1;
  for (const t of ks) if (cands[t]!.start < cands[k]!.start) best = t;
  return best >= 0 ? best : ks.find((t) => cands[t]!.start > cands[k]!.start) ?? -1;
}
