import type { Resources } from '../../resources/resources.js';

/** The time word lists (data/lexicon/time-*.txt), as maps and as regex alternations. Built once per Resources. */
export interface TimeLexicon {
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlyMap<string, number>;
  numbers: ReadonlyMap<string, number>;
  ordinals: ReadonlyMap<string, number>;
  units: ReadonlyMap<string, string>;
  seasons: ReadonlyMap<string, string>;
  dayParts: ReadonlyMap<string, string>;
  modifiers: ReadonlyMap<string, string>;
  refs: ReadonlyMap<string, string>;
  holidays: ReadonlyMap<string, string>;
  sets: ReadonlyMap<string, string>;
  tense: ReadonlyMap<string, string>;
  /** regex alternations (non-capturing, longest entries first) */
  re: {
    month: string;
    weekday: string;
    numWord: string;
    ordWord: string;
    unit: string;
    season: string;
    dayPart: string;
    modifier: string;
    ref: string;
    holiday: string;
    set: string;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of the entries, longest first; spaces match any run of white space, apostrophes either form. */
export function alternation(entries: Iterable<string>): string {
  const list = [...new Set(entries)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${list.map((e) => escape(e).replace(/ /g, '\\s+').replace(/'/g, "['\u2019]")).join('|')})`;
}

function numberMap(res: Resources, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of res.map(name)) out.set(k, Number(v));
  return out;
}

const cache = new WeakMap<Resources, TimeLexicon>();

export function timeLexicon(res: Resources): TimeLexicon {
  let lex = cache.get(res);
  if (lex) return lex;
  const months = numberMap(res, 'time-months');
  const weekdays = numberMap(res, 'time-weekdays');
  const numbers = numberMap(res, 'time-numbers');
  const ordinals = numberMap(res, 'time-ordinals');
  const units = res.map('time-units');
  const seasons = res.map('time-seasons');
  const dayParts = res.map('time-day-parts');
  const modifiers = res.map('time-modifiers');
  const refs = res.map('time-refs');
  const holidays = res.map('time-holidays');
  const sets = res.map('time-sets');
  const tense = res.map('time-tense');
  // "twenty-four", "twenty four", "one hundred", "two and a half": number words joined by hyphens,
  // spaces or "and"; the parser checks that the whole makes a number.
  const nw = alternation(numbers.keys());
  const ow = alternation(ordinals.keys());
  lex = {
    months, weekdays, numbers, ordinals, units, seasons, dayParts, modifiers, refs, holidays, sets, tense,
    re: {
      month: alternation(months.keys()),
      weekday: alternation(weekdays.keys()),
      numWord: `(?:${nw}(?:(?:-|\\s+(?:and\\s+)?)${nw})*)`,
      ordWord: `(?:(?:${nw}-)?${ow})`,
      unit: alternation(units.keys()),
      season: alternation(seasons.keys()),
      dayPart: alternation(dayParts.keys()),
      modifier: alternation(modifiers.keys()),
      ref: alternation(refs.keys()),
      holiday: alternation(holidays.keys()),
      set: alternation(sets.keys()),
    },
  };
  cache.set(res, lex);
  return lex;
}

/** The value of a map entry for a matched phrase (white space and apostrophes normalised). */
export function lookup<V>(map: ReadonlyMap<string, V>, phrase: string): V | undefined {
  return map.get(phrase.toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'"));
}
