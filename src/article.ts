import { createHash } from 'node:crypto';

/** An article as read from a file, page or JSON line, before extraction. */
export interface Article {
  id?: string | null;
  text: string;
  published?: string | null;
  publishedPrecision?: 'day' | 'month' | 'year' | 'unknown';
  title?: string | null;
  outlet?: string | null;
  byline?: string | null;
  url?: string | null;
  fetchedAt?: string | null;
  encoding?: string | null;
  language?: string | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** YYYY-MM-DD from a date string (ISO date or date-time, or anything Date parses), or null. */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return validDay(+iso[1]!, +iso[2]!, +iso[3]!);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** The longest text sitrep takes as one article (a book or a dump is not an article). */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** The largest file read as one article. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
