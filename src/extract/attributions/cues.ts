import type { Ctx } from './context.js';
import { isWord } from './context.js';
import type { CueKind, VerbForm } from './lexicon.js';

/** A word (or fixed phrase) that may introduce reported content. */
export interface CueCandidate {
  /** the word that carries the cue ("said" in "has also said", "according" in "according to") */
  head: number;
  /** the cue span: auxiliaries and adverbs before the head, particles after it */
  first: number;
  last: number;
  type: 'verb' | 'noun' | 'prep' | 'adverb' | 'other';
  kind: CueKind | null;
  lemma: string;
  form: VerbForm | null;
}

/** The auxiliaries, negations and adverbs just before a verb head that belong to its cue ("has not yet said"). */
export function cueStart(ctx: Ctx, head: number): number {
  let i = head;
  const floor = ctx.seg.sentences[ctx.toks[head]!.sentence]!.tokenStart;
  // "'s" is an auxiliary only before a participle ("he's claiming", "she's said"); "Trump's claim" is a possessive
  const participle = /(?:ing|ed|en)$/.test(ctx.lower[head]!) || ctx.lex.verbs.get(ctx.lower[head]!)?.form === 'en';
  while (i - 1 >= floor && head - (i - 1) <= 4 && ctx.lower[i - 1] !== 'to') {
    const role = ctx.lex.skip.get(ctx.lower[i - 1]!);
    if (role === undefined || role === 'time') break;
    if (ctx.lower[i - 1] === "'s" && !participle) break;
    i--;
  }
  // an adverb at the left edge belongs to the sentence, not the cue ("Later, ...", "He also said" keeps "also")
  return i;
}

/** The cue candidate whose head is token i, or null when the word is no cue word at all. */
export function candidateAt(ctx: Ctx, i: number): CueCandidate | null {
  const t = ctx.toks[i]!;
  if (!isWord(t)) return null;
  const { lex, lower } = ctx;
  if (lex.noncues.get(lower[i]!) === 'never') return null;
  const ph = lex.phraseFirst.has(lower[i]!) ? lex.phrases.matchAt(ctx.toks, i) : null;
  if (ph && ph.last < ctx.seg.sentences[t.sentence]!.tokenEnd) {
    const e = ph.value;
    const type = e.role === 'prep' ? 'prep' : e.role === 'adverb' ? 'adverb' : 'verb';
    const v = lex.verbs.get(lower[i]!);
    return { head: i, first: type === 'verb' ? cueStart(ctx, i) : i, last: ph.last, type, kind: e.kind, lemma: ph.phrase, form: v?.form ?? null };
  }
  const v = lex.verbs.get(lower[i]!);
  if (v) return { head: i, first: cueStart(ctx, i), last: i, type: 'verb', kind: v.kind, lemma: v.lemma, form: v.form };
  const n = lex.nouns.get(lower[i]!);
  if (n !== undefined) return { head: i, first: i, last: i, type: 'noun', kind: n, lemma: lower[i]!, form: null };
  return null;
}

/** A cue candidate for any word (the classifier decides): unknown words get type 'other'. */
export function anyCandidateAt(ctx: Ctx, i: number): CueCandidate | null {
  const c = candidateAt(ctx, i);
  if (c) return c;
  const t = ctx.toks[i]!;
  if (t.text === ':') return { head: i, first: i, last: i, type: 'other', kind: 'say', lemma: ':', form: null };
  if (t.kind !== 'word') return null;
  return { head: i, first: cueStart(ctx, i), last: i, type: 'other', kind: null, lemma: ctx.lower[i]!, form: null };
}
