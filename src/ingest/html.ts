import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { InputError } from '../errors.js';
import { type Article, normaliseDate } from '../article.js';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, dd, dt';

/** True when the text looks like an HTML page rather than prose. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|article)[\s>]/.test(head);
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** Objects in the page's JSON-LD blocks, flattened through @graph and arrays. */
function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      if ('@graph' in (v as object)) visit((v as Record<string, unknown>)['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      /* a broken JSON-LD block is common and not fatal */
    }
  }
  return out;
}

const nameOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) ? nameOf(v[0]) : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : null;

/** Publication date from the page's metadata: Open Graph, JSON-LD, common meta names, <time>. */
function publishedDate(doc: Doc, ld: Record<string, unknown>[]): string | null {
  const candidates = [
    meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'DC.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date'),
    ...ld.map((o) => (typeof o.datePublished === 'string' ? o.datePublished : null)),
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  for (const c of candidates) {
    const d = normaliseDate(c);
    if (d) return d;
  }
  return null;
}

/** Paragraph texts of an HTML fragment, joined by blank lines, whitespace collapsed. */
export function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    // a block inside another collected block is part of it
    if (el.parentElement?.closest(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  if (!parts.length) {
    const t = (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim();
    if (t) parts.push(t);
  }
  return parts.join('\n\n');
}

/**
 * The article of an HTML page: main text by Readability (on linkedom), title, byline, outlet, URL
 * and publication date from the page's metadata. The headline becomes the first paragraph.
 */
export function articleFromHtml(html: string, opts: { url?: string | null; what?: string } = {}): Article {
  const what = opts.what ?? 'page';
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const title = meta(document, 'og:title', 'twitter:title') ?? ld.map((o) => (typeof o.headline === 'string' ? o.headline : null)).find(Boolean) ?? null;
  const outlet = meta(document, 'og:site_name', 'application-name') ?? ld.map((o) => nameOf(o.publisher)).find(Boolean) ?? null;
  const author = meta(document, 'author', 'article:author') ?? ld.map((o) => nameOf(o.author)).find(Boolean) ?? null;
  const published = publishedDate(document, ld);
  // Readability changes the DOM it reads: run it last.
  const parsed = new Readability(document as unknown as globalThis.Document, { charThreshold: 200 }).parse();
  const byline = parsed?.byline?.replace(/\s+/g, ' ').trim() || author;
  const body = parsed?.content ? dropBylineParagraph(blockText(parsed.content), byline) : '';
  if (!parsed || body.length < 200) throw new InputError(`${what}: no article text found in the page`);
  const headline = (title ?? parsed.title ?? '').replace(/\s+/g, ' ').trim();
  const text = headline && !body.startsWith(headline) ? `${headline}\n\n${body}` : body;
  return {
    text,
    title: headline || null,
    byline,
    outlet: outlet ?? parsed.siteName ?? hostOf(opts.url ?? canonical),
    url: canonical ?? opts.url ?? null,
    published,
    publishedPrecision: published ? 'day' : 'unknown',
  };
}

/** Removes a leading "By NAME" paragraph: it is page furniture, the byline is kept as metadata. */
function dropBylineParagraph(body: string, byline: string | null): string {
  if (!byline) return body;
  return body
    .split('\n\n')
    .filter((p) => !(p.length <= byline.length + 40 && /^by\s/i.test(p) && p.includes(byline)))
    .join('\n\n');
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
