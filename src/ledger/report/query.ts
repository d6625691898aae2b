import type { Ledger } from '../db/connect.js';
import type { RecordsTable } from '../db/schema.js';
import { nameKey } from '../build/originators.js';
import { currentReviews, type ReviewState } from '../review.js';

export interface ReportQuery {
  place?: string | null;
  since?: string | null;
  until?: string | null;
}

/** Where a statement is: the article (outlet, date, title, URL) and the characters in its text. */
export interface Citation {
  article: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
  mention: string;
  start: number;
  end: number;
  text: string;
}

export interface SourceSays {
  originator: string;
  outlets: string[];
  articles: number;
  low: number | null;
  best: number | null;
  high: number | null;
  status: string;
  published: string | null;
  cite: Citation;
}

export interface RecordView {
  id: string;
  kind: 'figure' | 'event';
  category: string;
  eventType: string | null;
  subEventType: string | null;
  scope: string;
  place: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  dateStart: string | null;
  dateEnd: string | null;
  timePrecision: string | null;
  low: number | null;
  best: number | null;
  high: number | null;
  sources: number;
  mentions: number;
  articles: number;
  statuses: string[];
  disputed: boolean;
  notes: string;
  actors: string[];
  says: SourceSays[];
  cites: Citation[];
  review: ReviewState | null;
}

export interface ContradictionView {
  id: string;
  kind: string;
  record: string | null;
  reason: string;
  a: Citation & { originator: string; status: string };
  b: Citation & { originator: string; status: string };
}

export interface ClaimView extends Citation {
  originator: string;
  status: string;
  hedges: string[];
}

export interface SituationReport {
  generated: string;
  ledger: string;
  query: ReportQuery;
  places: string[];
  articles: number;
  figures: RecordView[];
  events: RecordView[];
  bySource: { originator: string; figures: { record: string; category: string; place: string | null; date: string | null; says: SourceSays }[]; claims: ClaimView[] }[];
  contradictions: ContradictionView[];
  unverified: ClaimView[];
  timelines: { place: string; category: string; points: { date: string | null; low: number | null; best: number | null; high: number | null; sources: number; record: string }[] }[];
}

const UNVERIFIED = new Set(['unverified', 'alleged', 'claimed']);

/** Whether a record or article place matches the place asked for (its name, its region, or its country). */
function placeMatcher(place: string | null | undefined, countries: Set<string>) {
  if (!place) return () => true;
  const k = nameKey(place);
  return (name: string | null, admin1: string | null, country: string | null) =>
    (name != null && nameKey(name) === k) || (admin1 != null && nameKey(admin1) === k) || (country != null && countries.has(country));
}

