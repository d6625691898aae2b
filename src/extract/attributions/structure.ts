import type { Bounds } from '../util/spans.js';
import type { Ctx } from './context.js';
import { isCap, isTerminal, isWord, quoteAtOffset, sentenceOf } from './context.js';
import type { CueCandidate } from './cues.js';
import { isCloseQuote, isOpenQuote, nounPhraseEndingAt, nounPhraseStartingAt, type TokRange } from './phrases.js';

/** Where an attribution's parts lie around its cue. */
export interface Structure {
  source: TokRange | null;
  /** for a relative pronoun source ("which", "who"), the phrase it stands for */
  antecedent?: TokRange | null;
  content: Bounds | null;
  sourceSide: 'left' | 'right' | 'none';
  contentSide: 'left' | 'right' | 'around';
}

// verbs whose first object is the hearer, not the content ("told reporters that ...")
const HEARER_VERBS = new Set(['tell', 'inform', 'notify', 'remind', 'assure', 'brief', 'warn', 'ask', 'urge', 'promise']);
const TRAIL = new Set([',', ';', ':', '.', '!', '?', '\u2014', '\u2013', '-', '--', '(', '...', '\u2026']);
const LEAD = new Set([',', ';', ':', '\u2014', '\u2013', '-', '--', ')']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom']);

/** Content between tokens i and j (inclusive) as characters, without leading/trailing punctuation outside quotes. */
export function contentBetween(ctx: Ctx, i: number, j: number): Bounds | null {
  const { toks } = ctx;
  i = Math.max(0, i);
  j = Math.min(toks.length - 1, j);
  while (i <= j && LEAD.has(toks[i]!.text)) i++;
  while (j >= i && TRAIL.has(toks[j]!.text)) j--;
  if (j < i) return null;
  let start = toks[i]!.start, end = toks[j]!.end;
  // a span ending inside a quotation takes the rest of it; one starting inside takes its beginning
  const qe = quoteAtOffset(ctx, end - 1);
  if (qe && qe.end > end && qe.start >= start) end = qe.end;
  const qs = quoteAtOffset(ctx, start);
  if (qs && qs.start < start && qs.end <= end) start = qs.start;
  return { start, end };
}

const wordsBetween = (ctx: Ctx, i: number, j: number) => {
  let n = 0;
  for (let k = i; k <= j; k++) if (isWord(ctx.toks[k])) n++;
  return n;
};

const POSSESSIVE_DET = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
// a phrase after one of these is inside a prepositional phrase, not a subject
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'to', 'from', 'by', 'with', 'about', 'into', 'over', 'for', 'during', 'under', 'against', 'among', 'between', 'through', 'across', 'toward', 'towards', 'near', 'like', 'than']);
const DASHES = new Set(['--', '\u2014', '\u2013', '\u2015']);
const COORD = new Set(['and', 'but', 'or', 'then', 'nor', 'yet']);
const SUBORD_ING = new Set(['before', 'after', 'while', 'by', 'when', 'without', 'in', 'since', 'despite', 'from']);
const TIME_GLUE = new Set(['on', 'in', 'at', 'this', 'last', 'early', 'earlier', 'late', 'later', 'just', 'the', 'a', 'next', 'past', 'during', 'of']);

/**
 * The token just before `i` that is not part of what may stand between a subject and its verb:
 * adverbs ("also", "flatly"), a time phrase ("on Monday", "just this month"), a parenthesis ("(R-Ind.)").
 */
function skipBack(ctx: Ctx, i: number, floor: number): number {
  for (;;) {
    if (i < floor) return i;
    const w = ctx.lower[i]!;
    const role = ctx.lex.skip.get(w);
    if (role === 'adv' || (/^\p{Ll}{3,}ly$/u.test(ctx.toks[i]!.text) && !ctx.lex.anonymous.has(w) && !ctx.lex.roles.has(w))) { i--; continue; }
    if (role === 'time' || /^(?:1[89]|20)\d\d$/.test(w)) {
      let k = i - 1;
      while (k >= floor && (TIME_GLUE.has(ctx.lower[k]!) || ctx.lex.skip.get(ctx.lower[k]!) === 'time')) k--;
      if (k < i - 1 || /^(?:on|in|at|last|this)$/.test(ctx.lower[k] ?? '')) { i = k; continue; }
      return i;
    }
    if (w === ')') {
      let k = i - 1;
      while (k >= floor && ctx.toks[k]!.text !== '(' && i - k < 12) k--;
      if (k >= floor && ctx.toks[k]!.text === '(') { i = k - 1; continue; }
    }
    return i;
  }
}

