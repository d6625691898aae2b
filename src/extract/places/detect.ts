/**
 * Finds the place names of an article: the entity recogniser's LOC mentions (and MISC demonyms) when it
 * has run, and gazetteer look-ups on capitalised words as a complement. A gazetteer name is kept only
 * when the run of capitalised words around it is the place itself (or the place plus a title, a region
 * word or another place): "Andrew Mitchell", "Washington Post" and "New York Police Department" are not
 * places; ORG and PER mentions veto what they cover.
 */
import type { Token } from '../../segment/types.js';
import type { Analysis } from '../analysis.js';
import type { Gazetteer, Hit } from './gazetteer.js';
import type { PlaceLexicon } from './lexicon.js';
import { normName } from './normalize.js';

export type Usage = 'literal' | 'associative';

/** A place name found in the text, before resolution. */
export interface Candidate {
  start: number;
  end: number;
  /** token indices of the name */
  first: number;
  last: number;
  key: string;
  hits: Hit[];
  /** the place a demonym names (a gazetteer entry), else -1 */
  demonymOf: number;
  /** a plural demonym, a noun for the people of the place ("Palestinians", "Ohioans") */
  demonymPlural: boolean;
  usage: Usage;
  fromNer: boolean;
  /** the name stands alone in a title-case line (a headline): weaker evidence */
  inTitle: boolean;
  /** "Aleppo province": the admin level the text asks for */
  regionCue: number;
  /** "the city of Aleppo", "Aleppo's old city" */
  cityCue: boolean;
  /** "eastern Aleppo" -> "east" */
  part: string | null;
  /** "Paris, Texas": codes of the country or region the place lies in ("US.TX", "SY"; several while that name is ambiguous) */
  within: string[] | null;
  /** a street, building or site no gazetteer holds (see ./local.ts): its GeoNames feature code, "" when unknown */
  local?: string;
}

