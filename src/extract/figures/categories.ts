import type { Token } from '../../segment/types.js';
import type { FigureCategory } from '../../model/figures.js';
import type { FigureLexicon, Trigger } from './lexicon.js';
import type { PhraseMatch } from '../util/phrases.js';
import type { Count } from './counts.js';

/** What happened to a count, and the words that say so. */
export interface Categorised {
  category: FigureCategory;
  /** token range of the trigger words, or null when the noun phrase itself says it ("20 deaths") */
  trigger: [number, number] | null;
  /** the trigger is a passive or intransitive predicate right after the count (the strongest reading) */
  direct: boolean;
}

const HARD_STOPS = new Set(['.', ';', ':', '!', '?', '(', ')', '[', ']', '\u2014', '\u2013', '|']);
const AUX = new Set(['were', 'was', 'is', 'are', 'be', 'been', 'being', 'got', 'get', 'gets', 'had', 'have', 'has']);
const OBJECT_STARTS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'him', 'them', 'us', 'me', 'this', 'that', 'these', 'those', 'another', 'one', 'two', 'three', 'four', 'five', 'several', 'dozens', 'hundreds', 'thousands', 'at', 'more', 'nearly', 'up', 'about', 'some']);
const INCLUSIONS = new Set(['including', 'among']);
const PREPOSITIONS = new Set(['in', 'at', 'on', 'near', 'after', 'during', 'by', 'for', 'with', 'while', 'outside', 'inside', 'over', 'as', 'since', 'when', 'following', 'amid', 'from', 'early', 'late', 'last', 'overnight', 'and', 'or']);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);
// words a before-trigger may stand apart from its count by ("killing at least", "the death toll from the attack rose to")
const TOLL_LINKS = new Set(['rose', 'risen', 'climbed', 'reached', 'stands', 'stood', 'increased', 'jumped', 'is', 'was', 'at', 'to', 'has', 'had', 'now', 'of', 'hit', 'surpassed']);

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');

/** A trigger used actively, with its object after it ("shot his wife"): its subject is not the victim. */
function isActive(tokens: readonly Token[], m: PhraseMatch<Trigger>, aux: boolean): boolean {
  if (aux || m.value.position === 'after') return false;
  const next = tokens[m.last + 1];
  if (!next) return false;
  const w = next.text.toLowerCase();
  if (REFLEXIVES.has(w)) return false;
  if (OBJECT_STARTS.has(w) || next.kind === 'number') return true;
  if (PREPOSITIONS.has(w)) return false; // "Killed In Memphis" (a headline's capitals)
  return next.kind === 'word' && /^\p{Lu}/u.test(next.text) && !TIME_WORDS.has(w);
}

/** The predicate after a count: "20 people were killed", "five dead", "who are believed to be trapped". */
function rightTrigger(tokens: readonly Token[], c: Count, end: number, lex: FigureLexicon, startsCount: (i: number) => boolean, countEnd: (i: number) => number): Categorised | null {
  let content = 0, aux = false, onlyBridge = true;
  for (let j = c.last + 1; j < end && content <= 6; j++) {
    const t = tokens[j]!;
    // a quotation is another clause ("Salah, who claims: 'we are under siege'")
    if (HARD_STOPS.has(t.text) || t.kind === 'quote') return null;
    const w = t.text.toLowerCase();
    const m = lex.triggers.matchAt(tokens, j);
    if (m && m.last < end && m.value.position !== 'noun') {
      if (m.value.position === 'before') return null; // "... and killing 20": the next count is its object
      // "nobody has come to take the wounded out": a participle used as a noun is another group of
      // people, not what happened to the count ("two children were among the dead" still is)
      if (lower(tokens[j - 1]) === 'the' && lower(tokens[j - 2]) !== 'among') return null;
      if (isActive(tokens, m, aux)) return null;
      const found: Categorised = { category: m.value.category, trigger: [j, m.last], direct: onlyBridge };
      if (found.category === 'casualties' || found.category === 'injured') return laterDeath(tokens, found, end, lex, startsCount) ?? found;
      return found;
    }
    // "two civilians, including a child, were killed": the inclusion is skipped, the verb is the group's
    if (INCLUSIONS.has(w) && countEnd(j + 1) >= 0) {
      j = countEnd(j + 1);
      onlyBridge = false;
      continue;
    }
    if (j > c.last + 1 && startsCount(j)) return null;
    if (lex.breaks.has(w)) return null;
    if (AUX.has(w)) aux = true;
    if (t.text === ',') {
      // an apposition ("Jane Doe, 17, was shot"): skip up to the closing comma
      let k = j + 1;
      while (k < end && k - j <= 10 && tokens[k]!.text !== ',' && !HARD_STOPS.has(tokens[k]!.text) && tokens[k]!.kind !== 'quote') k++;
      if (tokens[k]?.text === ',' && k - j <= 10) {
        j = k;
        onlyBridge = false;
        continue;
      }
      return null;
    }
    if (!lex.bridge.has(w)) {
      content++;
      onlyBridge = false;
    }
  }
  return null;
}