/** The source phrase of the clause a cue belongs to: the source of an earlier cue of the sentence, else its subject. */
function clauseSubject(ctx: Ctx, cue: CueCandidate, floor: number, previous: Structure | null): TokRange | null {
  if (previous?.source && previous.source.last < cue.first) {
    // "when my mother mentioned it, I laughed and said": a subject of its own after the earlier source
    const own = previous.source.last + 1 < cue.first - 1 ? clauseSubject(ctx, cue, previous.source.last + 1, null) : null;
    return own && own.first > previous.source.last && ctx.lex.pronouns.has(ctx.lower[own.first]!) && own.first === own.last ? own : previous.source;
  }
  // sentence-initial participle: "Citing a report, Smith said ..." -> the subject after the comma
  if (cue.first === floor || (cue.first === floor + 1 && SUBORD_ING.has(ctx.lower[floor]!))) {
    for (let k = cue.last + 1; k < ctx.seg.sentences[ctx.toks[cue.head]!.sentence]!.tokenEnd - 1 && k - cue.last < 25; k++) {
      if (ctx.toks[k]!.text !== ',') continue;
      const np = nounPhraseStartingAt(ctx, k + 1, k + 8);
      return np && (isCap(ctx.toks[np.last]) || ctx.lex.pronouns.has(ctx.lower[np.first]!)
        || ctx.lex.roles.has(ctx.lower[np.last]!) || ctx.lex.anonymous.has(ctx.lower[np.last]!)) ? np : null;
    }
    return null;
  }
  // the nearest phrase before the cue that is followed by a verb ("I laughed and said", "Smith spoke ..., promising")
  let fallback: TokRange | null = null;
  for (let k = cue.first - 2; k >= floor; k--) {
    if (ctx.quoteOf[k]! >= 0) continue;
    const np = nounPhraseEndingAt(ctx, k, floor);
    if (!np) continue;
    if (np.first > floor && PREPOSITIONS.has(ctx.lower[np.first - 1]!)) continue; // inside a PP
    if (!plausibleSubject(ctx, np)) continue;
    // a subject opens its clause; a phrase after a verb is its object ("Cruz exhorted Republicans to ...")
    const before = np.first - 1;
    const opensClause = before < floor || CLAUSE_OPENERS.has(ctx.toks[before]!.text) || ctx.toks[before]!.kind === 'quote'
      || COORD.has(ctx.lower[before]!) || SUBORDINATORS.has(ctx.lower[before]!) || ctx.lex.skip.get(ctx.lower[before]!) === 'adv'
      || ctx.lex.skip.get(ctx.lower[before]!) === 'time' || RELATIVE.has(ctx.lower[before]!) || ctx.lower[before] === 'that';
    if (!opensClause) continue;
    const n = ctx.lower[k + 1]!;
    const nt = ctx.toks[k + 1]!;
    const verbLike = (ctx.lex.skip.has(n) && ctx.lex.skip.get(n) !== 'time' && n !== 'to') || ctx.lex.verbs.has(n)
      || (nt.kind === 'word' && !isCap(nt) && /(?:ed|s)$/.test(n) && !ctx.lex.boundaries.has(n) && !ctx.lex.anonymous.has(n) && !ctx.lex.roles.has(n)
        && !ctx.lex.determiners.has(n) && !ctx.lex.pronouns.has(n) && !POSSESSIVE_DET.has(n));
    // "The mayor changed his mind, saying": a past tense is the verb, not the phrase's head
    if (np.last > np.first && /^\p{Ll}+ed$/u.test(ctx.toks[np.last]!.text) && !ctx.lex.roles.has(ctx.lower[np.last]!)) continue;
    if (verbLike) return np;
    // "Dean, a former chairman, ..., tweeting", "A reporter for USA Today spotted ... and reported": the phrase opening the sentence
    if (np.first === floor && !fallback) fallback = np;
  }
  return fallback;
}

/** A phrase that can be a subject: a name, a pronoun, a role or group noun, or one opened by a determiner. */
function plausibleSubject(ctx: Ctx, np: TokRange): boolean {
  const w = ctx.lower[np.last]!;
  return isCap(ctx.toks[np.last]) || ctx.lex.pronouns.has(w) || ctx.lex.roles.has(w) || ctx.lex.anonymous.has(w)
    || ctx.lex.determiners.has(ctx.lower[np.first]!) || np.last > np.first;
}

export interface LeftSource { source: TokRange; antecedent: TokRange | null }

/**
 * The source phrase left of a verb cue: "Smith said", "Dan Rivers, who is in Syria, said",
 * "Smith, a spokesman for X, said", "Smith (R-Ind.) on Monday said"; for a participle or a second
 * verb ("..., saying", "and said") the subject of the clause. Null when a comma or a quote stands
 * before the cue and nothing fits (then the source, if any, follows the cue).
 */
