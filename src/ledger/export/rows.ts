import type { Ledger } from '../db/connect.js';
import type { RecordsTable } from '../db/schema.js';
import { currentReviews } from '../review.js';

/** Columns of the CSV and the GeoJSON properties: ACLED / UCDP GED conventions where they exist. */
export const COLUMNS = [
  'record_id', 'record_type', 'event_date', 'date_start', 'date_end', 'time_precision',
  'event_type', 'sub_event_type', 'category', 'actor1', 'actor2', 'target',
  'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'geonameid',
  'low', 'best', 'high', 'fatalities', 'sources', 'source_names', 'outlets', 'articles', 'mentions',
  'status', 'review', 'statuses', 'disputed', 'scope', 'notes',
] as const;
export type ExportRow = Record<(typeof COLUMNS)[number], string | number | null>;

/** ACLED time precision: 1 the day is known, 2 within a week (or the date of the first report), 3 a month or more. */
function timePrecision(p: string | null): number {
  if (p === 'day' || p === 'time') return 1;
  if (p === 'week' || p === 'reported') return 2;
  return 3;
}

/** ACLED geo precision: 1 the town or part of it, 2 a region or somewhere near, 3 only the country (or unknown). */
function geoPrecision(p: string | null): number {
  if (p === 'city' || p === 'part-of-city') return 1;
  if (p === 'region' || p === 'other') return 2;
  return 3;
}

const STATUS_ORDER = ['confirmed', 'asserted', 'reported', 'estimated', 'believed', 'claimed', 'alleged', 'unverified', 'denied'];

export interface ExportFilter {
  place?: string | null;
  since?: string | null;
  until?: string | null;
}

/** One flat row per record (events first, then figures), reviews applied. */
export async function exportRows(ledger: Ledger, f: ExportFilter = {}): Promise<ExportRow[]> {
  let q = ledger.db.selectFrom('records').selectAll();
  if (f.since) q = q.where('date_end', '>=', f.since);
  if (f.until) q = q.where('date_start', '<=', f.until);
  const records = (await q.orderBy('kind', 'desc').orderBy('date_start').orderBy('id').execute()).filter((r) => !f.place || [r.place_name, r.admin1].some((n) => n && n.toLowerCase() === f.place!.toLowerCase()));
  const sources = await ledger.db.selectFrom('record_sources').select(['record_id', 'originator', 'outlets']).execute();
  const byRecord = new Map<string, { names: Set<string>; outlets: Set<string> }>();
  for (const s of sources) {
    const e = byRecord.get(s.record_id) ?? byRecord.set(s.record_id, { names: new Set(), outlets: new Set() }).get(s.record_id)!;
    e.names.add(s.originator);
    for (const o of JSON.parse(s.outlets) as string[]) e.outlets.add(o);
  }
  const reviews = await currentReviews(ledger);
  const anchors = new Map<string, string>();
  if (reviews.size) {
    const rm = await ledger.db.selectFrom('record_mentions').select(['record_id', 'mention_id']).where('mention_id', 'in', [...reviews.keys()]).execute();
    for (const m of rm) anchors.set(m.record_id, m.mention_id);
  }
  return records.map((r) => row(r, byRecord.get(r.id), anchors.has(r.id) ? reviews.get(anchors.get(r.id)!) ?? null : null));
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

function row(r: RecordsTable, src: { names: Set<string>; outlets: Set<string> } | undefined, review: { action: string; low: number | null; best: number | null; high: number | null; note: string | null } | null): ExportRow {
  const actors = JSON.parse(r.actors) as string[];
  const statuses = JSON.parse(r.statuses) as string[];
  const corrected = review?.action === 'correct';
  const low = corrected && review!.low != null ? review!.low : num(r.low);
  const best = corrected && review!.best != null ? review!.best : num(r.best);
  const high = corrected && review!.high != null ? review!.high : num(r.high);
  const strongest = [...statuses].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b))[0] ?? null;
  return {
    record_id: r.id,
    record_type: r.kind,
    event_date: r.date_end ?? r.date_start,
    date_start: r.date_start,
    date_end: r.date_end,
    time_precision: timePrecision(r.time_precision),
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    category: r.category,
    actor1: actors[0] ?? null,
    actor2: actors[1] ?? null,
    target: actors.slice(2).join('; ') || null,
    country: r.country,
    admin1: r.admin1,
    location: r.place_name,
    latitude: num(r.lat),
    longitude: num(r.lon),
    geo_precision: geoPrecision(r.precision),
    geonameid: num(r.geonameid),
    low,
    best,
    high,
    fatalities: r.kind === 'event' ? best : r.category === 'killed' ? best : null,
    sources: Number(r.sources),
    source_names: [...(src?.names ?? [])].sort().join('; '),
    outlets: [...(src?.outlets ?? [])].sort().join('; '),
    articles: Number(r.articles),
    mentions: Number(r.mentions),
    status: review ? (review.action === 'verify' ? 'verified' : review.action === 'dispute' ? 'disputed' : 'corrected') : strongest,
    review: review ? [review.action, review.note].filter(Boolean).join(': ') : null,
    statuses: statuses.join('; '),
    disputed: Number(r.disputed),
    scope: r.scope,
    notes: r.notes || null,
  };
}
