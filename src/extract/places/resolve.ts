/**
 * Picks the gazetteer entry of each place name. Each reading is scored on a prior (population, kind of
 * place, capitals, how the name reached it) and on the article: the words around the name (region and
 * town words, "Paris, Texas"), the countries and regions the article's other places lie in, closeness to
 * its other towns, and one sense per name per article (every bare "Paris" of an article is one Paris).
 */
import type { Candidate } from './detect.js';
import type { Gazetteer, Hit } from './gazetteer.js';

export interface Resolution {
  entry: number;
  score: number;
  /** score margin over the runner-up (large = confident) */
  margin: number;
}

export const W = {
  country: 3,
  continent: 11,
  macro: 9,
  admin1: 0.5,
  admin2: -0.5,
  capital: 1.8,
  seat1: 0.4,
  seat2: 0.2,
  section: -1.5,
  alternate: -1.2,
  core: -2,
  /** taken off a region that has a same-named seat (or metropolis) among the readings */
  namesake: 1.5,
  metropolis: 1_000_000,
  regionCue: 5,
  regionLevel: 0.5,
  regionCueOther: -3,
  cityCue: 3,
  cityCueOther: -2,
  within: 6,
  notWithin: -3,
  countryContext: 3,
  admin1Context: 2,
  near: 1.2,
  nearMax: 3,
  nearKm: 150,
};

/** Prior score of one reading, before the article is considered. */
function prior(g: Gazetteer, h: Hit): number {
  const e = h.entry, fc = g.fcode(e), lv = g.level(e);
  let s = Math.log10(g.population(e) + 10);
  if (lv === 'country') s += W.country;
  else if (lv === 'macro' || lv === 'landmark') s = fc === 'CONT' || fc === 'OCN' ? W.continent : W.macro;
  else if (lv === 'admin1') s += W.admin1;
  else if (lv === 'admin2') s += W.admin2;
  else if (fc === 'PPLC') s += W.capital;
  else if (fc === 'PPLA') s += W.seat1;
  else if (fc === 'PPLA2') s += W.seat2;
  else if (fc === 'PPLX') s += W.section;
  if (h.flag === 1) s += W.alternate;
  else if (h.flag === 2) s += W.core;
  return s;
}

/**
 * The readings worth weighing: where a name is some place's own name ("Mexico" the country), other
 * places that have it only as an alternate name (Mexico City) are left out unless far bigger.
 */
function readings(g: Gazetteer, hits: Hit[]): Hit[] {
  let mainPop = -1;
  for (const h of hits) if (h.flag !== 1) mainPop = Math.max(mainPop, g.level(h.entry) === 'country' || g.level(h.entry) === 'macro' ? Infinity : g.population(h.entry));
  if (mainPop < 0) return hits;
  return hits.filter((h) => h.flag !== 1 || g.population(h.entry) > 10 * mainPop);
}

/** Score of a reading given the words around this one mention. */
function local(g: Gazetteer, c: Candidate, h: Hit, hits: Hit[]): number {
  const e = h.entry, lv = g.level(e);
  let s = prior(g, h);
  const isRegion = lv === 'admin1' || lv === 'admin2';
  if (c.regionCue) {
    if (isRegion) s += W.regionCue + (h.flag === 2 ? -W.core : 0) + ((lv === 'admin1') === (c.regionCue === 1) ? W.regionLevel : 0);
    else s += W.regionCueOther;
  } else if (isRegion) {
    // "Aleppo" alone is the city, not the governorate named after it; so is "New York" (news names
    // the state "New York state" or by a town in it), "Rio de Janeiro", "Buenos Aires". The region
    // steps back rather than the city stepping up, so that the city gains nothing over other towns
    // of the name ("Paris" in a Texas report).
    const seat = hits.some((o) => {
      const oe = o.entry, fc = g.fcode(oe);
      return o.flag === 0 && g.level(oe) === 'city' && g.cc(oe) === g.cc(e) && g.a1(oe) === g.a1(e)
        && (fc === 'PPLA' || fc === 'PPLA2' || fc === 'PPLC' || g.population(oe) >= W.metropolis);
    });
    if (seat) s -= W.namesake;
  }
  if (c.cityCue) s += lv === 'city' ? W.cityCue : W.cityCueOther;
  if (c.within) {
    const inside = c.within.some((code) => {
      const [cc, a1] = code.split('.');
      return g.cc(e) === cc && (!a1 || g.a1(e) === a1) && !(lv === 'country' && a1);
    });
    s += inside ? W.within : W.notWithin;
  }
  return s;
}