function leftSource(ctx: Ctx, cue: CueCandidate, floor: number, previous: Structure | null): LeftSource | null {
  let e = skipBack(ctx, cue.first - 1, floor);
  const ing = cue.form === 'ing' || (cue.type === 'other' && /ing$/.test(ctx.lower[cue.head]!));
  if (e < floor) {
    if (!ing) return null;
    const subj = clauseSubject(ctx, cue, floor, previous);
    return subj ? { source: subj, antecedent: null } : null;
  }
  // "The latest poll released Friday shows": a participle phrase between subject and verb
  let pe = e;
  while (pe > floor && pe > e - 3 && ctx.lex.skip.get(ctx.lower[pe]!) === 'time' && isCap(ctx.toks[pe])) pe--;
  if (pe < e && /^\p{Ll}+ed$/u.test(ctx.toks[pe]!.text)) e = pe;
  if (/^\p{Ll}+ed$/u.test(ctx.toks[e]!.text) && !ctx.lex.roles.has(ctx.lower[e]!) && e - 1 >= floor && e < cue.first - 1) {
    const np = nounPhraseEndingAt(ctx, e - 1, floor);
    if (np && plausibleSubject(ctx, np)) e = e - 1;
  }
  // "Strategists for both campaigns all agree", "X and Y both denounced": a floating quantifier after the subject
  if (/^(?:all|both|each)$/.test(ctx.lower[e]!) && e - 1 >= floor) {
    const np = nounPhraseEndingAt(ctx, e - 1, floor);
    if (np && plausibleSubject(ctx, np) && !ctx.lex.determiners.has(ctx.lower[e - 1]!)) e = e - 1;
  }
  // "Ford itself said", "Cruz himself said"
  if (/^(?:him|her|it|them)sel(?:f|ves)$/.test(ctx.lower[e]!) && e - 1 >= floor && nounPhraseEndingAt(ctx, e - 1, floor)) e = e - 1;
  // "Another said", "One says": a quantifier opening the clause stands for a person
  if (QUANTIFIERS.has(ctx.lower[e]!) && e === cue.first - 1 && (e === floor || CLAUSE_OPENERS.has(ctx.toks[e - 1]!.text) || COORD.has(ctx.lower[e - 1]!) || ctx.lower[e - 1] === 'yet')) {
    return { source: { first: e, last: e }, antecedent: null };
  }
  // "John G. Roberts Jr. said": the period of an abbreviation ends the name
  if (ctx.toks[e]!.text === '.' && !ctx.toks[e]!.spaceBefore && e - 1 >= floor && isCap(ctx.toks[e - 1])) e--;
  const t = ctx.toks[e]!;
  const w = ctx.lower[e]!;
  if (!ing) {
    // "his claim that", "Smith's repeated denial that": the possessor (adjectives between only for nouns)
    let k = e;
    const nounish = cue.type === 'noun' || cue.type === 'other';
    while (nounish && k > e - 2 && k > floor && ctx.toks[k]!.kind === 'word' && !isCap(ctx.toks[k]) && !POSSESSIVE_DET.has(ctx.lower[k]!) && !ctx.lex.boundaries.has(ctx.lower[k]!)) k--;
    if (POSSESSIVE_DET.has(ctx.lower[k]!)) return { source: { first: k, last: k }, antecedent: null };
    if (/^['\u2019]s?$/.test(ctx.toks[k]!.text) && !ctx.toks[k]!.spaceBefore) {
      const np = nounPhraseEndingAt(ctx, k - 1, floor);
      if (np) return { source: { first: np.first, last: k }, antecedent: null };
    }
  }
  if (COORD.has(w) || (ing && (t.text === ',' || quoteComma(ctx, e) || DASHES.has(t.text) || SUBORD_ING.has(w)))) {
    const subj = clauseSubject(ctx, cue, floor, previous);
    return subj ? { source: subj, antecedent: null } : null;
  }
  const quantity = quantityEndingAt(ctx, e, floor, cue.first);
  if (quantity) return { source: quantity, antecedent: null };
  if (t.text === ',' && ctx.toks[e - 1]?.text === ')') {
    const pe = skipBack(ctx, e - 1, floor);
    const np = pe < e - 1 ? nounPhraseEndingAt(ctx, pe, floor) : null;
    if (np && isCap(ctx.toks[np.last]) && (np.first === floor || CLAUSE_OPENERS.has(ctx.toks[np.first - 1]!.text))) return { source: np, antecedent: null };
  }
  if (t.text === ',' || DASHES.has(t.text) || (quoteComma(ctx, e) && quotedName(ctx, e, floor) !== null)) {
    // an appositive, a relative clause or an aside between commas: the source stands before it
    for (let k = e - 1; k >= floor && e - k <= 30; k--) {
      const tk = ctx.toks[k]!;
      // 'Marta Ruiz, the activist known as "La Voz," said': a quoted name inside the aside
      if (isCloseQuote(ctx, k) || (ctx.quoteOf[k]! >= 0 && k === e - 1 && quoteComma(ctx, e))) {
        const open = quotedName(ctx, isCloseQuote(ctx, k) ? k : e, floor);
        if (open === null) return null;
        k = open;
        continue;
      }
      if ((isTerminal(tk) && tk.spaceBefore) || (isTerminal(tk) && tk.text !== '.') || isOpenQuote(ctx, k)) return null;
      if (tk.text !== ',' && !DASHES.has(tk.text)) continue;
      // "Smith, 56, who has served ..., said": past asides until a phrase that is no part of a prepositional phrase
      let np = nounPhraseEndingAt(ctx, skipBack(ctx, k - 1, floor), floor);
      if (!np) continue;
      // "A resident of the town, reached by phone, said": the phrase after "of" belongs to the one before it
      np = withPrepositionalHead(ctx, np, floor);
      const before = np.first - 1;
      if (before >= floor && PREPOSITIONS.has(ctx.lower[before]!)) continue;
      // "The interior minister, Lina Haddad, told": the name in apposition names the speaker
      if (!isCap(ctx.toks[np.last])) {
        const appos = nounPhraseEndingAt(ctx, e - 1, k + 1);
        if (appos && appos.first === k + 1 && isCap(ctx.toks[appos.last]) && !ctx.lex.orgWords.has(ctx.lower[appos.last]!)) return { source: appos, antecedent: null };
      }
      return { source: np, antecedent: null };
    }
    // "The minister of the economy, Mr. Guajardo Villarreal, argues": the name in apposition
    const appos = nounPhraseEndingAt(ctx, e - 1, floor);
    return appos && isCap(ctx.toks[appos.last]) ? { source: appos, antecedent: null } : null;
  }
  if (RELATIVE.has(w) || w === 'that') {
    // "the department which reported", "one resident, Salah Al-Ashkar, who claims": the relative word is
    // the source phrase, the phrase before it the antecedent
    let k = e - 1;
    if (k >= floor && ctx.toks[k]!.text === ',') k--;
    const ante = nounPhraseEndingAt(ctx, k, floor);
    if (w === 'that' && !ante) return null;
    return { source: { first: e, last: e }, antecedent: ante };
  }
  let np = nounPhraseEndingAt(ctx, e, floor);
  // "the 34-year-old mother of three replied"
  if (!np && (ctx.toks[e]!.kind === 'number' || NUMBER_WORDS.test(ctx.lower[e]!)) && ctx.lower[e - 1] === 'of' && e - 2 >= floor) {
    const head = nounPhraseEndingAt(ctx, e - 2, floor);
    if (head && plausibleSubject(ctx, head)) np = { first: head.first, last: e };
  }
  // "..., with the agency showing": the subject of an absolute phrase
  if (np && ing && ctx.lower[np.first - 1] === 'with') return { source: np, antecedent: null };
  // a phrase after a preposition belongs to a bigger one ("elected officials from both parties",
  // "one of Mr. Obama's advisers"), or to none ("Protesters marching through the streets chanted")
  for (let n = 0; np && n < 3 && np.first - 1 > floor && PREPOSITIONS.has(ctx.lower[np.first - 1]!); n++) {
    const head = nounPhraseEndingAt(ctx, np.first - 2, floor);
    // "The minister in a statement on Monday said", "The minister on Twitter said": where it was said, not who
    const prep = ctx.lower[np.first - 1]!;
    const medium = /^(?:in|on|during|via|through)$/.test(prep) && (ctx.lower.slice(np.first, np.last + 1).some((x) => ctx.lex.nouns.has(x)) || (prep === 'on' && isCap(ctx.toks[np.last])));
    if (head && plausibleSubject(ctx, head) && medium) { np = head; break; }
    if (head && plausibleSubject(ctx, head)) { np = { first: head.first, last: np.last }; continue; }
    // "One of the residents", "some of the officials"
    if (prep === 'of' && /^(?:one|some|many|most|several|none|each|all|two|three|few|both)$/.test(ctx.lower[np.first - 2]!)) { np = { first: np.first - 2, last: np.last }; continue; }
    const subj = clauseSubject(ctx, cue, floor, null);
    if (subj && subj.last < np.first) return { source: subj, antecedent: null };
    break;
  }
  // "One of the doctors who signed the letter called": the subject before a relative clause inside it
  if (np && !isCap(ctx.toks[np.last]) && !ctx.lex.pronouns.has(ctx.lower[np.last]!)) {
    for (let k = np.first - 1; k >= floor && np.first - k <= 8; k--) {
      if (!isWord(ctx.toks[k])) break;
      if (ctx.lower[k] !== 'who') continue;
      let head = nounPhraseEndingAt(ctx, k - 1, floor);
      if (head) head = withPrepositionalHead(ctx, head, floor);
      const before = head ? head.first - 1 : -1;
      if (head && plausibleSubject(ctx, head) && (before < floor || CLAUSE_OPENERS.has(ctx.toks[before]!.text) || ctx.toks[before]!.kind === 'quote')) np = head;
      break;
    }
  }
  // "Aid agencies and the UN said": both conjuncts, when the first opens the clause
  if (np && np.first - 2 >= floor && ctx.lower[np.first - 1] === 'and') {
    const head = nounPhraseEndingAt(ctx, np.first - 2, floor);
    const before = head ? head.first - 1 : -1;
    if (head && plausibleSubject(ctx, head) && (before < floor || CLAUSE_OPENERS.has(ctx.toks[before]!.text) || ctx.toks[before]!.kind === 'quote' || ctx.lower[before] === 'that')) {
      np = { first: head.first, last: np.last };
    }
  }
  return np ? { source: np, antecedent: null } : null;
}

/** A closing quotation mark with the clause's comma inside it ('"completely safe," adding that'). */
function quoteComma(ctx: Ctx, i: number): boolean {
  return isCloseQuote(ctx, i) && ctx.toks[i - 1]?.text === ',' && ctx.quoteOf[i - 1] === ctx.quoteOf[i];
}

/**
 * For a closing mark at token `close`, the token of its opening mark when the quotation is a short name
 * or title inside a phrase ('known as "La Voz,"', 'entitled "Arrogant,"'), not a quotation of speech.
 */
function quotedName(ctx: Ctx, close: number, floor: number): number | null {
  const qi = ctx.quoteOf[close]!;
  if (qi < 0) return null;
  let open = close;
  while (open - 1 >= floor && ctx.quoteOf[open - 1] === qi) open--;
  if (open <= floor || !isWord(ctx.toks[open - 1]) || wordsBetween(ctx, open, close) > 6) return null;
  for (let k = open; k <= close; k++) if (isTerminal(ctx.toks[k]) && ctx.toks[k]!.text !== '.') return null;
  return open;
}

const NUMBER_WORDS = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|half|two-thirds|three-quarters)$/;
const QUANTITY_LEAD = new Set(['about', 'nearly', 'almost', 'roughly', 'around', 'only', 'just', 'some', 'over', 'under', 'more', 'less', 'fewer', 'than', 'at', 'least']);
// words that stand for people on their own ("Another said", "One says") or open a phrase ("one of the witnesses")
const QUANTIFIERS = new Set(['one', 'another', 'others', 'some', 'many', 'most', 'several', 'both', 'each', 'few', 'none', 'two', 'three']);

