import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Article } from '../../article.js';
import { InputError } from '../../errors.js';
import { articleFromJsonLine } from '../../ingest/gold.js';
import { fetchBytes } from '../../ingest/fetch.js';
import { readArticles } from '../../ingest/read.js';
import { lineSource } from '../../batch/lines.js';
import { MAX_ARTICLE_BYTES } from '../../article.js';
import { articleFromItem, looksLikeFeed, parseFeed } from './feeds.js';

/** One article read from an input, or why it could not be read. */
export type InputItem = { origin: string; article: Article; error?: undefined } | { origin: string; error: string; article?: undefined };

export interface ReadInputOptions {
  /** date for articles that give none */
  published?: string | null;
  /** before fetching a feed item's page: false skips it (watch: already stored) */
  wantLink?: (url: string) => Promise<boolean>;
  /** bytes of local input read so far, for progress */
  onBytes?: (bytes: number) => void;
  /** feeds carry bigger documents than one article */
  maxFeedBytes?: number;
}

const ARTICLE_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.json']);
const LINES_EXT = new Set(['.jsonl', '.ndjson']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf']);

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** The files a path stands for: itself, or the article, JSON Lines and feed files under a folder (sorted). */
export function expandPath(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const ext = extname(e.name).toLowerCase();
        if (ARTICLE_EXT.has(ext) || LINES_EXT.has(ext) || FEED_EXT.has(ext)) out.push(p);
      }
    }
  };
  walk(path);
  return out;
}

/** Total bytes of the local files among the inputs (for the progress bar). */
export function localBytes(files: readonly string[]): number {
  let n = 0;
  for (const f of files) if (!isUrl(f)) n += statSync(f).size;
  return n;
}

const message = (e: unknown) => (e instanceof InputError ? e.message : (e as Error).message);

/**
 * Every article of the inputs, in order: files (text, HTML, JSON), JSON Lines (streamed, one
 * article a line), RSS / Atom feed files, and URLs (an article page or a feed). A feed item that
 * carries its full text is taken as it is; otherwise its page is fetched. Unreadable inputs and
 * lines come out as items with an error, and the rest go on.
 */
export async function* readInputs(inputs: readonly string[], opts: ReadInputOptions = {}): AsyncGenerator<InputItem> {
  let done = 0;
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* fromUrl(input, opts);
      continue;
    }
    const size = statSync(input).size;
    const ext = extname(input).toLowerCase();
    if (LINES_EXT.has(ext)) {
      const src = lineSource(input);
      for await (const { line, lineNo, bytes } of src.lines()) {
        opts.onBytes?.(done + bytes);
        if (!line.trim()) continue;
        const origin = `${input}:${lineNo}`;
        try {
          const a = articleFromJsonLine(line, lineNo);
          yield { origin, article: withDefaults(a, opts) };
        } catch (e) {
          yield { origin, error: message(e).replace(/^line \d+: /, '') };
        }
      }
    } else {
      let head = '';
      if (FEED_EXT.has(ext) || ext === '' || ext === '.xml') head = readHead(input);
      if (FEED_EXT.has(ext) || looksLikeFeed(head)) {
        if (size > (opts.maxFeedBytes ?? 64 * MAX_ARTICLE_BYTES)) yield { origin: input, error: 'feed file too large' };
        else yield* fromFeed(readFileSync(input, 'utf8'), input, opts);
      } else {
        try {
          const articles = await readArticles(input, { published: null });
          for (const [k, a] of articles.entries()) yield { origin: articles.length > 1 ? `${input}:${k + 1}` : input, article: withDefaults(a, opts) };
        } catch (e) {
          yield { origin: input, error: message(e).replace(`${input}: `, '') };
        }
      }
    }
    done += size;
    opts.onBytes?.(done);
  }
}

function readHead(path: string): string {
  const buf = readFileSync(path);
  return buf.subarray(0, 4096).toString('utf8');
}

function withDefaults(a: Article, opts: ReadInputOptions): Article {
  if (!a.published && opts.published) {
    a.published = opts.published;
    a.publishedPrecision = 'day';
  }
  return a;
}

async function* fromUrl(url: string, opts: ReadInputOptions): AsyncGenerator<InputItem> {
  let got;
  try {
    got = await fetchBytes(url, opts.maxFeedBytes ?? 64 * MAX_ARTICLE_BYTES);
  } catch (e) {
    yield { origin: url, error: message(e).replace(`${url}: `, '') };
    return;
  }
  const head = Buffer.from(got.bytes.subarray(0, 4096)).toString('utf8');
  if (/(rss|atom|rdf)\+xml/i.test(got.contentType ?? '') || looksLikeFeed(head)) {
    yield* fromFeed(Buffer.from(got.bytes).toString('utf8'), got.url, opts);
    return;
  }
  if (got.bytes.length > MAX_ARTICLE_BYTES) {
    yield { origin: url, error: 'too large for one article' };
    return;
  }
  try {
    const charset = /charset=([\w.:-]+)/i.exec(got.contentType ?? '')?.[1] ?? null;
    // the page is read from the bytes already fetched (format from its content)
    const articles = await readArticles('-', { stdin: async () => got.bytes, encoding: charset });
    const fetchedAt = new Date().toISOString();
    for (const a of articles) {
      a.url ??= got.url;
      a.outlet ??= hostOf(got.url);
      a.fetchedAt = fetchedAt;
      yield { origin: url, article: withDefaults(a, opts) };
    }
  } catch (e) {
    yield { origin: url, error: message(e).replace(/^stdin: /, '') };
  }
}

async function* fromFeed(xml: string, origin: string, opts: ReadInputOptions): AsyncGenerator<InputItem> {
  let feed;
  try {
    feed = await parseFeed(xml);
  } catch (e) {
    yield { origin, error: `not a readable RSS or Atom feed (${(e as Error).message.split('\n')[0]})` };
    return;
  }
  for (const [k, item] of feed.items.entries()) {
    const where = `${origin}#${item.link ?? k + 1}`;
    const own = articleFromItem(item, feed.title);
    if (own) {
      yield { origin: where, article: withDefaults(own, opts) };
      continue;
    }
    if (!item.link || !isUrl(item.link)) {
      yield { origin: where, error: 'feed item has neither its text nor a link to it' };
      continue;
    }
    if (opts.wantLink && !(await opts.wantLink(item.link))) continue;
    for await (const got of fromUrl(item.link, opts)) {
      if (got.article) {
        got.article.outlet = got.article.outlet ?? feed.title;
        got.article.title ??= item.title;
        if (!got.article.published && item.published) {
          got.article.published = item.published;
          got.article.publishedPrecision = 'day';
        }
      }
      yield { ...got, origin: where } as InputItem;
    }
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
