import type { Resources } from '../../resources/resources.js';

/** The lower-case comparison form of a name: no accents, no leading article, no punctuation. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, "'s")
    .replace(/[^\p{L}\p{N}'.&-]+/gu, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SMALL = new Set(['for', 'of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'on', 'in', 'to']);

/** Initials of a multi-word name ("Syrian Observatory for Human Rights" -> "sohr"), or null. */
export function acronymOf(name: string): string | null {
  const words = nameKey(name).split(/[\s-]+/).filter((w) => w && !SMALL.has(w));
  if (words.length < 2) return null;
  return words.map((w) => w[0]).join('');
}

/**
 * Gives each originator (a speaker or an outlet) one canonical name: aliases from the word list
 * `ledger-originators`, then acronyms of names seen elsewhere in the ledger ("SOHR" for the full
 * name), then the longest spelling seen for the same comparison form.
 */
export class OriginatorNames {
  private readonly aliases: ReadonlyMap<string, string>;
  private readonly byKey = new Map<string, string>();
  private readonly acronyms = new Map<string, Set<string>>();

  constructor(res: Resources | null) {
    const m = new Map<string, string>();
    if (res?.has('lexicon/ledger-originators.txt')) for (const [alias, canonical] of res.map('ledger-originators')) m.set(nameKey(alias), canonical);
    this.aliases = m;
  }

  /** Makes a name known (so that its acronym and spellings resolve to it). */
  add(name: string): void {
    const canonical = this.aliases.get(nameKey(name)) ?? name.trim().replace(/^the\s+/i, '');
    const key = nameKey(canonical);
    if (!key) return;
    const seen = this.byKey.get(key);
    // the longest spelling, ties broken by code unit: the same name whatever order articles arrive in
    if (!seen || canonical.length > seen.length || (canonical.length === seen.length && canonical < seen)) this.byKey.set(key, canonical);
    const acr = acronymOf(canonical);
    if (acr && acr.length >= 3) {
      let s = this.acronyms.get(acr);
      if (!s) this.acronyms.set(acr, (s = new Set()));
      s.add(key);
    }
  }

  /** The canonical display name of an originator. */
  canonical(name: string): string {
    const k = nameKey(name);
    const alias = this.aliases.get(k);
    if (alias) return this.byKey.get(nameKey(alias)) ?? alias;
    if (/^[A-Z]{3,6}$/.test(name.trim())) {
      const full = this.acronyms.get(k);
      if (full && full.size === 1) return this.byKey.get([...full][0]!)!;
    }
    return this.byKey.get(k) ?? name.trim().replace(/^the\s+/i, '');
  }

  /** The comparison key of an originator: two names with one key are one source. */
  key(name: string): string {
    return nameKey(this.canonical(name));
  }
}
