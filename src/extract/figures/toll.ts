import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Range } from '../../model/span.js';
import type { Figure, FigureCategory } from '../../model/figures.js';
import type { Segmented } from '../../segment/types.js';
import { sentenceAt } from '../util/spans.js';
import { figureLexicon, type FigureLexicon } from './lexicon.js';
import { readFigures } from './read.js';
import { titleSegment } from './title.js';
import type { PhraseMatcher } from '../util/phrases.js';

/** A killed, injured or casualty figure considered for the toll. */
interface Candidate {
  category: FigureCategory;
  value: Range;
  /** sentence index of its first mention; -1 for the headline */
  sentence: number;
  /** a running total over a period or area ("so far this year"), not the incident's count */
  aggregate: boolean;
  id: string | null;
  /** read from a noun phrase, not a number ("a man", "murder-suicide") */
  implicit: boolean;
  /** counted as the object of a verb ("killed his wife and son"): the attacker is not among them */
  victimsOnly: boolean;
}

const SELF = /\b(?:himself|herself|themselves)\b/i;
const TOLL_CATEGORIES = new Set<FigureCategory>(['killed', 'injured', 'casualties']);
/** how many body sentences after the headline count as the lead, where the main incident is told */
const LEAD_SENTENCES = 6;
/** how many body sentences may say that someone died when no count of the dead is given */
const DEATH_CUE_SENTENCES = 2;

/** Whether the sentence holding token range [first, last] has a running-total cue. */
function isAggregate(seg: Segmented, sentence: number, lex: FigureLexicon): boolean {
  const s = seg.sentences[sentence];
  if (!s) return false;
  return lex.aggregateCues.findAll(seg.tokens, s.tokenStart, s.tokenEnd).length > 0;
}

/**
 * Where the headline is also the text's first line (plain text read with its headline), the end of
 * that copy; else 0. Figures before it are the headline's, and the title is not read a second time.
 */
function headlineEnd(a: Analysis): number {
  if (!a.title) return 0;
  const i = a.text.indexOf(a.title);
  return i >= 0 && a.text.slice(0, i).trim() === '' ? i + a.title.length : 0;
}

function textCandidates(a: Analysis, lex: FigureLexicon, headEnd: number): Candidate[] {
  const out: Candidate[] = [];
  for (const f of a.figures) {
    if (!TOLL_CATEGORIES.has(f.category) || f.unit !== 'people') continue;
    const first = f.mentions.reduce((m, x) => (x.start < m.start ? x : m), f.mentions[0] ?? f);
    const s = sentenceAt(a.seg, first.start);
    if (!s) continue;
    // "killed his wife and son": the count is of victims (but "killed two relatives and himself" is not)
    const victimsOnly = !!f.trigger && f.trigger.start < f.start && !SELF.test(f.text);
    out.push({ category: f.category, value: f.value, sentence: first.start < headEnd ? -1 : s.index, aggregate: isAggregate(a.seg, s.index, lex), id: f.id, victimsOnly, implicit: f.implicit });
  }
  return out;
}

/** Figures of the headline, read the same way as the body (the title is not part of the text). */
function titleCandidates(seg: Segmented, lex: FigureLexicon): Candidate[] {
  return readFigures(seg, lex, [], { headline: true })
    .filter((f) => TOLL_CATEGORIES.has(f.category) && f.unit === 'people')
    .map((f) => ({ category: f.category, value: f.value, sentence: -1, aggregate: isAggregate(seg, f.sentence, lex), id: null, implicit: f.implicit, victimsOnly: !!f.trigger && f.trigger[0] < f.first && !SELF.test(seg.text.slice(seg.tokens[f.first]!.start, seg.tokens[f.last]!.end)) }));
}

/**
 * Whether the first `sentences` sentences hold an entry of a cue list (entries valued false cancel),
 * leaving out sentences about running totals ("killed in the city so far this year").
 */
function hasCue(seg: Segmented, sentences: number, cues: PhraseMatcher<unknown>, lex: FigureLexicon): boolean {
  for (const s of seg.sentences.slice(0, sentences)) {
    if (isAggregate(seg, s.index, lex)) continue;
    if (cues.findAll(seg.tokens, s.tokenStart, s.tokenEnd).some((m) => m.value !== false)) return true;
  }
  return false;
}

