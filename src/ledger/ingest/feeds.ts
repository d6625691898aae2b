import { createRequire } from 'node:module';
import type Parser from 'rss-parser';
import { type Article, normaliseDate } from '../../article.js';
import { blockText } from '../../ingest/html.js';

/** One entry of an RSS or Atom feed. */
export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  byline: string | null;
  /** the item's own HTML content, when the feed carries it */
  html: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** An item whose own content has at least this much text is taken as the article (no page fetch). */
export const FULL_TEXT_CHARS = 400;

/** True when the start of a file or response is an RSS, RDF or Atom feed. */
export function looksLikeFeed(head: string): boolean {
  const h = head.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (!h.startsWith('<')) return false;
  return /<rss[\s>]/i.test(h) || /<feed[\s>][^]*?xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom/i.test(h) || /<rdf:RDF[\s>]/i.test(h);
}

type ItemExtra = { 'content:encoded'?: string; author?: string };

/** Parses an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export async function parseFeed(xml: string): Promise<Feed> {
  const RssParser = createRequire(import.meta.url)('rss-parser') as typeof Parser;
  const parser = new RssParser<Record<string, unknown>, ItemExtra>({ customFields: { item: ['content:encoded', 'author'] } });
  const out = await parser.parseString(xml);
  return {
    title: out.title?.trim() || null,
    items: out.items.map((it) => ({
      title: it.title?.replace(/\s+/g, ' ').trim() || null,
      link: it.link?.trim() || null,
      published: normaliseDate(it.isoDate ?? it.pubDate ?? null),
      byline: (it.creator ?? (typeof it.author === 'string' ? it.author : null))?.trim() || null,
      html: it['content:encoded'] ?? it.content ?? null,
    })),
  };
}

/** The article an item carries itself (full-text feeds), or null when its page must be fetched. */
export function articleFromItem(item: FeedItem, feedTitle: string | null): Article | null {
  if (!item.html) return null;
  const body = /<[a-z][^>]*>/i.test(item.html) ? blockText(item.html) : item.html.replace(/[ \t]+/g, ' ').trim();
  if (body.length < FULL_TEXT_CHARS) return null;
  const text = item.title && !body.startsWith(item.title) ? `${item.title}\n\n${body}` : body;
  return {
    text,
    title: item.title,
    url: item.link,
    outlet: feedTitle,
    byline: item.byline,
    published: item.published,
    publishedPrecision: item.published ? 'day' : 'unknown',
  };
}
