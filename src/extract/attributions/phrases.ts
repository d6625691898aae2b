import type { Ctx } from './context.js';
import { isCap, isWord, QUOTE_CLOSE, QUOTE_OPEN } from './context.js';

/** A run of tokens, first and last inclusive. */
export interface TokRange { first: number; last: number }

const MAX_NP = 10;
const REFLEXIVE = /^(?:him|her|them|it|my|your|our)sel(?:f|ves)$/;
const POSSESSIVE = new Set(["'s", '\u2019s', "'", '\u2019']);
const NAME_JOINERS = new Set(['-', '.', '&']);
const QUANTIFIER = /^(?:one|some|many|most|several|both|each|few|none|all|two|three|four|five)$/;

/**
 * The source phrase whose last word is token `end`, walking left: capitalised words, role and
 * source nouns, a possessive, "of"/"for"/"and" between capitalised words, up to and including a
 * determiner. Null when `end` cannot close a noun phrase (a verb, a preposition, punctuation).
 */
export function nounPhraseEndingAt(ctx: Ctx, end: number, floor: number): TokRange | null {
  const { toks, lower, lex } = ctx;
  const t = toks[end];
  if (!t || end < floor || !isWord(t)) return null;
  const w = lower[end]!;
  if (w === 'one' && lower[end - 1] === 'no' && end - 1 >= floor) return { first: end - 1, last: end };
  if (lex.pronouns.has(w)) return { first: end, last: end };
  if (lex.boundaries.has(w) || lex.determiners.has(w) || lex.skip.has(w) || REFLEXIVE.test(w)) return null;
  if (!isCap(t) && !lex.roles.has(w) && !lex.anonymous.has(w) && !isNounLike(ctx, end)) return null;
  let i = end;
  while (i - 1 >= floor && end - i < MAX_NP) {
    const p = toks[i - 1]!;
    const pw = lower[i - 1]!;
    if (lex.determiners.has(pw)) { i--; break; }
    if (POSSESSIVE.has(p.text) && !p.spaceBefore && p.kind !== 'quote') { i--; continue; }
    if (NAME_JOINERS.has(p.text) && !p.spaceBefore && isWord(toks[i - 2])) { i--; continue; }
    if (!isWord(p)) break;
    if (lex.boundaries.has(pw)) {
      // "Secretary of State", "Observatory for Human Rights"
      if (lex.boundaries.get(pw) && isCap(toks[i]) && isCap(toks[i - 2]) && i - 2 >= floor) { i--; continue; }
      break;
    }
    // "Syrian state TV", "the state media", "State television": a verb's base form between a name,
    // a determiner or the sentence start and the head modifies it
    const modifierVerb = lex.verbs.get(pw)?.form === 'base' && (isCap(toks[i]) || lex.anonymous.has(lower[i]!) || lex.roles.has(lower[i]!) || lex.orgWords.has(lower[i]!))
      && ((i - 2 >= floor && (isCap(toks[i - 2]) || lex.determiners.has(lower[i - 2]!))) || (i - 1 === floor && isCap(p)));
    if (modifierVerb) { i--; continue; }
    if (lex.pronouns.has(pw) || lex.skip.has(pw) || lex.verbs.has(pw)) break;
    if (isCap(p) || lex.roles.has(pw) || lex.anonymous.has(pw) || p.kind === 'number') { i--; continue; }
    // lower-case modifiers ("senior", "local", "administration"), not verbs ("pitched himself")
    if (isNounLike(ctx, i - 1) && !/(?:ed|ly)$/.test(pw)) { i--; continue; }
    break;
  }
  // a sentence-initial capital that is a function word ("But", "And") is not part of the name
  while (i < end && (lex.boundaries.has(lower[i]!) || lex.skip.has(lower[i]!))) i++;
  return { first: i, last: end };
}

/** A lower-case word that may head a noun phrase: not a function word, not a known verb form, not -ly. */
function isNounLike(ctx: Ctx, i: number): boolean {
  const w = ctx.lower[i]!;
  if (ctx.lex.boundaries.has(w) || ctx.lex.determiners.has(w) || ctx.lex.skip.has(w) || ctx.lex.pronouns.has(w)) return false;
  if (/ly$/.test(w) || /ing$/.test(w) && !ctx.lex.anonymous.has(w)) return false;
  const v = ctx.lex.verbs.get(w);
  if (v && v.form !== 'base' && v.form !== 's') return false;
  return /^[\p{Ll}][\p{Ll}\p{N}'\u2019-]*$/u.test(ctx.toks[i]!.text);
}

/**
 * The source phrase starting at token `start` and going right ("according to the Syrian Observatory
 * for Human Rights", "said Dan Rivers"): up to a comma, a clause boundary or the end of the sentence.
 */
export function nounPhraseStartingAt(ctx: Ctx, start: number, ceil: number): TokRange | null {
  const { toks, lower, lex } = ctx;
  let i = start;
  if (i > ceil) return null;
  // "said several observers", "said one of two witnesses": a quantifier opening the phrase
  let open = start;
  if (QUANTIFIER.test(lower[i]!) && i + 1 <= ceil) {
    if (lower[i + 1] === 'of' && i + 2 <= ceil) open = i + 2;
    else if (isWord(toks[i + 1]) && (lex.anonymous.has(lower[i + 1]!) || lex.roles.has(lower[i + 1]!) || isCap(toks[i + 1]))) open = i + 1;
  }
  i = open;
  if (lex.pronouns.has(lower[i]!)) return open === start ? { first: i, last: i } : null;
  let last = -1;
  while (i <= ceil && i - start < MAX_NP + 4) {
    const t = toks[i]!;
    const w = lower[i]!;
    if (i === open && lex.determiners.has(w)) { i++; continue; }
    if (POSSESSIVE.has(t.text) && !t.spaceBefore && t.kind !== 'quote') { last = i; i++; continue; }
    if (NAME_JOINERS.has(t.text) && !t.spaceBefore && last >= 0) { i++; continue; }
    if (!isWord(t)) break;
    // "said Will Doyle": a capitalised function word opening a run of capitalised words is a first name
    const firstName = isCap(t) && last < 0 && i > 0 && !isCap(toks[i - 1]) && isCap(toks[i + 1]) && toks[i + 1]!.kind === 'word';
    if (lex.boundaries.has(w) && !firstName) {
      if (lex.boundaries.get(w) && last >= 0 && isCap(toks[i + 1])) { i++; continue; }
      break;
    }
    if (lex.verbs.has(w) && !isCap(t) && last >= 0) break;
    if (lex.skip.has(w) && !isCap(t)) break;
    last = i;
    i++;
  }
  return last >= start ? { first: start, last } : null;
}

/** Whether token i is an opening quotation mark. */
export const isOpenQuote = (ctx: Ctx, i: number) => {
  const t = ctx.toks[i];
  return !!t && t.kind === 'quote' && QUOTE_OPEN.has(t.text) && ctx.quoteOf[i]! >= 0 && ctx.quotes[ctx.quoteOf[i]!]!.start === t.start;
};

/** Whether token i is a closing quotation mark. */
export const isCloseQuote = (ctx: Ctx, i: number) => {
  const t = ctx.toks[i];
  return !!t && t.kind === 'quote' && QUOTE_CLOSE.has(t.text) && ctx.quoteOf[i]! >= 0 && ctx.quotes[ctx.quoteOf[i]!]!.end === t.end;
};
