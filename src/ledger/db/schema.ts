import type { ColumnType, Generated } from 'kysely';

/**
 * The ledger's tables, as Kysely sees them. One schema for SQLite and PostgreSQL: text ids,
 * ISO dates as text, booleans as 0/1 integers, JSON as text (portable, and new Report fields
 * never need a migration because each article's whole report is kept as JSON).
 */
export interface LedgerTables {
  articles: ArticlesTable;
  figures: FiguresTable;
  claims: ClaimsTable;
  events: EventsTable;
  places: PlacesTable;
  stories: StoriesTable;
  records: RecordsTable;
  record_mentions: RecordMentionsTable;
  record_sources: RecordSourcesTable;
  contradictions: ContradictionsTable;
  reviews: ReviewsTable;
  audit_log: AuditLogTable;
  ledger_state: LedgerStateTable;
}

/** One stored version of one article. Written once (with its rows) in one transaction. */
export interface ArticlesTable {
  /** sha256(key, content hash), shortened: the same article has the same id in every ledger */
  id: string;
  /** identity across versions: url:<canonical URL>, id:<input id> or sha256:<content hash> */
  key: string;
  content_hash: string;
  version: number;
  /** id of the version this one replaces */
  supersedes: string | null;
  /** id of the version that replaced this one (null: the current version) */
  superseded_by: string | null;
  input_id: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  fetched_at: string | null;
  ingested_at: string;
  /** where it was read from: a path (with line number for JSON Lines) or URL */
  origin: string | null;
  text: string;
  /** the whole Report as JSON, without `text` (kept once, above) */
  report: string;
  sitrep_version: string;
  /** MinHash signature of the text's shingles, hex, for near-duplicate grouping */
  signature: string;
  /** the story (group of near-duplicates) it belongs to; set by consolidation */
  story_id: string | null;
}

/** A figure of one article, with the place, time and source it was read with. */
export interface FiguresTable {
  /** article id + '/' + figure id of the report */
  id: string;
  article_id: string;
  figure_id: string;
  category: string;
  unit: string;
  low: number | null;
  best: number;
  high: number | null;
  qualifier: string | null;
  people: string | null;
  start: number;
  end: number;
  text: string;
  /** every mention of the figure in the article, as JSON [{start, end, text}] */
  spans: string;
  claim_id: string | null;
  status: string;
  speaker: string | null;
  speaker_kind: string;
  /** who the figure comes from: the speaker when named, else the outlet */
  originator: string;
  place_name: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  country: string | null;
  admin1: string | null;
  /** figure, claim, event, nearby, article or none: where the place was taken from */
  place_from: string;
  date_start: string | null;
  date_end: string | null;
  time_precision: string | null;
  /** figure, claim, event or published */
  time_from: string;
  /** incident (a day or a few), or cumulative (a toll over weeks or more) */
  scope: string;
}

export interface ClaimsTable {
  id: string;
  article_id: string;
  claim_id: string;
  start: number;
  end: number;
  text: string;
  status: string;
  hedges: string;
  speaker: string | null;
  speaker_kind: string;
  originator: string;
  attribution_id: string | null;
  place_name: string | null;
  geonameid: number | null;
  country: string | null;
  admin1: string | null;
  date_start: string | null;
  date_end: string | null;
  figure_ids: string;
  /** claims of the same article the extractor says this one contradicts: JSON [{claim, reason}] */
  contradicts: string;
}

export interface EventsTable {
  id: string;
  article_id: string;
  event_id: string;
  code: string;
  event_type: string;
  sub_event_type: string;
  start: number;
  end: number;
  text: string;
  trigger: string | null;
  actors: string;
  status: string;
  speaker_kind: string;
  originator: string;
  place_name: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  country: string | null;
  admin1: string | null;
  place_from: string;
  date_start: string | null;
  date_end: string | null;
  time_precision: string | null;
  time_from: string;
  figure_ids: string;
}

export interface PlacesTable {
  id: string;
  article_id: string;
  place_id: string;
  name: string;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  precision: string;
  feature_code: string | null;
  country: string | null;
  admin1: string | null;
  start: number;
  end: number;
  text: string;
}

/** Near-duplicate articles (wire copies, rewrites) grouped; derived by consolidation. */
export interface StoriesTable {
  id: string;
  title: string | null;
  article_count: number;
  outlet_count: number;
  outlets: string;
  first_published: string | null;
  last_published: string | null;
}

/** A figure or event deduplicated across articles; derived by consolidation. */
export interface RecordsTable {
  /** R + hash of its anchor mention (the earliest): stable while the ledger grows */
  id: string;
  anchor: string;
  kind: 'figure' | 'event';
  /** figure category (killed, injured, ...) or event code (AIR_STRIKE, ...) */
  category: string;
  event_type: string | null;
  sub_event_type: string | null;
  actors: string;
  /** incident (a day or a few) or cumulative (a toll over weeks or more) */
  scope: string;
  place_name: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  country: string | null;
  admin1: string | null;
  date_start: string | null;
  date_end: string | null;
  time_precision: string | null;
  low: number | null;
  best: number | null;
  high: number | null;
  /** distinct originators (wire copies in one story count once) */
  sources: number;
  mentions: number;
  articles: number;
  outlets: number;
  statuses: string;
  disputed: number;
  notes: string;
  first_published: string | null;
  last_published: string | null;
  /** for an event: the killed figure record it carries */
  fatalities_record: string | null;
}

export interface RecordMentionsTable {
  record_id: string;
  /** a figures.id or events.id */
  mention_id: string;
  article_id: string;
  /** the independence group the mention counts in */
  source_key: string;
}

/** What one independent source says about one record. */
export interface RecordSourcesTable {
  record_id: string;
  source_key: string;
  originator: string;
  outlets: string;
  articles: number;
  /** the source's latest figure */
  low: number | null;
  best: number | null;
  high: number | null;
  status: string;
  mention_id: string;
  published: string | null;
}

/** Two mentions that cannot both hold: figures beyond their ranges, or claims that deny each other. */
export interface ContradictionsTable {
  id: string;
  kind: 'figure' | 'claim';
  record_id: string | null;
  a_mention: string;
  a_article: string;
  b_mention: string;
  b_article: string;
  reason: string;
}

/** An analyst's verdict on a record. Append-only: the latest review of a record is its state. */
export interface ReviewsTable {
  id: Generated<number>;
  record_id: string;
  /** the record's anchor mention: the review follows it when records are rebuilt */
  anchor: string;
  action: 'verify' | 'dispute' | 'correct';
  low: number | null;
  best: number | null;
  high: number | null;
  category: string | null;
  note: string | null;
  reviewer: string;
  created_at: string;
}

/** Every change to the ledger, append-only (triggers refuse UPDATE and DELETE). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

/** Small key/value state: what consolidation last saw. */
export interface LedgerStateTable {
  key: string;
  value: ColumnType<string, string, string>;
}
