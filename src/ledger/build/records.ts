import { createHash } from 'node:crypto';
import type { OriginatorNames } from './originators.js';
import { UnionFind } from './union.js';
import { INCIDENT_MAX_DAYS } from './rows.js';

export interface PlaceIn {
  name: string;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  country: string | null;
  admin1: string | null;
}

/** One figure or event of one article, as consolidation reads it. */
export interface MentionIn {
  id: string;
  kind: 'figure' | 'event';
  articleId: string;
  storyId: string;
  published: string | null;
  outlet: string;
  /** figure category, or event code */
  category: string;
  eventType?: string;
  subEventType?: string;
  actors?: { name: string; role: string }[];
  unit: string;
  low: number | null;
  best: number | null;
  high: number | null;
  place: PlaceIn | null;
  placeFrom: string;
  dateStart: string | null;
  dateEnd: string | null;
  timePrecision: string | null;
  timeFrom: string;
  status: string;
  originator: string;
  originatorKind: string;
  start: number;
  end: number;
  text: string;
  /** for an event: the ids of its figures' mentions */
  figureIds?: string[];
  /** for a figure: incident or cumulative, as read with the article */
  scope?: string;
  /** for a figure: the class of people counted (civilian, child, combatant ...), null when any */
  peopleClass?: string | null;
}

export interface SourceGroup {
  key: string;
  originator: string;
  outlets: string[];
  articles: number;
  latest: MentionIn;
}

export interface FigureContradiction {
  a: MentionIn;
  b: MentionIn;
  reason: string;
}

export interface LedgerRecord {
  id: string;
  anchor: string;
  kind: 'figure' | 'event';
  category: string;
  eventType: string | null;
  subEventType: string | null;
  actors: string[];
  scope: 'incident' | 'cumulative';
  place: PlaceIn | null;
  dateStart: string | null;
  dateEnd: string | null;
  timePrecision: string | null;
  low: number | null;
  best: number | null;
  high: number | null;
  mentions: MentionIn[];
  /** mention id -> the independence group it counts in */
  sourceKeyOf: Map<string, string>;
  sources: SourceGroup[];
  articles: number;
  outlets: number;
  statuses: string[];
  contradictions: FigureContradiction[];
  notes: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  fatalitiesRecord: string | null;
}

/** Days either side: a report is about the day it was published or the two before it. */
const REPORT_LAG_DAYS = 2;
/** The span a record may cover (reports of one incident arrive over several days). */
const RECORD_MAX_DAYS = 10;
/** Two sources contradict only when their figures were published this close together (tolls rise). */
const SAME_TIME_DAYS = 1;

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const PRECISION_RANK: Record<string, number> = { 'part-of-city': 4, city: 3, other: 2, region: 2, country: 1 };
const OUTLET_KINDS = new Set(['outlet', 'anonymous', 'vague']);

interface Windowed {
  m: MentionIn;
  ws: number;
  we: number;
  scope: 'incident' | 'cumulative';
}

/** The days a mention may be about, and whether it is an incident or a cumulative toll. */
export function windowOf(m: MentionIn): Windowed | null {
  const pub = m.published ? dayOf(m.published) : null;
  if (m.timeFrom !== 'published' && m.timeFrom !== 'none' && m.dateStart && m.dateEnd) {
    const ws = dayOf(m.dateStart), we = dayOf(m.dateEnd);
    if (!Number.isNaN(ws) && !Number.isNaN(we)) {
      if (we - ws <= INCIDENT_MAX_DAYS) return { m, ws, we, scope: 'incident' };
      if (pub !== null) return { m, ws: pub - REPORT_LAG_DAYS, we: pub, scope: 'cumulative' };
      return { m, ws: we - REPORT_LAG_DAYS, we, scope: 'cumulative' };
    }
  }
  const scope = m.scope === 'cumulative' ? 'cumulative' : 'incident';
  if (pub !== null && !Number.isNaN(pub)) return { m, ws: pub - REPORT_LAG_DAYS, we: pub, scope };
  return null;
}