interface Context {
  /** share of the article's place mentions in each country (1 for the most named), without the name's own mentions */
  countries: Map<string, number>;
  /** the same for first-level regions ("US.OH") */
  admin1s: Map<string, number>;
  /** the other names' likeliest town readings, for spatial minimality */
  towns: { key: string; lat: number; lon: number }[];
}

function haversineKm(la1: number, lo1: number, la2: number, lo2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((la2 - la1) * r) / 2) ** 2 + Math.cos(la1 * r) * Math.cos(la2 * r) * Math.sin(((lo2 - lo1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function contextual(g: Gazetteer, c: Candidate, h: Hit, ctx: Context): number {
  const e = h.entry, lv = g.level(e), cc = g.cc(e);
  let s = 0;
  if (cc && lv !== 'macro') s += W.countryContext * (ctx.countries.get(cc) ?? 0);
  if (lv !== 'country' && lv !== 'admin1') s += W.admin1Context * (ctx.admin1s.get(`${cc}.${g.a1(e)}`) ?? 0);
  if (lv === 'city' || lv === 'admin2') {
    // Spatial minimality: other names of the article with a reading near this one.
    const la = g.lat(e), lo = g.lon(e);
    const near = new Set<string>();
    for (const t of ctx.towns) if (t.key !== c.key && !near.has(t.key) && haversineKm(la, lo, t.lat, t.lon) < W.nearKm) near.add(t.key);
    s += W.near * Math.min(near.size, W.nearMax);
  }
  return s;
}

const TOWN_READINGS = 6;
/** readings of a name weighed against the article (the rest cannot catch up with the leaders) */
const CONTEXT_READINGS = 12;

/** The article's context from a first reading of every name, leaving out each name's own mentions. */
function buildContext(g: Gazetteer, cands: Candidate[], first: (Resolution | null)[], top: [number, number][][], key: string): Context {
  const counts = new Map<string, number>();
  const regions = new Map<string, number>();
  const towns: Context['towns'] = [];
  const seenKeys = new Set<string>();
  cands.forEach((c, k) => {
    const r = first[k];
    if (!r || c.key === key) return;
    const e = r.entry, lv = g.level(e), cc = g.cc(e);
    const weight = lv === 'country' || c.demonymOf >= 0 ? 1 : Math.min(1, 0.4 + r.margin / 4);
    if (cc) counts.set(cc, (counts.get(cc) ?? 0) + weight);
    const region = lv === 'admin1' || lv === 'admin2' || lv === 'city' ? `${cc}.${g.a1(e)}` : null;
    if (region && g.a1(e)) regions.set(region, (regions.get(region) ?? 0) + (lv === 'admin1' ? 1 : weight));
    if (c.within) for (const code of c.within) if (code.includes('.')) regions.set(code, (regions.get(code) ?? 0) + 1);
    if (seenKeys.has(c.key)) return;
    seenKeys.add(c.key);
    for (const [re] of top[k]!.slice(0, TOWN_READINGS)) {
      const rl = g.level(re);
      if (rl === 'city' || rl === 'admin2') towns.push({ key: c.key, lat: g.lat(re), lon: g.lon(re) });
    }
  });
  const share = (m: Map<string, number>) => {
    const max = Math.max(0, ...m.values());
    return new Map([...m].map(([k, n]) => [k, max > 0 ? n / max : 0]));
  };
  return { countries: share(counts), admin1s: share(regions), towns };
}

function best(scores: Map<number, number>): Resolution | null {
  let top = -1, topS = -Infinity, second = -Infinity;
  for (const [e, s] of scores) {
    if (s > topS || (s === topS && e < top)) { second = topS; top = e; topS = s; }
    else if (s > second) second = s;
  }
  return top < 0 ? null : { entry: top, score: topS, margin: Number.isFinite(second) ? topS - second : 10 };
}

/** One reading per candidate (null where the name has no entry); `lists`: each one's list neighbours. */
export function resolveCandidates(g: Gazetteer, cands: Candidate[], lists: number[][] = []): (Resolution | null)[] {
  const localScores = cands.map((c) => {
    const m = new Map<number, number>();
    if (c.demonymOf >= 0) m.set(c.demonymOf, 20);
    else for (const h of readings(g, c.hits)) m.set(h.entry, Math.max(m.get(h.entry) ?? -Infinity, local(g, c, h, c.hits)));
    return m;
  });
  const first = localScores.map(best);
  const top = localScores.map((m) => [...m].sort((x, y) => y[1] - x[1] || x[0] - y[0]));
  const ctxByKey = new Map<string, Context>();
  const ctxFor = (key: string) => ctxByKey.get(key) ?? ctxByKey.set(key, buildContext(g, cands, first, top, key)).get(key)!;
  const scored = cands.map((c, k) => {
    const m = new Map<number, number>();
    if (c.demonymOf >= 0) return localScores[k]!;
    const ctx = ctxFor(c.key);
    for (const [e, s] of top[k]!.slice(0, CONTEXT_READINGS)) m.set(e, s + contextual(g, c, { entry: e, flag: 0 }, ctx));
    return m;
  });
  // One sense per name per article: the bare mentions of a name (no region or town word) share one
  // reading, chosen on the sum of their scores.
  const groups = new Map<string, number[]>();
  cands.forEach((c, k) => {
    if (c.demonymOf >= 0 || c.regionCue || c.cityCue) return;
    (groups.get(c.key) ?? groups.set(c.key, []).get(c.key)!).push(k);
  });
  const out = scored.map(best);
  for (const ks of groups.values()) {
    if (ks.length < 2) continue;
    const sum = new Map<number, number>();
    for (const k of ks) for (const [e, s] of scored[k]!) sum.set(e, (sum.get(e) ?? 0) + s);
    const r = best(sum);
    if (!r) continue;
    for (const k of ks) out[k] = { entry: r.entry, score: scored[k]!.get(r.entry) ?? r.score, margin: r.margin / ks.length };
  }
  return listCoherence(g, cands, lists, scored, out);
}

/**
 * A list names things of one kind: a name between states takes its state reading ("Missouri, New York
 * and Ohio"), between countries its country reading ("Armenia, Georgia and Turkey"), when it has one
 * and every neighbour that has a reading agrees on the level.
 */
function listCoherence(g: Gazetteer, cands: Candidate[], lists: number[][], scored: Map<number, number>[], out: (Resolution | null)[]): (Resolution | null)[] {
  const levels = out.map((r) => (r ? g.level(r.entry) : null));
  return out.map((r, k) => {
    const ns = (lists[k] ?? []).filter((n) => levels[n] && cands[n]!.demonymOf < 0);
    if (!r || !ns.length || cands[k]!.demonymOf >= 0 || cands[k]!.regionCue || cands[k]!.cityCue || cands[k]!.within) return r;
    const level = levels[ns[0]!]!;
    if (level === levels[k] || (level !== 'admin1' && level !== 'country') || ns.some((n) => levels[n] !== level)) return r;
    let bestE = -1, bestS = -Infinity;
    for (const [e, sc] of scored[k]!) if (g.level(e) === level && sc > bestS) { bestE = e; bestS = sc; }
    return bestE >= 0 ? { entry: bestE, score: bestS, margin: 0 } : r;
  });
}
