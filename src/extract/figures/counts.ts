import type { Token } from '../../segment/types.js';
import type { Range } from '../../model/span.js';
import type { FigureCategory } from '../../model/figures.js';
import type { FigureLexicon } from './lexicon.js';
import { numberAt, type NumberMatch } from './numbers.js';
import { applyQualifier, exactly, type QualifierKind } from './qualifiers.js';

/**
 * A counted group of people in one sentence, before its category is known: "more than 20,000
 * residents", "tens of thousands of people", "a man and two women", "80% of these", "no one".
 */
export interface Count {
  /** token range of the whole phrase (qualifier to head noun), inclusive */
  first: number;
  last: number;
  value: Range;
  /** the words that set the range ("more than", "tens of thousands"), null for a plain number */
  qualifier: string | null;
  unit: 'people' | 'percent';
  /** head noun phrase: who is counted ("residents", "police trainees"), or a name */
  people: string | null;
  /** category given by the noun phrase itself ("20 deaths", "two wounded soldiers") */
  headCategory: FigureCategory | null;
  /** "of these", "of them": a share of a figure named before */
  anaphoric: boolean;
  /** read from a noun phrase without a number ("a man", "his wife and son", a name) */
  implicit: boolean;
  /** an incident counted by its victims ("a double homicide"): the noun gives the category */
  incident?: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'this', 'that', 'these', 'those']);
const PARTITIVE_ANAPHORS = new Set(['them', 'these', 'those', 'whom', 'which', 'us', 'it']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
const INDEFINITES = new Set(['a', 'an', 'another']);
const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth']);
const NP_STOP = new Set([
  'of', 'in', 'at', 'on', 'from', 'by', 'with', 'and', 'or', 'to', 'for', 'were', 'was', 'are', 'is', 'have', 'has', 'had',
  'who', 'that', 'which', 'the', 'a', 'an', 'as', 'than', 'into', 'near', 'after', 'before', 'during', 'since', 'per', 'not',
]);
const NP_MODIFIERS = new Set(['other', 'more', 'additional', 'further', 'innocent', 'unarmed']);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves']);
const AGE_CUES = new Set(['age', 'ages', 'aged']);
const PERCENT_WORDS = new Set(['percent', 'pct']);
const ZERO_WORDS = new Set(['nobody', 'no-one', 'none']);
const AGE_TOKEN_RE = /^\d{1,3}[-\u2010\u2011]year[-\u2010\u2011]olds?$/i;
// capitalised plurals that name people: Syrians, Afghans, Iraqis, Palestinians, Lebanese
const DEMONYM_PLURAL_RE = /^[A-Z][a-z]+(?:ans|is|ese|ites)$/;

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isCap = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.text);

interface Head {
  first: number;
  last: number;
  number: 'sg' | 'pl';
  category: FigureCategory | null;
}

/**
 * The head noun of a people phrase starting at token i: up to three modifiers ("police", "Syrian",
 * "17-year-old", "wounded") and a noun from the people list or a casualty noun ("deaths").
 */
function headAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): Head | null {
  let category: FigureCategory | null = null;
  for (let j = i, mods = 0; j < end && mods <= 3; j++, mods++) {
    const t = tokens[j]!;
    if (AGE_TOKEN_RE.test(t.text)) {
      // "a 15-year-old boy" (modifier) or "a 15-year-old" / "two 17-year-olds" (head)
      const next = headAt(tokens, j + 1, end, lex);
      if (next && next.first === j + 1) return { ...next, first: i, category: next.category ?? category };
      return { first: i, last: j, number: /s$/i.test(t.text) ? 'pl' : 'sg', category };
    }
    const noun = lex.triggers.matchAt(tokens, j);
    if (noun && noun.value.position === 'noun' && noun.last < end) return { first: i, last: noun.last, number: 'pl', category: noun.value.category };
    const p = lex.people.matchAt(tokens, j);
    if (p && p.last < end) {
      // "police officers", "police trainees": the last of a run of people nouns is the head
      let last = p.last, number = p.value;
      for (let q = lex.people.matchAt(tokens, last + 1); q && q.last < end; q = lex.people.matchAt(tokens, last + 1)) {
        last = q.last;
        number = q.value;
      }
      return { first: i, last, number, category };
    }
    if (t.kind === 'word' && DEMONYM_PLURAL_RE.test(t.text)) return { first: i, last: j, number: 'pl', category };
    // a modifier: an adjective, a name, a casualty participle ("wounded soldiers")
    const w = t.text.toLowerCase();
    if (t.kind !== 'word' || NP_STOP.has(w) || (lex.bridge.has(w) && !NP_MODIFIERS.has(w)) || lex.breaks.has(w)) return null;
    if (noun) {
      // a casualty word is a modifier only right before the noun ("two wounded soldiers"); else it is the verb
      if (noun.value.position === 'before' || !lex.people.matchAt(tokens, noun.last + 1)) return null;
      category = noun.value.category;
      j = noun.last;
    }
  }
  return null;
}

