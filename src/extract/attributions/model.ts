import type { Resources } from '../../resources/resources.js';
import type { Ctx } from './context.js';
import type { CueCandidate } from './cues.js';
import { cueFeatures } from './features.js';
import type { Structure } from './structure.js';

export const CUE_MODEL_PATH = 'models/attrib-cue.json';

/** The shipped cue classifier: logistic regression over string features (scripts/attrib/train.ts). */
export interface CueModel {
  version: number;
  /** probability at or above which a candidate is a cue */
  threshold: number;
  /** words seen as cue heads in training: with the lexicons, the only candidates scored */
  vocab: string[];
  weights: Record<string, number>;
  trainedOn: string;
}

export interface CueScorer {
  (ctx: Ctx, c: CueCandidate, st: Structure | null): number;
  threshold: number;
  /** whether a word is worth scoring at all */
  candidate(ctx: Ctx, i: number): boolean;
}

const cache = new WeakMap<Resources, CueScorer | null>();

/** Probability that a candidate is an attribution cue. */
export function scoreWith(weights: ReadonlyMap<string, number>, feats: readonly string[]): number {
  let z = 0;
  for (const f of feats) z += weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The trained cue classifier, or null when none is shipped (the rules decide then). */
export function cueScorer(res: Resources): CueScorer | null {
  if (cache.has(res)) return cache.get(res)!;
  let scorer: CueScorer | null = null;
  if (res.has(CUE_MODEL_PATH)) {
    const m = res.json<CueModel>(CUE_MODEL_PATH);
    const weights = new Map(Object.entries(m.weights));
    const vocab = new Set(m.vocab);
    const fn = ((ctx: Ctx, c: CueCandidate, st: Structure | null) => scoreWith(weights, cueFeatures(ctx, c, st))) as CueScorer;
    fn.threshold = m.threshold;
    fn.candidate = (ctx, i) => {
      const w = ctx.lower[i]!;
      if (ctx.lex.noncues.get(w) === 'never') return false;
      return vocab.has(w) || ctx.lex.verbs.has(w) || ctx.lex.nouns.has(w) || (ctx.lex.phraseFirst.has(w) && ctx.lex.phrases.matchAt(ctx.toks, i) !== null);
    };
    scorer = fn;
  }
  cache.set(res, scorer);
  return scorer;
}