const MAX_NAME_TOKENS = 6;
const isWord = (t: Token | undefined) => !!t && t.kind === 'word';
const isCap = (t: Token | undefined) => isWord(t) && /^\p{Lu}/u.test(t!.text);
const hasUpper = (t: Token | undefined) => !!t && /\p{Lu}/u.test(t.text);
const isAllCaps = (s: string) => /^(?:\p{Lu}\.?){2,5}$/u.test(s);
const POSSESSIVE = /['\u2019]s?$/u;

/** The token text without a possessive ending ("Syria's" -> "Syria"). */
function bare(t: Token): string {
  return POSSESSIVE.test(t.text) && t.text.length > 2 ? t.text.replace(POSSESSIVE, '') : t.text;
}

interface Ctx {
  a: Analysis;
  g: Gazetteer;
  lex: PlaceLexicon;
  tokens: Token[];
}

/** Gazetteer hits for tokens first..last, all-caps short forms kept to countries and regions. */
function hitsFor(ctx: Ctx, first: number, last: number): { key: string; hits: Hit[] } {
  const { a, g, tokens } = ctx;
  const lastTok = tokens[last]!;
  const end = lastTok.start + bare(lastTok).length;
  const text = a.text.slice(tokens[first]!.start, end);
  const key = normName(text);
  let hits = g.lookupKey(key);
  if (hits.length && first === last && isAllCaps(text.replace(/\./g, '')) ) {
    hits = hits.filter((h) => { const lv = g.level(h.entry); return lv === 'country' || lv === 'macro' || (lv === 'admin1' && h.flag === 0); });
  }
  return { key, hits };
}

/** The longest gazetteer name starting at token i (within the sentence), or null. */
function longestName(ctx: Ctx, i: number, end: number): { last: number; key: string; hits: Hit[] } | null {
  const { a, g, tokens } = ctx;
  let best: { last: number; key: string; hits: Hit[] } | null = null;
  for (let j = i; j < end && j - i < MAX_NAME_TOKENS; j++) {
    const t = tokens[j]!;
    if (j > i && t.kind === 'punct' && !['.', '-', "'", '\u2019'].includes(t.text)) break;
    if (j > i && POSSESSIVE.test(tokens[j - 1]!.text) && tokens[j - 1]!.text.length > 2) break;
    const text = a.text.slice(tokens[i]!.start, t.end);
    const prefix = normName(text);
    if (isWord(t) && hasUpper(t)) {
      const r = hitsFor(ctx, i, j);
      if (r.hits.length) best = { last: j, ...r };
    }
    if (!g.hasLonger(prefix) && !g.hasLonger(normName(text.replace(POSSESSIVE, '')))) break;
  }
  // "Dublin City Council", "Hanover Town Hall": the town word belongs to the organisation's name
  const { lex } = ctx, after = tokens[(best?.last ?? 0) + 1];
  if (best && best.last > i && lex.cityCues.has(tokens[best.last]!.text.toLowerCase()) && isCap(after)
    && lex.orgHeads.has(after!.text.toLowerCase().replace(/\.$/, ''))) return longestName(ctx, i, best.last) ?? best;
  return best;
}

function firstDemonym(ctx: Ctx, first: number, last: number): { i: number; last: number; key: string; entry: number; plural: boolean } | null {
  for (let i = first; i <= last; i++) {
    const d = demonymAt(ctx, i, last + 1);
    if (d) return { i, ...d };
  }
  return null;
}

/** A demonym at token i ("Syrian", "South Korean", plural "Syrians"), as [last token, place entry]. */
function demonymAt(ctx: Ctx, i: number, end: number): { last: number; key: string; entry: number; plural: boolean } | null {
  const { a, g, tokens } = ctx;
  for (let j = Math.min(end - 1, i + 2); j >= i; j--) {
    if (!isCap(tokens[j])) continue;
    const key = normName(a.text.slice(tokens[i]!.start, tokens[j]!.start + bare(tokens[j]!).length));
    const entry = g.demonym(key);
    if (entry >= 0) return { last: j, key, entry, plural: false };
    // "Palestinians", "Czechs": the people of the place (not for all-caps words or names that are places)
    if (/\p{Ll}s$/u.test(bare(tokens[j]!)) && !g.lookupKey(key).length) {
      const single = g.demonym(key.slice(0, -1));
      if (single >= 0) return { last: j, key: key.slice(0, -1), entry: single, plural: true };
    }
  }
  return null;
}

function blank(first: number, last: number, start: number, end: number, key: string): Candidate {
  return {
    start, end, first, last, key, hits: [], demonymOf: -1, demonymPlural: false, usage: 'literal', fromNer: false, inTitle: false,
    regionCue: 0, cityCue: false, part: null, within: null,
  };
}

/** Whether most longer words of the sentence are capitalised (a headline in title case). */
export function isTitleCase(tokens: Token[], from: number, to: number): boolean {
  let words = 0, caps = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.text.length < 4) continue;
    words++;
    if (/^\p{Lu}/u.test(t.text)) caps++;
  }
  return words >= 3 && caps / words >= 0.75;
}

/** Where a run of capitalised words around tokens first..last begins and ends. */
function capitalRun(tokens: Token[], first: number, last: number, from: number, to: number): [number, number] {
  let l = first, r = last;
  while (l - 1 >= from && isCap(tokens[l - 1]) && tokens[l]!.spaceBefore) l--;
  while (r + 1 < to && isCap(tokens[r + 1]) && tokens[r + 1]!.spaceBefore && !POSSESSIVE.test(tokens[r]!.text)) r++;
  return [l, r];
}

type Verdict = 'keep' | 'drop' | 'person' | 'org';

/**
 * Whether a gazetteer name inside a run of capitalised words is the place: the words before it may be
 * sentence-initial filler, a part ("Eastern"), a title only for strong places; the words after may be a
 * title ("Texas Gov."), a region or city word ("Aleppo Province"); anything else makes the run another
 * name ("Andrew Mitchell", "Washington Post").
 */