/** A qualifier + number (+ range or trailing qualifier) at token i. */
function quantityAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): { first: number; last: number; value: Range; qualifier: string | null } | null {
  let q: QualifierKind | null = null;
  let qText: string | null = null;
  let k = i;
  const qm = lex.qualifiers.matchAt(tokens, i);
  if (qm && qm.last + 1 < end) {
    q = qm.value;
    qText = tokens.slice(i, qm.last + 1).map((t) => t.text).join(' ');
    k = qm.last + 1;
  }
  // "between 20 and 30", "from 20 to 30"
  const w = lower(tokens[k]);
  if ((w === 'between' || w === 'from') && !q) {
    const a = numberAt(tokens, k + 1, lex);
    const sep = a ? lower(tokens[a.last + 1]) : '';
    if (a && ((w === 'between' && sep === 'and') || (w === 'from' && sep === 'to'))) {
      const b = numberAt(tokens, a.last + 2, lex);
      if (b && b.value.best > a.value.best && b.last < end) {
        return { first: k, last: b.last, value: { low: a.value.low ?? a.value.best, best: a.value.best, high: b.value.high ?? b.value.best }, qualifier: tokens.slice(k, b.last + 1).map((t) => t.text).join(' ') };
      }
    }
  }
  const n: NumberMatch | null = k < end ? numberAt(tokens, k, lex) : null;
  if (!n || n.last >= end) return null;
  let value = n.value;
  let last = n.last;
  let qualifier = [qText, n.vague].filter(Boolean).join(' ') || null;
  // "20 to 30", "two or three"
  const sep = lower(tokens[last + 1]);
  if ((sep === 'to' || sep === 'or') && !q) {
    const b = numberAt(tokens, last + 2, lex);
    if (b && b.last < end && b.value.best > value.best && b.value.best <= value.best * 10 + 10) {
      value = { low: value.low ?? value.best, best: value.best, high: b.value.high ?? b.value.best };
      qualifier = tokens.slice(n.first, b.last + 1).map((t) => t.text).join(' ');
      last = b.last;
    }
  }
  // trailing qualifier: "20 or more", "50 or so"
  const tm = lex.trailing.matchAt(tokens, last + 1);
  if (tm && !q && tm.last < end) {
    q = tm.value;
    qualifier = [qualifier, tokens.slice(last + 1, tm.last + 1).map((t) => t.text).join(' ')].filter(Boolean).join(' ');
    last = tm.last;
  }
  return { first: i, last, value: applyQualifier(q, value), qualifier };
}

/** A number used as an age ("Jane Doe, 17,", "aged 19", "ages 19 and 20"), not a count. */
function isAge(tokens: readonly Token[], i: number, start: number): boolean {
  const prev = tokens[i - 1], prev2 = tokens[i - 2];
  if (AGE_CUES.has(lower(prev)) || (lower(prev) === 'and' && AGE_CUES.has(lower(tokens[i - 3])))) return true;
  const t = tokens[i]!;
  if (t.kind !== 'number') return false;
  // "Smith, 17," / "Smith, 17." : a number in commas right after a name
  if (prev?.text === ',' && i - 2 >= start && (isCap(prev2) || prev2?.kind === 'word') && Number(t.text) < 120) {
    const next = lower(tokens[i + 1]);
    return next === ',' || next === '.' || next === 'and' || next === ';' || next === 'of' || next === ')' || next === '';
  }
  // "(17)"
  return prev?.text === '(' && tokens[i + 1]?.text === ')';
}

