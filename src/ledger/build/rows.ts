import type { Claim, Event, Figure, Place, Report, Speaker, TimeRef } from '../../model/index.js';
import type { ClaimsTable, EventsTable, FiguresTable, PlacesTable } from '../db/schema.js';

export interface ArticleRows {
  figures: FiguresTable[];
  claims: ClaimsTable[];
  events: EventsTable[];
  places: PlacesTable[];
}

/** Who a statement comes from: the named speaker, else the outlet that publishes it. */
export function originatorOf(speaker: Speaker | null | undefined, outlet: string | null): { name: string; kind: string; speaker: string | null } {
  const out = outlet?.trim() || 'unknown outlet';
  if (!speaker) return { name: out, kind: 'outlet', speaker: null };
  if (speaker.kind === 'outlet') return { name: out, kind: 'outlet', speaker: speaker.name };
  if (speaker.name && (speaker.kind === 'named' || speaker.kind === 'pronoun' || speaker.kind === 'role')) return { name: speaker.name, kind: speaker.kind, speaker: speaker.name };
  // "sources said", "reports say": the outlet vouches for them
  return { name: out, kind: speaker.kind, speaker: speaker.name ?? speaker.title };
}

const PRECISION_RANK: Record<string, number> = { 'part-of-city': 4, city: 3, other: 2, region: 2, country: 1 };

/** Where a place may serve as the location of something: not a demonym that only modifies ("Syrian forces"). */
const usable = (p: Place | undefined | null): p is Place => Boolean(p && (p as { usage?: string }).usage !== 'associative' && !['CONT', 'RGN', 'OCN', 'SEA'].includes(p.featureCode ?? ''));

/** Days of an ISO interval (end inclusive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * Reads a report into the ledger's rows. Each figure and event gets a place and a date even when
 * the extractor linked none: the claim's or event's, then the nearest place in the same sentence,
 * then the article's main place; the publication date otherwise. Where each came from is kept.
 */
