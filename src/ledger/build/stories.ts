import { createHash } from 'node:crypto';
import { bandKeys, similarity } from './minhash.js';
import { daysBetween } from './rows.js';
import { UnionFind } from './union.js';

export interface StoryInput {
  id: string;
  contentHash: string;
  published: string | null;
  outlet: string | null;
  title: string | null;
  signature: Uint32Array;
}

export interface Story {
  id: string;
  title: string | null;
  articles: string[];
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
}

/** Near-duplicate when the estimated Jaccard similarity of 3-word shingles reaches this ... */
export const NEAR_DUPLICATE = 0.4;
/** ... and the two were published within this many days (or either date is unknown); */
export const NEAR_DUPLICATE_DAYS = 14;
/** above this, a copy whatever the dates (dates in feeds and archives are often wrong). */
export const COPY = 0.6;

const byDateThenId = (a: StoryInput, b: StoryInput) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id);

/**
 * Groups articles into stories: identical texts, and texts whose MinHash signatures say they are
 * near-duplicates (a wire story and its rewrites). Candidates come from locality-sensitive hashing
 * (articles sharing a band), so the work grows with the number of similar pairs, not all pairs.
 * A story's id comes from its earliest article, so it is stable as the ledger grows.
 */
export function groupStories(articles: readonly StoryInput[]): Story[] {
  const uf = new UnionFind();
  const byHash = new Map<string, string>();
  const buckets = new Map<string, number[]>();
  articles.forEach((a, i) => {
    uf.find(a.id);
    const same = byHash.get(a.contentHash);
    if (same) uf.union(same, a.id);
    else byHash.set(a.contentHash, a.id);
    for (const k of bandKeys(a.signature)) {
      const b = buckets.get(k);
      if (b) b.push(i);
      else buckets.set(k, [i]);
    }
  });
  const tried = new Set<number>();
  const n = articles.length;
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!, j = members[y]!;
        const pair = i * n + j;
        if (tried.has(pair)) continue;
        tried.add(pair);
        const a = articles[i]!, b = articles[j]!;
        const s = similarity(a.signature, b.signature);
        if (s >= COPY || (s >= NEAR_DUPLICATE && (!a.published || !b.published || Math.abs(daysBetween(a.published, b.published)) <= NEAR_DUPLICATE_DAYS))) uf.union(a.id, b.id);
      }
    }
  }
  const groups = new Map<string, StoryInput[]>();
  for (const a of articles) {
    const r = uf.find(a.id);
    const g = groups.get(r);
    if (g) g.push(a);
    else groups.set(r, [a]);
  }
  const stories: Story[] = [];
  for (const g of groups.values()) {
    g.sort(byDateThenId);
    const dates = g.map((a) => a.published).filter((d): d is string => Boolean(d)).sort();
    stories.push({
      id: storyId(g[0]!.id),
      title: g[0]!.title,
      articles: g.map((a) => a.id),
      outlets: [...new Set(g.map((a) => a.outlet ?? 'unknown outlet'))].sort(),
      firstPublished: dates[0] ?? null,
      lastPublished: dates[dates.length - 1] ?? null,
    });
  }
  return stories.sort((a, b) => a.id.localeCompare(b.id));
}

export const storyId = (firstArticle: string) => 'S' + createHash('sha256').update(firstArticle).digest('hex').slice(0, 12);