/** "Six in 10 say", "about two out of three said": a proportion standing for the people asked. */
function quantityEndingAt(ctx: Ctx, e: number, floor: number, cueFirst: number): TokRange | null {
  let k: number;
  const proportion = NUMBER_WORDS.test(ctx.lower[e]!) && (ctx.lower[e - 1] === 'in' || (ctx.lower[e - 1] === 'of' && ctx.lower[e - 2] === 'out'));
  if (proportion) k = ctx.lower[e - 1] === 'in' ? e - 2 : e - 3; // "six in 10 say", "two out of three said"
  else if ((ctx.lower[e] === '%' || ctx.lower[e] === 'percent') && e - 1 >= floor && ctx.toks[e - 1]!.kind === 'number') k = e - 1; // "47% say"
  else if (ctx.toks[e]!.kind === 'number' && e === cueFirst - 1 && /^\d/.test(ctx.lower[e]!)) k = e; // "at least 21,000 said"
  else return null;
  if (k < floor || !NUMBER_WORDS.test(ctx.lower[k]!)) return null;
  while (k - 1 >= floor && QUANTITY_LEAD.has(ctx.lower[k - 1]!)) k--;
  return { first: k, last: e };
}

/**
 * A phrase after a preposition grown into the subject phrase it belongs to ("the head of the agency",
 * "one of the residents"), when that phrase opens its clause; else the phrase unchanged.
 */
function withPrepositionalHead(ctx: Ctx, np: TokRange, floor: number): TokRange {
  let ext = np;
  for (let n = 0; n < 3 && ext.first - 1 > floor && PREPOSITIONS.has(ctx.lower[ext.first - 1]!); n++) {
    const head = nounPhraseEndingAt(ctx, ext.first - 2, floor);
    if (!head && ctx.lower[ext.first - 1] === 'of' && QUANTIFIERS.has(ctx.lower[ext.first - 2]!)) { ext = { first: ext.first - 2, last: ext.last }; continue; }
    if (!head || !plausibleSubject(ctx, head)) return np;
    ext = { first: head.first, last: ext.last };
  }
  if (ext === np) return np;
  const before = ext.first - 1;
  const opens = before < floor || CLAUSE_OPENERS.has(ctx.toks[before]!.text) || ctx.toks[before]!.kind === 'quote'
    || COORD.has(ctx.lower[before]!) || ctx.lower[before] === 'that';
  return opens ? ext : np;
}

