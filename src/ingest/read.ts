import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { type Article, MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, megabytes } from '../article.js';
import { decodeText, declaredHtmlCharset } from './decode.js';
import { articleFromHtml, looksLikeHtml } from './html.js';
import { articleFromJson, articleFromJsonLine } from './gold.js';
import { fetchBytes } from './fetch.js';

export interface ReadOptions {
  /** --encoding: the text's encoding when it is not UTF-8 and detection is not wanted */
  encoding?: string | null;
  /** --published: the date for articles that do not give one (overrides the page's date) */
  published?: string | null;
  stdin?: () => Promise<Uint8Array>;
}

export type InputFormat = 'text' | 'html' | 'json';

/** Reads every byte of standard input. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    size += (c as Buffer).length;
    if (size > MAX_ARTICLE_BYTES) throw new InputError(`stdin: more than ${megabytes(MAX_ARTICLE_BYTES)}, too large for one article`);
  }
  return Buffer.concat(chunks);
}

/** Articles from a file, a URL or "-" (stdin): plain text, an HTML page, or gold-format JSON. */
export async function readArticles(source: string, opts: ReadOptions = {}): Promise<Article[]> {
  let bytes: Uint8Array, contentType: string | null = null, url: string | null = null;
  if (/^https?:\/\//i.test(source)) {
    const got = await fetchBytes(source, MAX_ARTICLE_BYTES);
    ({ bytes, contentType } = got);
    url = got.url;
  } else if (source === '-') {
    bytes = await (opts.stdin ?? readStdin)();
  } else {
    let size: number;
    try {
      const st = statSync(source);
      if (st.isDirectory()) throw new InputError(`${source}: is a folder, expected an article file`);
      size = st.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${source}: no such file`);
    }
    if (size > MAX_ARTICLE_BYTES) throw new InputError(`${source}: ${megabytes(size)} is too large for one article (limit ${megabytes(MAX_ARTICLE_BYTES)}); for many articles use JSON Lines with "sitrep extract"`);
    bytes = readFileSync(source);
  }
  const what = source === '-' ? 'stdin' : source;
  const format = detectFormat(source, bytes, contentType);
  const charset = /charset=([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? (format === 'html' ? declaredHtmlCharset(bytes) : null);
  const { text, encoding } = decodeText(bytes, { encoding: opts.encoding, declared: charset, what });
  if (!text.trim()) throw new InputError(`${what}: no text (only whitespace)`);
  let articles: Article[];
  if (format === 'json') articles = jsonArticles(text, what);
  else if (format === 'html') articles = [articleFromHtml(text, { url, what })];
  else articles = [plainTextArticle(text)];
  for (const a of articles) {
    if (a.text.length > MAX_ARTICLE_CHARS) throw new InputError(`${what}: ${a.text.length} characters is more than one article can hold (${MAX_ARTICLE_CHARS})`);
    a.encoding ??= encoding;
    a.url ??= url;
    if (opts.published) {
      a.published = opts.published;
      a.publishedPrecision = 'day';
    }
  }
  return articles;
}

function detectFormat(source: string, bytes: Uint8Array, contentType: string | null): InputFormat {
  const ext = extname(source.replace(/[?#].*$/, '')).toLowerCase();
  if (contentType && /html/i.test(contentType)) return 'html';
  if (contentType && /json/i.test(contentType)) return 'json';
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return 'json';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (looksLikeHtml(head)) return 'html';
  if (/^\s*\{\s*"/.test(head)) return 'json';
  return 'text';
}

/** One JSON document, or JSON Lines (one document a line). */
function jsonArticles(text: string, what: string): Article[] {
  const trimmed = text.trim();
  try {
    return [articleFromJson(JSON.parse(trimmed), what)];
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  const out: Article[] = [];
  trimmed.split('\n').forEach((line, k) => {
    if (line.trim()) out.push(articleFromJsonLine(line, k + 1));
  });
  return out;
}

/** Plain text: the text as it is; a short first line followed by a blank line is the headline. */
export function plainTextArticle(text: string): Article {
  const m = /^\s*([^\n]{1,200})\r?\n[ \t\r]*\n/.exec(text);
  return { text, title: m ? m[1]!.trim() : null, published: null };
}