function judgeRun(ctx: Ctx, c: { first: number; last: number }, strong: boolean, sentenceFirst: number, to: number): Verdict {
  const { tokens, lex } = ctx;
  const [l, r] = capitalRun(tokens, c.first, c.last, sentenceFirst, to);
  if (r > c.last) {
    const next = tokens[c.last + 1]!.text.toLowerCase().replace(/\.$/, '');
    const ok = lex.titles.has(next) || lex.regionCues.has(next) || lex.cityCues.has(next) || lex.parts.has(next);
    if (!ok) {
      if (lex.orgHeads.has(next) || orgFurther(ctx, c.last + 1, r)) return 'org';
      if (!strong) return 'drop';
    }
  }
  if (l < c.first) {
    const prev = tokens[c.first - 1]!;
    const p = prev.text.toLowerCase().replace(/\.$/, '');
    if (lex.titles.has(p)) return strong ? 'keep' : 'person';
    if (lex.parts.has(p)) return 'keep';
    const initial = c.first - 1 === sentenceFirst || (c.first - 1 > sentenceFirst && !isWord(tokens[c.first - 2]));
    if (initial && lex.stopWords.has(p)) return 'keep';
    // "Missing Ill. man": a sentence-initial word before a region's short form, outside any name the recogniser found.
    if (initial && c.first === l + 1 && isAbbreviation(ctx, c) && !ctx.a.mentions.some((m) => m.start <= prev.start && prev.end <= m.end)) return 'keep';
    if (!strong) return 'person';
  }
  return 'keep';
}

const LOCATIVE = new Set(['in', 'near', 'outside', 'around', 'across', 'into', 'toward', 'towards', 'through']);

/**
 * "found in Glen Allen.", "near Clinton,": a name after a preposition of place, not possessive and
 * not followed by another capitalised word, that the gazetteer has as a town or region.
 */
