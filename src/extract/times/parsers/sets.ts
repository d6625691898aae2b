/** Recurring times: "every week", "each season", "twice a year", "daily", "Mondays". */
import { lookup } from '../lexicon.js';
import { parseNumber } from '../numbers.js';
import { isCap, durationValue, cand, type RuleBuilder } from './patterns.js';

export function addSetRules(b: RuleBuilder): void {
  const { add, lex } = b;

  // Mondays, on Friday nights, every Tuesday
  add('weekday-set', '{L}(?:(?<q>every|each)\\s+(?<wd1>{weekday})|(?<wd2>{weekday})s|(?<wd3>{weekday})(?=\\s+(?:mornings|afternoons|evenings|nights)))(?:\\s+(?<pod>{dayPart}))?(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g) => {
    const wd = g.wd1 ?? g.wd2 ?? g.wd3!;
    if (!isCap(wd)) return null;
    const tod = g.pod ? lookup(lex.dayParts, g.pod) : undefined;
    const v = `XXXX-WXX-${lookup(lex.weekdays, wd)}${tod ? `T${tod}` : ''}`;
    return cand(m.index, m.index + m[0].length, 'SET', { k: 'value', value: v }, 'weekday-set', 3);
  }, 'weekday');

  // sets: every week, each season, twice a year, 15 a year, per day, daily
  add('set', '{L}(?:(?<q>every|each)\\s+(?:(?<n>other|\\d+|{numWord})\\s+)?(?<u>{unit}|{season}|morning|afternoon|evening|night|season)|(?<freq>once|twice|three\\s+times|four\\s+times|several\\s+times|\\d+\\s+times|{numWord}\\s+times)?\\s*(?<per>a|an|per)\\s+(?<u2>second|minute|hour|day|week|fortnight|month|quarter|year|night|season))(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g, ctx) => {
    let start = m.index;
    if (g.per) {
      const before = ctx.text.slice(Math.max(0, m.index - 30), m.index);
      // "a year" is a rate only after a count or a frequency ("15 a year", "twice a week", "$5 a day")
      if (!g.freq && !/(?:\d[\d,.]*\s*(?:%|percent|\w+)?|\b(?:times|once|twice))\s*$/i.test(before)) return null;
      if (!g.freq) start = m.indices!.groups!.per![0];
    }
    const uw = (g.u ?? g.u2)!.toLowerCase();
    let value: string;
    const season = lex.seasons.get(uw);
    const pod = lex.dayParts.get(uw);
    if (uw === 'season') value = 'P3M';
    else if (season) value = `XXXX-${season}`;
    else if (pod) value = `XXXX-XX-XXT${pod}`;
    else if (uw === 'night') value = 'XXXX-XX-XXTNI';
    else {
      const unit = lookup(lex.units, uw);
      if (!unit) return null;
      const k = g.n ? (g.n.toLowerCase() === 'other' ? 2 : parseNumber(g.n, ctx.lex)) : 1;
      if (k === null) return null;
      value = durationValue(k, unit);
    }
    return cand(start, m.index + m[0].length, 'SET', { k: 'value', value }, 'set', 2);
  }, 'every|each|\\bper\\b|\\ban?\\s+(?:second|minute|hour|day|week|fortnight|month|quarter|year|night|season)\\b');
  add('set-adverb', '{L}(?<w>{set})(?![A-Za-z\\u00C0-\\u024F0-9])', (m, g) =>
    cand(m.index, m.index + m[0].length, 'SET', { k: 'value', value: lookup(lex.sets, g.w!)! }, 'set-adverb', 1));
}
