/** Parts of years: seasons, quarters and halves, "this century", "the latest quarter". */
import { parseOrdinal } from '../numbers.js';
import type { Dir, YearRef } from '../types.js';
import { edgeMod, dirOf, isCap, yearRefOf, cand, MONTH_LEADS, wordBefore, wordAfter, atLineStart, type RuleBuilder } from './patterns.js';

export function addPeriodRules(b: RuleBuilder): void {
  const { add, lex } = b;

  add('this-century', '{L}(?<rel>this|the\\s+last|last|the\\s+next|next|the\\s+past|the\\s+previous)\\s+(?<u>century|decade){R}', (m, g) => {
    const n = /this/i.test(g.rel!) ? 0 : /next/i.test(g.rel!) ? 1 : -1;
    // "the past decade": the ten years up to now, like "the past ten years"
    if (/past|last/i.test(g.rel!) && /^the/i.test(g.rel!)) {
      const decade = g.u!.toLowerCase() === 'decade';
      return cand(m.index, m.index + m[0].length, 'DURATION', { k: 'duration', value: decade ? 'P10Y' : 'P100Y', span: 'past', amount: 1, unit: decade ? 'DE' : 'CE' }, 'this-century', 1);
    }
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'rel', unit: g.u!.toLowerCase() === 'decade' ? 'DE' : 'CE', n, base: 'pub' }, 'this-century', 1);
  }, 'century|decade');


  // seasons: summer 2015, last summer, the summer of 2015, this fall, in the spring
  add('season', '{L}(?:(?<rel>{REL}|{EL}|the|(?:this|last|next)\\s+year[\'\u2019]s)[\\s-]+)?(?<s>{season})(?:\\s+(?:of\\s+)?(?<year>{YEAR})(?!\\d)|\\s+(?<ry>of\\s+(?:that|the\\s+same|the\\s+following|the\\s+previous|last|this|next)\\s+year|last\\s+year|this\\s+year|next\\s+year))?(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g, ctx) => {
    const si = m.indices!.groups!.s!;
    const word = ctx.text.slice(si[0], si[1]).toLowerCase();
    const after = wordAfter(ctx.text, m.index + m[0].length).toLowerCase();
    const before = wordBefore(ctx.text, m.index).toLowerCase();
    const rel = (g.rel ?? '').toLowerCase().replace(/\s+/g, ' ');
    const strong = !!g.year || !!g.ry || (!!rel && rel !== 'the');
    if (!strong) {
      if (isCap(ctx.text[si[0]]) && !atLineStart(ctx.text, si[0])) return null; // "Arab Spring"
      if (after === 'of' || /^(break|season|offensive|campaign|session|collection|term|fashion|olympics|games|clothes|storm|storms|weather|wheat|crop|crops)$/.test(after)) return null;
      if (word === 'fall' || word === 'spring') {
        // "the fall of Aleppo", "to fall", "a spring": only "in (the) fall", "this fall"
        if (!(before === 'in' || before === 'the' && /\bin\s+the\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index)) || (rel === 'the' && before === 'in'))) return null;
      } else if (!rel && !MONTH_LEADS.has(before) && before !== 'the') return null;
    }
    const season = lex.seasons.get(word)!;
    let year: YearRef | undefined = g.year ? { abs: +g.year } : yearRefOf(g.ry?.replace(/^of\s+/i, ''));
    if (/year/.test(rel)) year = yearRefOf(rel);
    const mod = edgeMod(g.rel);
    const dir: Dir = year ? 'auto' : mod || rel === 'the' ? 'auto' : dirOf(rel);
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year, part: season, dir }, 'season', 2, mod);
  }, '{season}');

  // quarters and halves: the third quarter (of 2016), third-quarter, Q3 2016, last year's fourth quarter, the first half of 2016
  add('quarter', "{L}(?:(?<det>the|its|their|this\\s+year['\u2019]s|last\\s+year['\u2019]s|next\\s+year['\u2019]s|(?<y0>{YEAR})['\u2019]?s?|(?:the|its|their)\\s+(?<y1>{YEAR}))\\s+)?(?:(?:fiscal|calendar|financial)[\\s-]+)?(?<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:[\\s-]+fiscal)?[\\s-]+(?<u>quarter|half)(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(?<year>{YEAR}|this\\s+year|last\\s+year|next\\s+year|the\\s+year|the\\s+(?:current|previous|following|same)\\s+year))?(?![A-Za-z\\u00C0-\\u024F0-9])", (m, g, ctx) => {
    const half = g.u!.toLowerCase() === 'half';
    const ordw = g.ord!.toLowerCase();
    const n = ordw === 'final' ? (half ? 2 : 4) : parseOrdinal(ordw, ctx.lex)!;
    if (!n || n > (half ? 2 : 4)) return null;
    const yearText = g.year ?? g.y0 ?? g.y1 ?? (g.det && /year/i.test(g.det) ? g.det : undefined);
    if (half && !yearText) return null; // "the second half" of a match, a century ...
    let year = yearRefOf(yearText?.replace(/^the\s+(current|same)\s+year$/i, 'this year'));
    if (yearText && /^the\s+year$/i.test(yearText)) year = { pub: 0 };
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year, part: `${half ? 'H' : 'Q'}${n}`, dir: 'auto' }, 'quarter', 3);
  }, 'quarter|half');
  add('quarter-q', '{L}(?<q>Q[1-4])(?:\\s+(?<year>{YEAR}|\\d{2}))?{R}', (m, g) => {
    const year = g.year ? { abs: g.year.length === 2 ? 2000 + +g.year : +g.year } : undefined;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'cal', year, part: g.q!.toUpperCase() }, 'quarter-q', 2);
  }, 'Q[1-4]');

  // "the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter", "the same period last year"
  add('quarter-anaphor', "{L}(?<det>the|that|this|its|the\\s+latest|the\\s+recent|the\\s+most\\s+recent|the\\s+current|the\\s+previous|the\\s+past|last|the\\s+last|next|the\\s+next|the\\s+same|the\\s+year-ago|the\\s+year-earlier|the\\s+comparable|the\\s+corresponding|the\\s+comparable\\s+year-ago|the\\s+comparable\\s+year-earlier|a\\s+year-earlier|a\\s+year-ago|year-ago|year-earlier|last\\s+year['\u2019]s|the\\s+(?<y>{YEAR}))\\s+(?:fiscal\\s+)?(?<u>quarter|period)(?<ya>\\s+(?:of\\s+)?(?:a\\s+year\\s+(?:ago|earlier)|last\\s+year|the\\s+previous\\s+year))?(?![A-Za-z\\u00C0-\\u024F0-9]|-)", (m, g) => {
    const det = g.det!.toLowerCase().replace(/\s+/g, ' ');
    const period = g.u!.toLowerCase() === 'period';
    const which = g.ya || /year-ago|year-earlier|last year/.test(det) ? 'yearAgo' : /latest|recent|previous|past|last/.test(det) ? 'latest'
      : /current|this/.test(det) ? 'current' : /next/.test(det) ? 'next' : 'ref';
    if (period && which !== 'yearAgo' && which !== 'latest' && !g.y) return null; // "the period", "the same period": too vague
    if (period && which === 'yearAgo' && !g.ya && /^(?:the )?(?:same|corresponding)/.test(det)) return null;
    return cand(m.index, m.index + m[0].length, 'DATE', { k: 'quarter', which, year: g.y ? +g.y : undefined, needsContext: period }, 'quarter-anaphor', 1);
  }, 'quarter|period');

}