/** An explicit count (with a number) starting at token i. */
function explicitAt(tokens: readonly Token[], i: number, start: number, end: number, lex: FigureLexicon): Count | null {
  const qty = quantityAt(tokens, i, end, lex);
  if (!qty) return null;
  const numTok = tokens[qty.last]!;
  if (!qty.qualifier && (isAge(tokens, qty.first, start) || lex.nonCountBefore.has(lower(tokens[qty.first - 1])))) return null;
  // years and the like: a four-digit number with no separator must be followed by a people noun
  const plainYear = /^(1[89]|20)\d\d$/.test(numTok.text);
  let j = qty.last + 1;
  // percent: "80%", "80 percent", "80 per cent"
  let unit: Count['unit'] = 'people';
  if (tokens[j]?.text === '%' || PERCENT_WORDS.has(lower(tokens[j]))) {
    unit = 'percent';
    j++;
  } else if (lower(tokens[j]) === 'per' && lower(tokens[j + 1]) === 'cent') {
    unit = 'percent';
    j += 2;
  }
  // partitive: "of them", "of these", "of the victims"
  if (lower(tokens[j]) === 'of' && j + 1 < end) {
    const w = lower(tokens[j + 1]);
    if (PARTITIVE_ANAPHORS.has(w)) {
      return { first: qty.first, last: j + 1, value: qty.value, qualifier: qty.qualifier, unit, people: null, headCategory: null, anaphoric: true, implicit: false };
    }
    if (DETERMINERS.has(w) || w === 'those') {
      const h = headAt(tokens, j + 2, end, lex);
      if (h) return { first: qty.first, last: h.last, value: qty.value, qualifier: qty.qualifier, unit, people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: unit === 'percent', implicit: false };
    }
    if (unit === 'people') {
      const h = headAt(tokens, j + 1, end, lex); // "dozens of people", "thousands of civilians"
      if (h) return { first: qty.first, last: h.last, value: qty.value, qualifier: qty.qualifier, unit, people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: false, implicit: false };
    }
    return null;
  }
  if (unit === 'percent') return null; // a percentage of nothing named: not a people figure
  const h = headAt(tokens, j, end, lex);
  if (h) return { first: qty.first, last: h.last, value: qty.value, qualifier: qty.qualifier, unit, people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: false, implicit: false };
  if (plainYear) return null;
  // no head noun: acceptable only when the next word is not a noun of some other thing
  // ("five were killed", "killing 41", "4 injured", "two others")
  const next = tokens[j];
  if (!next || next.kind !== 'word') return { ...bare(qty), last: qty.last };
  const w = next.text.toLowerCase();
  if (lex.bridge.has(w) || lex.breaks.has(w) || w === 'and' || w === 'or' || w === 'in' || w === 'on' || w === 'at' || w === 'by' || w === 'from' || w === 'including') return bare(qty);
  const trig = lex.triggers.matchAt(tokens, j);
  if (trig && trig.value.position !== 'before') return bare(qty);
  return null;
}

const bare = (qty: { first: number; last: number; value: Range; qualifier: string | null }): Count => ({
  first: qty.first, last: qty.last, value: qty.value, qualifier: qty.qualifier, unit: 'people', people: null, headCategory: null, anaphoric: false, implicit: false,
});

const text = (tokens: readonly Token[], a: number, b: number) => tokens.slice(a, b + 1).map((t, k) => (k && t.spaceBefore ? ' ' : '') + t.text).join('');