/** Everything a situation report shows, for a place and a period (both optional). */
export async function situationReport(ledger: Ledger, q: ReportQuery): Promise<SituationReport> {
  const db = ledger.db;
  // a country asked by name stands for every place in it
  const countries = new Set<string>();
  if (q.place) {
    const k = nameKey(q.place);
    const cands = await db.selectFrom('places').select(['name', 'country']).where('precision', '=', 'country').groupBy(['name', 'country']).execute();
    for (const c of cands) if (c.country && nameKey(c.name) === k) countries.add(c.country);
  }
  const inPlace = placeMatcher(q.place, countries);
  const inTime = (start: string | null, end: string | null) => (!q.since || (end ?? start ?? '') >= q.since) && (!q.until || (start ?? end ?? '9999') <= q.until);

  let rq = db.selectFrom('records').selectAll();
  if (q.since) rq = rq.where('date_end', '>=', q.since);
  if (q.until) rq = rq.where('date_start', '<=', q.until);
  const records = (await rq.execute()).filter((r) => inPlace(r.place_name, r.admin1, r.country) && inTime(r.date_start, r.date_end));
  const ids = records.map((r) => r.id);
  const cites = await citationsOf(ledger, ids);
  const says = await sourcesOf(ledger, ids);
  const reviews = await currentReviews(ledger);
  const views = records.map((r) => view(r, cites.get(r.id) ?? [], says.get(r.id) ?? [], reviews));
  const figures = views.filter((v) => v.kind === 'figure').sort(headlineOrder);
  const events = views.filter((v) => v.kind === 'event').sort((a, b) => (a.dateStart ?? '').localeCompare(b.dateStart ?? '') || b.sources - a.sources);

  // articles about the place in the period: for claims
  let aq = db.selectFrom('articles').select(['id', 'outlet', 'published', 'title', 'url']).where('superseded_by', 'is', null);
  if (q.since) aq = aq.where('published', '>=', q.since);
  if (q.until) aq = aq.where('published', '<=', q.until);
  const arts = new Map((await aq.execute()).map((a) => [a.id, a]));
  if (q.place) {
    const placed = new Set<string>();
    const rows = await db.selectFrom('places').select(['article_id', 'name', 'admin1', 'country']).execute();
    for (const p of rows) if (arts.has(p.article_id) && inPlace(p.name, p.admin1, p.country)) placed.add(p.article_id);
    for (const id of [...arts.keys()]) if (!placed.has(id)) arts.delete(id);
  }
  const claimRows = arts.size ? await inChunks([...arts.keys()], (chunk) => db.selectFrom('claims').selectAll().where('article_id', 'in', chunk).execute()) : [];
  const claimView = (c: (typeof claimRows)[number]): ClaimView => {
    const a = arts.get(c.article_id)!;
    return { article: c.article_id, outlet: a.outlet, published: a.published, title: a.title, url: a.url, mention: c.id, start: c.start, end: c.end, text: c.text, originator: c.originator, status: c.status, hedges: (JSON.parse(c.hedges) as { text: string }[]).map((h) => h.text) };
  };
  const claims = claimRows.map(claimView).sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.article.localeCompare(b.article) || a.start - b.start);
  const unverified = claims.filter((c) => UNVERIFIED.has(c.status));

  const bySourceMap = new Map<string, SituationReport['bySource'][number]>();
  const entry = (o: string) => bySourceMap.get(o) ?? bySourceMap.set(o, { originator: o, figures: [], claims: [] }).get(o)!;
  for (const v of figures) for (const s of v.says) entry(s.originator).figures.push({ record: v.id, category: v.category, place: v.place, date: v.dateStart, says: s });
  for (const c of claims) entry(c.originator).claims.push(c);
  const bySource = [...bySourceMap.values()].sort((a, b) => b.figures.length + b.claims.length - (a.figures.length + a.claims.length) || a.originator.localeCompare(b.originator));

  const contradictions = await contradictionsIn(ledger, new Set(ids), new Set(arts.keys()));

  const series = new Map<string, SituationReport['timelines'][number]>();
  for (const v of figures) {
    const key = `${v.place ?? '?'}|${v.category}|${v.scope}`;
    const s = series.get(key) ?? series.set(key, { place: v.place ?? 'unknown place', category: v.scope === 'cumulative' ? `${v.category} (cumulative)` : v.category, points: [] }).get(key)!;
    s.points.push({ date: v.dateEnd ?? v.dateStart, low: v.low, best: v.best, high: v.high, sources: v.sources, record: v.id });
  }
  const timelines = [...series.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) })).sort((a, b) => b.points.length - a.points.length || a.place.localeCompare(b.place));

  const placesSeen = [...new Set(records.map((r) => r.place_name).filter((p): p is string => Boolean(p)))].sort();
  return { generated: new Date().toISOString(), ledger: ledger.where, query: q, places: placesSeen, articles: new Set(views.flatMap((v) => v.cites.map((c) => c.article))).size, figures, events, bySource, contradictions, unverified, timelines };
}

/** Headline order: most independent sources first, then most mentions, then the larger figure. */
function headlineOrder(a: RecordView, b: RecordView): number {
  return b.sources - a.sources || b.mentions - a.mentions || (b.best ?? 0) - (a.best ?? 0) || a.id.localeCompare(b.id);
}

function view(r: RecordsTable, cites: Citation[], says: SourceSays[], reviews: Map<string, ReviewState>): RecordView {
  let review: ReviewState | null = null;
  for (const c of cites) {
    const rv = reviews.get(c.mention);
    if (rv && (!review || rv.id > review.id)) review = rv;
  }
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    scope: r.scope,
    place: r.place_name,
    admin1: r.admin1,
    country: r.country,
    lat: r.lat == null ? null : Number(r.lat),
    lon: r.lon == null ? null : Number(r.lon),
    dateStart: r.date_start,
    dateEnd: r.date_end,
    timePrecision: r.time_precision,
    low: review?.action === 'correct' && review.low != null ? review.low : num(r.low),
    best: review?.action === 'correct' && review.best != null ? review.best : num(r.best),
    high: review?.action === 'correct' && review.high != null ? review.high : num(r.high),
    sources: Number(r.sources),
    mentions: Number(r.mentions),
    articles: Number(r.articles),
    statuses: JSON.parse(r.statuses),
    disputed: Boolean(Number(r.disputed)),
    notes: r.notes,
    actors: JSON.parse(r.actors),
    says,
    cites,
    review,
  };
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** Runs a query over a long id list in chunks (bound-parameter limits). */
export async function inChunks<T>(ids: string[], f: (chunk: string[]) => Promise<T[]>, size = 5000): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await f(ids.slice(i, i + size))));
  return out;
}

