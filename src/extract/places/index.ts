import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Place, PlacePrecision } from '../../model/places.js';
import { idMaker } from '../util/spans.js';
import { detectPlaces, type Candidate } from './detect.js';
import { listNeighbours, readContext } from './context.js';
import { gazetteerOf, type Gazetteer } from './gazetteer.js';
import { placeLexicon } from './lexicon.js';
import { resolveCandidates, type Resolution } from './resolve.js';
import { addLocalFeatures } from './local.js';

/**
 * The places stage: finds place names (the recogniser's LOC and MISC mentions, gazetteer names,
 * demonyms), reads the words around them, resolves each against the gazetteer and fills `a.places`.
 */
export function resolvePlaces(a: Analysis, res: Resources): void {
  const g = gazetteerOf(res);
  if (!g) {
    a.warnings.push('places: no gazetteer in the resources (data/gazetteer/gazetteer.json.gz)');
    return;
  }
  const lex = placeLexicon(res);
  let cands = detectPlaces(a, g, lex);
  cands = readContext(a, g, lex, cands);
  const located = addLocalFeatures(a, g, lex, cands, resolveCandidates(g, cands, listNeighbours(a, cands)));
  cands = located.cands;
  const resolved = located.resolved;
  const nextId = idMaker('pl');
  const mentionAt = new Map(a.mentions.map((m) => [`${m.start}:${m.end}`, m.id]));
  const titleNames = new Set(cands.filter((c, k) => !c.inTitle && resolved[k]).map((c) => c.key));
  cands.forEach((c, k) => {
    const r = resolved[k] ?? null;
    if (c.inTitle && !keepTitleName(g, c, r, titleNames)) return;
    const mention = mentionAt.get(`${c.start}:${c.end}`) ?? null;
    const within = located.within[k]!;
    a.places.push(within >= 0 ? localPlace(a, g, c, within, nextId(), mention) : toPlace(a, g, c, r, nextId(), mention));
  });
}

/** A name in a title-case headline stands only if it is a country, region or sizeable town, or the body names it too. */
function keepTitleName(g: Gazetteer, c: Candidate, r: Resolution | null, bodyNames: Set<string>): boolean {
  if (c.fromNer || c.demonymOf >= 0 || bodyNames.has(c.key)) return true;
  if (!r) return false;
  const lv = g.level(r.entry);
  return lv === 'country' || lv === 'macro' || lv === 'landmark' || lv === 'admin1' || (lv === 'city' && g.population(r.entry) >= 50000);
}

function precisionOf(g: Gazetteer, entry: number, part: string | null): PlacePrecision {
  const lv = g.level(entry);
  if (lv === 'country') return 'country';
  if (lv === 'city') return part ? 'part-of-city' : 'city';
  if (lv === 'landmark') return 'part-of-city';
  const fc = g.fcode(entry);
  if (fc === 'OCN' || fc === 'SEA') return 'other';
  return 'region';
}

function toPlace(a: Analysis, g: Gazetteer, c: Candidate, r: Resolution | null, id: string, mention: string | null): Place {
  const text = a.text.slice(c.start, c.end);
  if (!r) {
    return {
      id, start: c.start, end: c.end, text, name: text, gazetteerId: null, geonameid: null, lat: null, lon: null, featureCode: null,
      precision: 'other', country: null, admin1: null, part: c.part, usage: c.usage, within: null, mention, score: 0,
    };
  }
  const e = r.entry;
  return {
    id, start: c.start, end: c.end, text,
    name: g.name(e), gazetteerId: g.gazetteerId(e), geonameid: g.geonameid(e),
    lat: g.lat(e), lon: g.lon(e), featureCode: g.fcode(e),
    precision: precisionOf(g, e, c.part),
    country: g.cc(e) || null,
    admin1: admin1Of(g, e),
    part: c.part, usage: c.usage, within: null, mention,
    score: Math.round(Math.min(1, 0.5 + r.margin / 10) * 100) / 100,
  };
}

function admin1Of(g: Gazetteer, e: number): string | null {
  if (g.level(e) === 'admin1') return g.name(e);
  const a1 = g.admin1Entry(e);
  return a1 >= 0 ? g.name(a1) : null;
}

/** A street, building or site placed at the town the article puts it in (see ./local.ts). */
function localPlace(a: Analysis, g: Gazetteer, c: Candidate, container: number, id: string, mention: string | null): Place {
  const text = a.text.slice(c.start, c.end);
  const lv = g.level(container);
  return {
    id, start: c.start, end: c.end, text, name: text,
    gazetteerId: g.gazetteerId(container), geonameid: null, lat: g.lat(container), lon: g.lon(container),
    featureCode: c.local || null,
    precision: lv === 'city' || lv === 'landmark' ? 'part-of-city' : precisionOf(g, container, null),
    country: g.cc(container) || null, admin1: admin1Of(g, container),
    part: c.part, usage: c.usage, within: g.name(container), mention, score: 0.5,
  };
}
