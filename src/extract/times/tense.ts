/**
 * A small list-driven tense detector: which way a clause points in time, from the auxiliaries and
 * verbs around a time expression. "will be held on Tuesday" -> future, "fled on Monday" -> past.
 */
import type { Segmented, Token } from '../../segment/types.js';
import { tokenAt } from '../util/spans.js';
import type { TimeLexicon } from './lexicon.js';

export type Tense = 'past' | 'future' | 'present';

/** Words after which a past participle is not a finite past verb ("will be held", "has been killed"). */
const AUX_BEFORE_PARTICIPLE = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", "'re", 'has', 'have', "'ve", 'to', 'will', 'would', 'can', 'could',
  'may', 'might', 'must', 'should', 'shall', 'get', 'gets', 'not', 'also', 'already', 'just', 'now', 'still', 'yet', 'newly', 'the', 'a', 'an', 'were', 'was', 'had']);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', "'s", "'re", "'ve", 'says', 'say', 'does', 'do']);
/** Clause boundaries the scan does not cross. */
const STOP = new Set([';', ':', '(', ')', '"', '\u201c', '\u201d', '\u2014', '--']);

function cueOf(toks: readonly Token[], i: number, lex: TimeLexicon): Tense | null {
  const t = toks[i]!;
  if (t.kind !== 'word') return null;
  const w = t.text.toLowerCase().replace(/\u2019/g, "'");
  const prev = i > 0 ? toks[i - 1]!.text.toLowerCase().replace(/\u2019/g, "'") : '';
  const next = i + 1 < toks.length ? toks[i + 1]!.text.toLowerCase() : '';
  // "is to resume", "was to meet", "set to begin", "due to open": planned events
  if (w === 'to' && /^(is|are|was|were|set|due|poised|likely|expected|scheduled|slated|planning|plans|planned|going|hoping|hopes)$/.test(prev)) return 'future';
  if ((w === 'set' || w === 'due') && next === 'to') return 'future';
  if (w === 'soon' && (prev === 'as' || next === 'as')) return 'future';
  if (w === 'early' && prev === 'as' && next === 'as') return 'future';
  const v = lex.tense.get(w);
  if (v === 'none') return null;
  // planned events ("has scheduled", "is expected") point ahead whatever the auxiliary, unless "had (been)" puts the plan in the past
  if (v === 'future') return prev === 'had' || (prev === 'been' && i > 1 && toks[i - 2]!.text.toLowerCase() === 'had') ? 'past' : 'future';
  const participle = /ed$/.test(w) || v === 'past';
  if (participle && AUX_BEFORE_PARTICIPLE.has(prev) && prev !== 'was' && prev !== 'were' && prev !== 'had') {
    // "was held" / "had fled" stay past through the auxiliary itself; "be held" leaves it to the modal
    return null;
  }
  if (v === 'past') return v;
  if (PRESENT_AUX.has(w)) return 'present';
  if (w.length >= 5 && /ed$/.test(w) && !/eed$/.test(w) && t.text[0] === t.text[0]!.toLowerCase()) return 'past';
  return null;
}

/**
 * The tense of the clause around [start, end): the nearest cue to the left within the sentence
 * (up to `reach` tokens), else the nearest to the right; null when there is none.
 */
export function tenseAround(seg: Segmented, start: number, end: number, lex: TimeLexicon, reach = 12): Tense | null {
  const toks = seg.tokens;
  const first = tokenAt(seg, start);
  if (!first) return null;
  const sent = seg.sentences[first.sentence];
  const lo = sent ? sent.tokenStart : 0, hi = sent ? sent.tokenEnd : toks.length;
  let present = false;
  for (let i = first.index - 1, n = 0; i >= lo && n < reach; i--, n++) {
    if (STOP.has(toks[i]!.text)) break;
    const c = cueOf(toks, i, lex);
    if (c === 'present') {
      present = true;
      continue;
    }
    if (c) return c;
  }
  let j = first.index;
  while (j < hi && toks[j]!.start < end) j++;
  for (let i = j, n = 0; i < hi && n < reach; i++, n++) {
    if (STOP.has(toks[i]!.text) || toks[i]!.text === ',') break;
    const c = cueOf(toks, i, lex);
    if (c === 'present') {
      present = true;
      continue;
    }
    if (c) return c;
  }
  return present ? 'present' : null;
}

/** Whether a duration is the object of "for" in a perfect clause ("has raged for four years"): it then ends now. */
export function isPerfectFor(seg: Segmented, start: number): boolean {
  const first = tokenAt(seg, start);
  if (!first) return false;
  const toks = seg.tokens;
  const sent = seg.sentences[first.sentence];
  const lo = sent ? sent.tokenStart : 0;
  let i = first.index - 1;
  if (i >= lo && /^(more|over|nearly|almost|about|some|than|least|at)$/i.test(toks[i]!.text)) i--;
  if (i >= lo && /^(more|at)$/i.test(toks[i]!.text)) i--;
  if (i < lo || !/^(for|in|over|during)$/i.test(toks[i]!.text)) return false;
  for (let k = i - 1, n = 0; k >= lo && n < 10; k--, n++) {
    const w = toks[k]!.text.toLowerCase();
    if (w === 'has' || w === 'have' || w === "'s" || w === "'ve" || w === 'been') return true;
    if (w === 'had' || w === 'was' || w === 'were' || w === 'will' || STOP.has(w)) return false;
  }
  return false;
}
