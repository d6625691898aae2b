import { createHash } from 'node:crypto';
import type { Article } from '../article.js';
import type { Report } from '../model/index.js';
import type { Ledger } from './db/connect.js';
import { insertMany, writeTx } from './db/tx.js';
import type { ArticleRows } from './build/rows.js';

/** An article read and extracted, ready to be written. */
export interface PreparedArticle {
  id: string;
  key: string;
  contentHash: string;
  article: Article;
  origin: string | null;
  report: Report;
  signature: string;
  rows: ArticleRows;
}

export type WriteOutcome = 'new' | 'updated' | 'duplicate';

/**
 * The identity of an article across versions: its canonical URL, else the id its input gives it,
 * else its text. Two inputs with one key are one article (the same text again is a duplicate, a
 * new text is an update); identical texts under different URLs or ids are distinct publications
 * (a wire copy), which story grouping puts together.
 */
export function articleKey(article: Article, contentHash: string): string {
  if (article.url) {
    const u = canonicalUrl(article.url);
    if (u) return `url:${u}`;
  }
  if (article.id) return `id:${article.id}`;
  return `sha256:${contentHash}`;
}

/** The id of one version: the same article always gets the same id, in any ledger. */
export const articleId = (key: string, contentHash: string) => 'A' + createHash('sha256').update(`${key}\n${contentHash}`).digest('hex').slice(0, 20);

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|rss|ito)$/i;

/** A URL as one page: lower-case scheme and host, no default port, fragment, tracking parameters or trailing slash. */
export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol)) return null;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  u.search = params.length ? '?' + new URLSearchParams(params).toString() : '';
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  // http and https name one page
  return u.toString().replace(/^http:/, 'https:');
}

/** Whether this version of the article is already stored (then nothing needs extracting). */
export async function isStored(ledger: Ledger, key: string, contentHash: string): Promise<boolean> {
  let q = ledger.db.selectFrom('articles').select('id').where('content_hash', '=', contentHash);
  // a text with no URL or id is the same article wherever it was read from
  if (!key.startsWith('sha256:')) q = q.where('key', '=', key);
  return Boolean(await q.limit(1).executeTakeFirst());
}

/**
 * Writes one article and all its rows in one transaction: all or nothing, so a crash never leaves
 * half an article, and the same command again finds it stored. A new text for a stored key
 * becomes the current version and points back to the one it replaces.
 */
export async function writeArticle(ledger: Ledger, p: PreparedArticle, version: string): Promise<WriteOutcome> {
  return writeTx(ledger, async (trx) => {
    let dup = trx.selectFrom('articles').select('id').where('content_hash', '=', p.contentHash);
    if (!p.key.startsWith('sha256:')) dup = dup.where('key', '=', p.key);
    if (await dup.limit(1).executeTakeFirst()) return 'duplicate' as const;
    const current = await trx.selectFrom('articles').select(['id', 'version']).where('key', '=', p.key).where('superseded_by', 'is', null).executeTakeFirst();
    if (current) await trx.updateTable('articles').set({ superseded_by: p.id }).where('id', '=', current.id).execute();
    const a = p.article;
    const { text, ...reportWithoutText } = p.report;
    void text;
    await trx
      .insertInto('articles')
      .values({
        id: p.id,
        key: p.key,
        content_hash: p.contentHash,
        version: current ? current.version + 1 : 1,
        supersedes: current?.id ?? null,
        superseded_by: null,
        input_id: a.id ?? null,
        url: a.url ?? null,
        outlet: a.outlet ?? null,
        title: a.title ?? null,
        byline: a.byline ?? null,
        published: p.report.document.published,
        language: p.report.document.language,
        fetched_at: a.fetchedAt ?? null,
        ingested_at: new Date().toISOString(),
        origin: p.origin,
        text: a.text,
        report: JSON.stringify(reportWithoutText),
        sitrep_version: version,
        signature: p.signature,
        story_id: null,
      })
      .execute();
    await insertMany(trx, 'figures', p.rows.figures);
    await insertMany(trx, 'claims', p.rows.claims);
    await insertMany(trx, 'events', p.rows.events);
    await insertMany(trx, 'places', p.rows.places);
    return current ? ('updated' as const) : ('new' as const);
  });
}