/** Every mention of the records, with its article and characters. */
export async function citationsOf(ledger: Ledger, recordIds: string[]): Promise<Map<string, Citation[]>> {
  const db = ledger.db;
  const out = new Map<string, Citation[]>();
  if (!recordIds.length) return out;
  const rows = await inChunks(recordIds, (chunk) =>
    db
      .selectFrom('record_mentions as rm')
      .innerJoin('articles as a', 'a.id', 'rm.article_id')
      .leftJoin('figures as f', 'f.id', 'rm.mention_id')
      .leftJoin('events as e', 'e.id', 'rm.mention_id')
      .select(['rm.record_id', 'rm.mention_id', 'a.id as article', 'a.outlet', 'a.published', 'a.title', 'a.url', 'f.start as fs', 'f.end as fe', 'f.text as ft', 'e.start as es', 'e.end as ee', 'e.text as et'])
      .where('rm.record_id', 'in', chunk)
      .execute(),
  );
  for (const r of rows) {
    const c: Citation = { article: r.article, outlet: r.outlet, published: r.published, title: r.title, url: r.url, mention: r.mention_id, start: Number(r.fs ?? r.es), end: Number(r.fe ?? r.ee), text: (r.ft ?? r.et) as string };
    const l = out.get(r.record_id) ?? out.set(r.record_id, []).get(r.record_id)!;
    l.push(c);
  }
  for (const l of out.values()) l.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.article.localeCompare(b.article) || a.start - b.start);
  return out;
}

async function sourcesOf(ledger: Ledger, recordIds: string[]): Promise<Map<string, SourceSays[]>> {
  const db = ledger.db;
  const out = new Map<string, SourceSays[]>();
  if (!recordIds.length) return out;
  const rows = await inChunks(recordIds, (chunk) =>
    db
      .selectFrom('record_sources as s')
      .innerJoin('record_mentions as rm', (j) => j.onRef('rm.record_id', '=', 's.record_id').onRef('rm.mention_id', '=', 's.mention_id'))
      .innerJoin('articles as a', 'a.id', 'rm.article_id')
      .leftJoin('figures as f', 'f.id', 's.mention_id')
      .leftJoin('events as e', 'e.id', 's.mention_id')
      .select(['s.record_id', 's.originator', 's.outlets', 's.articles', 's.low', 's.best', 's.high', 's.status', 's.published', 's.mention_id', 'a.id as article', 'a.outlet', 'a.title', 'a.url', 'f.start as fs', 'f.end as fe', 'f.text as ft', 'e.start as es', 'e.end as ee', 'e.text as et'])
      .where('s.record_id', 'in', chunk)
      .execute(),
  );
  for (const r of rows) {
    const l = out.get(r.record_id) ?? out.set(r.record_id, []).get(r.record_id)!;
    l.push({
      originator: r.originator,
      outlets: JSON.parse(r.outlets),
      articles: Number(r.articles),
      low: num(r.low),
      best: num(r.best),
      high: num(r.high),
      status: r.status,
      published: r.published,
      cite: { article: r.article, outlet: r.outlet, published: r.published, title: r.title, url: r.url, mention: r.mention_id, start: Number(r.fs ?? r.es), end: Number(r.fe ?? r.ee), text: (r.ft ?? r.et) as string },
    });
  }
  for (const l of out.values()) l.sort((a, b) => (a.best ?? 0) - (b.best ?? 0) || a.originator.localeCompare(b.originator));
  return out;
}

/** Contradictions about the records in scope, and between claims of the articles in scope. */
async function contradictionsIn(ledger: Ledger, records: Set<string>, articles: Set<string>): Promise<ContradictionView[]> {
  const db = ledger.db;
  const all = await db.selectFrom('contradictions').selectAll().execute();
  const wanted = all.filter((c) => (c.record_id ? records.has(c.record_id) : articles.has(c.a_article) || articles.has(c.b_article)));
  if (!wanted.length) return [];
  const mentionIds = [...new Set(wanted.flatMap((c) => [c.a_mention, c.b_mention]))];
  const figs = await inChunks(mentionIds, (chunk) => db.selectFrom('figures').select(['id', 'start', 'end', 'text', 'originator', 'status']).where('id', 'in', chunk).execute());
  const cls = await inChunks(mentionIds, (chunk) => db.selectFrom('claims').select(['id', 'start', 'end', 'text', 'originator', 'status']).where('id', 'in', chunk).execute());
  const spans = new Map([...figs, ...cls].map((m) => [m.id, m]));
  const artIds = [...new Set(wanted.flatMap((c) => [c.a_article, c.b_article]))];
  const arts = new Map((await inChunks(artIds, (chunk) => db.selectFrom('articles').select(['id', 'outlet', 'published', 'title', 'url']).where('id', 'in', chunk).execute())).map((a) => [a.id, a]));
  const side = (mention: string, article: string) => {
    const m = spans.get(mention), a = arts.get(article);
    return { article, outlet: a?.outlet ?? null, published: a?.published ?? null, title: a?.title ?? null, url: a?.url ?? null, mention, start: Number(m?.start ?? 0), end: Number(m?.end ?? 0), text: m?.text ?? '', originator: m?.originator ?? a?.outlet ?? '', status: m?.status ?? '' };
  };
  return wanted
    .map((c) => ({ id: c.id, kind: c.kind, record: c.record_id, reason: c.reason, a: side(c.a_mention, c.a_article), b: side(c.b_mention, c.b_article) }))
    // figures of the place first, then claims; each by date
    .sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'figure' ? -1 : 1) || (x.a.published ?? '').localeCompare(y.a.published ?? '') || x.id.localeCompare(y.id));
}