/** The first token of right-hand content after a verb cue: past a colon, the hearer, or up to "that". */
function rightContentStart(ctx: Ctx, cue: CueCandidate, sEnd: number): number {
  let i = cue.last + 1;
  while (i < sEnd && (ctx.toks[i]!.text === ':' || ctx.toks[i]!.text === ',')) i++;
  // "told reporters on Monday that ...", "said in a statement that ...": start at "that"
  for (let k = i; k < sEnd && k - i <= 10; k++) {
    const w = ctx.lower[k]!;
    if (w === 'that') return k;
    if (isTerminal(ctx.toks[k]) || ctx.toks[k]!.kind === 'quote' || w === ':' ) break;
    if (ctx.lex.verbs.has(w) || ctx.lex.skip.get(w) === 'aux' && w !== 'to') break;
  }
  // "said Friday afternoon, as ...": a time phrase closing the reporting clause is no content
  let t = i, timeWords = 0;
  for (; t < sEnd && t - i < 5; t++) {
    const role = ctx.lex.skip.get(ctx.lower[t]!);
    if (role === 'time') timeWords++;
    else if (!TIME_GLUE.has(ctx.lower[t]!)) break;
  }
  if (timeWords > 0 && t < sEnd - 1 && ctx.toks[t]!.text === ',') return t + 1;
  if (HEARER_VERBS.has(cue.lemma) && cue.type === 'verb') {
    const np = nounPhraseStartingAt(ctx, i, sEnd - 1);
    if (np && np.last + 1 < sEnd && /^[,:]$/.test(ctx.toks[np.last + 1]!.text)) i = np.last + 2;
  }
  return i;
}

/** The structure of the attribution a cue introduces, or null when no content can be found. */
/**
 * `roleApposition`: a role phrase in apposition before the source ("Labour's shadow home secretary,
 * Yvette Cooper, said ...") is no content. Off for the cue model's features, which were trained without it.
 */