const plus = (v: Range, n: number): Range => ({ low: v.low === null ? null : v.low + n, best: v.best + n, high: v.high === null ? null : v.high + n });

/**
 * The best count of one category: the largest in the headline and lead (a lead states the whole toll;
 * later sentences single out victims), else the largest anywhere; running totals only when the
 * article counts nothing else (a battle's toll over years is then its main figure).
 */
function pick(cands: readonly Candidate[], category: FigureCategory): Candidate | null {
  const of = cands.filter((c) => c.category === category);
  // running totals only where the article counts nothing of its own
  const onlyTotals = cands.every((c) => c.aggregate);
  // where the headline and lead count victims but no dead, deaths counted later are other incidents'
  // (the wounded named later are more often the same incident's: no such rule for them)
  const leadCounts = category === 'killed' && cands.some((c) => !c.aggregate && c.sentence < LEAD_SENTENCES);
  const tiers = [
    of.filter((c) => !c.aggregate && c.sentence < LEAD_SENTENCES),
    leadCounts ? [] : of.filter((c) => !c.aggregate),
    onlyTotals ? of : [],
  ];
  // the headline's count, when the body states it too, is the main incident's (a lead may go on to
  // other incidents with larger counts: "a day after more than 100 were killed in ...")
  const headline = of.filter((c) => c.sentence < 0 && !c.aggregate && !c.implicit);
  for (const h of headline) {
    const confirmed = of.find((c) => c.sentence >= 0 && c.sentence < LEAD_SENTENCES && c.value.best === h.value.best);
    if (confirmed) return confirmed;
  }
  for (const tier of tiers) {
    if (!tier.length) continue;
    return tier.reduce((best, c) => (c.value.best > best.value.best ? c : best));
  }
  return null;
}

/**
 * The article's headline toll of its main incident: killed and injured, read from its figures and its
 * headline. Those hit without saying how ("five people were shot") count as injured once the killed
 * are taken out ("five people were shot, one fatally" = 1 killed, 4 injured).
 */
export function computeToll(a: Analysis, res: Resources): void {
  const lex = figureLexicon(res);
  const headEnd = headlineEnd(a);
  const titleSeg = titleSegment(a, res);
  const cands = [...textCandidates(a, lex, headEnd), ...(titleSeg && !headEnd ? titleCandidates(titleSeg, lex) : [])];
  let killed = pick(cands, 'killed');
  // "fatal shooting", "the teen died": a death with no count of the dead is one death
  if (!killed && ((titleSeg && hasCue(titleSeg, 9, lex.deathCues, lex)) || hasCue(a.seg, DEATH_CUE_SENTENCES, lex.deathCues, lex))) {
    killed = { category: 'killed', value: { low: 1, best: 1, high: null }, sentence: 0, aggregate: false, id: null, victimsOnly: false, implicit: true };
  }
  // "shot and killed his wife before turning the gun on himself": the attacker is one more dead
  if (killed && killed.victimsOnly && !killed.aggregate && ((titleSeg && hasCue(titleSeg, 9, lex.suicideCues, lex)) || hasCue(a.seg, LEAD_SENTENCES, lex.suicideCues, lex))) {
    killed = { ...killed, value: plus(killed.value, 1), id: null };
  }
  const injured = pick(cands, 'injured');
  const hit = pick(cands, 'casualties');
  let injuredValue: Range | null = injured?.value ?? null;
  // the dead are taken to be among those hit (one sentence naming them apart, "a man was killed and
  // his son was shot", is rarer than a later sentence saying which of them died)
  const k = killed?.value.best ?? 0;
  if (hit && hit.value.best - k > (injuredValue?.best ?? 0)) {
    const rest = hit.value.best - k;
    injuredValue = { low: hit.value.low === null ? null : Math.max(0, hit.value.low - k), best: rest, high: hit.value.high === null ? null : Math.max(0, hit.value.high - k) };
  }
  const used = [killed, injured, hit].filter((c): c is Candidate => !!c && c.id !== null).map((c) => c.id!);
  a.toll = {
    killed: killed?.value ?? null,
    injured: injuredValue,
    figures: [...new Set(used)],
    fromTitle: [killed, injured, hit].some((c) => c?.sentence === -1 && c.id === null),
  };
}