/** "was shot and later died", "was shot ... and died at the scene": the victim of a shooting died. */
function laterDeath(tokens: readonly Token[], shot: Categorised, end: number, lex: FigureLexicon, startsCount: (i: number) => boolean): Categorised | null {
  // headline style: "Two girls shot, killed by father", "man shot & killed"
  const after = shot.trigger![1] + 1;
  if (tokens[after]?.text === ',' || tokens[after]?.text === '&') {
    const m = lex.triggers.matchAt(tokens, after + 1);
    if (m && m.value.category === 'killed' && m.value.position !== 'before' && m.value.position !== 'noun') return { category: 'killed', trigger: [shot.trigger![0], m.last], direct: shot.direct };
  }
  let joined = false;
  for (let j = shot.trigger![1] + 1; j < end && j <= shot.trigger![1] + 14; j++) {
    const t = tokens[j]!;
    if (HARD_STOPS.has(t.text) || startsCount(j)) return null;
    const w = t.text.toLowerCase();
    if (w === 'and' || w === 'where' || w === 'but') joined = true;
    if (!joined) continue;
    const m = lex.triggers.matchAt(tokens, j);
    if (m && m.value.category === 'killed' && m.value.position === 'after') return { category: 'killed', trigger: shot.trigger, direct: shot.direct };
    if (w === 'he' || w === 'she' || w === 'they') continue;
  }
  return null;
}

/** The verb or noun before a count that governs it: "killing 20", "the death toll rose to 20". */
function leftTrigger(tokens: readonly Token[], c: Count, start: number, lex: FigureLexicon): Categorised | null {
  let gap = 0, tollLink = false;
  for (let j = c.first - 1; j >= start && gap <= 6; j--) {
    const t = tokens[j]!;
    if (HARD_STOPS.has(t.text) || t.kind === 'number' || t.kind === 'quote') return null;
    // the longest trigger ending at j
    let best: PhraseMatch<Trigger> | null = null;
    for (let k = Math.max(start, j - 4); k <= j; k++) {
      const m = lex.triggers.matchAt(tokens, k);
      if (m && m.last === j && m.value.position !== 'noun' && m.value.position !== 'after') {
        best = m;
        break;
      }
    }
    if (best) {
      const isToll = /toll/.test(best.phrase);
      // a verb must be next to its object; a toll may be a few words away ("the toll from the attack rose to 20")
      if (gap === 0 || (isToll && tollLink)) return { category: best.value.category, trigger: [best.first, best.last], direct: gap === 0 && !isToll };
      return null;
    }
    const w = t.text.toLowerCase();
    if (lex.breaks.has(w) || t.text === ',') return null;
    if (TOLL_LINKS.has(w)) tollLink = true;
    else if (!['the', 'also', 'reportedly', 'allegedly', 'and', 'another', 'an', 'additional', 'further', 'some'].includes(w)) {
      if (!tollLink) return null;
    }
    gap++;
  }
  return null;
}

/**
 * What happened to the people of a count: the predicate right after it, else the verb that governs
 * it from the left, else its own noun ("deaths", "casualties"). Verbs used actively ("a man shot his
 * wife") do not make their subject a victim.
 */
export function categorise(tokens: readonly Token[], c: Count, start: number, end: number, lex: FigureLexicon, startsCount: (i: number) => boolean, countEnd: (i: number) => number = () => -1): Categorised | null {
  if (c.incident && c.headCategory) return { category: c.headCategory, trigger: null, direct: true };
  // the object of a verb right before it ("killed four classmates") belongs to that verb, even when a
  // passive follows ("... was arrested": the relative clause's subject is someone else)
  const left = leftTrigger(tokens, c, start, lex);
  if (left?.direct) return left;
  const right = rightTrigger(tokens, c, end, lex, startsCount, countEnd);
  if (right?.direct) return right;
  if (left) return left;
  if (right) return right;
  if (c.headCategory) return { category: c.headCategory, trigger: null, direct: false };
  return null;
}
