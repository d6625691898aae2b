import { InputError } from '../errors.js';
import { type Article, MAX_ARTICLE_CHARS, normaliseDate } from '../article.js';

/**
 * One document of the gold format (shared/eval/FORMAT.md, section 1): a JSON object with at least
 * a non-empty `text`. Throws InputError naming what is wrong.
 */
export function articleFromJson(value: unknown, where: string): Article {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`${where}: not a JSON object`);
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new InputError(`${where}: no "text" string`);
  if (!o.text.trim()) throw new InputError(`${where}: "text" is empty`);
  if (o.text.length > MAX_ARTICLE_CHARS) throw new InputError(`${where}: "text" has ${o.text.length} characters, more than one article can hold (${MAX_ARTICLE_CHARS})`);
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string) : null);
  const published = normaliseDate(o.published);
  if (o.published != null && published === null) throw new InputError(`${where}: "published" is not a date: ${JSON.stringify(o.published).slice(0, 40)}`);
  return {
    id: o.id == null ? null : String(o.id),
    text: o.text,
    published,
    title: str('title'),
    outlet: str('outlet'),
    byline: str('byline'),
    url: str('url'),
  };
}

/** Parses one line of a JSON Lines file into an article. */
export function articleFromJsonLine(line: string, lineNo: number): Article {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new InputError(`line ${lineNo}: invalid JSON (${(e as Error).message.replace(/^.*?: /, '').slice(0, 80)})`);
  }
  return articleFromJson(value, `line ${lineNo}`);
}