function afterLocative(ctx: Ctx, c: Candidate): boolean {
  const { tokens, g } = ctx;
  const prev = tokens[c.first - 1], next = tokens[c.last + 1];
  if (!prev || prev.kind !== 'word' || !LOCATIVE.has(prev.text)) return false;
  if (POSSESSIVE.test(tokens[c.last]!.text) || /^['\u2019]/u.test(next?.text ?? '') || isCap(next) && next!.spaceBefore) return false;
  return c.hits.some((h) => h.flag === 0 && ['city', 'admin1', 'admin2', 'country'].includes(g.level(h.entry)));
}

/** A dotted short form of a first-level region or country ("Ill.", "S.C."). */
function isAbbreviation(ctx: Ctx, c: { first: number; last: number }): boolean {
  const { a, tokens, g } = ctx;
  const text = a.text.slice(tokens[c.first]!.start, tokens[c.last]!.end + (tokens[c.last + 1]?.text === '.' && tokens[c.last + 1]!.start === tokens[c.last]!.end ? 1 : 0));
  if (!/\.$/.test(text) || text.length > 6) return false;
  return g.lookupKey(normName(text)).some((h) => { const lv = g.level(h.entry); return lv === 'admin1' || lv === 'country'; });
}

/** Whether a run of capitalised words ends in an organisation word ("Texas Alcoholic Beverage Commission"). */
function orgFurther(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (ctx.lex.orgHeads.has(ctx.tokens[k]!.text.toLowerCase().replace(/\.$/, ''))) return true;
  return false;
}

function bigEnough(g: Gazetteer, e: number, pop: number): boolean {
  const lv = g.level(e);
  return lv === 'country' || lv === 'macro' || lv === 'admin1' || g.population(e) >= pop;
}

/** A dotted state abbreviation starting at token i ("S.C.", "Calif."), as a first-level region candidate. */
function abbreviationCandidate(ctx: Ctx, i: number): Candidate | null {
  const { a, g, lex, tokens } = ctx;
  const t = tokens[i]!;
  let best: [string, string] | null = null;
  for (const [ab, code] of lex.stateAbbreviations) {
    if (ab.includes('.') && a.text.startsWith(ab, t.start) && !/\p{L}/u.test(a.text[t.start + ab.length] ?? '') && (!best || ab.length > best[0].length)) best = [ab, code];
  }
  if (!best) return null;
  const [cc, a1] = best[1].split('.');
  const entry = g.admin1ByCode(cc!, a1!);
  if (entry < 0) return null;
  let last = i;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= t.start + best[0].length) last++;
  const c = blank(i, last, t.start, t.start + best[0].length, best[0].toLowerCase());
  c.hits = [{ entry, flag: 0 }];
  return c;
}

/** "Greer, South Carolina": a name followed by a comma and a country or first-level region. */
function containedIn(ctx: Ctx, c: Candidate): boolean {
  const { tokens, g, lex, a } = ctx;
  if (tokens[c.last + 1]?.text !== ',' || !tokens[c.last + 2]) return false;
  const next = tokens[c.last + 2]!;
  for (const [ab] of lex.stateAbbreviations) if (ab.includes('.') && a.text.startsWith(ab, next.start)) return true;
  for (let j = c.last + 2; j < Math.min(tokens.length, c.last + 5); j++) {
    const hits = g.lookupKey(normName(a.text.slice(next.start, tokens[j]!.end)));
    if (hits.some((h) => h.flag === 0 && (g.level(h.entry) === 'admin1' || g.level(h.entry) === 'country'))) return true;
  }
  return false;
}

/** "Rockingham, Northamptonshire": a first- or second-level region right after a capitalised name and a comma. */
function regionAfterTown(ctx: Ctx, c: Candidate): boolean {
  const { tokens, g } = ctx;
  if (tokens[c.first - 1]?.text !== ',' || !isCap(tokens[c.first - 2])) return false;
  return c.hits.some((h) => h.flag === 0 && (g.level(h.entry) === 'admin1' || g.level(h.entry) === 'admin2'));
}

/** A name the gazetteer knows well enough to overrule the recogniser's PER or ORG label. */
function isNotable(g: Gazetteer, c: Candidate): boolean {
  if (c.demonymOf >= 0) return true;
  const h = c.hits[0];
  if (!h || h.flag !== 0) return false;
  const lv = g.level(h.entry);
  if (lv === 'country' || lv === 'macro' || lv === 'landmark' || lv === 'admin1') return true;
  if (lv === 'admin2') return c.first < c.last;
  return lv === 'city' && c.hits.some((x) => x.flag === 0 && g.level(x.entry) === 'city' && g.population(x.entry) >= 100000);
}

function isStrong(g: Gazetteer, hits: Hit[]): boolean {
  const lv = g.level(hits[0]!.entry);
  return hits[0]!.flag === 0 && (lv === 'country' || lv === 'macro');
}

/** The candidates of one article, non-overlapping, in text order. */
export function detectPlaces(a: Analysis, g: Gazetteer, lex: PlaceLexicon): Candidate[] {
  const tokens = a.seg.tokens;
  const ctx: Ctx = { a, g, lex, tokens };
  const out: Candidate[] = [];
  const taken = new Uint8Array(tokens.length);
  // Words of the article's multi-word person names ("Andrew Mitchell"): a lone "Mitchell" is the person.
  const persons = new Set<string>();
  for (const m of a.mentions) if (m.type === 'PER') {
    const ws = m.text.split(/\s+/);
    // "After Paris" (a sentence-initial word the recogniser took in), "Harare Mayor" (a title after a
    // town): the words that are left must still make a two-word name
    while (ws.length && lex.stopWords.has(ws[0]!.toLowerCase())) ws.shift();
    while (ws.length && lex.titles.has(ws[ws.length - 1]!.toLowerCase().replace(/\.$/, ''))) ws.pop();
    if (ws.length > 1) for (const w of ws) persons.add(normName(w.replace(POSSESSIVE, '')));
  }
  /**
   * A PER mention covering more than the name makes it part of a person's name ("Dan Rivers"): no
   * place. An ORG mention covering more makes it part of an organisation's name ("Texas Department of
   * Health"): an associative place. A PER or ORG mention that is exactly the name is taken for a place
   * when the gazetteer knows it as a notable one and the article uses no person of that name (the
   * recogniser mistakes "Hanoi" or "Cork" for people; "the UK can do more" is the country).
   */
  const judgeMentions = (c: Candidate): 'keep' | 'exact' | 'org' | 'drop' => {
    let v: 'keep' | 'exact' | 'org' | 'drop' = 'keep';
    for (const m of a.mentions) {
      if ((m.type !== 'ORG' && m.type !== 'PER') || m.end <= c.start || c.end <= m.start) continue;
      const exact = m.start === c.start && (m.end === c.end || /^['\u2019]s?$/u.test(a.text.slice(c.end, m.end)));
      if (exact) {
        // "Paris, Texas" and "Rockingham, Northamptonshire": either side of a town-and-region pair
        if (containedIn(ctx, c) || regionAfterTown(ctx, c)) return 'exact';
        if (m.type === 'PER' && (persons.has(c.key) || !isNotable(g, c)) && !afterLocative(ctx, c)) return 'drop';
        if (m.type === 'ORG' && !isNotable(g, c) && !c.hits.some((h) => h.flag === 0 && g.population(h.entry) >= 5000)) return 'drop';
        v = 'exact';
      } else if (m.start >= c.start && m.end <= c.end) continue; // a mention inside the name ("Côte" of "Côte d'Ivoire")
      else if (m.type === 'PER') return 'drop';
      else v = 'org';
    }
    return v;
  };
  const vetoedByPerson = (c: Candidate) => judgeMentions(c) === 'drop';

  // 0. Party and home town after a US politician's name: "Rep. Ann Roe, D-Elbow Lake,", "(R-Calif.)".
  for (const c of partyAffiliations(ctx)) { out.push(c); mark(taken, c.first, c.last); }
  // "XENIA — The girlfriend of ...": a dateline.
  for (const c of datelines(ctx)) if (![...range(c.first, c.last)].some((k) => taken[k])) { out.push(c); mark(taken, c.first, c.last); }
  // "Cooke, Grayson and Love counties": each name of the list is a county.
  for (const c of countyLists(ctx)) if (![...range(c.first, c.last)].some((k) => taken[k])) { out.push(c); mark(taken, c.first, c.last); }

  // 1. The recogniser's places and demonyms.
  for (const m of a.mentions) {
    if (m.type !== 'LOC' && m.type !== 'MISC') continue;
    const ts = tokenRange(tokens, m.start, m.end);
    if (!ts || [...range(ts[0], ts[1])].some((k) => taken[k])) continue;
    let [first, last] = ts;
    if (m.type === 'MISC') {
      // "Korean Peninsula", "Arab world": a demonym the recogniser cut off a longer region's name
      const longer = longestName(ctx, first, Math.min(tokens.length, last + MAX_NAME_TOKENS));
      if (longer && longer.last > last && longer.hits.some((h) => h.flag === 0 && ['macro', 'landmark', 'country', 'admin1'].includes(g.level(h.entry)))
        && ![...range(last + 1, longer.last)].some((k) => taken[k])) {
        const c = blank(first, longer.last, tokens[first]!.start, tokens[longer.last]!.start + bare(tokens[longer.last]!).length, longer.key);
        c.hits = longer.hits; c.fromNer = true;
        out.push(c); mark(taken, first, longer.last);
        continue;
      }
      const d = demonymAt(ctx, first, last + 1);
      if (!d) {
        const subs = first === last ? subTokenCandidates(ctx, first, true) : [];
        if (subs.length) { out.push(...subs); mark(taken, first, last); }
        continue;
      }
      const c = blank(first, d.last, tokens[first]!.start, tokens[first]!.start + a.text.slice(tokens[first]!.start, tokens[d.last]!.end).replace(POSSESSIVE, '').length, d.key);
      c.demonymOf = d.entry; c.demonymPlural = d.plural; c.fromNer = true;
      out.push(c); mark(taken, first, d.last);
      continue;
    }
    while (first < last && /^the$/i.test(tokens[first]!.text)) first++;
    // The longest name inside the span ("North Texas" -> "Texas", "New South Wales" whole); a lone
    // part or common word ("North") does not count.
    let bestName: { i: number; last: number; key: string; hits: Hit[] } | null = null;
    for (let i = first; i <= last; i++) {
      const n = longestName(ctx, i, last + 1);
      if (!n || (n.last === i && (lex.parts.has(n.key) || lex.stopWords.has(n.key)))) continue;
      if (!bestName || n.last - i > bestName.last - bestName.i) bestName = { i, ...n };
    }
    const d = bestName ? null : firstDemonym(ctx, first, last);
    if (bestName) {
      const c = blank(bestName.i, bestName.last, tokens[bestName.i]!.start, tokens[bestName.last]!.start + bare(tokens[bestName.last]!).length, bestName.key);
      c.hits = bestName.hits; c.fromNer = true;
      out.push(c);
    } else if (d) {
      const c = blank(d.i, d.last, tokens[d.i]!.start, tokens[d.last]!.start + bare(tokens[d.last]!).length, d.key);
      c.demonymOf = d.entry; c.demonymPlural = d.plural; c.fromNer = true;
      out.push(c);
    } else {
      const subs = first === last ? subTokenCandidates(ctx, first, true) : [];
      const ab = subs.length ? null : abbreviationCandidate(ctx, first);
      if (subs.length) out.push(...subs);
      else if (ab) { ab.fromNer = true; out.push(ab); }
      else {
        const c = blank(first, last, tokens[first]!.start, tokens[last]!.start + bare(tokens[last]!).length, normName(a.text.slice(tokens[first]!.start, tokens[last]!.end)));
        c.fromNer = true;
        out.push(c);
      }
    }
    mark(taken, ts[0], ts[1]);
  }

  // 2. Gazetteer names and demonyms on capitalised words.
  for (const s of a.seg.sentences) {
    const from = s.tokenStart, to = s.tokenEnd;
    const title = isTitleCase(tokens, from, to);
    let sentenceFirst = from;
    while (sentenceFirst < to && !isWord(tokens[sentenceFirst])) sentenceFirst++;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (taken[i] || !isWord(t) || !hasUpper(t) || !/^\p{Lu}/u.test(t.text)) continue;
      const n = longestName(ctx, i, to);
      const d = demonymAt(ctx, i, to);
      let c: Candidate | null = null;
      const prevWord = tokens[i - 1]?.text.toLowerCase() ?? '';
      const ab = !n && !d ? abbreviationCandidate(ctx, i) : null;
      // "in Ga.", "S.C. Highway Patrol", "Missing Ill. man": a dotted abbreviation after a place word,
      // with an inner dot, or before a lower-case word.
      if (ab && !(/^(?:,|in|of|from|near|outside|across)$/.test(prevWord) || /\.\p{L}/u.test(a.text.slice(ab.start, ab.end))
        || /^\p{Ll}/u.test(tokens[ab.last + 1]?.text ?? ''))) { i = ab.last; continue; }
      if (ab) { ab.fromNer = true; out.push(ab); mark(taken, ab.first, ab.last); i = ab.last; continue; }
      // A demonym wins over a small town of the same name ("English", Indiana).
      if (n && (!d || n.last > d.last || (n.last === d.last && isStrong(g, n.hits)))) {
        c = blank(i, n.last, t.start, tokens[n.last]!.start + bare(tokens[n.last]!).length, n.key);
        c.hits = n.hits;
      } else if (d) {
        c = blank(i, d.last, t.start, tokens[d.last]!.start + bare(tokens[d.last]!).length, d.key);
        c.demonymOf = d.entry; c.demonymPlural = d.plural;
      } else if (t.text.includes('-')) {
        for (const sc of subTokenCandidates(ctx, i, false)) if (!vetoedByPerson(sc)) out.push(sc);
        taken[i] = 1;
        continue;
      }
      if (!c) continue;
      if ([...range(c.first, c.last)].some((k) => taken[k])) continue;
      const single = c.first === c.last;
      if (single && (lex.stopWords.has(c.key) || lex.titles.has(c.key))) continue;
      const strong = c.demonymOf >= 0 || isStrong(g, c.hits);
      // The recogniser's PER and ORG mentions over the name: see judgeMentions.
      const verdict = judgeMentions(c);
      if (verdict === 'drop') { i = c.last; continue; }
      if (verdict === 'org') c.usage = 'associative';
      if (single && i === sentenceFirst && c.demonymOf < 0 && c.hits.every((h) => h.flag !== 0)) continue;
      // A lone word that is only another language's name for a place ("Hamas" is Hamm in Lithuanian)
      // must name a big one.
      if (!c.hits.some((h) => h.flag !== 1) && c.demonymOf < 0 && !c.hits.some((h) => bigEnough(g, h.entry, single ? 500000 : 20000))) continue;
      // (a "Town, Region" pair stands even in a title-case line: "Donington Park, Leicestershire")
      if (title && !regionAfterTown(ctx, c) && !containedIn(ctx, c)) {
        c.inTitle = true;
      } else if (verdict === 'keep') {
        // (a name the recogniser delimited, alone or inside an organisation's name, needs no judging of its neighbours)
        const v = judgeRun(ctx, c, strong, sentenceFirst, to);
        if (v === 'person') persons.add(c.key);
        if (v === 'org') c.usage = 'associative';
        else if (v !== 'keep') { i = c.last; continue; }
      }
      out.push(c);
      mark(taken, c.first, c.last);
      i = c.last;
    }
  }
  // A name once used as a person's ("Andrew Mitchell") is a person's elsewhere too ("Mitchell said").
  return out
    .filter((c) => c.fromNer || c.demonymOf >= 0 || !persons.has(c.key) || isStrong(g, c.hits) || afterLocative(ctx, c))
    .sort((x, y) => x.start - y.start);
}

const DASH = /^(?:-|--|\u2013|\u2014)$/;
const isUpperWord = (t: Token | undefined) => isWord(t) && /^[\p{Lu}.'\u2019-]{2,}$/u.test(t!.text) && /\p{Lu}{2}/u.test(t!.text);

/**
 * A dateline: a sentence opening with a town in capitals, then a dash, or a comma, its state or
 * country and a dash ("OMAHA --", "HURRICANE, W.Va. -").
 */
function datelines(ctx: Ctx): Candidate[] {
  const { a, g, tokens } = ctx;
  const out: Candidate[] = [];
  for (const s of a.seg.sentences) {
    const i = s.tokenStart;
    let last = i;
    while (last + 1 < s.tokenEnd && last - i < 3 && isUpperWord(tokens[last + 1])) last++;
    if (!isUpperWord(tokens[i])) continue;
    // the dash right after the name, or after ", STATE" (a few tokens)
    let k = last + 1;
    if (tokens[k]?.text === ',') { k++; while (k < tokens.length && k - last < 6 && !DASH.test(tokens[k]!.text)) k++; }
    if (!DASH.test(tokens[k]?.text ?? '')) continue;
    const key = normName(a.text.slice(tokens[i]!.start, tokens[last]!.end));
    const hits = g.lookupKey(key).filter((h) => { const lv = g.level(h.entry); return lv === 'city' || lv === 'admin2' || lv === 'admin1' || lv === 'country'; });
    if (!hits.length) continue;
    const c = blank(i, last, tokens[i]!.start, tokens[last]!.end, key);
    c.hits = hits; c.fromNer = true;
    out.push(c);
  }
  return out;
}

const COUNTY_PLURALS = new Map([['counties', 'county'], ['parishes', 'parish'], ['boroughs', 'borough']]);

/** The names listed before "counties" ("Cooke, Grayson and Love counties"), each read as "<name> County". */
function countyLists(ctx: Ctx): Candidate[] {
  const { a, g, tokens } = ctx;
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const unit = COUNTY_PLURALS.get(tokens[i]!.text);
    if (!unit) continue;
    let k = i - 1;
    const found: Candidate[] = [];
    while (k >= 0) {
      // one name: up to three capitalised words ending at k
      let first = k;
      while (first - 1 >= 0 && k - first < 2 && isCap(tokens[first - 1]) && tokens[first]!.spaceBefore && !/^(?:and|or)$/i.test(tokens[first - 1]!.text)) first--;
      if (!isCap(tokens[k])) break;
      let got: Candidate | null = null;
      for (let f = first; f <= k && !got; f++) {
        const text = a.text.slice(tokens[f]!.start, tokens[k]!.end);
        const hits = g.lookupKey(normName(`${text} ${unit}`)).filter((h) => g.level(h.entry) === 'admin2');
        if (hits.length) { got = blank(f, k, tokens[f]!.start, tokens[k]!.end, normName(`${text} ${unit}`)); got.hits = hits; got.fromNer = true; }
      }
      if (!got) break;
      found.push(got);
      k = got.first - 1;
      if (tokens[k]?.text === ',') k--;
      if (/^(?:and|or|&)$/.test(tokens[k]?.text ?? '')) { k--; if (tokens[k]?.text === ',') k--; }
      else if (tokens[k + 1]?.text !== ',') break;
    }
    out.push(...found.reverse());
  }
  return out.sort((x, y) => x.start - y.start);
}

const PARTY = /^(?:D|R|I|DFL|Ind)-(?=\p{Lu})/u;

/**
 * "Sen. Joe Roe, D-Ohio," "Rep. Ann Roe (R-Elbow Lake)": the place after a party letter, right after a
 * comma or an opening bracket, is the politician's state or home town (a county's core name counts).
 */
function partyAffiliations(ctx: Ctx): Candidate[] {
  const { a, g, lex, tokens } = ctx;
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = isWord(t) ? PARTY.exec(t.text) : null;
    if (!m || !/^[,(]$/.test(tokens[i - 1]!.text)) continue;
    const start = t.start + m[0].length;
    const ab = [...lex.stateAbbreviations].filter(([k]) => a.text.startsWith(k, start) && !/\p{L}/u.test(a.text[start + k.length] ?? ''))
      .sort((x, y) => y[0].length - x[0].length)[0];
    let found: { last: number; end: number; key: string; hits: Hit[] } | null = null;
    if (ab) {
      const [cc, a1] = ab[1].split('.');
      const entry = g.admin1ByCode(cc!, a1!);
      if (entry >= 0) found = { last: lastTokenEndingBy(tokens, i, start + ab[0].length), end: start + ab[0].length, key: ab[0].toLowerCase(), hits: [{ entry, flag: 0 }] };
    }
    for (let j = Math.min(tokens.length - 1, i + 2); !found && j >= i; j--) {
      if ([...range(i + 1, j)].some((k) => !isCap(tokens[k]) || !tokens[k]!.spaceBefore)) continue;
      const end = tokens[j]!.start + bare(tokens[j]!).length;
      const key = normName(a.text.slice(start, end));
      let hits = g.lookupKey(key);
      if (hits.some((h) => g.cc(h.entry) === 'US')) hits = hits.filter((h) => g.cc(h.entry) === 'US');
      if (hits.length) found = { last: j, end, key, hits };
    }
    if (!found) continue;
    const c = blank(i, found.last, start, found.end, found.key);
    c.hits = found.hits; c.fromNer = true;
    out.push(c);
    i = found.last;
  }
  return out;
}

function lastTokenEndingBy(tokens: Token[], from: number, end: number): number {
  let k = from;
  while (k + 1 < tokens.length && tokens[k + 1]!.end <= end) k++;
  return k;
}

/**
 * Place names and demonyms inside a hyphenated word: "Russian-backed", "London-based", "Israeli-
 * Palestinian", "Amsterdam-London". A segment is a place when the word is a place plus a lower-case
 * suffix ("-based", "-led") or when every segment is a place or demonym.
 */
function subTokenCandidates(ctx: Ctx, i: number, fromNer: boolean): Candidate[] {
  const { a, g } = ctx;
  const t = ctx.tokens[i]!;
  if (!t.text.includes('-')) return [];
  const segs: { text: string; start: number }[] = [];
  let offset = t.start;
  for (const seg of t.text.split('-')) { segs.push({ text: seg, start: offset }); offset += seg.length + 1; }
  const allCaps = segs.every((sg) => /^\p{Lu}/u.test(sg.text));
  const out: Candidate[] = [];
  for (const sg of segs) {
    if (!/^\p{Lu}/u.test(sg.text) || sg.text.length < 2) continue;
    const key = normName(sg.text.replace(POSSESSIVE, ''));
    if (ctx.lex.stopWords.has(key) || ctx.lex.titles.has(key)) continue;
    const end = sg.start + sg.text.replace(POSSESSIVE, '').length;
    const c = blank(i, i, sg.start, end, key);
    c.fromNer = fromNer;
    const entry = g.demonym(key);
    if (entry >= 0) c.demonymOf = entry;
    else {
      const hits = g.lookupKey(key).filter((h) => h.flag === 0);
      if (!hits.length) { if (allCaps) return []; continue; }
      c.hits = hits;
    }
    out.push(c);
  }
  return out;
}

function* range(a: number, b: number) { for (let i = a; i <= b; i++) yield i; }
function mark(taken: Uint8Array, a: number, b: number) { for (let i = a; i <= b; i++) taken[i] = 1; }

/** First and last token inside [start, end), or null. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] | null {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.end <= start) lo = mid + 1; else hi = mid; }
  let last = -1;
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) last = i;
  return last >= lo ? [lo, last] : null;
}
