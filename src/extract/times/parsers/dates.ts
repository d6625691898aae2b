/** Calendar dates: full dates, months, years, decades, centuries, ranges of them, spoken years, holidays. */
import { lookup } from '../lexicon.js';
import { parseNumber, parseOrdinal } from '../numbers.js';
import type { Dir, Sem } from '../types.js';
import { validDay, edgeMod, dirOf, isCap, yearRefOf, cand, MONTH_LEADS, wordBefore, wordAfter, atLineStart, type RuleBuilder, type Groups, type ParseCtx } from './patterns.js';

export function addDateRules(b: RuleBuilder): void {
  const { add, lex } = b;
  const month = b.month;

  // 2016-12-12, 2016-12-12T15:30
  add('iso-date', '{L}(?<y>\\d{4})-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?:T(?<h>[0-2]\\d):(?<mi>[0-5]\\d)(?::\\d\\d)?)?{R}', (m, g) => {
    const tod = g.h ? `${g.h}:${g.mi}` : undefined;
    if (!validDay(+g.m!, +g.d!, +g.y!)) return null;
    return cand(m.index, m.index + m[0].length, tod ? 'TIME' : 'DATE', { k: 'cal', year: { abs: +g.y! }, m: +g.m!, d: +g.d!, tod }, 'iso-date', 3);
  }, '\\d{4}-\\d\\d-\\d\\d');

  // 12/12/2016, 3/4/99 (US order: month first, unless the first number cannot be a month)
  add('numeric-date', '{L}(?<a>[01]?\\d)/(?<b>[0-3]?\\d)/(?<y>\\d{4}|\\d{2}){R}(?!/)', (m, g) => {
    let mo = +g.a!, d = +g.b!;
    if (mo > 12 && d <= 12) [mo, d] = [d, mo];
    if (mo < 1 || mo > 12 || !validDay(mo, d)) return null;
    const y = g.y!.length === 2 ? (+g.y! < 50 ? 2000 + +g.y! : 1900 + +g.y!) : +g.y!;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: y }, m: mo, d }, 'numeric-date', 2);
  }, '\\d/\\d');

  // (Friday,) December 12(th)(, 2016)   (Friday,) 12(th) (of) December( 2016)
  const withWeekday = '(?:(?<wd>{weekday}),?\\s+(?:the\\s+)?)?';
  const mdy = (m: RegExpExecArray, g: Groups, ctx: ParseCtx, rule: string) => {
    const mi = m.indices!.groups!.mon!;
    if (!isCap(ctx.text[mi[0]])) return null;
    if (g.wd && !isCap(g.wd)) return null;
    const d = parseOrdinal(g.day!, ctx.lex);
    const mo = month(g.mon!);
    if (!d || !validDay(mo, d, g.year ? +g.year : undefined)) return null;
    const year = g.year ? { abs: +g.year } : yearRefOf(g.ry?.replace(/^of\s+/i, ''));
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year, m: mo, d, dir: 'auto' }, rule, 3, edgeMod(g.el));
  };
  add('month-day', `{L}${withWeekday}(?:(?<el>early|late|mid)\\s+)?(?<mon>{month})\\s*(?<day>{DAY}|{ordWord})(?![A-Za-z\\u00C0-\\u024F0-9]|[:.,]\\d|\\s*(?:%|percent|per\\s+cent|million|billion|bn))(?:,?\\s+(?<year>{YEAR})(?!\\d)|\\s+(?<ry>last\\s+year|this\\s+year|next\\s+year|of\\s+(?:that|the\\s+same|the\\s+following|the\\s+previous|last|this|next)\\s+year))?`,
    (m, g, ctx) => mdy(m, g, ctx, 'month-day'));
  add('day-month', `{L}${withWeekday}(?:(?<day>{DAY})|the\\s+(?<day2>{DAY}|{ordWord})\\s+of)\\s*(?:of\\s+)?(?<mon>{month})(?:,?\\s+(?<year>{YEAR})(?!\\d))?{R}`,
    (m, g, ctx) => mdy(m, { ...g, day: g.day ?? g.day2 }, ctx, 'day-month'));

  // ranges: 22-25 April 1951, from 15 to 22 February, April 22-25, 1951, August-September 1950, between March and April 1918
  add('day-range', `{L}(?<d1>{DAY})\\s*(?:-|\u2013|to|and|until|till|through)\\s*(?<d2>{DAY})\\s+(?<mon>{month})(?:,?\\s+(?<year>{YEAR})(?!\\d))?{R}`, (m, g, ctx) => {
    const mi = m.indices!.groups!.mon!;
    if (!isCap(ctx.text[mi[0]])) return null;
    const d1 = parseOrdinal(g.d1!, ctx.lex)!, d2 = parseOrdinal(g.d2!, ctx.lex)!;
    if (d1 >= d2) return null;
    const year = g.year ? { abs: +g.year } : undefined, mo = month(g.mon!);
    const i1 = m.indices!.groups!.d1!, i2 = m.indices!.groups!.d2!;
    return [
      { ...cand(i1[0], i1[1], 'DATE', { k: 'cal', year, m: mo, d: d1, dir: 'auto' }, 'day-range', 3), rangeGroup: m.index },
      { ...cand(i2[0], m.index + m[0].length, 'DATE', { k: 'cal', year, m: mo, d: d2, dir: 'auto' }, 'day-range', 3), rangeGroup: m.index },
    ];
  }, 'month');
  add('month-day-range', `{L}(?<mon>{month})\\s*(?<d1>{DAY})\\s*(?:-|\u2013|to|and|until|till|through)\\s*(?<d2>{DAY})(?:,?\\s+(?<year>{YEAR})(?!\\d))?{R}`, (m, g, ctx) => {
    const mi = m.indices!.groups!.mon!;
    if (!isCap(ctx.text[mi[0]])) return null;
    const d1 = parseOrdinal(g.d1!, ctx.lex)!, d2 = parseOrdinal(g.d2!, ctx.lex)!;
    if (d1 >= d2) return null;
    const year = g.year ? { abs: +g.year } : undefined, mo = month(g.mon!);
    const i1 = m.indices!.groups!.d1!, i2 = m.indices!.groups!.d2!;
    return [
      { ...cand(m.index, i1[1], 'DATE', { k: 'cal', year, m: mo, d: d1, dir: 'auto' }, 'month-day-range', 3), rangeGroup: m.index },
      { ...cand(i2[0], m.index + m[0].length, 'DATE', { k: 'cal', year, m: mo, d: d2, dir: 'auto' }, 'month-day-range', 3), rangeGroup: m.index },
    ];
  }, 'month');
  add('month-range', `{L}(?<m1>{month})\\s*(?:-|\u2013|to|and|or|until|till|through)\\s*(?<m2>{month})(?:,?\\s+(?<year>{YEAR})(?!\\d))?{R}`, (m, g, ctx) => {
    const i1 = m.indices!.groups!.m1!, i2 = m.indices!.groups!.m2!;
    if (!isCap(ctx.text[i1[0]]) || !isCap(ctx.text[i2[0]])) return null;
    if (!g.year && (/^(may|march)$/i.test(g.m1!) || /^(may|march)$/i.test(g.m2!))) return null;
    const year = g.year ? { abs: +g.year } : undefined;
    return [
      { ...cand(i1[0], i1[1], 'DATE', { k: 'cal', year, m: month(g.m1!), dir: 'auto' }, 'month-range', 2), rangeGroup: m.index },
      { ...cand(i2[0], m.index + m[0].length, 'DATE', { k: 'cal', year, m: month(g.m2!), dir: 'auto' }, 'month-range', 2), rangeGroup: m.index },
    ];
  }, 'month');

  // the first week of January (2017), the last week of March
  add('month-week', '{L}the\\s+(?<ord>first|second|third|fourth|last|final)\\s+week\\s+of\\s+(?<mon>{month})(?:,?\\s+(?<year>{YEAR})(?!\\d))?{R}', (m, g, ctx) => {
    const mi = m.indices!.groups!.mon!;
    if (!isCap(ctx.text[mi[0]])) return null;
    const o = g.ord!.toLowerCase();
    const n = o === 'last' || o === 'final' ? -1 : parseOrdinal(o, ctx.lex)!;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'monthWeek', m: month(g.mon!), n, year: g.year ? { abs: +g.year } : undefined }, 'month-week', 3);
  }, 'month');

  // December 2016, early December 2016, the end of December 2016
  add('month-year', '{L}(?:(?<el>{EL})[\\s-]+)?(?<mon>{month}),?\\s+(?:of\\s+)?(?<year>{YEAR})(?!\\d)(?![.,]\\d)', (m, g, ctx) => {
    const mi = m.indices!.groups!.mon!;
    if (!isCap(ctx.text[mi[0]])) return null;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: +g.year! }, m: month(g.mon!) }, 'month-year', 2, edgeMod(g.el));
  }, 'month');

  // December, last December, early December, December last year
  add('month', '{L}(?:(?<rel>{REL}|{EL})[\\s-]+)?(?<mon>{month})(?![A-Za-z\\u00C0-\\u024F0-9]|\\s*\\d)(?:\\s+(?<ry>last\\s+year|this\\s+year|next\\s+year|of\\s+(?:that|the\\s+same|the\\s+following|the\\s+previous|last|this|next)\\s+year))?', (m, g, ctx) => {
    const mi = m.indices!.groups!.mon!;
    const word = ctx.text.slice(mi[0], mi[1]);
    if (!isCap(word)) return null;
    const before = wordBefore(ctx.text, mi[0]).toLowerCase();
    const next = /^\s+([\p{L}\p{N}]+)/u.exec(ctx.text.slice(mi[1], mi[1] + 30))?.[1] ?? '';
    const short = /\.$|^(jan|feb|apr|aug|sept?|oct|nov|dec)$/i.test(word);
    if (!g.rel && !g.ry) {
      // a lone month name: not a name ("Theresa May", "April Jones", "the February Revolution"), not the verb "may" or a march
      if (isCap(next) && !lex.weekdays.has(next.toLowerCase()) && !/^(in|by|since|until|during)$/.test(before)) return null;
      if (/^(may|march)$/i.test(word) || short) {
        if (!MONTH_LEADS.has(before)) return null;
      } else if (isCap(wordBefore(ctx.text, mi[0])) && !atLineStart(ctx.text, mi[0]) && !MONTH_LEADS.has(before)) return null;
    }
    const rel = (g.rel ?? '').toLowerCase();
    const mod = edgeMod(g.rel);
    const ry = g.ry?.replace(/^of\s+/i, '');
    const year = yearRefOf(ry);
    const dir: Dir = mod ? 'auto' : dirOf(rel);
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', m: month(g.mon!), year, dir }, 'month', 1, mod);
  }, 'month');

  // years: 2016, early 2014, fiscal 1989, the year 2000, 480 BC
  add('year', '{L}(?:(?<el>{EL})[\\s-]+)?(?:(?<fy>fiscal(?:\\s+year)?)\\s+)?(?<year>{YEAR})(?![A-Za-z\\u00C0-\\u024F0-9]|[.,]\\d|\\s*(?:%|percent|per\\s+cent)|-\\d)', (m, g, ctx) => {
    const yi = m.indices!.groups!.year!;
    const before = ctx.text.slice(Math.max(0, yi[0] - 2), yi[0]);
    if (!g.el && /[$£€#¥]\s?$|\d[,./]$|(?:^|[^A-Za-z])[-+]$/.test(before)) return null; // "post-1959" is fine, "$1990", "-1990", "31/12/1990" are not // "post-1959" is fine, "$1990" and "-1990" are not
    const y = +g.year!;
    const after = wordAfter(ctx.text, yi[1]);
    const prev = wordBefore(ctx.text, yi[0]).toLowerCase();
    // "2,000 people", "1500 soldiers": a count, not a year
    if (!g.el && !g.fy && /^[a-z]/.test(after) && /s$/.test(after) && !/^(elections|olympics|games|polls|championships|census|budget)$/.test(after) && prev !== 'in' && prev !== 'since') return null;
    if (y < 1900 && !g.el && !g.fy && !/^(in|since|by|until|of|from|to|year|before|after|during|through|till|between|around|about|the|and|early|late|mid)$/.test(prev)) return null;
    // a number, not a year: "flight 1990", "about 1990", and market levels ("closed at 1985", "fell to 1950 points")
    if (/^(number|no|nos|route|highway|flight|room|page|pp|p|chapter|section|article|resolution|paragraph|model|boeing|airbus|some|about|over|than|nearly|almost|around|least|only|at|index|level|closed|closing|fell|rose|gained|lost|dropped|jumped|climbed|slipped|reached|hit)$/.test(prev) && !g.el) return null;
    if (/^-[a-z]/i.test(ctx.text.slice(yi[1], yi[1] + 2))) return null; // "a 1500-strong force"
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: y } }, 'year', 1, edgeMod(g.el));
  });
  add('year-era', '{L}(?:(?:c\\.|ca\\.|circa)\\s*)?(?<year>\\d{1,4})\\s*(?<era>BCE?|B\\.C\\.?(?:E\\.?)?|AD|A\\.D\\.?|CE)(?![A-Za-z\\u00C0-\\u024F])', (m, g) => {
    const y = +g.year!;
    if (!y) return null;
    const bc = /^B/i.test(g.era!);
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: bc ? 1 - y : y } }, 'year-era', 2);
  }, '\\d\\s*(?:B\\.?C|A\\.?D|CE\\b)');
  add('fiscal-year', '{L}FY\\s?(?<y>\\d{4}|\\d{2})(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g) => {
    const y = g.y!.length === 2 ? (+g.y! < 50 ? 2000 : 1900) + +g.y! : +g.y!;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'value', value: `FY${y}` }, 'fiscal-year', 2);
  }, 'FY');
  // ranges: 1939-45, 1939–1945, 2015/16 -> two years
  add('year-range', '{L}(?<a>{YEAR})\\s?[-\u2013\u2014/]\\s?(?<b>\\d{2}|{YEAR})(?![A-Za-z\\u00C0-\\u024F0-9]|[.,]\\d)', (m, g) => {
    const a = +g.a!, b = g.b!.length === 2 ? Math.floor(a / 100) * 100 + +g.b! : +g.b!;
    if (b <= a || b - a > 100) return null;
    const bi = m.indices!.groups!.b!;
    const grp = m.index;
    return [
      { ...cand(m.index, m.index + g.a!.length, 'DATE', { k: 'cal', year: { abs: a } }, 'year-range', 2), rangeGroup: grp },
      { ...cand(bi[0], bi[1], 'DATE', { k: 'cal', year: { abs: b } }, 'year-range', 2), rangeGroup: grp },
    ];
  });

  // decades: the 1990s, the early '80s, the nineties
  add('decade', "(?<![A-Za-z0-9'\u2019])(?:the\\s+)?(?:(?<el>early|mid|late)[\\s-]+)?(?:(?<d4>1\\d{2}|20\\d)0['\u2019]?s|['\u2019]?(?<d2>[1-9]0)['\u2019]?s|(?<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![A-Za-z\\u00C0-\\u024F0-9])", (m, g, ctx) => {
    if (g.d2 && !/^['\u2019]/.test(m[0].replace(/^the\s+(?:(?:early|mid|late)[\s-]+)?/i, '')) && !/^the\s/i.test(m[0])) return null; // "80s" needs "the" or an apostrophe
    if (g.dw && !/^the\s/i.test(m[0])) return null; // "in his sixties" is an age
    if (g.dw && /\bhis|her|their\b/i.test(ctx.text.slice(Math.max(0, m.index - 6), m.index))) return null;
    const words: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
    const sem: Sem = g.d4 ? { k: 'decade', dec: +g.d4 } : { k: 'decade', dec: g.d2 ? +g.d2 / 10 : words[g.dw!.toLowerCase()]!, twoDigit: true };
    return cand(m.index, m.index + m[0].length, 'DATE', sem, 'decade', 2, edgeMod(g.el));
  }, '0[\'\u2019]?s\\b|ties\\b');
  // centuries: the 20th century, the nineteenth century
  add('century', '{L}(?:the\\s+)?(?:(?<el>early|mid|late)[\\s-]+)?(?<ord>\\d{1,2}(?:st|nd|rd|th)|{ordWord})[\\s-]+century{R}', (m, g, ctx) => {
    const n = parseOrdinal(g.ord!, ctx.lex);
    if (!n || n > 21) return null;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'century', c: n - 1 }, 'century', 2, edgeMod(g.el));
  }, 'century');

  // spoken years: nineteen ninety-six, the year two thousand
  add('spoken-year', '{L}(?:(?<the>the\\s+year)\\s+)?(?:nineteen[\\s-]+(?<a>{numWord})|two\\s+thousand(?:(?:\\s+and)?[\\s-]+(?<b>{numWord}))?)(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g, ctx) => {
    if (g.a) {
      const n = parseNumber(g.a, ctx.lex);
      if (n === null || n < 10 || n > 99) return null;
      return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: 1900 + n } }, 'spoken-year', 1);
    }
    const n = g.b ? parseNumber(g.b, ctx.lex) : 0;
    if (n === null || n > 99) return null;
    const before = wordBefore(ctx.text, m.index).toLowerCase();
    if (!g.the && !/^(in|since|by|until|of|from|to|before|after|during|through)$/.test(before)) return null;
    const after = wordAfter(ctx.text, m.index + m[0].length);
    if (!g.the && /^[a-z]+s$/.test(after)) return null; // "two thousand troops"
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year: { abs: 2000 + n } }, 'spoken-year', 1);
  }, 'nineteen|two\\s+thousand');

  // holidays: Christmas, Easter 2016, Thanksgiving Day
  add('holiday', '{L}(?<h>{holiday})(?:\\s+(?<year>{YEAR}))?(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g) => {
    if (!isCap(g.h)) return null;
    const rule = lookup(lex.holidays, g.h!)!;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'holiday', rule, year: g.year ? { abs: +g.year } : undefined, dir: 'auto' }, 'holiday', 2);
  }, '{holiday}');
}
