/** Clock times: "3 p.m.", "7:15 p.m. EST Monday", "14:30 GMT", "noon". */
import type { TimeMod } from '../../../model/times.js';
import { parseOrdinal } from '../numbers.js';
import type { Sem } from '../types.js';
import { isCap, cand, wordBefore, type RuleBuilder } from './patterns.js';

export function addClockRules(b: RuleBuilder): void {
  const { add, lex } = b;
  const month = b.month;

  // clock times: 3 p.m., 7:15 p.m. EST Monday, 14:30 GMT, noon, midnight
  add('clock', "{L}(?:(?<approx>about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after))\\s+)?(?:(?<h>[01]?\\d)(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>{ampm})|(?<h24>[01]?\\d|2[0-3]):(?<mi24>[0-5]\\d)(?=\\s*(?:{tz}|hrs|hours|h\\b))|(?<mil>[01]\\d|2[0-3])(?<mim>[0-5]\\d)\\s*(?=(?:hrs|hours|GMT|UTC|Z)\\b)|(?<word>noon|midnight|midday))(?:\\s*(?<tz>{tz}|hrs|hours))?(?:,?\\s+(?:on\\s+)?(?:(?<day>{weekday}|today|yesterday|tomorrow|tonight)|(?<mon>{month})\\s*(?<md>{DAY})))?(?![A-Za-z\\u00C0-\\u024F0-9])", (m, g, ctx) => {
    let h: number, mi = 0;
    if (g.word) {
      const t = lex.dayParts.get(g.word.toLowerCase())!;
      [h, mi] = t.split(':').map(Number) as [number, number];
      const before = wordBefore(ctx.text, m.index).toLowerCase();
      if (!g.day && !/^(at|by|until|till|before|after|around|about|from|since|to|past)$/.test(before)) return null;
    } else if (g.ap) {
      h = +g.h!;
      mi = g.mi ? +g.mi : 0;
      if (h < 1 || h > 12) return null;
      const pm = /^p/i.test(g.ap);
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    } else if (g.h24) {
      h = +g.h24;
      mi = +g.mi24!;
    } else {
      h = +g.mil!;
      mi = +g.mim!;
    }
    const tz = g.tz && /^(GMT|UTC|Z)$/i.test(g.tz) ? 'Z' : '';
    const tod = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}${tz}`;
    const dayw = g.day?.toLowerCase();
    let sem: Sem;
    if (g.mon && !isCap(g.mon)) return null;
    if (g.mon && isCap(g.mon)) sem = { k: 'cal', m: month(g.mon), d: parseOrdinal(g.md!, lex)!, dir: 'auto', tod };
    else if (dayw && lex.weekdays.has(dayw)) sem = { k: 'weekday', dow: lex.weekdays.get(dayw)!, dir: 'auto', tod };
    else if (dayw) sem = { k: 'rel', unit: 'D', n: dayw === 'yesterday' ? -1 : dayw === 'tomorrow' ? 1 : 0, base: 'pub', tod };
    else sem = { k: 'rel', unit: 'D', n: 0, base: 'ref', tod };
    const mod: TimeMod | undefined = g.approx ? (/before/i.test(g.approx) ? 'LESS_THAN' : /after/i.test(g.approx) ? 'MORE_THAN' : 'APPROX') : undefined;
    return cand(m.index, m.index + m[0].length, 'TIME', sem, 'clock', 3, mod);
  }, '\\d\\s*[ap]\\.?\\s?m\\b|\\d[:.]\\d\\d|noon|midnight|midday|\\d{4}\\s*(?:hrs|hours|GMT|UTC)');

}