export function articleRows(report: Report, articleId: string, outlet: string | null): ArticleRows {
  const text = report.text;
  const places = new Map(report.places.map((p) => [p.id, p]));
  const times = new Map(report.times.map((t) => [t.id, t]));
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const eventOfFigure = new Map<string, Event>();
  for (const e of report.events) for (const f of e.figures) if (!eventOfFigure.has(f)) eventOfFigure.set(f, e);
  const located = report.places.filter(usable).sort((a, b) => a.start - b.start);
  const main = mainPlace(located);
  const mainCountry = mainPlace(located.filter((p) => p.precision === 'country'));
  const published = report.document.published;

  const placeFor = (start: number, end: number, ...linked: (string | null | undefined)[]): { p: Place | null; from: string } => {
    const names = ['own', 'claim', 'event'];
    for (let i = 0; i < linked.length; i++) {
      const p = linked[i] ? places.get(linked[i]!) : null;
      if (usable(p)) return { p, from: names[i] === 'own' ? 'extracted' : names[i]! };
    }
    const near = nearestInSentence(text, located, start, end);
    if (near) return { p: near, from: 'sentence' };
    if (main) return { p: main, from: 'article' };
    return { p: null, from: 'none' };
  };
  const timeFor = (...linked: (string | null | undefined)[]): { t: { start: string; end: string; precision: string } | null; from: string } => {
    const names = ['extracted', 'claim', 'event'];
    for (let i = 0; i < linked.length; i++) {
      const t = linked[i] ? times.get(linked[i]!) : null;
      if (t?.interval && t.resolved) return { t: { ...t.interval, precision: t.precision }, from: names[i]! };
    }
    if (published) return { t: { start: published, end: published, precision: 'day' }, from: 'published' };
    return { t: null, from: 'none' };
  };
  const placeCols = (p: Place | null) => ({
    place_name: p?.name ?? null,
    geonameid: p?.geonameid ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    precision: p?.precision ?? null,
    country: p?.country ?? null,
    admin1: p?.admin1 ?? null,
  });
  /** The place and time columns of a figure or event row, with where each came from. */
  const whereWhen = (p: Place | null, placeFrom: string, t: { start: string; end: string; precision: string } | null, timeFrom: string) => ({
    ...placeCols(p),
    place_from: placeFrom,
    date_start: t?.start ?? null,
    date_end: t?.end ?? null,
    time_precision: t?.precision ?? null,
    time_from: timeFrom,
  });

  const figures: FiguresTable[] = report.figures.map((f: Figure) => {
    const claim = f.claim ? claims.get(f.claim) : undefined;
    const event = eventOfFigure.get(f.id);
    const who = originatorOf(claim?.speaker, outlet);
    const { t, from: tFrom } = timeFor(f.time, claim?.times[0], event?.time);
    const scope = figureScope(f, t, tFrom);
    let { p, from } = placeFor(f.start, f.end, f.place, claim?.places[0], event?.place);
    // a war's toll is not about the town the article is about
    if (scope === 'cumulative' && from === 'article') ({ p, from } = mainCountry ? { p: mainCountry, from: 'article' } : { p: null, from: 'none' });
    return {
      id: `${articleId}/${f.id}`,
      article_id: articleId,
      figure_id: f.id,
      category: f.category,
      unit: f.unit,
      low: f.value.low,
      best: f.value.best,
      high: f.value.high,
      qualifier: f.qualifier,
      people: f.people,
      start: f.start,
      end: f.end,
      text: f.text,
      spans: JSON.stringify((f.mentions ?? []).map((m) => ({ start: m.start, end: m.end }))),
      claim_id: f.claim,
      status: claim?.status ?? 'asserted',
      speaker: who.speaker,
      speaker_kind: who.kind,
      originator: who.name,
      ...whereWhen(p, from, t, tFrom),
      scope,
    };
  });

  const contradicts = new Map<string, { claim: string; reason: string }[]>();
  for (const x of report.contradictions) {
    for (const [p, q] of [[x.a, x.b], [x.b, x.a]] as const) {
      const l = contradicts.get(p) ?? [];
      l.push({ claim: `${articleId}/${q}`, reason: x.reason });
      contradicts.set(p, l);
    }
  }
  const claimRows: ClaimsTable[] = report.claims.map((c: Claim) => {
    const who = originatorOf(c.speaker, outlet);
    const p = c.places.map((id) => places.get(id)).find(usable) ?? null;
    const t = c.times.map((id) => times.get(id)).find((x): x is TimeRef => Boolean(x?.interval && x.resolved));
    return {
      id: `${articleId}/${c.id}`,
      article_id: articleId,
      claim_id: c.id,
      start: c.content.start,
      end: c.content.end,
      text: c.content.text,
      status: c.status,
      hedges: JSON.stringify(c.hedges.map((h) => ({ start: h.start, end: h.end, text: h.text, status: h.status }))),
      speaker: who.speaker,
      speaker_kind: who.kind,
      originator: who.name,
      attribution_id: c.attribution,
      place_name: p?.name ?? null,
      geonameid: p?.geonameid ?? null,
      country: p?.country ?? null,
      admin1: p?.admin1 ?? null,
      date_start: t?.interval?.start ?? published,
      date_end: t?.interval?.end ?? published,
      figure_ids: JSON.stringify(c.figures.map((f) => `${articleId}/${f}`)),
      contradicts: JSON.stringify(contradicts.get(c.id) ?? []),
    };
  });

  const eventRows: EventsTable[] = report.events.map((e: Event) => {
    const claim = e.claims.map((id) => claims.get(id)).find(Boolean);
    const who = originatorOf(claim?.speaker, outlet);
    const { p, from } = placeFor(e.start, e.end, e.place, claim?.places[0]);
    const { t, from: tFrom } = timeFor(e.time, claim?.times[0]);
    return {
      id: `${articleId}/${e.id}`,
      article_id: articleId,
      event_id: e.id,
      code: e.type,
      event_type: e.eventType,
      sub_event_type: e.subEventType,
      start: e.start,
      end: e.end,
      text: e.text,
      trigger: e.trigger?.text ?? null,
      actors: JSON.stringify(e.actors),
      status: claim?.status ?? 'asserted',
      speaker_kind: who.kind,
      originator: who.name,
      ...whereWhen(p, from, t, tFrom),
      figure_ids: JSON.stringify(e.figures.map((f) => `${articleId}/${f}`)),
    };
  });

  const placeRows: PlacesTable[] = report.places.filter(usable).map((p) => ({
    id: `${articleId}/${p.id}`,
    article_id: articleId,
    place_id: p.id,
    name: p.name,
    geonameid: p.geonameid,
    lat: p.lat,
    lon: p.lon,
    precision: p.precision,
    feature_code: p.featureCode,
    country: p.country,
    admin1: p.admin1,
    start: p.start,
    end: p.end,
    text: p.text,
  }));

  return { figures, claims: claimRows, events: eventRows, places: placeRows };
}

