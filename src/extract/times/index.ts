import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { TimeRef } from '../../model/times.js';
import { spanOf } from '../../model/span.js';
import { isoDay, parseIsoDay, precisionOfShape, valueInterval } from './calendar.js';
import { timeLexicon, type TimeLexicon } from './lexicon.js';
import { buildRules, findCandidates, type Rule } from './parsers/index.js';
import { linkRanges, settleOverlaps } from './refine.js';
import { refTimeOf, resolveCandidate, type Resolution, type ResolveCtx } from './resolve.js';
import { isPerfectFor, tenseAround } from './tense.js';
import { tokenAt } from '../util/spans.js';
import type { Candidate } from './types.js';

interface TimeTagger {
  lex: TimeLexicon;
  rules: Rule[];
}

const taggers = new WeakMap<Resources, TimeTagger>();

function tagger(res: Resources): TimeTagger {
  let t = taggers.get(res);
  if (!t) {
    const lex = timeLexicon(res);
    taggers.set(res, (t = { lex, rules: buildRules(lex) }));
  }
  return t;
}

/** The TimeRef of a resolved candidate: its interval and precision follow from the value (or the anchored span). */
function toTimeRef(text: string, id: string, c: Candidate, r: Resolution): TimeRef {
  const type = r.type ?? c.type;
  const iv = valueInterval(r.value);
  const dated = !!iv && (type === 'DATE' || type === 'TIME');
  return {
    id,
    ...spanOf(text, c.start, c.end),
    type,
    value: r.value,
    interval: r.span ? { start: isoDay(r.span.start), end: isoDay(r.span.end) } : dated ? { start: isoDay(iv.interval.start), end: isoDay(iv.interval.end) } : null,
    precision: r.span ? 'span' : dated ? iv.precision : precisionOfShape(r.value),
    // a duration or a set does not depend on a date; a date with X placeholders lacks one
    resolved: type === 'SET' || type === 'DURATION' || !r.value.includes('X'),
    anchor: r.anchor,
    ...(c.mod ? { mod: c.mod } : {}),
  };
}

/**
 * Finds the time expressions of the article and normalises them TIMEX3-style against the
 * publication date (`a.published`); relative ones stay unresolved (X placeholders) without it.
 */
export function extractTimes(a: Analysis, res: Resources): void {
  const { lex, rules } = tagger(res);
  const cands = settleOverlaps(findCandidates(rules, { text: a.text, lex }));
  const ctx: ResolveCtx = {
    pub: parseIsoDay(a.published),
    ref: null,
    quarter: null,
    tense: (c: Candidate, reach?: number) => tenseAround(a.seg, c.start, c.end, lex, reach),
    perfectFor: (c: Candidate) => isPerfectFor(a.seg, c.start),
    sentence: (c: Candidate) => tokenAt(a.seg, c.start)?.sentence ?? -1,
  };
  const groups: (number | undefined)[] = [];
  for (const c of cands) {
    const r = resolveCandidate(c, ctx);
    if (!r) continue;
    const t = toTimeRef(a.text, `t${a.times.length + 1}`, c, r);
    a.times.push(t);
    groups.push(c.rangeGroup);
    // what later anaphoric expressions refer to: dates the text names or places, not the ones it derives from them
    const k = c.sem.k;
    if ((t.type === 'DATE' || t.type === 'TIME') && !t.value.includes('X') && (k === 'cal' || k === 'weekday' || k === 'rel' || k === 'holiday')) {
      const ref = refTimeOf(t.value);
      if (ref) ctx.ref = { ...ref, sentence: ctx.sentence(c) };
      const q = k === 'cal' ? /^(\d{4})-Q([1-4])$/.exec(t.value) : null;
      if (q) ctx.quarter = { y: +q[1]!, q: +q[2]!, at: c.end };
    }
  }
  linkRanges(a.text, a.times, groups);
  const unresolved = a.times.filter((t) => !t.resolved).length;
  if (unresolved && ctx.pub === null) a.warnings.push(`times: ${unresolved} relative time expression(s) left unresolved (no publication date)`);
}