/** "no one", "nobody", "no other injuries", "none": a count of zero. */
function zeroAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): Count | null {
  const w = lower(tokens[i]);
  const zero = (last: number, people: string | null, headCategory: FigureCategory | null): Count => ({
    first: i, last, value: exactly(0), qualifier: null, unit: 'people', people, headCategory, anaphoric: false, implicit: true,
  });
  if (ZERO_WORDS.has(w)) {
    let last = i;
    if (lower(tokens[i + 1]) === 'else') last++;
    if (w === 'none' && lower(tokens[i + 1]) === 'of') return null; // "none of the..." is handled as a partitive elsewhere
    return zero(last, null, null);
  }
  if (w !== 'no') return null;
  let j = i + 1;
  if (lower(tokens[j]) === 'one') return zero(lower(tokens[j + 1]) === 'else' ? j + 1 : j, null, null);
  if (['other', 'further', 'more', 'additional'].includes(lower(tokens[j]))) j++;
  const h = headAt(tokens, j, Math.min(end, j + 3), lex);
  // "no injuries", "no deaths": the noun says what did not happen
  if (h) return { ...zero(h.last, text(tokens, h.first, h.last), h.category), incident: h.category !== null && lex.triggers.matchAt(tokens, h.last)?.value.position === 'noun' };
  return null;
}

/** An implicit count from a noun phrase: "a man", "another woman", "his wife", "a 15-year-old". */
function implicitAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): Count | null {
  const w = lower(tokens[i]);
  // "17-year-old Raekwon Brown", "5-year-old boy": an age names one person even without an article
  if (AGE_TOKEN_RE.test(tokens[i]!.text) && !/s$/i.test(tokens[i]!.text) && !DETERMINERS.has(lower(tokens[i - 1])) && tokens[i - 1]?.kind !== 'number') {
    let last = i;
    const h = headAt(tokens, i + 1, Math.min(end, i + 2), lex);
    if (h && h.number === 'sg') last = h.last;
    else while (last + 1 < end && last - i < 3 && isCap(tokens[last + 1])) last++;
    return { first: i, last, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, i, last), headCategory: h?.category ?? null, anaphoric: false, implicit: true };
  }
  let j = i + 1;
  if (INDEFINITES.has(w)) {
    if (ORDINALS.has(lower(tokens[j]))) j++;
  } else if (POSSESSIVES.has(w)) {
    // "his wife", "her two children" is explicit (handled by numbers)
  } else return null;
  const h = headAt(tokens, j, end, lex);
  if (!h || h.number !== 'sg') return null;
  // "a couple" is two people, handled by the vague amounts; "a member of" counts one
  return { first: i, last: h.last, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: false, implicit: true };
}

/** "a double homicide" (2 killed), "triple shooting" (3 hit), "murder-suicide" (2 killed). */
function incidentAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): Count | null {
  const mult = lex.multiples.get(lower(tokens[i]));
  const k = mult === undefined ? i : i + 1;
  const m = lex.incidentNouns.matchAt(tokens, k);
  if (!m || m.last >= end) return null;
  const suicide = /suicide/.test(m.phrase);
  if (mult === undefined && !suicide) return null;
  const n = (mult ?? 1) + (suicide ? 1 : 0);
  return { first: i, last: m.last, value: exactly(n), qualifier: null, unit: 'people', people: null, headCategory: m.value, anaphoric: false, implicit: true, incident: true };
}

/** A headline's bare singular noun: "Teen killed", "Mother, child found dead". */
function headlineNounAt(tokens: readonly Token[], i: number, end: number, lex: FigureLexicon): Count | null {
  if (DETERMINERS.has(lower(tokens[i - 1]))) return null;
  const h = headAt(tokens, i, Math.min(end, i + 4), lex);
  if (!h || h.number !== 'sg') return null;
  return { first: i, last: h.last, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: false, implicit: true };
}

/** One count starting at token i, explicit, zero or implicit. */
function countAt(tokens: readonly Token[], i: number, start: number, end: number, lex: FigureLexicon, opts: CountOptions = {}): Count | null {
  return zeroAt(tokens, i, end, lex) ?? incidentAt(tokens, i, end, lex) ?? explicitAt(tokens, i, start, end, lex) ?? implicitAt(tokens, i, end, lex)
    ?? (opts.headline ? headlineNounAt(tokens, i, end, lex) : null);
}

