import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openLedger, type Ledger } from '../src/ledger/db/connect.js';
import { ingest } from '../src/ledger/ingest/run.js';
import { consolidate } from '../src/ledger/consolidate.js';
import { findRecord, reviewRecord, reviewsOf } from '../src/ledger/review.js';
import { situationReport } from '../src/ledger/report/query.js';
import { exportRows } from '../src/ledger/export/rows.js';
import { loadResources } from '../src/resources/load.js';
import { tempDir } from './helpers.js';
import { aleppoDay, levantPostUpdate, pgForTest, toJsonl } from './ledger-fixtures.js';

const res = loadResources();
const opts = { res, version: 'test', jobs: 1 };

async function count(l: Ledger, table: 'articles' | 'records' | 'figures' | 'stories' | 'audit_log' | 'reviews'): Promise<number> {
  return Number((await l.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** The storage behaviour every engine must show; run once per engine. */
async function storageBehaviour(target: string) {
  const dir = tempDir('sitrep-ledger-');
  const day = join(dir, 'day.jsonl'), upd = join(dir, 'update.jsonl');
  writeFileSync(day, toJsonl(aleppoDay()));
  writeFileSync(upd, toJsonl([levantPostUpdate()]));
  const l = await openLedger(target);
  try {
    // first ingest: everything new, one transaction per article
    const first = await ingest(l, [day], opts);
    assert.deepEqual([first.read, first.new, first.updated, first.duplicate, first.failed], [5, 5, 0, 0, 0]);
    const records1 = (await l.db.selectFrom('records').select(['id', 'mentions', 'sources']).orderBy('id').execute()).map((r) => `${r.id}:${r.mentions}:${r.sources}`);
    const figures1 = await count(l, 'figures');
    assert.ok(records1.length > 0, 'figures of the articles became records');

    // the same input again: stored once, the same records
    const again = await ingest(l, [day], opts);
    assert.deepEqual([again.new, again.updated, again.duplicate], [0, 0, 5]);
    assert.equal(await count(l, 'articles'), 5);
    assert.equal(await count(l, 'figures'), figures1);
    const dupKeys = await l.db.selectFrom('articles').select('key').where('superseded_by', 'is', null).groupBy('key').having(sql`count(*)`, '>', 1).execute();
    assert.deepEqual(dupKeys, []);
    await consolidate(l, res, { force: true });
    const records2 = (await l.db.selectFrom('records').select(['id', 'mentions', 'sources']).orderBy('id').execute()).map((r) => `${r.id}:${r.mentions}:${r.sources}`);
    assert.deepEqual(records2, records1, 'a rebuild gives the same records and ids');

    // wire copies (one text, several outlets) are one story
    const arts = await l.db.selectFrom('articles').select(['outlet', 'story_id', 'key']).execute();
    const storyOf = (o: string) => arts.find((a) => a.outlet === o)!.story_id;
    assert.equal(storyOf('Example Wire'), storyOf('Coastal Herald'));
    assert.notEqual(storyOf('Example Wire'), storyOf('Desert Daily'));
    assert.equal(await count(l, 'stories'), new Set(arts.map((a) => a.story_id)).size);

    // an updated text of a known URL is its next version, linked to the first
    const u = await ingest(l, [upd], opts);
    assert.deepEqual([u.new, u.updated, u.duplicate], [0, 1, 0]);
    const versions = await l.db.selectFrom('articles').select(['id', 'version', 'supersedes', 'superseded_by']).where('key', '=', 'url:https://levant-post.example/news/aleppo-raids').orderBy('version').execute();
    assert.equal(versions.length, 2);
    assert.equal(versions[0]!.superseded_by, versions[1]!.id);
    assert.equal(versions[1]!.supersedes, versions[0]!.id);
    assert.equal(versions[1]!.superseded_by, null);
    // its figures are stored, but only the current version counts in records
    const old = versions[0]!.id;
    const oldInRecords = await l.db.selectFrom('record_mentions').select('mention_id').where('article_id', '=', old).execute();
    assert.deepEqual(oldInRecords, []);
    const full = await l.db.selectFrom('articles').select(['report', 'text']).where('id', '=', versions[1]!.id).executeTakeFirstOrThrow();
    assert.match(full.text, /rose to 15/);
    assert.ok(Array.isArray(JSON.parse(full.report).figures), 'the whole report is kept as JSON');

    // every figure record keeps its mentions with article and characters
    const rec = await l.db.selectFrom('records').selectAll().where('kind', '=', 'figure').orderBy('mentions', 'desc').executeTakeFirstOrThrow();
    const mentions = await l.db.selectFrom('record_mentions as rm').innerJoin('figures as f', 'f.id', 'rm.mention_id').innerJoin('articles as a', 'a.id', 'rm.article_id').select(['f.start', 'f.end', 'f.text', 'a.text as body']).where('rm.record_id', '=', rec.id).execute();
    assert.equal(mentions.length, Number(rec.mentions));
    for (const m of mentions) assert.equal(m.body.slice(Number(m.start), Number(m.end)), m.text);
    assert.ok(Number(rec.sources) <= Number(rec.articles), 'sources are never more than articles');

    // review: appended with its audit entry; both tables refuse changes; a rebuild keeps it
    const before = await count(l, 'audit_log');
    const rv = await reviewRecord(l, rec.id, { action: 'correct', best: 7, note: 'hospital list checked', reviewer: 'analyst-1' });
    assert.equal(rv.action, 'correct');
    assert.equal(await count(l, 'audit_log'), before + 1);
    const entry = await l.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(entry.action, 'review.correct');
    assert.equal(entry.actor, 'analyst-1');
    assert.equal(entry.target_id, rec.id);
    assert.equal(JSON.parse(entry.after!).review.best, 7);
    await assert.rejects(l.db.updateTable('audit_log').set({ note: 'changed' }).execute(), /append-only/);
    await assert.rejects(l.db.deleteFrom('audit_log').execute(), /append-only/);
    await assert.rejects(l.db.deleteFrom('reviews').execute(), /append-only/);
    await consolidate(l, res, { force: true });
    const after = await findRecord(l, rec.id);
    assert.ok(after);
    assert.equal((await reviewsOf(l, after!.id)).at(-1)?.best, 7);
    const rows = await exportRows(l);
    const row = rows.find((r) => r.record_id === after!.id)!;
    assert.equal(row.best, 7);
    assert.equal(row.status, 'corrected');

    // the situation report cites articles and characters
    const rep = await situationReport(l, { place: 'Aleppo' });
    assert.ok(rep.figures.length >= 1);
    for (const f of rep.figures) for (const c of f.cites) assert.ok(c.end > c.start && c.article.startsWith('A'));
    const homs = await situationReport(l, { place: 'Homs' });
    assert.ok(homs.figures.every((f) => f.place === 'Homs'));
    return { articles: await count(l, 'articles'), records: records1.length };
  } finally {
    await l.close();
  }
}

test('ledger storage on SQLite: idempotent ingest, versions, stories, records, reviews and audit', async () => {
  const r = await storageBehaviour(join(tempDir('sitrep-sqlite-'), 'ledger.db'));
  assert.equal(r.articles, 6);
});

test('ledger storage on PostgreSQL: the same behaviour and the same counts as SQLite', async (t) => {
  const pg = await pgForTest('storage');
  if ('skip' in pg) {
    t.skip(pg.skip);
    return;
  }
  try {
    const r = await storageBehaviour(pg.url);
    const s = await storageBehaviour(join(tempDir('sitrep-sqlite-'), 'ledger.db'));
    assert.deepEqual(r, s);
  } finally {
    await pg.drop();
  }
});

test('a ledger opened twice is migrated once; a bad PostgreSQL URL is a one-line error', async () => {
  const file = join(tempDir('sitrep-sqlite-'), 'l.db');
  const a = await openLedger(file);
  const b = await openLedger(file);
  await a.close();
  await b.close();
  await assert.rejects(openLedger('postgres://nobody@127.0.0.1:1/none'), /cannot connect to PostgreSQL/);
});
