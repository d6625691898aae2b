import { sql } from 'kysely';
import type { Ledger } from './db/connect.js';
import type { ClaimsTable, ContradictionsTable, EventsTable, FiguresTable, RecordMentionsTable, RecordSourcesTable, RecordsTable, StoriesTable } from './db/schema.js';
import { insertMany, writeTx } from './db/tx.js';
import { groupStories } from './build/stories.js';
import { signatureFromHex } from './build/minhash.js';
import { buildRecords, byId, peopleClass, type LedgerRecord, type MentionIn, type PlaceIn } from './build/records.js';
import { claimContradictions, contradictionId, type ClaimIn } from './build/claims.js';
import { OriginatorNames } from './build/originators.js';
import type { Resources } from '../resources/resources.js';

export interface ConsolidateSummary {
  articles: number;
  stories: number;
  records: number;
  figureRecords: number;
  eventRecords: number;
  contradictions: number;
  seconds: number;
}

const STATE_KEY = 'consolidated_articles';

/** Whether articles were written since the derived tables were last rebuilt. */
export async function needsConsolidation(ledger: Ledger): Promise<boolean> {
  const [count, state] = await Promise.all([
    ledger.db.selectFrom('articles').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ledger.db.selectFrom('ledger_state').select('value').where('key', '=', STATE_KEY).executeTakeFirst(),
  ]);
  return String(Number(count.n)) !== (state?.value ?? '0');
}

/**
 * Rebuilds what is derived from the articles (stories, records with their mentions and sources,
 * contradictions) in one transaction, deterministically: the same articles give the same ids and
 * rows whatever the order they were ingested in. Reviews are kept apart (they follow a record's
 * anchor mention), so a rebuild never loses one. Skipped when nothing changed, unless forced.
 */