/** 2: the same place; 1: one contains the other (country, first-level region); 0: neither. */
export function placeRelation(a: PlaceIn | null, b: PlaceIn | null): 0 | 1 | 2 {
  if (!a || !b) return 0;
  if (a.geonameid != null && a.geonameid === b.geonameid) return 2;
  if (a.name.toLowerCase() === b.name.toLowerCase() && (a.country ?? '') === (b.country ?? '') && a.precision === b.precision) return 2;
  if (!a.country || a.country !== b.country) return 0;
  if (a.precision === 'country' || b.precision === 'country') return a.precision === b.precision ? 2 : 1;
  const inRegion = (r: PlaceIn, x: PlaceIn) => r.precision === 'region' && x.precision !== 'region' && Boolean(x.admin1) && [r.name, r.admin1].some((n) => n && n.toLowerCase() === x.admin1!.toLowerCase());
  return inRegion(a, b) || inRegion(b, a) ? 1 : 0;
}

const lowOf = (m: MentionIn) => m.low ?? m.best ?? 0;
const highOf = (m: MentionIn) => m.high ?? Infinity;

/** The class of people a figure counts, from the head noun of its people phrase and the word list (null: any). */
export function peopleClass(people: string | null, classes: ReadonlyMap<string, string>): string | null {
  if (!people) return null;
  const words = people.toLowerCase().match(/[a-z]+/g);
  const head = words?.[words.length - 1];
  if (!head) return null;
  return classes.get(head) ?? classes.get(head.replace(/(?<=[^s])s$/, '')) ?? classes.get(head.replace(/ies$/, 'y')) ?? null;
}

/** Whether two figures' ranges overlap ("at least 70" and "100" do; "70" and "100" do not). */
export function rangesOverlap(a: MentionIn, b: MentionIn): boolean {
  return lowOf(a) <= highOf(b) && lowOf(b) <= highOf(a);
}

/**
 * Whether two figures may count the same people: overlapping ranges (an open range such as "at
 * least 43" taken to reach twice its value: it is not "a million"), or within a factor (1.5 when
 * the places only contain each other, 4 when they are the same place).
 */
function valuesCompatible(a: MentionIn, b: MentionIn, strict: boolean): boolean {
  if (a.best == null || b.best == null) return true;
  if (!classesFit(a.peopleClass, b.peopleClass)) return false;
  const hi = (m: MentionIn) => m.high ?? Math.max(m.best! * 2, m.best! + 5);
  if (lowOf(a) <= hi(b) && lowOf(b) <= hi(a)) return true;
  const lo = Math.min(a.best, b.best), top = Math.max(a.best, b.best);
  if (strict) return lo > 0 && top / lo <= 1.5;
  if (lo === 0) return top <= 10;
  return top / lo <= 4 || top - lo <= 3;
}

/** Classes that are part of a larger count: "67 children" is not the toll of "126 people". */
const SUBGROUPS = new Set(['child', 'woman']);

/** Whether two figures' people may be the same count: one class, or a general noun with a class that is not a subgroup. */
function classesFit(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a && b) return a === b;
  const k = a ?? b;
  return !k || !SUBGROUPS.has(k);
}

const sameValue = (a: MentionIn, b: MentionIn) => a.category === b.category && a.best === b.best && a.low === b.low && a.high === b.high;

