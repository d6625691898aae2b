/** Pattern pieces and helpers shared by the time parsers. */
import type { TimeMod } from '../../../model/times.js';
import { daysInMonth } from '../calendar.js';
import { alternation, lookup, type TimeLexicon } from '../lexicon.js';
import type { Candidate, Dir, RelUnit, Sem, TimexType, YearRef } from '../types.js';

export interface ParseCtx {
  text: string;
  lex: TimeLexicon;
}

export type Groups = Record<string, string | undefined>;
export type Build = (m: RegExpExecArray, g: Groups, ctx: ParseCtx) => Candidate | Candidate[] | null;

export interface Rule {
  id: string;
  re: RegExp;
  build: Build;
  /** a cheap test that the text may hold a match at all: most rules need a word most articles lack */
  gate?: RegExp;
}

// ---------- shared pattern pieces ----------

// Patterns run without the u flag (case-insensitive matching is several times faster without it),
// so word boundaries are spelled out for ASCII and Latin-1/Extended-A letters.
export const LETTER = 'A-Za-z\\u00C0-\\u024F';
export const L = '\\b(?<!\\d[-\\u2013])'; // a word start, not after "1996-"
export const R = `(?![${LETTER}0-9])`;
export const YEAR = '(?:1\\d{3}|20\\d{2})';
export const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
export const EARLY_LATE = '(?:early|mid|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+first\\s+half\\s+of|the\\s+second\\s+half\\s+of)';
export const REL_WORD = '(?:last|next|this|this\\s+past|this\\s+coming|the\\s+coming|coming|past)';

/** TIMEX3 mod of an early/mid/late phrase. */
export function edgeMod(s: string | undefined): TimeMod | undefined {
  if (!s) return undefined;
  const t = s.toLowerCase();
  if (/early|beginning|start|first half/.test(t)) return 'START';
  if (/mid|middle/.test(t)) return 'MID';
  if (/late|end|second half/.test(t)) return 'END';
  return undefined;
}