export function structureOf(ctx: Ctx, cue: CueCandidate, previous: Structure | null = null, opts: { roleApposition?: boolean } = {}): Structure | null {
  const s = sentenceOf(ctx, cue.head);
  const sStart = s.tokenStart, sEnd = s.tokenEnd; // [sStart, sEnd)
  const lastTok = sEnd - 1;
  if (cue.type === 'prep') return prepStructure(ctx, cue, sStart, sEnd);
  if (cue.type === 'adverb') {
    const c = contentBetween(ctx, sStart, lastTok);
    return c ? { source: null, content: c, sourceSide: 'none', contentSide: 'around' } : null;
  }

  if (isPassive(ctx, cue)) return passiveStructure(ctx, cue, sStart, sEnd);
  // "Melania seems to have vanished", "the city can appear to be ...": no source, the whole clause is the content
  if (ctx.lex.predicates.get(ctx.lower[cue.head]!) === 'raising') {
    const c = contentBetween(ctx, afterAdverbialLead(ctx, sStart, cue.first), lastTok);
    return c ? { source: null, content: c, sourceSide: 'none', contentSide: 'around' } : null;
  }
  // "When pressed by Holt about ...", "a penalty imposed by the bureau": a participle with its agent (an active
  // verb would have its object before "by")
  const participle = cue.form === 'ed' || cue.form === 'en' || (cue.type === 'other' && /ed$/.test(ctx.lower[cue.head]!));
  if (participle && cue.first === cue.head && ctx.lower[cue.last + 1] === 'by'
    && (isCap(ctx.toks[cue.last + 2]) || ctx.lex.determiners.has(ctx.lower[cue.last + 2] ?? '') || ctx.lex.pronouns.has(ctx.lower[cue.last + 2] ?? ''))) {
    return passiveStructure(ctx, cue, sStart, sEnd);
  }
  // "Pat Smith: ..." / "Smith on the economy: ...": a headline or transcript colon
  if (cue.lemma === ':') return colonStructure(ctx, cue, sStart, sEnd);
  const ls = leftSource(ctx, cue, sStart, previous);
  let source: TokRange | null = ls?.source ?? null;
  const antecedent = ls?.antecedent ?? null;
  let sourceSide: Structure['sourceSide'] = source ? 'left' : 'none';
  let afterCue = cue.last + 1; // first token after the reporting clause
  // inverted: "..., said Smith" / '"...," says the minister'
  if (!source) {
    const before = skipBack(ctx, cue.first - 1, sStart);
    if (before < sStart || ctx.toks[before]!.text === ',' || isCloseQuote(ctx, before) || ctx.toks[before]!.text === '\u2014') {
      const np = nounPhraseStartingAt(ctx, cue.last + 1, lastTok);
      const timeOnly = np && ctx.lower.slice(np.first, np.last + 1).every((x) => ctx.lex.skip.get(x) === 'time' || TIME_GLUE.has(x));
      // an inverted source closes its clause: '..., said Smith.' / '..., says Smith, a teacher' (not '..., shows groups outpacing ...')
      const closes = np && (np.last + 1 > lastTok || /^(?:[,.;:!?(]|--|\u2014|\u2013)$/.test(ctx.toks[np.last + 1]!.text) || ctx.toks[np.last + 1]!.kind === 'quote'
        || ctx.lex.skip.get(ctx.lower[np.last + 1]!) === 'time' || PREPOSITIONS.has(ctx.lower[np.last + 1]!) || RELATIVE.has(ctx.lower[np.last + 1]!));
      // "said former governor Jim Doyle", "says political scientist Ann Lee", "said officials": a role or a name, lower case first
      const roleFirst = np && (isCap(ctx.toks[np.last]) || ctx.lex.roles.has(ctx.lower[np.last]!) || ctx.lex.anonymous.has(ctx.lower[np.last]!))
        && ctx.lower.slice(np.first, np.last + 1).some((x) => ctx.lex.roles.has(x) || ctx.lex.anonymous.has(x));
      if (np && !timeOnly && closes && (isCap(ctx.toks[np.first]) || ctx.toks[np.first]!.kind === 'number' || ctx.lex.determiners.has(ctx.lower[np.first]!) || ctx.lex.pronouns.has(ctx.lower[np.first]!) || roleFirst)) {
        source = np;
        sourceSide = 'right';
        afterCue = np.last + 1;
      }
    }
  }

  // what stands before the reporting clause
  const clauseStart = source && sourceSide === 'left' ? Math.min(source.first, cue.first) : cue.first;
  let e = clauseStart - 1;
  while (e >= sStart && (ctx.toks[e]!.text === ',' || ctx.toks[e]!.text === '\u2014')) e--;
  const separated = e >= sStart && (e < clauseStart - 1 || isCloseQuote(ctx, e));
  let leftQuote = e >= sStart && isCloseQuote(ctx, e) ? ctx.quotes[ctx.quoteOf[e]!]! : null;
  if (leftQuote && quotedTitle(ctx, leftQuote)) leftQuote = null;
  // '"Who would have believed it?" Trump said': the splitter ended the sentence inside the quote
  if (e < sStart && sStart > 0 && isCloseQuote(ctx, sStart - 1) && ctx.toks[sStart - 1]!.sentence !== ctx.toks[sStart]!.sentence
    && /[?!\u2014-]$/.test(ctx.text.slice(0, ctx.toks[sStart - 1]!.start).trimEnd()) && ctx.seg.sentences[ctx.toks[sStart - 1]!.sentence]!.paragraph === s.paragraph) {
    leftQuote = ctx.quotes[ctx.quoteOf[sStart - 1]!]!;
  }
  // a leading adverbial ("In addition, ...") is no part of the content before the reporting clause
  const leftStart = afterAdverbialLead(ctx, sStart, clauseStart);
  const leftWords = e >= leftStart ? wordsBetween(ctx, leftStart, e) : 0;

  // what follows it
  const rStart = rightContentStart(ctx, cue, sEnd);
  const rWords = rStart <= lastTok ? wordsBetween(ctx, rStart, lastTok) : 0;
  const rightOpens = (rStart <= lastTok && (isOpenQuote(ctx, rStart) || ctx.lower[rStart] === 'that' || ctx.toks[rStart - 1]?.text === ':'))
    || (ctx.toks[lastTok]!.text === ':' && isOpenQuote(ctx, sEnd)); // "made the following comment:" + quote
  // '"A," he told the agency, "B."' / 'A, he said, B': the reporting clause splits the content
  let splitComma = -1;
  for (let k = afterCue; k < lastTok && k - afterCue <= 6; k++) {
    if (ctx.toks[k]!.text === ',') { splitComma = k; break; }
    if (ctx.toks[k]!.kind === 'punct' || ctx.toks[k]!.kind === 'quote' || (k > afterCue && sourceSide === 'right')) break;
  }
  // after an inverted source ('said Smith, a teacher in the town') only a new quotation continues the content
  if (splitComma >= 0 && (sourceSide === 'right' || splitComma > afterCue) && !isOpenQuote(ctx, splitComma + 1)) splitComma = -1;
  // '"You winning?" she said, but Kevin ...': a new clause, not the rest of the quotation
  if (splitComma >= 0 && (SPLIT_STOP.has(ctx.lower[splitComma + 1] ?? '') || /^\p{Ll}+ing$/u.test(ctx.toks[splitComma + 1]?.text ?? ''))) splitComma = -1;
  if (splitComma > afterCue) afterCue = splitComma;
  const splitAfter = splitComma >= 0 && afterCue + 1 <= lastTok;

  const leftSpan = (): Bounds | null => {
    if (leftQuote) {
      // the quote, and what leads into it in this sentence ('The answers are "not meeting the demand," says X')
      const lead = e >= sStart ? ctx.toks[sStart]!.start : leftQuote.start;
      return { start: Math.min(leftQuote.start, lead), end: leftQuote.end };
    }
    return e >= leftStart ? contentBetween(ctx, leftStart, e) : null;
  };
  const around = (left: Bounds | null): Bounds | null => {
    // "A," he said, "B." / A, he said, B: the content is the outer extent
    if (!left || !splitAfter) return left;
    const right = contentBetween(ctx, afterCue + 1, lastTok);
    if (!right) return left;
    const q = isOpenQuote(ctx, afterCue + 1) ? quoteAtOffset(ctx, ctx.toks[afterCue + 1]!.start) : undefined;
    return { start: left.start, end: q ? Math.max(q.end, right.end) : right.end };
  };

  let content: Bounds | null = null;
  let contentSide: Structure['contentSide'] = 'right';
  // '"It is an invasion," Smith, the attorney general of Oklahoma, said at an event': the sentence opens with the quote
  if (!leftQuote && e >= sStart && (isOpenQuote(ctx, sStart) || ctx.quoteOf[sStart]! >= 0)) {
    const q = ctx.quotes[ctx.quoteOf[sStart]!]!;
    if (q.end <= ctx.toks[clauseStart]!.start && /[,?!\u2014-]/.test(ctx.text.slice(q.end - 3, q.end + 1))) leftQuote = q;
  }
  // "... said before he died": an adverbial clause after the cue is no content
  const rightSubordinate = rStart <= lastTok && (SUBORDINATORS.has(ctx.lower[rStart]!)
    // "..., officials said on Friday, as they ...": "as" after a comma opens an adverbial clause
    || (ctx.lower[rStart] === 'as' && ctx.toks[rStart - 1]!.text === ','));
  const secondVerb = isSecondVerb(ctx, cue, sStart);
  // "the AP, which first reported the story": a relative clause's content follows it
  const relative = antecedent !== null || (source !== null && source.first === source.last && RELATIVE.has(ctx.lower[source.first]!));
  const preferLeft = ((secondVerb || relative) && rWords > 0) ? false : leftQuote !== null || (rightSubordinate && leftWords >= 2)
    || (separated && leftWords >= 3 && (splitAfter || (!rightOpens && rWords <= 6)) && !(opts.roleApposition && e >= 0 && ctx.lex.roles.has(ctx.lower[e]!)))
    || (sourceSide === 'right' && leftWords >= 1)
    || rWords === 0;
  if (preferLeft) {
    content = around(leftSpan());
    contentSide = splitAfter && content ? 'around' : 'left';
  }
  if (!content) {
    contentSide = 'right';
    content = rightContent(ctx, rStart, sEnd);
    // "After thanking the crowd, the mayor said ...": a leading participle phrase ends at its comma
    if (content && (cue.first === sStart || (cue.first === sStart + 1 && SUBORD_ING.has(ctx.lower[sStart]!))) && /ing$/.test(ctx.lower[cue.head]!)) {
      for (let k = rStart + 1; k < lastTok; k++) {
        if (ctx.toks[k]!.text !== ',' || ctx.quoteOf[k]! >= 0) continue;
        content = contentBetween(ctx, rStart, k - 1) ?? content;
        break;
      }
    }
  }
  if (!content) return null;
  // '"A," he said. "B."': the quotation resumed in the next sentence of the paragraph belongs to it
  if (leftQuote && contentSide !== 'right' && sEnd < ctx.toks.length && isOpenQuote(ctx, sEnd) && isTerminal(ctx.toks[lastTok])
    && ctx.seg.sentences[ctx.toks[sEnd]!.sentence]!.paragraph === s.paragraph) {
    const next = quoteAtOffset(ctx, ctx.toks[sEnd]!.start);
    if (next && next.end > content.end) content = { start: content.start, end: next.end };
  }
  return { source, antecedent, content, sourceSide, contentSide };
}

/** A colon cue: the first phrase of the sentence speaks, what follows the colon is said. */
function colonStructure(ctx: Ctx, cue: CueCandidate, sStart: number, sEnd: number): Structure | null {
  let i = sStart;
  if (isOpenQuote(ctx, i)) i++;
  let source = i < cue.head ? nounPhraseStartingAt(ctx, i, cue.head - 1) : null;
  // "A lesson from Loretta Lynch: ...": the first name before the colon, when the phrase opening it is none
  if (source && !isCap(ctx.toks[source.last])) {
    for (let k = source.last + 1; k < cue.head; k++) {
      if (!isCap(ctx.toks[k])) continue;
      const np = nounPhraseStartingAt(ctx, k, cue.head - 1);
      if (np) { source = np; break; }
    }
  }
  const content = rightContent(ctx, cue.last + 1, sEnd);
  return content ? { source, content, sourceSide: source ? 'left' : 'none', contentSide: 'right' } : null;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", '\u2019s', '\u2019re']);

/** "were estimated to", "is expected", "it was reported that": a participle after a form of "be". */
function isPassive(ctx: Ctx, cue: CueCandidate): boolean {
  const next = ctx.lower[cue.last + 1] ?? '';
  // "we are convinced", "were willing": a state of the subject's mind, unless an agent follows
  if (ctx.lex.predicates.get(ctx.lower[cue.head]!) === 'state' && next !== 'by') return false;
  // irregular participles of words outside the verb list count too ("is seen as", "is known as")
  const participle = cue.type === 'verb' ? cue.form === 'ed' || cue.form === 'en' : cue.type === 'other' && /(?:ed|een|[^aeiou]en|wn)$/.test(ctx.lower[cue.head]!) && !/^(?:then|when|often|even|women|men)$/.test(ctx.lower[cue.head]!);
  if (!participle) return false;
  for (let k = cue.first; k < cue.head; k++) {
    const w = ctx.lower[k]!;
    if (!BE.has(w)) continue;
    // "he's heralded plans": 's for has, with an object after the participle
    if (w === "'s" && !PASSIVE_NEXT.has(next) && !isTerminal(ctx.toks[cue.last + 1])) return false;
    return true;
  }
  return false;
}
const PASSIVE_NEXT = new Set(['by', 'as', 'to', 'that', 'in', 'on', ',', 'for', 'with']);

/** A passive cue: the source follows "by" if anywhere; the content is the clause ("X is believed to ..."). */
function passiveStructure(ctx: Ctx, cue: CueCandidate, sStart: number, sEnd: number): Structure | null {
  const last = sEnd - 1;
  let source: TokRange | null = null;
  if (ctx.lower[cue.last + 1] === 'by') source = nounPhraseStartingAt(ctx, cue.last + 2, last);
  // "His views were echoed by experts", "Charter schools, promoted by X, ...": what the agent said is the subject
  if (source && cue.first > sStart) {
    let e = cue.first - 1;
    while (e >= sStart && (ctx.toks[e]!.text === ',' || ctx.lex.skip.has(ctx.lower[e]!))) e--;
    const subj = e >= sStart ? nounPhraseEndingAt(ctx, e, sStart) : null;
    const c = subj ? contentBetween(ctx, subj.first, subj.last) : null;
    if (c) return { source, content: c, sourceSide: 'right', contentSide: 'left' };
  }
  // "it was reported that ...": only the that-clause
  if (ctx.lower[cue.first - 1] === 'it') {
    const i = rightContentStart(ctx, cue, sEnd);
    const c = rightContent(ctx, i, sEnd);
    if (c) return { source, content: c, sourceSide: source ? 'right' : 'none', contentSide: 'right' };
  }
  const content = contentBetween(ctx, sStart, last);
  return content ? { source, content, sourceSide: source ? 'right' : 'none', contentSide: 'around' } : null;
}

const CLAUSE_OPENERS = new Set([',', ';', ':', '(', '\u2014', '\u2013', '--']);
const SPLIT_STOP = new Set(['but', 'and', 'or', 'while', 'as', 'although', 'though', 'whereas', 'because', 'so']);
const SUBORDINATORS = new Set(['before', 'after', 'when', 'while', 'because', 'since', 'if', 'although', 'though', 'until', 'whereas', 'once']);
const CLAUSE_BREAK = new Set(['but', 'while', 'although', 'though', 'whereas']);

/** "..., adding that", "and said": a participle or a second verb sharing the clause's subject. */
function isSecondVerb(ctx: Ctx, cue: CueCandidate, floor: number): boolean {
  const e = skipBack(ctx, cue.first - 1, floor);
  if (e < floor) return false;
  const w = ctx.lower[e]!;
  const ing = cue.form === 'ing' || (cue.type === 'other' && /ing$/.test(ctx.lower[cue.head]!));
  return COORD.has(w) || (ing && (w === ',' || quoteComma(ctx, e) || DASHES.has(w) || SUBORD_ING.has(w)));
}

/** A sentence opening with a prepositional or adverbial phrase ("In an essay last week, ..."). */
function adverbialLead(ctx: Ctx, sStart: number): boolean {
  const w = ctx.lower[sStart]!;
  if (COORD.has(w)) return false; // "But the plan is ..., X said": the clause itself
  return ctx.lex.boundaries.has(w) || PREPOSITIONS.has(w) || ctx.lex.skip.get(w) === 'adv' || w === 'following' || w === 'despite' || w === 'through'
    // "Asked about the report, ...", "Speaking on Monday, ..." (not "Shifting monsoon patterns ...")
    || (/^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(ctx.toks[sStart]!.text) && !ctx.lex.roles.has(w)
      && (PREPOSITIONS.has(ctx.lower[sStart + 1] ?? '') || ctx.lex.determiners.has(ctx.lower[sStart + 1] ?? '') || ctx.lex.pronouns.has(ctx.lower[sStart + 1] ?? '')));
}

/** The first token after a sentence's leading adverbial phrase ("In addition, ...", "Through a spokesman, ..."). */
function afterAdverbialLead(ctx: Ctx, sStart: number, limit: number): number {
  if (!adverbialLead(ctx, sStart)) return sStart;
  for (let k = sStart + 1; k < limit && k - sStart <= 16; k++) {
    const w = ctx.lower[k]!;
    // a verb in it: a clause ("If the plan fails, ..."), not an adverbial phrase
    if (((ctx.lex.skip.get(w) === 'aux' && w !== 'to') || (ctx.lex.verbs.get(w)?.form === 's'))) return sStart;
    if (ctx.toks[k]!.text === ',' && !(ctx.quoteOf[k]! >= 0 && !isCloseQuote(ctx, k + 1))) return k + 1;
    if (ctx.toks[k]!.text === ',' && isCloseQuote(ctx, k + 1)) return k + 2;
  }
  return sStart;
}

/** A title in quotation marks ('On "Face the Nation," ...', 'CBS's "Face the Nation"'): no quoted speech. */
function quotedTitle(ctx: Ctx, q: { start: number; end: number }): boolean {
  let lo = 0, hi = ctx.toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ctx.toks[mid]!.start < q.start) lo = mid + 1; else hi = mid; }
  const k = lo - 1;
  if (k >= 0 && ctx.lex.boundaries.has(ctx.lower[k]!) && !COORD.has(ctx.lower[k]!) && ctx.lower[k] !== 'that') return true;
  // every word capitalised, and few of them
  let words = 0, caps = 0;
  for (let i = lo; i < ctx.toks.length && ctx.toks[i]!.end <= q.end; i++) {
    if (ctx.toks[i]!.kind !== 'word') continue;
    words++;
    if (isCap(ctx.toks[i]) || ctx.lex.boundaries.has(ctx.lower[i]!) || ctx.lex.determiners.has(ctx.lower[i]!)) caps++;
  }
  return words > 0 && words <= 6 && caps === words && isCap(ctx.toks[lo + 1]);
}

