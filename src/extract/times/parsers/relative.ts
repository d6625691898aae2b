/** Dates relative to the publication date or to the text: weekdays, "yesterday", "last week", "two days ago", "the next day", "now". */
import type { TimeMod } from '../../../model/times.js';
import { lookup } from '../lexicon.js';
import { parseNumber } from '../numbers.js';
import type { Dir, RelUnit, Sem, TimexType } from '../types.js';
import { edgeMod, dirOf, isCap, durationValue, unitRel, cand, wordBefore, wordAfter, type RuleBuilder } from './patterns.js';

export function addRelativeRules(b: RuleBuilder): void {
  const { add, lex } = b;

  // weekdays: Monday, last Monday, Monday morning, Wednesday's
  add('weekday', "{L}(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|coming|past|early|late|earlier|later|the\\s+previous|the\\s+following|the\\s+next)\\s+)?(?<wd>{weekday})(?<pos>['\u2019]s)?(?:\\s+(?<pod>{dayPart}))?(?![A-Za-z\\u00C0-\\u024F0-9])", (m, g, ctx) => {
    const wi = m.indices!.groups!.wd!;
    if (!isCap(ctx.text[wi[0]])) return null;
    const after = wordAfter(ctx.text, wi[1]);
    if (!g.pos && !g.pod && /^(Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Sport|Independent|Tribune|Bloody)$/.test(after)) return null;
    if (/^(Black|Bloody|Good|Super|Cyber|Ash|Holy|Maundy|Palm|Easter|Shrove)$/.test(wordBefore(ctx.text, m.index))) return null;
    const rel = (g.rel ?? '').toLowerCase().replace(/\s+/g, ' ');
    let dir: Dir = /^(early|late|earlier|later)$/.test(rel) ? 'auto' : dirOf(rel);
    if (rel === 'the next' || rel === 'the following') dir = 'future';
    const base = /^the\s/.test(rel) ? 'ref' as const : undefined;
    let tod: string | undefined;
    if (g.pod) tod = lookup(lex.dayParts, g.pod);
    let end = m.index + m[0].length;
    if (g.pos && !g.pod) end = wi[1];
    return cand(m.index, end, tod ? 'TIME' : 'DATE', { k: 'weekday', dow: lookup(lex.weekdays, g.wd!)!, dir, tod, base }, 'weekday', 2);
  }, 'weekday');

  // today, yesterday, tomorrow, tonight, last night, this morning, yesterday afternoon, the day before yesterday
  add('deictic-day', '{L}(?:(?<el>early|late|earlier|later|mid-?(?<pod1>{dayPart}))\\s+)?(?<w>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|tonight|yesterday|tomorrow|last\\s+night|this\\s+(?<pod0>{dayPart}))(?:\\s+(?<pod>{dayPart}))?(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g) => {
    const w = g.w!.toLowerCase().replace(/\s+/g, ' ');
    let n = 0;
    let tod: string | undefined;
    if (w.startsWith('yesterday') || w === 'last night') n = -1;
    else if (w.startsWith('tomorrow')) n = 1;
    else if (w === 'the day before yesterday') n = -2;
    else if (w === 'the day after tomorrow') n = 2;
    if (w === 'last night' || w === 'tonight') tod = 'NI';
    if (g.pod0) tod = lookup(lex.dayParts, g.pod0);
    if (g.pod1) tod = lookup(lex.dayParts, g.pod1);
    if (g.pod) tod = lookup(lex.dayParts, g.pod);
    if (w === 'tonight') tod = undefined; // news corpora give tonight the bare date
    return cand(m.index, m.index + m[0].length, tod ? 'TIME' : 'DATE', { k: 'rel', unit: 'D', n, base: 'pub', tod }, 'deictic-day', 2);
  }, 'today|tonight|yesterday|tomorrow|last\\s+night|this\\s+{dayPart}');

  // last week, this month, next year, the coming weekend, earlier this year, late last year, the end of the month
  add('deictic-unit', "{L}(?:(?<el>early|mid|late|earlier|later|{EL})[\\s-]+(?:in\\s+)?)?(?<rel>last|this|next|the\\s+past|the\\s+last|the\\s+coming|the\\s+current|the\\s+previous|the\\s+following|the\\s+next|the\\s+same|that|the|this\\s+past|this\\s+coming|current|coming)\\s+(?<u>week|weekend|month|year|fiscal\\s+year)(?<pos>['\u2019]s)?(?![A-Za-z\\u00C0-\\u024F0-9]|-)", (m, g) => {
    const rel = g.rel!.toLowerCase().replace(/\s+/g, ' ');
    const u = g.u!.toLowerCase().replace(/\s+/g, ' ');
    const unit: RelUnit = u === 'week' ? 'W' : u === 'weekend' ? 'WE' : u === 'month' ? 'M' : 'Y';
    const el = g.el?.toLowerCase();
    const mod = edgeMod(el === 'earlier' || el === 'later' ? undefined : el);
    let end = m.index + m[0].length;
    if (g.pos) end -= g.pos.length;
    const c = (sem: Sem, type: TimexType = 'DATE') => cand(m.index, end, type, sem, 'deictic-unit', 1, mod);
    if (rel === 'the') {
      // "the week", "the year": only with an edge ("the end of the year", "earlier in the year") or "the weekend"
      if (!el && unit !== 'WE') return null;
      if (unit === 'WE' && !el) return c({ k: 'rel', unit, n: 0, base: 'pub', tensed: true });
      return c({ k: 'rel', unit, n: 0, base: 'ref' });
    }
    if (rel === 'that' || rel === 'the same') return c({ k: 'rel', unit, n: 0, base: 'ref' });
    if (rel === 'the following' || rel === 'the next' && !el) return c({ k: 'rel', unit, n: 1, base: 'ref' });
    if (rel === 'the previous') return c({ k: 'rel', unit, n: -1, base: 'ref' });
    if (rel === 'the past' || rel === 'the last') {
      if (unit === 'Y' && u === 'year' && !el) return c({ k: 'rel', unit, n: -1, base: 'pub' });
      return c({ k: 'rel', unit, n: unit === 'WE' ? -1 : -1, base: 'pub' });
    }
    const n = /^(last|this past)$/.test(rel) ? -1 : /^(next|the coming|this coming|coming)$/.test(rel) ? 1 : 0;
    return c({ k: 'rel', unit, n, base: 'pub' });
  });

  // year-end, by year's end: the end of the current year
  add('year-end', "{L}(?:around\\s+)?(?:year[-\\s]end|year['\u2019]s\\s+end)(?![A-Za-z0-9])", (m) =>
    cand(m.index, m.index + m[0].length, 'DATE', { k: 'rel', unit: 'Y', n: 0, base: 'pub' }, 'year-end', 1, 'END'), 'year');

  // two days ago, a year earlier, three weeks later, five years from now, several years ago
  add('ago', "{L}(?:(?<mod>{modifier})\\s+)?(?<n>{num}|(?<vg>{vague}))\\s+(?:more\\s+)?(?<u>{unit})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|before|later|after|from\\s+now|hence|back)(?![A-Za-z\\u00C0-\\u024F0-9])", (m, g, ctx) => {
    const unit = lookup(lex.units, g.u!)!;
    const dirw = g.dir!.toLowerCase().replace(/\s+/g, ' ');
    if ((dirw === 'before' || dirw === 'after') && !/^[,.;)]|^\s*$/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 1))) return null; // "two days before the vote": the duration alone
    const sign = dirw === 'ago' || dirw === 'earlier' || dirw === 'before' || dirw === 'back' ? -1 : 1;
    const base = dirw === 'ago' || dirw === 'from now' || dirw === 'hence' || dirw === 'back' ? 'pub' : 'ref';
    const mod = g.mod ? (lookup(lex.modifiers, g.mod) as TimeMod) : undefined;
    const s = m.index, e = m.index + m[0].length;
    if (g.vg || /^(a\s+few|several|some|many)/i.test(g.n!)) return cand(s, e, 'DATE', { k: 'value', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' }, 'ago', 2, mod);
    const n = /couple/i.test(g.n!) ? 2 : parseNumber(g.n!, lex);
    if (n === null) return null;
    if (unit === 'Y' && n === 1 && (dirw === 'ago' || dirw === 'earlier' || dirw === 'before')) return cand(s, e, 'DATE', { k: 'yearAgo', base }, 'ago', 2, mod);
    const ru = unit === 'FN' ? 'W' : unitRel(unit);
    if (!ru || !Number.isInteger(n)) return cand(s, e, 'DURATION', { k: 'duration', value: durationValue(n, unit) }, 'ago', 1, mod);
    const newsDuration = base === 'ref' ? durationValue(n, unit) : undefined;
    return cand(s, e, 'DATE', { k: 'rel', unit: ru, n: sign * n * (unit === 'FN' ? 2 : 1), base, newsDuration }, 'ago', 2, mod);
  });
  add('year-ago-adj', '{L}(?:the\\s+)?(?<w>year-ago|year-earlier|year\\s+ago|year\\s+earlier)(?![A-Za-z\\u00C0-\\u024F0-9]|\\s+(?:quarter|period))', (m) =>
    cand(m.index, m.index + m[0].length, 'DATE', { k: 'yearAgo', base: 'pub' }, 'year-ago-adj', 0));


  // anaphoric days: the next day, the following morning, the day before, that day, the same day
  add('anaphor-day', '{L}(?<w>the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding|that|the\\s+same|that\\s+same)\\s+(?<u>day|morning|afternoon|evening|night)(?![A-Za-z\\u00C0-\\u024F0-9])|{L}the\\s+(?<u2>day|night)\\s+(?<w2>before|after)(?![A-Za-z\\u00C0-\\u024F0-9]|\\s+(?:the|a|an|his|her|their|its|[A-Z]))', (m, g) => {
    const w = (g.w ?? g.w2)!.toLowerCase().replace(/\s+/g, ' ');
    const u = (g.u ?? g.u2)!.toLowerCase();
    const n = /next|following|after/.test(w) ? 1 : /previous|preceding|before/.test(w) ? -1 : 0;
    const tod = u === 'day' ? undefined : lex.dayParts.get(u);
    return cand(m.index, m.index + m[0].length, tod ? 'TIME' : 'DATE', { k: 'rel', unit: 'D', n, base: 'ref', tod }, 'anaphor-day', 1);
  }, '\\b(?:day|morning|afternoon|evening|night)\\b');


  // now, recently, the past, the future, currently ...
  add('ref', '{L}(?<w>{ref})(?![A-Za-z\\u00C0-\\u024F0-9]|-[A-Za-z])', (m, g, ctx) => {
    const w = g.w!.toLowerCase();
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "the past eight sessions": a stretch of time the duration rules do not name
    if ((w === 'the past' || w === 'in the past') && /^\s+(?:few|several|couple|many|\d)/i.test(after)) return null;
    if ((w === 'the past' || w === 'in the past') && lex.numbers.has(/^\s+([a-z]+)/i.exec(after)?.[1]?.toLowerCase() ?? '')) return null;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'value', value: lookup(lex.refs, g.w!)! }, 'ref', 0);
  });

}