export async function consolidate(ledger: Ledger, res: Resources | null, opts: { force?: boolean } = {}): Promise<ConsolidateSummary | null> {
  const t0 = performance.now();
  return writeTx(
    ledger,
    async (trx) => {
      const count = Number((await trx.selectFrom('articles').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      const state = await trx.selectFrom('ledger_state').select('value').where('key', '=', STATE_KEY).executeTakeFirst();
      if (!opts.force && state?.value === String(count)) return null;

      // every read in one fixed order (sorted here, by code unit: engines' collations differ), so that the
      // records do not depend on the order an engine returns rows in
      const arts = (await trx.selectFrom('articles').select(['id', 'content_hash', 'published', 'outlet', 'title', 'signature', 'story_id']).where('superseded_by', 'is', null).execute()).sort(byId);
      const stories = groupStories(arts.map((a) => ({ id: a.id, contentHash: a.content_hash, published: a.published, outlet: a.outlet, title: a.title, signature: signatureFromHex(a.signature) })));
      const storyOf = new Map<string, string>();
      for (const s of stories) for (const id of s.articles) storyOf.set(id, s.id);
      for (const a of arts) {
        const s = storyOf.get(a.id)!;
        if (a.story_id !== s) await trx.updateTable('articles').set({ story_id: s }).where('id', '=', a.id).execute();
      }
      const meta = new Map(arts.map((a) => [a.id, { published: a.published, outlet: a.outlet ?? 'unknown outlet', story: storyOf.get(a.id)! }]));

      const current = (q: any) => q.innerJoin('articles', 'articles.id', 'article_id').where('articles.superseded_by', 'is', null);
      const figs: FiguresTable[] = (await current(trx.selectFrom('figures')).selectAll('figures').execute()).sort(byId);
      const evs: EventsTable[] = (await current(trx.selectFrom('events')).selectAll('events').execute()).sort(byId);
      const cls: ClaimsTable[] = (await current(trx.selectFrom('claims')).selectAll('claims').execute()).sort(byId);

      const names = new OriginatorNames(res);
      for (const r of [...figs, ...evs, ...cls]) names.add(r.originator);
      for (const a of arts) if (a.outlet) names.add(a.outlet);

      const place = (r: any): PlaceIn | null => (r.place_name ? { name: r.place_name, geonameid: r.geonameid, lat: r.lat, lon: r.lon, precision: r.precision, country: r.country, admin1: r.admin1 } : null);
      const classes: ReadonlyMap<string, string> = res?.has('lexicon/ledger-people-classes.txt') ? res.map('ledger-people-classes') : new Map();
      const mentions: MentionIn[] = [];
      for (const f of figs) {
        const m = meta.get(f.article_id);
        if (!m) continue;
        mentions.push({
          id: f.id, kind: 'figure', articleId: f.article_id, storyId: m.story, published: m.published, outlet: m.outlet,
          category: f.category, unit: f.unit, low: num(f.low), best: num(f.best), high: num(f.high),
          place: place(f), placeFrom: f.place_from, dateStart: f.date_start, dateEnd: f.date_end, timePrecision: f.time_precision, timeFrom: f.time_from,
          status: f.status, originator: f.originator, originatorKind: f.speaker_kind, start: f.start, end: f.end, text: f.text, scope: f.scope, peopleClass: peopleClass(f.people, classes),
        });
      }
      for (const e of evs) {
        const m = meta.get(e.article_id);
        if (!m) continue;
        mentions.push({
          id: e.id, kind: 'event', articleId: e.article_id, storyId: m.story, published: m.published, outlet: m.outlet,
          category: e.code, eventType: e.event_type, subEventType: e.sub_event_type, actors: JSON.parse(e.actors),
          unit: 'event', low: null, best: null, high: null,
          place: place(e), placeFrom: e.place_from, dateStart: e.date_start, dateEnd: e.date_end, timePrecision: e.time_precision, timeFrom: e.time_from,
          status: e.status, originator: e.originator, originatorKind: e.speaker_kind, start: e.start, end: e.end, text: e.text,
          figureIds: JSON.parse(e.figure_ids),
        });
      }
      const records = buildRecords(mentions, names);
      linkFatalities(records);

      const claims: ClaimIn[] = [];
      for (const c of cls) {
        const m = meta.get(c.article_id);
        if (m) claims.push({ id: c.id, articleId: c.article_id, storyId: m.story, published: m.published, outlet: m.outlet, text: c.text, status: c.status, originator: c.originator, country: c.country });
      }
      const contradictions: ContradictionsTable[] = [];
      for (const r of records) {
        for (const x of r.contradictions) contradictions.push({ id: contradictionId('figure', x.a.id, x.b.id), kind: 'figure', record_id: r.id, a_mention: x.a.id, a_article: x.a.articleId, b_mention: x.b.id, b_article: x.b.articleId, reason: x.reason });
      }
      for (const x of claimContradictions(claims, names)) contradictions.push({ id: x.id, kind: 'claim', record_id: null, a_mention: x.a.id, a_article: x.a.articleId, b_mention: x.b.id, b_article: x.b.articleId, reason: x.reason });
      // the extractor's own pairs, within one article
      for (const c of cls) {
        if (!meta.has(c.article_id)) continue;
        for (const o of JSON.parse(c.contradicts) as { claim: string; reason: string }[]) {
          if (c.id < o.claim) contradictions.push({ id: contradictionId('claim', c.id, o.claim), kind: 'claim', record_id: null, a_mention: c.id, a_article: c.article_id, b_mention: o.claim, b_article: c.article_id, reason: o.reason });
        }
      }
      const uniqueContradictions = [...new Map(contradictions.map((c) => [c.id, c])).values()];

      await trx.deleteFrom('stories').execute();
      await trx.deleteFrom('record_mentions').execute();
      await trx.deleteFrom('record_sources').execute();
      await trx.deleteFrom('contradictions').execute();
      await trx.deleteFrom('records').execute();
      await insertMany(trx, 'stories', stories.map((s): StoriesTable => ({ id: s.id, title: s.title, article_count: s.articles.length, outlet_count: s.outlets.length, outlets: JSON.stringify(s.outlets), first_published: s.firstPublished, last_published: s.lastPublished })));
      await insertMany(trx, 'records', records.map(recordRow));
      await insertMany(trx, 'record_mentions', records.flatMap((r) => r.mentions.map((m): RecordMentionsTable => ({ record_id: r.id, mention_id: m.id, article_id: m.articleId, source_key: r.sourceKeyOf.get(m.id)! }))));
      await insertMany(trx, 'record_sources', records.flatMap((r) => r.sources.map((s): RecordSourcesTable => ({ record_id: r.id, source_key: s.key, originator: s.originator, outlets: JSON.stringify(s.outlets), articles: s.articles, low: s.latest.low, best: s.latest.best, high: s.latest.high, status: s.latest.status, mention_id: s.latest.id, published: s.latest.published }))));
      await insertMany(trx, 'contradictions', uniqueContradictions);
      const value = String(count);
      const at = new Date().toISOString();
      if (state) await trx.updateTable('ledger_state').set({ value }).where('key', '=', STATE_KEY).execute();
      else await trx.insertInto('ledger_state').values({ key: STATE_KEY, value }).execute();
      await trx.deleteFrom('ledger_state').where('key', '=', 'consolidated_at').execute();
      await trx.insertInto('ledger_state').values({ key: 'consolidated_at', value: at }).execute();
      return {
        articles: arts.length,
        stories: stories.length,
        records: records.length,
        figureRecords: records.filter((r) => r.kind === 'figure').length,
        eventRecords: records.filter((r) => r.kind === 'event').length,
        contradictions: uniqueContradictions.length,
        seconds: (performance.now() - t0) / 1000,
      };
    },
    { lock: 'sitrep-consolidate' },
  );
}

export interface LedgerCounts {
  articles: number;
  stories: number;
  figureRecords: number;
  eventRecords: number;
  contradictions: number;
}

/** What the ledger holds now (current article versions, derived tables as last rebuilt). */
export async function ledgerCounts(ledger: Ledger): Promise<LedgerCounts> {
  const db = ledger.db;
  const n = async (q: Promise<{ n: string | number } | undefined>) => Number((await q)?.n ?? 0);
  return {
    articles: await n(db.selectFrom('articles').select(sql<string>`count(*)`.as('n')).where('superseded_by', 'is', null).executeTakeFirst()),
    stories: await n(db.selectFrom('stories').select(sql<string>`count(*)`.as('n')).executeTakeFirst()),
    figureRecords: await n(db.selectFrom('records').select(sql<string>`count(*)`.as('n')).where('kind', '=', 'figure').executeTakeFirst()),
    eventRecords: await n(db.selectFrom('records').select(sql<string>`count(*)`.as('n')).where('kind', '=', 'event').executeTakeFirst()),
    contradictions: await n(db.selectFrom('contradictions').select(sql<string>`count(*)`.as('n')).executeTakeFirst()),
  };
}

/** PostgreSQL returns some numbers as strings. */
const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** An event's fatalities: the killed-figure record its figures most often belong to. */
function linkFatalities(records: LedgerRecord[]): void {
  const recordOfFigure = new Map<string, LedgerRecord>();
  for (const r of records) if (r.kind === 'figure' && r.category === 'killed') for (const m of r.mentions) recordOfFigure.set(m.id, r);
  for (const r of records) {
    if (r.kind !== 'event') continue;
    const tally = new Map<LedgerRecord, number>();
    for (const m of r.mentions) for (const f of m.figureIds ?? []) {
      const fr = recordOfFigure.get(f);
      if (fr) tally.set(fr, (tally.get(fr) ?? 0) + 1);
    }
    const top = [...tally].sort((a, b) => b[1] - a[1] || a[0].id.localeCompare(b[0].id))[0]?.[0];
    if (top) {
      r.fatalitiesRecord = top.id;
      r.low = top.low;
      r.best = top.best;
      r.high = top.high;
    }
  }
}

function recordRow(r: LedgerRecord): RecordsTable {
  return {
    id: r.id,
    anchor: r.anchor,
    kind: r.kind,
    category: r.category,
    event_type: r.eventType,
    sub_event_type: r.subEventType,
    actors: JSON.stringify(r.actors),
    scope: r.scope,
    place_name: r.place?.name ?? null,
    geonameid: r.place?.geonameid ?? null,
    lat: r.place?.lat ?? null,
    lon: r.place?.lon ?? null,
    precision: r.place?.precision ?? null,
    country: r.place?.country ?? null,
    admin1: r.place?.admin1 ?? null,
    date_start: r.dateStart,
    date_end: r.dateEnd,
    time_precision: r.timePrecision,
    low: r.low,
    best: r.best,
    high: r.high,
    sources: r.sources.length,
    mentions: r.mentions.length,
    articles: r.articles,
    outlets: r.outlets,
    statuses: JSON.stringify(r.statuses),
    disputed: r.contradictions.length ? 1 : 0,
    notes: r.notes.join('; '),
    first_published: r.firstPublished,
    last_published: r.lastPublished,
    fatalities_record: r.fatalitiesRecord,
  };
}