/** Right-hand content from token i to the end of the sentence; a colon at the end takes the quote that follows. */
function rightContent(ctx: Ctx, i: number, sEnd: number): Bounds | null {
  const last = sEnd - 1;
  if (i > last || wordsBetween(ctx, i, last) === 0) {
    // "He said:" then a quote in the next sentence or paragraph
    if (ctx.toks[last]?.text === ':' && isOpenQuote(ctx, sEnd)) {
      const q = quoteAtOffset(ctx, ctx.toks[sEnd]!.start)!;
      return { start: q.start, end: q.end };
    }
    // "The governor added:" then the words set as a paragraph of their own
    if (ctx.toks[last]?.text === ':' && sEnd < ctx.toks.length) {
      const para = ctx.seg.paragraphs[ctx.seg.sentences[ctx.toks[sEnd]!.sentence]!.paragraph]!;
      if (para.start === ctx.toks[sEnd]!.start) return { start: para.start, end: para.end };
    }
    return null;
  }
  if (isOpenQuote(ctx, i)) {
    const q = quoteAtOffset(ctx, ctx.toks[i]!.start)!;
    if (q.end >= ctx.toks[last]!.start) return { start: q.start, end: Math.max(q.end, contentBetween(ctx, i, last)?.end ?? q.end) };
  }
  // a contrasting clause ends the content (", but ...")
  for (let k = i + 1; k < last; k++) {
    const t = ctx.toks[k]!;
    if (ctx.quoteOf[k] !== -1) {
      // '... "completely safe," adding that ...': the comma inside the closing quote
      const v = ctx.lex.verbs.get(ctx.lower[k + 1]!);
      if (quoteComma(ctx, k) && v?.form === 'ing') return contentBetween(ctx, i, k);
      continue;
    }
    const next = ctx.lower[k + 1]!;
    if ((t.text === ',' || t.text === ';') && CLAUSE_BREAK.has(next)) return contentBetween(ctx, i, k - 1);
    // ", saying ...", "and said ...": the subject's next verb starts a new attribution
    const v = ctx.lex.verbs.get(next);
    if (v && ((t.text === ',' && v.form === 'ing') || (ctx.lower[k] === 'and' && (v.form === 'ed' || v.form === 's')))) return contentBetween(ctx, i, k - 1);
    // ", who ...": a relative clause on the last noun is no part of what was said
    if (t.text === ',' && (next === 'who' || next === 'which')) return contentBetween(ctx, i, k - 1);
  }
  return contentBetween(ctx, i, last);
}