/** An explicit time longer than this makes a figure a cumulative toll rather than an incident. */
export const INCIDENT_MAX_DAYS = 7;

/** Figures this large are tolls of a war or a crisis, not of one incident, unless a short time says otherwise. */
const CUMULATIVE_FROM: Record<string, number> = { killed: 5000, injured: 5000, casualties: 5000, detained: 5000, missing: 5000, abducted: 5000 };
const CUMULATIVE_DEFAULT = 200_000;

/** Whether a figure counts one incident (a day or a few) or a toll over weeks or more. */
export function figureScope(f: Pick<Figure, 'category' | 'value'>, t: { start: string; end: string } | null, from: string): 'incident' | 'cumulative' {
  if (t && from !== 'published') return daysBetween(t.start, t.end) > INCIDENT_MAX_DAYS ? 'cumulative' : 'incident';
  return f.value.best >= (CUMULATIVE_FROM[f.category] ?? CUMULATIVE_DEFAULT) ? 'cumulative' : 'incident';
}

/** The place an article is mostly about: the most named precise place, else the most named country. */
export function mainPlace(places: readonly Place[]): Place | null {
  const tally = new Map<string, { p: Place; n: number }>();
  for (const p of places) {
    const k = p.geonameid != null ? `g${p.geonameid}` : `n${p.name}`;
    const t = tally.get(k);
    if (t) {
      t.n++;
      if ((PRECISION_RANK[p.precision] ?? 0) > (PRECISION_RANK[t.p.precision] ?? 0)) t.p = p;
    } else tally.set(k, { p, n: 1 });
  }
  let best: { p: Place; n: number } | null = null;
  for (const t of tally.values()) {
    const rank = (x: { p: Place; n: number }) => ((PRECISION_RANK[x.p.precision] ?? 0) >= 2 ? 1000 : 0) + x.n;
    if (!best || rank(t) > rank(best)) best = t;
  }
  return best?.p ?? null;
}

/**
 * The place named closest to [start, end) without a sentence end between them (at most 200
 * characters away). A sentence end is a terminal mark followed by a space and a capital or digit.
 */
export function nearestInSentence(text: string, sorted: readonly Place[], start: number, end: number): Place | null {
  let best: Place | null = null, bestDist = Infinity;
  for (const p of sorted) {
    const dist = p.end <= start ? start - p.end : p.start >= end ? p.start - end : 0;
    if (dist > 200 || dist >= bestDist) continue;
    const between = p.end <= start ? text.slice(p.end, start) : text.slice(end, p.start);
    if (/[.!?]["”’)]?\s+["“‘(]?[\p{Lu}\d]/u.test(between) || /\n\s*\n/.test(between)) continue;
    best = p;
    bestDist = dist;
  }
  return best;
}