/**
 * Counts of people in tokens [start, end) (one sentence). Coordinated noun phrases are added up:
 * "a man and two women" is one count of three. `names` are token ranges of person names found by
 * the entity stage: each is an implicit count of one.
 */
export interface CountOptions {
  /** headline style: a bare singular noun counts one ("Teen killed in crash", "Man shot dead") */
  headline?: boolean;
}

export function findCounts(tokens: readonly Token[], start: number, end: number, lex: FigureLexicon, names: readonly [number, number][] = [], opts: CountOptions = {}): Count[] {
  const out: Count[] = [];
  const nameAt = new Map(names.filter(([a]) => a >= start && a < end).map(([a, b]) => [a, b]));
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    // most tokens cannot start a count: skip them before trying the grammar
    if (t.kind !== 'number' && !lex.countStarts.has(t.text.toLowerCase()) && !nameAt.has(i) && !opts.headline) continue;
    let c = countAt(tokens, i, start, end, lex, opts);
    if (!c && nameAt.has(i)) {
      const last = nameAt.get(i)!;
      c = { first: i, last, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, i, last), headCategory: null, anaphoric: false, implicit: true };
      // "Jane Doe, 17," : the age is part of the phrase
      if (tokens[last + 1]?.text === ',' && tokens[last + 2]?.kind === 'number' && tokens[last + 3]?.text === ',') c.last = last + 3;
    }
    if (!c) continue;
    // coordination: "a man and two women", "three soldiers, two policemen and a child"
    while (c.unit === 'people' && c.people && !c.anaphoric && !c.incident && c.value.best > 0) {
      const sep = lower(tokens[c.last + 1]);
      if (sep !== 'and' && sep !== ',') break;
      let d = countAt(tokens, c.last + 2, start, end, lex, opts);
      // "his wife and son": a bare singular noun after an implicit one counts one more
      if (!d && c.implicit && sep === 'and') {
        const h = headAt(tokens, c.last + 2, Math.min(end, c.last + 3), lex);
        if (h && h.number === 'sg') d = { first: h.first, last: h.last, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, h.first, h.last), headCategory: h.category, anaphoric: false, implicit: true };
      }
      // "Jane Doe and John Roe": names coordinate like noun phrases
      if (!d && nameAt.has(c.last + 2) && (c.implicit || sep === 'and')) {
        const nameStart: number = c.last + 2, nameEnd: number = nameAt.get(nameStart)!;
        d = { first: nameStart, last: nameEnd, value: exactly(1), qualifier: null, unit: 'people', people: text(tokens, nameStart, nameEnd), headCategory: null, anaphoric: false, implicit: true };
      }
      if (!d || !d.people || d.unit !== 'people' || d.anaphoric || d.value.best === 0) break;
      c = {
        ...c, last: d.last, qualifier: c.qualifier ?? d.qualifier, people: text(tokens, c.first, d.last), implicit: c.implicit && d.implicit,
        value: { low: sum(c.value.low, d.value.low), best: c.value.best + d.value.best, high: sum(c.value.high, d.value.high) },
        headCategory: c.headCategory ?? d.headCategory,
      };
    }
    // "killed four classmates and himself": the attacker is one more
    // ("... his daughter, himself", "... two children and then himself")
    {
      let k = c.last + 1;
      if (lower(tokens[k]) === 'and' || tokens[k]?.text === ',') k++;
      if (lower(tokens[k]) === 'then') k++;
      if (k > c.last + 1 && k < end && c.unit === 'people' && c.value.best > 0 && REFLEXIVES.has(lower(tokens[k]))) {
        c = { ...c, last: k, value: { low: sum(c.value.low, 1), best: c.value.best + 1, high: sum(c.value.high, 1) } };
      }
    }
    out.push(c);
    i = c.last;
  }
  return out;
}

const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