interface Cluster {
  members: Windowed[];
  articles: Set<string>;
  stories: Set<string>;
  places: PlaceIn[];
  ws: number;
  we: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Deduplicates figures (or events) across articles into records. A mention joins a record of the
 * same block (category and unit, or event type) when its days overlap the record's, its place is
 * the same as or contains / is contained by every place of the record, its value is compatible,
 * and the record holds nothing yet from its article. Wire copies (one story) join regardless of
 * place. Mentions are taken in date order and records older than the longest span are retired,
 * so the work grows with the number of mentions, not its square.
 */
/** Rows in id order, ids compared by code unit (storage engines' collations differ). */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildRecords(mentions: readonly MentionIn[], names: OriginatorNames): LedgerRecord[] {
  const blocks = new Map<string, Windowed[]>();
  const loose: MentionIn[] = [];
  // one order whatever order the storage engine returned the rows in
  const ordered = [...mentions].sort(byId);
  for (const m of ordered) {
    if (m.kind === 'figure' && (m.unit !== 'people' || m.category === 'other' || m.best == null)) continue;
    const w = windowOf(m);
    if (!w) {
      loose.push(m);
      continue;
    }
    const block = m.kind === 'figure' ? `f|${m.category}|${w.scope}` : `e|${m.eventType ?? m.category}|${w.scope}`;
    const list = blocks.get(block);
    if (list) list.push(w);
    else blocks.set(block, [w]);
  }
  const clusters: Cluster[] = [];
  for (const list of blocks.values()) {
    list.sort((a, b) => a.ws - b.ws || (a.m.published ?? '').localeCompare(b.m.published ?? '') || a.m.articleId.localeCompare(b.m.articleId) || a.m.start - b.m.start);
    let active: Cluster[] = [];
    for (const w of list) {
      active = active.filter((c) => c.we >= w.ws - RECORD_MAX_DAYS);
      let best: Cluster | null = null, bestScore = -Infinity;
      for (const c of active) {
        // one figure per article, except the same figure stated twice (a headline repeating the text)
        if (c.articles.has(w.m.articleId) && !c.members.some((x) => x.m.articleId === w.m.articleId && sameValue(x.m, w.m))) continue;
        if (w.ws > c.we || w.we < c.ws) continue;
        if (Math.max(c.we, w.we) - Math.min(c.ws, w.ws) > RECORD_MAX_DAYS) continue;
        const sameStory = c.stories.has(w.m.storyId);
        let rel: number = 2;
        for (const p of c.places) rel = Math.min(rel, placeRelation(p, w.m.place));
        if (!c.places.length || !w.m.place) rel = 0;
        if (rel === 0 && !sameStory) continue;
        if (w.m.kind === 'figure') {
          if (c.members.some((x) => !classesFit(x.m.peopleClass, w.m.peopleClass))) continue;
          const med = median(c.members.map((x) => x.m.best!));
          const probe = { ...w.m, low: med, best: med, high: med };
          const compatibleWithAll = c.members.every((x) => valuesCompatible(x.m, w.m, rel === 1 && !sameStory));
          if (!compatibleWithAll && !valuesCompatible(probe, w.m, rel === 1 && !sameStory)) continue;
        }
        const closeness = w.m.kind === 'figure' ? -Math.abs(Math.log((median(c.members.map((x) => x.m.best!)) + 1) / (w.m.best! + 1))) : 0;
        const score = (c.articles.has(w.m.articleId) ? 20 : 0) + (sameStory ? 10 : 0) + rel * 3 + closeness;
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (best) {
        best.members.push(w);
        best.articles.add(w.m.articleId);
        best.stories.add(w.m.storyId);
        if (w.m.place && !best.places.some((p) => placeRelation(p, w.m.place) === 2)) best.places.push(w.m.place);
        best.ws = Math.min(best.ws, w.ws);
        best.we = Math.max(best.we, w.we);
      } else {
        const c: Cluster = { members: [w], articles: new Set([w.m.articleId]), stories: new Set([w.m.storyId]), places: w.m.place ? [w.m.place] : [], ws: w.ws, we: w.we };
        clusters.push(c);
        active.push(c);
      }
    }
  }
  const records = clusters.map((c) => summarise(c.members.map((w) => w.m), c.members[0]!.scope, names));
  // mentions with no date at all: each its own record
  for (const m of loose) if (!(m.kind === 'figure' && (m.unit !== 'people' || m.category === 'other'))) records.push(summarise([m], 'incident', names));
  return records.sort((a, b) => a.id.localeCompare(b.id));
}

export const recordId = (anchorMention: string) => 'R' + createHash('sha256').update(anchorMention).digest('hex').slice(0, 12);

const mentionOrder = (a: MentionIn, b: MentionIn) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.articleId.localeCompare(b.articleId) || a.start - b.start;

/** Sources, range (ACLED: the most conservative credible figure), contradictions and notes of a record. */
export function summarise(members: MentionIn[], scope: 'incident' | 'cumulative', names: OriginatorNames): LedgerRecord {
  const ms = [...members].sort(mentionOrder);
  const anchor = ms[0]!;
  // independence: one group per originator; outlets that only relay one story (wire copies) are one group
  const uf = new UnionFind();
  const keyOf = (m: MentionIn) => 'o:' + names.key(m.originator);
  const byStory = new Map<string, string>();
  for (const m of ms) {
    const k = keyOf(m);
    uf.find(k);
    if (OUTLET_KINDS.has(m.originatorKind)) {
      const first = byStory.get(m.storyId);
      if (first) uf.union(first, k);
      else byStory.set(m.storyId, k);
    }
  }
  const groups = new Map<string, MentionIn[]>();
  const sourceKeyOf = new Map<string, string>();
  for (const m of ms) {
    const g = uf.find(keyOf(m));
    sourceKeyOf.set(m.id, g);
    const list = groups.get(g);
    if (list) list.push(m);
    else groups.set(g, [m]);
  }
  const sources: SourceGroup[] = [...groups].map(([key, list]) => {
    const named = list.find((m) => !OUTLET_KINDS.has(m.originatorKind));
    const outlets = [...new Set(list.map((m) => m.outlet))].sort();
    return {
      key,
      // outlets that only relay one story are named together
      originator: named ? names.canonical(named.originator) : outlets.length > 1 ? `${outlets.join(' / ')} (one story)` : names.canonical(list[0]!.originator),
      outlets,
      articles: new Set(list.map((m) => m.articleId)).size,
      latest: list[list.length - 1]!,
    };
  });
  const notes: string[] = [];
  let low: number | null = null, best: number | null = null, high: number | null = null;
  const contradictions: FigureContradiction[] = [];
  if (anchor.kind === 'figure') {
    let credible = sources.filter((s) => s.latest.status !== 'denied');
    if (!credible.length) {
      credible = sources;
      notes.push('every source denies it');
    }
    best = Math.min(...credible.map((s) => s.latest.best!));
    low = Math.min(...credible.map((s) => lowOf(s.latest)));
    const highs = credible.map((s) => s.latest.high ?? s.latest.best!);
    high = Math.max(...highs);
    if (credible.length > 1 && high !== best) notes.push(`best is the lowest of ${credible.length} independent sources' latest figures (ACLED rule)`);
    contradictions.push(...figureContradictions(ms, sourceKeyOf, sources));
    if (contradictions.length) notes.push(`disputed: ${contradictions.map((c) => c.reason).slice(0, 3).join('; ')}`);
  }
  const place = mostPrecisePlace(ms);
  const explicit = ms.filter((m) => m.timeFrom !== 'published' && m.timeFrom !== 'none' && m.dateStart && m.dateEnd && dayOf(m.dateEnd) - dayOf(m.dateStart) <= INCIDENT_MAX_DAYS);
  let dateStart: string | null, dateEnd: string | null, timePrecision: string | null;
  if (scope === 'incident' && explicit.length) {
    const tally = new Map<string, number>();
    for (const m of explicit) tally.set(`${m.dateStart}|${m.dateEnd}|${m.timePrecision}`, (tally.get(`${m.dateStart}|${m.dateEnd}|${m.timePrecision}`) ?? 0) + 1);
    const top = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0].split('|');
    [dateStart, dateEnd, timePrecision] = [top[0]!, top[1]!, top[2] || 'day'];
  } else {
    // the earliest report: the event happened then or shortly before
    const pubs = ms.map((m) => m.published).filter((d): d is string => Boolean(d)).sort();
    dateStart = dateEnd = pubs[0] ?? ms[0]!.dateStart;
    timePrecision = scope === 'cumulative' ? 'cumulative' : 'reported';
    if (pubs[0]) dateStart = isoOf(dayOf(pubs[0]) - REPORT_LAG_DAYS);
  }
  const pubs = ms.map((m) => m.published).filter((d): d is string => Boolean(d)).sort();
  const actors = [...new Set(ms.flatMap((m) => (m.actors ?? []).map((a) => a.name)))];
  return {
    id: recordId(anchor.id),
    anchor: anchor.id,
    kind: anchor.kind,
    category: anchor.category,
    eventType: anchor.eventType ?? null,
    subEventType: anchor.subEventType ?? null,
    actors,
    scope,
    place,
    dateStart,
    dateEnd,
    timePrecision,
    low,
    best,
    high,
    mentions: ms,
    sourceKeyOf,
    sources,
    articles: new Set(ms.map((m) => m.articleId)).size,
    outlets: new Set(ms.map((m) => m.outlet)).size,
    statuses: [...new Set(ms.map((m) => m.status))].sort(),
    contradictions,
    notes,
    firstPublished: pubs[0] ?? null,
    lastPublished: pubs[pubs.length - 1] ?? null,
    fatalitiesRecord: null,
  };
}

function mostPrecisePlace(ms: MentionIn[]): PlaceIn | null {
  const tally = new Map<string, { p: PlaceIn; n: number; extracted: number }>();
  for (const m of ms) {
    if (!m.place) continue;
    const k = m.place.geonameid != null ? `g${m.place.geonameid}` : `n${m.place.name}|${m.place.country}`;
    const t = tally.get(k) ?? { p: m.place, n: 0, extracted: 0 };
    t.n++;
    if (m.placeFrom !== 'article') t.extracted++;
    tally.set(k, t);
  }
  const rank = (t: { p: PlaceIn; n: number; extracted: number }) => (PRECISION_RANK[t.p.precision ?? ''] ?? 0) * 1e6 + t.extracted * 1e3 + t.n;
  return [...tally.values()].sort((a, b) => rank(b) - rank(a))[0]?.p ?? null;
}

const fmtValue = (m: MentionIn) => (m.high == null && m.low != null && m.low === m.best ? `at least ${m.best}` : m.low != null && m.high != null && m.low !== m.high ? `${m.low}-${m.high}` : `${m.best}`);

/**
 * Pairs of independent sources whose figures for the record do not overlap, published within a
 * day of each other (a toll that rises over days is not a contradiction), about the same place
 * (or in one story). For each pair of sources, the two closest mentions are kept.
 */
function figureContradictions(ms: MentionIn[], keyOf: Map<string, string>, sources: SourceGroup[]): FigureContradiction[] {
  const out: FigureContradiction[] = [];
  const bySource = new Map<string, MentionIn[]>();
  for (const m of ms) {
    const k = keyOf.get(m.id)!;
    const l = bySource.get(k);
    if (l) l.push(m);
    else bySource.set(k, [m]);
  }
  const keys = [...bySource.keys()];
  const nameOf = new Map(sources.map((s) => [s.key, s.originator]));
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      let pick: [MentionIn, MentionIn] | null = null, gap = Infinity;
      for (const a of bySource.get(keys[i]!)!) {
        for (const b of bySource.get(keys[j]!)!) {
          if (a.status === 'denied' || b.status === 'denied') continue;
          if (rangesOverlap(a, b)) continue;
          if (placeRelation(a.place, b.place) !== 2 && a.storyId !== b.storyId) continue;
          if (!a.published || !b.published) continue;
          const d = Math.abs(dayOf(a.published) - dayOf(b.published));
          if (d <= SAME_TIME_DAYS && d < gap) {
            gap = d;
            pick = [a, b];
          }
        }
      }
      if (pick) {
        const [a, b] = pick;
        out.push({ a, b, reason: `${nameOf.get(keys[i]!)} gives ${fmtValue(a)} (${a.outlet}, ${a.published}), ${nameOf.get(keys[j]!)} gives ${fmtValue(b)} (${b.outlet}, ${b.published})` });
      }
    }
  }
  return out;
}
