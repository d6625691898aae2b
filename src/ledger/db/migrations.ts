import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Engine } from './connect.js';

/**
 * The ledger's migrations: one list for both engines, written with Kysely's schema builder.
 * Only the append-only triggers differ (SQLite and PostgreSQL trigger syntax).
 * Never edit a migration that has shipped: add the next one.
 */
export function ledgerMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_init': {
      async up(db: Kysely<any>) {
        const float = 'double precision';
        await db.schema
          .createTable('articles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('supersedes', 'text')
          .addColumn('superseded_by', 'text')
          .addColumn('input_id', 'text')
          .addColumn('url', 'text')
          .addColumn('outlet', 'text')
          .addColumn('title', 'text')
          .addColumn('byline', 'text')
          .addColumn('published', 'text')
          .addColumn('language', 'text')
          .addColumn('fetched_at', 'text')
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .addColumn('origin', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('report', 'text', (c) => c.notNull())
          .addColumn('sitrep_version', 'text', (c) => c.notNull())
          .addColumn('signature', 'text', (c) => c.notNull())
          .addColumn('story_id', 'text')
          .addUniqueConstraint('articles_key_hash', ['key', 'content_hash'])
          .execute();
        // one current version per key
        await sql`create unique index articles_current_key on articles (key) where superseded_by is null`.execute(db);
        await db.schema.createIndex('articles_hash').on('articles').column('content_hash').execute();
        await db.schema.createIndex('articles_published').on('articles').column('published').execute();

        const located = (t: any, coords: boolean): any => {
          let u: any = t.addColumn('place_name', 'text').addColumn('geonameid', 'integer');
          if (coords) u = u.addColumn('lat', float).addColumn('lon', float).addColumn('precision', 'text');
          return u.addColumn('country', 'text').addColumn('admin1', 'text');
        };
        const span = (t: any) => t.addColumn('start', 'integer', (c: any) => c.notNull()).addColumn('end', 'integer', (c: any) => c.notNull()).addColumn('text', 'text', (c: any) => c.notNull());
        const article = (t: any) => t.addColumn('article_id', 'text', (c: any) => c.notNull().references('articles.id').onDelete('cascade'));

        let figures: any = article(db.schema.createTable('figures').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('figure_id', 'text', (c: any) => c.notNull())
          .addColumn('category', 'text', (c: any) => c.notNull())
          .addColumn('unit', 'text', (c: any) => c.notNull())
          .addColumn('low', float)
          .addColumn('best', float, (c: any) => c.notNull())
          .addColumn('high', float)
          .addColumn('qualifier', 'text')
          .addColumn('people', 'text');
        figures = span(figures)
          .addColumn('spans', 'text', (c: any) => c.notNull())
          .addColumn('claim_id', 'text')
          .addColumn('status', 'text', (c: any) => c.notNull())
          .addColumn('speaker', 'text')
          .addColumn('speaker_kind', 'text', (c: any) => c.notNull())
          .addColumn('originator', 'text', (c: any) => c.notNull());
        figures = located(figures, true)
          .addColumn('place_from', 'text', (c: any) => c.notNull())
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('time_precision', 'text')
          .addColumn('time_from', 'text', (c: any) => c.notNull())
          .addColumn('scope', 'text', (c: any) => c.notNull());
        await figures.execute();
        await db.schema.createIndex('figures_article').on('figures').column('article_id').execute();
        await db.schema.createIndex('figures_category').on('figures').columns(['category', 'date_start']).execute();

        let claims: any = article(db.schema.createTable('claims').addColumn('id', 'text', (c) => c.primaryKey())).addColumn('claim_id', 'text', (c: any) => c.notNull());
        claims = span(claims)
          .addColumn('status', 'text', (c: any) => c.notNull())
          .addColumn('hedges', 'text', (c: any) => c.notNull())
          .addColumn('speaker', 'text')
          .addColumn('speaker_kind', 'text', (c: any) => c.notNull())
          .addColumn('originator', 'text', (c: any) => c.notNull())
          .addColumn('attribution_id', 'text');
        claims = located(claims, false)
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('figure_ids', 'text', (c: any) => c.notNull())
          .addColumn('contradicts', 'text', (c: any) => c.notNull());
        await claims.execute();
        await db.schema.createIndex('claims_article').on('claims').column('article_id').execute();

        let events: any = article(db.schema.createTable('events').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('event_id', 'text', (c: any) => c.notNull())
          .addColumn('code', 'text', (c: any) => c.notNull())
          .addColumn('event_type', 'text', (c: any) => c.notNull())
          .addColumn('sub_event_type', 'text', (c: any) => c.notNull());
        events = span(events)
          .addColumn('trigger', 'text')
          .addColumn('actors', 'text', (c: any) => c.notNull())
          .addColumn('status', 'text', (c: any) => c.notNull())
          .addColumn('speaker_kind', 'text', (c: any) => c.notNull())
          .addColumn('originator', 'text', (c: any) => c.notNull());
        events = located(events, true)
          .addColumn('place_from', 'text', (c: any) => c.notNull())
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('time_precision', 'text')
          .addColumn('time_from', 'text', (c: any) => c.notNull())
          .addColumn('figure_ids', 'text', (c: any) => c.notNull());
        await events.execute();
        await db.schema.createIndex('events_article').on('events').column('article_id').execute();

        let places: any = article(db.schema.createTable('places').addColumn('id', 'text', (c) => c.primaryKey()))
          .addColumn('place_id', 'text', (c: any) => c.notNull())
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('geonameid', 'integer')
          .addColumn('lat', float)
          .addColumn('lon', float)
          .addColumn('precision', 'text', (c: any) => c.notNull())
          .addColumn('feature_code', 'text')
          .addColumn('country', 'text')
          .addColumn('admin1', 'text');
        await span(places).execute();
        await db.schema.createIndex('places_article').on('places').column('article_id').execute();
        await db.schema.createIndex('places_name').on('places').column('name').execute();

        // derived by consolidation: rebuilt as a whole, in one transaction
        await db.schema
          .createTable('stories')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text')
          .addColumn('article_count', 'integer', (c) => c.notNull())
          .addColumn('outlet_count', 'integer', (c) => c.notNull())
          .addColumn('outlets', 'text', (c) => c.notNull())
          .addColumn('first_published', 'text')
          .addColumn('last_published', 'text')
          .execute();

        let records: any = db.schema
          .createTable('records')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('anchor', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('event_type', 'text')
          .addColumn('sub_event_type', 'text')
          .addColumn('actors', 'text', (c) => c.notNull())
          .addColumn('scope', 'text', (c) => c.notNull());
        records = located(records, true)
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('time_precision', 'text')
          .addColumn('low', float)
          .addColumn('best', float)
          .addColumn('high', float)
          .addColumn('sources', 'integer', (c: any) => c.notNull())
          .addColumn('mentions', 'integer', (c: any) => c.notNull())
          .addColumn('articles', 'integer', (c: any) => c.notNull())
          .addColumn('outlets', 'integer', (c: any) => c.notNull())
          .addColumn('statuses', 'text', (c: any) => c.notNull())
          .addColumn('disputed', 'integer', (c: any) => c.notNull())
          .addColumn('notes', 'text', (c: any) => c.notNull())
          .addColumn('first_published', 'text')
          .addColumn('last_published', 'text')
          .addColumn('fatalities_record', 'text');
        await records.execute();
        await db.schema.createIndex('records_place').on('records').columns(['place_name', 'date_start']).execute();

        await db.schema
          .createTable('record_mentions')
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('mention_id', 'text', (c) => c.notNull())
          .addColumn('article_id', 'text', (c) => c.notNull())
          .addColumn('source_key', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('record_mentions_pk', ['record_id', 'mention_id'])
          .execute();
        await db.schema.createIndex('record_mentions_mention').on('record_mentions').column('mention_id').execute();

        await db.schema
          .createTable('record_sources')
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('source_key', 'text', (c) => c.notNull())
          .addColumn('originator', 'text', (c) => c.notNull())
          .addColumn('outlets', 'text', (c) => c.notNull())
          .addColumn('articles', 'integer', (c) => c.notNull())
          .addColumn('low', float)
          .addColumn('best', float)
          .addColumn('high', float)
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('mention_id', 'text', (c) => c.notNull())
          .addColumn('published', 'text')
          .addPrimaryKeyConstraint('record_sources_pk', ['record_id', 'source_key'])
          .execute();

        await db.schema
          .createTable('contradictions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('record_id', 'text')
          .addColumn('a_mention', 'text', (c) => c.notNull())
          .addColumn('a_article', 'text', (c) => c.notNull())
          .addColumn('b_mention', 'text', (c) => c.notNull())
          .addColumn('b_article', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .execute();

        // review and audit: written by people, never rebuilt, append-only
        await db.schema
          .createTable('reviews')
          .addColumn('id', engine === 'sqlite' ? 'integer' : 'serial', (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('anchor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('low', float)
          .addColumn('best', float)
          .addColumn('high', float)
          .addColumn('category', 'text')
          .addColumn('note', 'text')
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reviews_anchor').on('reviews').column('anchor').execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', engine === 'sqlite' ? 'integer' : 'serial', (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target_type', 'text', (c) => c.notNull())
          .addColumn('target_id', 'text', (c) => c.notNull())
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .addColumn('note', 'text')
          .execute();
        await appendOnly(db, engine, ['reviews', 'audit_log']);

        await db.schema
          .createTable('ledger_state')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}

/** Triggers that refuse UPDATE and DELETE on the given tables. */
async function appendOnly(db: Kysely<any>, engine: Engine, tables: string[]): Promise<void> {
  if (engine === 'postgres') {
    await sql`create or replace function sitrep_append_only() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
  }
  for (const t of tables) {
    if (engine === 'sqlite') {
      await sql.raw(`create trigger ${t}_no_update before update on ${t} begin select raise(abort, '${t} is append-only'); end`).execute(db);
      await sql.raw(`create trigger ${t}_no_delete before delete on ${t} begin select raise(abort, '${t} is append-only'); end`).execute(db);
    } else {
      await sql.raw(`create trigger ${t}_append_only before update or delete on ${t} for each row execute function sitrep_append_only()`).execute(db);
    }
  }
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations() {
    return this.migrations;
  }
}

/** Brings the ledger's schema to the latest migration (a no-op when it is there). */
export async function migrateToLatest(db: Kysely<any>, engine: Engine, schema?: string): Promise<void> {
  // PostgreSQL: name the schema, or Kysely may take another schema's migration tables for ours
  const migrator = new Migrator({ db, provider: new StaticProvider(ledgerMigrations(engine)), ...(engine === 'postgres' && schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`ledger migration ${failed ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}
