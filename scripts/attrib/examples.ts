// Training examples for the cue classifier: every candidate word of a gold file with its features and
// whether it heads a gold cue. Used by train.ts.
import { readFileSync } from 'node:fs';
import { loadResources } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { makeCtx, type Ctx } from '../../src/extract/attributions/context.js';
import { attribLexicon } from '../../src/extract/attributions/lexicon.js';
import { anyCandidateAt } from '../../src/extract/attributions/cues.js';
import { cueFeatures } from '../../src/extract/attributions/features.js';
import { structureOf } from '../../src/extract/attributions/structure.js';

export const res = loadResources();
export const lex = attribLexicon(res);
export const segLex = { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') };

export interface Doc { text: string; gold: { attributions: { cue: { start: number; end: number } }[] } }
export const read = (f: string): Doc[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc);

/** The head token of a gold cue: its first word that is not an auxiliary, negation or adverb. */
export function goldHeads(ctx: Ctx, d: Doc): Set<number> {
  const heads = new Set<number>();
  let t = 0;
  const cues = d.gold.attributions.map((a) => a.cue).filter(Boolean).sort((a, b) => a.start - b.start);
  for (const c of cues) {
    while (t < ctx.toks.length && ctx.toks[t]!.end <= c.start) t++;
    let head = -1;
    for (let k = t; k < ctx.toks.length && ctx.toks[k]!.start < c.end; k++) {
      const w = ctx.lower[k]!;
      if (ctx.toks[k]!.text === ':' && head < 0) head = k;
      if (ctx.toks[k]!.kind !== 'word') continue;
      if (lex.skip.has(w) || lex.determiners.has(w)) continue;
      head = k;
      break;
    }
    if (head >= 0) heads.add(head);
  }
  return heads;
}

export interface Example { feats: string[]; y: number }

export function examples(docs: Doc[], vocab: Set<string> | null, counts?: Map<string, number>): { ex: Example[]; headWords: Map<string, number>; wordCounts: Map<string, number>; nGold: number } {
  const ex: Example[] = [];
  const headWords = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  let nGold = 0;
  for (const d of docs) {
    const seg = segment(d.text, segLex);
    const ctx = makeCtx(seg, lex);
    const heads = goldHeads(ctx, d);
    nGold += heads.size;
    for (const h of heads) headWords.set(ctx.lower[h]!, (headWords.get(ctx.lower[h]!) ?? 0) + 1);
    for (const w of ctx.lower) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
    if (!vocab) continue;
    for (let i = 0; i < ctx.toks.length; i++) {
      const w = ctx.lower[i]!;
      if (lex.noncues.get(w) === 'never' || !(vocab.has(w) || lex.verbs.has(w) || lex.nouns.has(w) || lex.phrases.matchAt(ctx.toks, i))) continue;
      const c = anyCandidateAt(ctx, i);
      if (!c) continue;
      const feats = cueFeatures(ctx, c, structureOf(ctx, c, null));
      if (counts) for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1);
      ex.push({ feats, y: heads.has(i) ? 1 : 0 });
    }
  }
  return { ex, headWords, wordCounts, nGold };
}

export function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

