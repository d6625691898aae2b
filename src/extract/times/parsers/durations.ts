/** Durations: "four years", "more than four years", "the past four years", "three-week", "within hours". */
import type { TimeMod } from '../../../model/times.js';
import { lookup } from '../lexicon.js';
import { parseNumber } from '../numbers.js';
import { durationValue, cand, type RuleBuilder } from './patterns.js';

export function addDurationRules(b: RuleBuilder): void {
  const { add, lex } = b;

  // durations: four years, more than four years, the past four years, 24 hours, two and a half years, several months
  add('duration', "{L}(?:(?<mod>{modifier})\\s+)?(?:(?<span>the\\s+(?:past|last|next|coming|previous|following|first|final|latest|remaining|entire|full)|(?:past|last|next|first|final)|the|another|an\\s+additional|an\\s+extra|each\\s+of\\s+the\\s+(?:past|last|next))\\s+)?(?:(?<mod2>{modifier})\\s+)?(?:(?<n>{num})(?<half>\\s+and\\s+a\\s+half)?|(?<vg>{vague}))\\s+(?:(?:more|additional|further|full|straight|consecutive|long|short|successive|calendar|trading|business|working|hard|brutal|bloody|difficult|tough|nearly|whole)\\s+)?(?<u>{unit})(?<half2>\\s+and\\s+a\\s+half)?(?![A-Za-z\\u00C0-\\u024F0-9]|-(?:old|long))", (m, g, ctx) => {
    const unit = lookup(lex.units, g.u!)!;
    const uw = g.u!.toLowerCase();
    const nText = g.n?.toLowerCase().replace(/\s+/g, ' ');
    const plural = /s$/.test(uw);
    let n: number | null;
    if (g.vg) {
      n = null;
      if (!plural) return null;
    } else if (nText && /couple/.test(nText)) n = 2;
    else if (nText && /^half/.test(nText)) n = 0.5;
    else if (nText === 'a dozen') n = 12;
    else if (nText && /^dozens/.test(nText)) n = null;
    else n = parseNumber(g.n!, lex);
    if (g.n && n === null && !/^dozens/.test(nText!)) return null;
    if (n !== null && (g.half || g.half2)) n += 0.5;
    const spanw = (g.span ?? '').toLowerCase().replace(/\s+/g, ' ');
    // "a day" after a count is a rate (SET), "one day" alone a vague date, "the day" a date
    if ((nText === 'a' || nText === 'an' || nText === 'one') && !g.mod && !g.mod2 && !spanw) {
      const before = ctx.text.slice(Math.max(0, m.index - 40), m.index);
      if (/(?:\d|\b(?:times|once|twice|thrice|dollars?|cents?|euros?|pounds?|people|\w+s))\s+$/i.test(before) && !/\b(?:for|in|within|over|about|than|after|before|of|than)\s+$/i.test(before)) return null;
    }
    if (nText === 'one' && !g.mod && !g.mod2 && !spanw && (unit === 'D' || unit === 'Y')) return null; // "one day" = some day
    // "a second A380", "about a quarter of its dealers": ordinals and fractions, unless a preposition makes them time
    if ((nText === 'a' || nText === 'one') && (unit === 'S' || unit === 'Q') && !spanw && !/\b(?:for|in|within|than|after|before|over|during|every|each|of)\s+(?:(?:about|nearly|almost|just|only|more|less|over|under)\s+)?$/i.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) return null;
    if (n !== null && n > 10000) return null;
    if (nText && /^\d{4}$/.test(nText) && !plural) return null; // "the 1988 quarter"
    if (/^\s+old\b/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return null; // an age
    // a count of units in a figure ("1,000 days" is fine, "20 years old" is an age: still a duration in TimeML)
    // "over the past four years": a preposition, not "more than"
    const prep = !!g.mod && !!g.span && /^(over|under|around|about|some)$/i.test(g.mod);
    const start = prep ? m.indices!.groups!.span![0] : m.index;
    const mod = (g.mod && !prep ? lookup(lex.modifiers, g.mod) : g.mod2 ? lookup(lex.modifiers, g.mod2) : undefined) as TimeMod | undefined;
    let span: 'past' | 'next' | undefined;
    if (/past|last|previous|latest/.test(spanw)) span = 'past';
    else if (/next|coming|following|remaining/.test(spanw)) span = 'next';
    const v = g.vg && /recent/i.test(g.vg) ? durationValue(null, unit) : durationValue(n, unit);
    if (g.vg && /recent/i.test(g.vg)) span = 'past';
    if (g.vg && /coming/i.test(g.vg)) span = 'next';
    return cand(start, m.index + m[0].length, 'DURATION', { k: 'duration', value: v, span, amount: n ?? undefined, unit }, 'duration', 1, mod);
  });
  // ranges of durations: "60 to 90 days", "two or three weeks" -> one duration for each end
  add('duration-range', '{L}(?<n1>\\d+(?:\\.\\d+)?|{numWord})\\s*(?:to|and|or|-|\u2013)\\s*(?<n2>\\d+(?:\\.\\d+)?|{numWord})\\s+(?<u>{unit})(?![A-Za-z\\u00C0-\\u024F0-9]|-)', (m, g, ctx) => {
    const unit = lookup(lex.units, g.u!)!;
    const a = parseNumber(g.n1!, ctx.lex), b = parseNumber(g.n2!, ctx.lex);
    if (a === null || b === null || a >= b || b > 10000) return null;
    const i1 = m.indices!.groups!.n1!, i2 = m.indices!.groups!.n2!;
    return [
      { ...cand(i1[0], i1[1], 'DURATION', { k: 'duration', value: durationValue(a, unit), amount: a, unit }, 'duration-range', 1), rangeGroup: m.index },
      { ...cand(i2[0], m.index + m[0].length, 'DURATION', { k: 'duration', value: durationValue(b, unit), amount: b, unit }, 'duration-range', 1), rangeGroup: m.index },
    ];
  });

  // within hours, for years, for decades
  add('vague-duration', '{L}(?<p>within|for|over|in)\\s+(?<u>{unitWords})(?:\\s+on\\s+end)?(?![A-Za-z\\u00C0-\\u024F0-9]|\\s+(?:or|and|to)\\s)', (m, g) => {
    const unit = lookup(lex.units, g.u!)!;
    const p = g.p!.toLowerCase();
    if (p === 'in' || p === 'over') return null;
    const ui = m.indices!.groups!.u!;
    const start = p === 'within' ? m.index : ui[0];
    return cand(start, m.index + m[0].length, 'DURATION', { k: 'duration', value: durationValue(null, unit) }, 'vague-duration', 0);
  }, '{unitWords}');
  // three-week, 24-hour, four-year-old, decades-long, year-long
  add('duration-adj', '{L}(?:(?<n>\\d+(?:\\.\\d+)?|{numWord}|half|a)[-\u2010\u2011](?<u>{unit})|(?<u2>years|decades|months|weeks|days|hours|year|month|week|day|hour|decade|centuries|century)[-\u2010\u2011](?<long>long|old))(?:[-\u2010\u2011](?<old>old|long))?(?![A-Za-z\\u00C0-\\u024F0-9]|-(?!old|long))', (m, g, ctx) => {
    const uw = (g.u ?? g.u2)!;
    const unit = lookup(lex.units, uw)!;
    if (!unit) return null;
    if (/old/i.test(g.old ?? '') || /old/i.test(g.long ?? '')) return null; // ages are not time expressions in news corpora
    if (g.u2) {
      const plural = /s$/i.test(uw);
      return cand(m.index, m.index + m[0].length, 'DURATION', { k: 'duration', value: durationValue(plural ? null : 1, unit) }, 'duration-adj', 1);
    }
    if (/s$/i.test(uw) && !/^\d/.test(g.n!)) return null;
    const n = g.n!.toLowerCase() === 'half' ? 0.5 : g.n!.toLowerCase() === 'a' ? 1 : parseNumber(g.n!, ctx.lex);
    if (n === null || n > 10000) return null;
    return cand(m.index, m.index + m[0].length, 'DURATION', { k: 'duration', value: durationValue(n, unit), amount: n, unit }, 'duration-adj', 1);
  });
}