/** "according to X, A" / "A, according to X" / "A, according to X, B". */
function prepStructure(ctx: Ctx, cue: CueCandidate, sStart: number, sEnd: number): Structure | null {
  const last = sEnd - 1;
  const source = nounPhraseStartingAt(ctx, cue.last + 1, last);
  const after = source ? source.last + 1 : cue.last + 1;
  // skip the rest of the source phrase up to a comma ("according to a report by the agency, ...")
  let k = after;
  while (k <= last && ctx.toks[k]!.text !== ',' && !isTerminal(ctx.toks[k]) && k - after < 12) k++;
  const left = cue.first - 1 >= sStart ? contentBetween(ctx, sStart, cue.first - 1) : null;
  const right = k < last ? contentBetween(ctx, k + 1, last) : null;
  let content: Bounds | null;
  let side: Structure['contentSide'];
  if (left && right && wordsBetween(ctx, sStart, cue.first - 1) >= 3) { content = { start: left.start, end: right.end }; side = 'around'; }
  else if (left && wordsBetween(ctx, sStart, cue.first - 1) >= 2) { content = left; side = 'left'; }
  else { content = right ?? left; side = right ? 'right' : 'left'; }
  if (!content) return null;
  return { source, content, sourceSide: source ? 'right' : 'none', contentSide: side };
}
