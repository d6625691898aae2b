import { createHash } from 'node:crypto';
import type { OriginatorNames } from './originators.js';
import { daysBetween } from './rows.js';

export interface ClaimIn {
  id: string;
  articleId: string;
  storyId: string;
  published: string | null;
  outlet: string;
  text: string;
  status: string;
  originator: string;
  country: string | null;
}

export interface ClaimContradiction {
  id: string;
  a: ClaimIn;
  b: ClaimIn;
  reason: string;
}

/** Claims published this far apart are not compared. */
const CLAIM_WINDOW_DAYS = 14;
/** Share of content words two claims must have in common (Jaccard) to be about the same thing. */
const SAME_PROPOSITION = 0.3;
const MIN_SHARED = 3;

/** Function words, and the words of denial themselves (the proposition is what is left). */
const IGNORED = new Set(
  `a an the and or but of in on at to for from by with as is are was were be been being has have had do does did it its this that these those there their they them he she his her we our you your i
  not no never nor any all some said says say told tells according also would could should will may might can than then which who whom whose what when where while after before into over about
  deny denies denied denial rejected rejects reject dismissed dismisses false untrue baseless fabricated claim claims claimed allegation allegations alleged reports reported report
  mr ms mrs`.split(/\s+/),
);

/** The content words of a claim, lower case (numbers kept: they carry the proposition). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []) {
    if (w.length < 3 && !/\d/.test(w)) continue;
    if (IGNORED.has(w)) continue;
    out.add(w.replace(/'s$/, ''));
  }
  return out;
}

export const contradictionId = (kind: string, a: string, b: string) => 'C' + createHash('sha256').update(`${kind}|${a < b ? a : b}|${a < b ? b : a}`).digest('hex').slice(0, 12);

/**
 * Claims in different articles that deny each other: a denial and a claim that is not one, from
 * different originators, published within two weeks, in no two different countries, whose
 * content words overlap enough to be about the same proposition. An inverted index over content
 * words keeps this from comparing every pair.
 */
export function claimContradictions(claims: readonly ClaimIn[], names: OriginatorNames): ClaimContradiction[] {
  const words = new Map<string, Set<string>>();
  const index = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const w = contentWords(c.text);
    words.set(c.id, w);
    if (c.status === 'denied') return;
    for (const t of w) {
      const l = index.get(t);
      if (l) l.push(i);
      else index.set(t, [i]);
    }
  });
  const out: ClaimContradiction[] = [];
  for (const d of claims) {
    if (d.status !== 'denied') continue;
    const dw = words.get(d.id)!;
    const shared = new Map<number, number>();
    for (const t of dw) for (const i of index.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) {
      if (n < MIN_SHARED) continue;
      const c = claims[i]!;
      if (c.articleId === d.articleId) continue; // the extractor pairs claims within one article
      if (names.key(c.originator) === names.key(d.originator)) continue;
      if (c.published && d.published && Math.abs(daysBetween(c.published, d.published)) > CLAIM_WINDOW_DAYS) continue;
      if (c.country && d.country && c.country !== d.country) continue;
      const cw = words.get(c.id)!;
      const jaccard = n / (cw.size + dw.size - n);
      if (jaccard < SAME_PROPOSITION) continue;
      out.push({
        id: contradictionId('claim', c.id, d.id),
        a: c,
        b: d,
        reason: `${names.canonical(d.originator)} denies what ${names.canonical(c.originator)} says (${Math.round(jaccard * 100)}% of content words shared)`,
      });
    }
  }
  return out;
}