export const dirOf = (w: string | undefined): Dir => {
  const t = (w ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (t === 'last' || t === 'this past' || t === 'past' || t === 'the previous' || t === 'previous') return 'past';
  if (t === 'next' || t === 'this coming' || t === 'coming' || t === 'the coming' || t === 'the following' || t === 'following') return 'future';
  if (t === 'this') return 'this';
  return 'auto';
};

/** Whether day d exists in month m (of year y; without a year, February has 29 days). */
export const validDay = (m: number, d: number, y?: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y ?? 2000, m);

/** A case-sensitive alternation of capitalised entries ("January", "Jan."). */
export function capitalised(entries: Iterable<string>): string {
  return alternation([...entries].map((e) => e[0]!.toUpperCase() + e.slice(1)));
}

export const isCap = (s: string | undefined) => !!s && s[0] !== s[0]!.toLowerCase();

const UNIT_VALUE: Record<string, [string, number]> = {
  S: ['TS', 1], MI: ['TM', 1], H: ['TH', 1], D: ['D', 1], W: ['W', 1], FN: ['W', 2], M: ['M', 1], Q: ['Q', 1], Y: ['Y', 1], DE: ['Y', 10], CE: ['Y', 100],
};
const SMALLER: Record<string, [string, number]> = { Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['H', 24], H: ['M', 60], MI: ['S', 60] };

/** A TIMEX3 duration value: 4 Y -> P4Y, 24 H -> PT24H, 2.5 Y -> P2Y6M, vague -> PXY. */
export function durationValue(n: number | null, unit: string): string {
  const [u, mult] = UNIT_VALUE[unit] ?? ['D', 1];
  const t = u.startsWith('T');
  const letter = t ? u.slice(1) : u;
  const pre = t ? 'PT' : 'P';
  if (n === null) return `${pre}X${unit === 'DE' ? 'DE' : unit === 'CE' ? 'CE' : letter}`;
  const total = n * mult;
  if (Number.isInteger(total)) return `${pre}${total}${letter}`;
  const whole = Math.floor(total), frac = total - whole;
  const sm = SMALLER[unit];
  if (sm && Number.isInteger(frac * sm[1])) {
    const smallT = unit === 'D' || unit === 'H' || unit === 'MI';
    const small = `${frac * sm[1]}${sm[0]}`;
    if (t || !smallT) return `${pre}${whole ? whole + letter : ''}${small}`;
    return `P${whole ? whole + letter : ''}T${small}`;
  }
  return `${pre}${total}${letter}`;
}

export const unitRel = (u: string): RelUnit | null => (({ D: 'D', W: 'W', M: 'M', Q: 'Q', Y: 'Y', DE: 'DE', CE: 'CE' }) as Record<string, RelUnit>)[u] ?? null;

export function yearRefOf(s: string | undefined): YearRef | undefined {
  if (!s) return undefined;
  const t = s.toLowerCase().replace(/['\u2019]s$/, '').replace(/\s+/g, ' ');
  if (/^\d{4}$/.test(t)) return { abs: +t };
  if (t === 'this year' || t === 'the current year') return { pub: 0 };
  if (t === 'last year' || t === 'the previous year' || t === 'the past year') return { pub: -1 };
  if (t === 'next year' || t === 'the coming year') return { pub: 1 };
  if (t === 'that year' || t === 'the same year') return { ref: 0 };
  if (t === 'the following year') return { ref: 1 };
  return undefined;
}

export const cand = (start: number, end: number, type: TimexType, sem: Sem, rule: string, priority = 0, mod?: TimeMod): Candidate =>
  ({ start, end, type, sem, rule, priority, ...(mod ? { mod } : {}) });

/** Words that may stand before a lone month or season name that is a date (not "May" the verb, "march" the noun). */
export const MONTH_LEADS = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'during', 'early', 'late', 'mid', 'last', 'next',
  'this', 'before', 'after', 'between', 'and', 'or', 'for', 'on', 'into', 'throughout', 'around', 'about', 'mid-', 'that', 'each', 'every', 'same', 'following', 'previous']);

export function wordBefore(text: string, i: number): string {
  const m = /([\p{L}\p{N}'\u2019-]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, i - 30), i));
  return m ? m[1]! : '';
}

export function wordAfter(text: string, i: number): string {
  const m = /^[^\p{L}\p{N}.!?;:]*?([\p{L}\p{N}'\u2019-]+)/u.exec(text.slice(i, i + 30));
  return m ? m[1]! : '';
}

/** Start of the sentence-ish context: true when nothing but punctuation or a line break precedes i on its line. */
export const atLineStart = (text: string, i: number) => /(^|[\n.!?"\u201c]\s*)$/.test(text.slice(Math.max(0, i - 4), i));

// ---------- the rules ----------

/** What a parser module gets: the lexicon, and `add` to register a rule whose pattern may use `{name}` pieces. */
export interface RuleBuilder {
  lex: TimeLexicon;
  /** registers a rule; `gate` is a cheap pattern the text must hold for the rule to run at all */
  add(id: string, src: string, build: Build, gate?: string): void;
  /** the month number of a matched month name */
  month(s: string): number;
}

export function ruleBuilder(lex: TimeLexicon, rules: Rule[]): RuleBuilder {
  const F: Record<string, string> = {
    month: lex.re.month, weekday: lex.re.weekday, numWord: lex.re.numWord, ordWord: lex.re.ordWord, unit: lex.re.unit,
    season: lex.re.season, dayPart: lex.re.dayPart, modifier: lex.re.modifier, ref: lex.re.ref, holiday: lex.re.holiday, set: lex.re.set,
    YEAR, DAY, L, R, EL: EARLY_LATE, REL: REL_WORD,
    num: `(?:\\d+\\s+1/2|\\d+\u00bd|\\d+(?:\\.\\d+)?|${lex.re.numWord}|an?|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|a\\s+dozen|dozens\\s+of|half\\s+an?)`,
    vague: '(?:several|a\\s+few|few|many|some|recent|coming|countless|numerous|a\\s+number\\s+of)',
    ampm: '(?:a\\.\\s?m\\.?|p\\.\\s?m\\.?|am|pm)(?![A-Za-z\\u00C0-\\u024F])',
    tz: '(?:GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|local\\s+time)(?![A-Za-z])',
    unitWords: alternation([...lex.units.keys()].filter((k) => k.endsWith('s') && k.length > 3)),
  };
  const rx = (src: string) => new RegExp(src.replace(/\{(\w+)\}/g, (_, k: string) => F[k] ?? `{${k}}`), 'gid');

  const gates: Record<string, RegExp> = {
    month: new RegExp(`\\b${capitalised(lex.months.keys())}`),
    weekday: new RegExp(`\\b${capitalised(lex.weekdays.keys())}`),
  };
  const gate = (src: string) => gates[src] ?? new RegExp(src.replace(/\{(\w+)\}/g, (_, k: string) => F[k] ?? `{${k}}`), 'i');
  return {
    lex,
    add: (id, src, build, gateSrc) => rules.push({ id, re: rx(src), build, ...(gateSrc ? { gate: gate(gateSrc) } : {}) }),
    month: (s) => lookup(lex.months, s.replace(/\s+/g, ''))!,
  };
}
