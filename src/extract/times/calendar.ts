/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no time zones),
 * and the mapping from a TIMEX3 value to the interval and precision it denotes.
 */

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MS_DAY = 86_400_000;

/** Date.UTC reads years 0-99 as 1900-1999: setUTCFullYear does not. */
function utc(y: number, m0: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m0, d);
  return dt.getTime();
}

export const dayNumber = (y: number, m: number, d: number): number => Math.round(utc(y, m - 1, d) / MS_DAY);

/** Day number of an ISO date (YYYY-MM-DD, anything after the day ignored), or null. */
export function parseIsoDay(s: string | null | undefined): number | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

export function ymd(day: number): Ymd {
  const dt = new Date(day * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export const weekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday

export const daysInMonth = (y: number, m: number): number => new Date(utc(y, m, 0)).getUTCDate();

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A year as TIMEX3 writes it: four digits, BC years as BCnnnn. */
export const yearStr = (y: number): string => (y <= 0 ? `BC${pad(1 - y, 4)}` : pad(y, 4));

export const isoDay = (day: number): string => {
  const { y, m, d } = ymd(day);
  return `${yearStr(y)}-${pad(m)}-${pad(d)}`;
};

export const isoMonth = (y: number, m: number): string => `${yearStr(y)}-${pad(m)}`;

/** Adds n months to (y, m): returns the new [year, month]. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12 + 12) % 12 + 1];
}

/** The same day n months later, clipped to the month's length. */
export function addMonthsToDay(day: number, n: number): number {
  const { y, m, d } = ymd(day);
  const [y2, m2] = addMonths(y, m, n);
  return dayNumber(y2, m2, Math.min(d, daysInMonth(y2, m2)));
}

/** ISO week-numbering year and week of a day. */
export function isoWeek(day: number): { y: number; w: number } {
  const thursday = day - weekday(day) + 4;
  const { y } = ymd(thursday);
  const jan1 = dayNumber(y, 1, 1);
  return { y, w: Math.floor((thursday - jan1) / 7) + 1 };
}

export const isoWeekStr = (day: number): string => {
  const { y, w } = isoWeek(day);
  return `${yearStr(y)}-W${pad(w)}`;
};

/** Monday of ISO week w of year y. */
export function isoWeekStart(y: number, w: number): number {
  const jan4 = dayNumber(y, 1, 4);
  return jan4 - weekday(jan4) + 1 + (w - 1) * 7;
}

export const quarterOf = (m: number): number => Math.ceil(m / 3);

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dd = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, dd);
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
export function nthWeekday(y: number, m: number, dow: number, n: number): number {
  if (n > 0) {
    const first = dayNumber(y, m, 1);
    return first + ((dow - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  return last - ((weekday(last) - dow + 7) % 7);
}

export type Precision = 'time' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century' | 'span' | 'unknown';

export interface DayInterval {
  start: number;
  end: number; // inclusive
}

// Meteorological seasons (northern hemisphere), as month offsets from the year's start:
// winter runs from December of the year to February of the next one.
const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

function monthsInterval(y: number, m1: number, m2: number): DayInterval {
  const [y1, mm1] = addMonths(y, 1, m1 - 1);
  const [y2, mm2] = addMonths(y, 1, m2 - 1);
  return { start: dayNumber(y1, mm1, 1), end: dayNumber(y2, mm2, daysInMonth(y2, mm2)) };
}

const YEAR = '(BC)?(\\d{4})';
const VALUE_PATTERNS: [RegExp, (m: RegExpExecArray, y: number) => [DayInterval, Precision] | null][] = [
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})(T.*)?$`), (m, y) => {
    const mo = +m[3]!, d = +m[4]!;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    const day = dayNumber(y, mo, d);
    return [{ start: day, end: day }, m[5] ? 'time' : 'day'];
  }],
  [new RegExp(`^${YEAR}-(\\d{2})$`), (m, y) => {
    const mo = +m[3]!;
    return mo >= 1 && mo <= 12 ? [monthsInterval(y, mo, mo), 'month'] : null;
  }],
  [new RegExp(`^${YEAR}-W(\\d{1,2})(-WE)?$`), (m, y) => {
    const s = isoWeekStart(y, +m[3]!);
    return [m[4] ? { start: s + 5, end: s + 6 } : { start: s, end: s + 6 }, 'week'];
  }],
  [new RegExp(`^${YEAR}-Q([1-4])$`), (m, y) => [monthsInterval(y, 3 * +m[3]! - 2, 3 * +m[3]!), 'quarter']],
  [new RegExp(`^${YEAR}-H([12])$`), (m, y) => [monthsInterval(y, 6 * +m[3]! - 5, 6 * +m[3]!), 'quarter']],
  [new RegExp(`^${YEAR}-(SP|SU|FA|WI)$`), (m, y) => {
    const [a, b] = SEASON_MONTHS[m[3]!]!;
    return [monthsInterval(y, a, b), 'season'];
  }],
  [new RegExp(`^${YEAR}$`), (_m, y) => [monthsInterval(y, 1, 12), 'year']],
  [/^(\d{3})$/, (m) => {
    const y = +m[1]! * 10;
    return [{ start: dayNumber(y, 1, 1), end: dayNumber(y + 9, 12, 31) }, 'decade'];
  }],
  [/^(\d{2})$/, (m) => {
    const y = +m[1]! * 100;
    return [{ start: dayNumber(y, 1, 1), end: dayNumber(y + 99, 12, 31) }, 'century'];
  }],
];

/** The interval of days a TIMEX3 date value denotes, with its precision; null for X-ed or non-date values. */
export function valueInterval(value: string): { interval: DayInterval; precision: Precision } | null {
  for (const [re, f] of VALUE_PATTERNS) {
    const m = re.exec(value);
    if (!m) continue;
    // YEAR group: m[1] = 'BC' or undefined, m[2] = digits (only for patterns that have it)
    const y = m[2] !== undefined && /^\d{4}$/.test(m[2]) ? (m[1] ? 1 - +m[2] : +m[2]) : 0;
    const r = f(m, y);
    return r ? { interval: r[0], precision: r[1] } : null;
  }
  return null;
}

/** The precision a value shows even when it cannot be placed (XXXX-WXX-1 is a day, PXY a span). */
export function precisionOfShape(value: string): Precision {
  if (/T\d|T(MO|AF|EV|NI|DT)/.test(value) && !value.startsWith('P')) return 'time';
  if (/^[X\d]{4}-[X\d]{2}-[X\d]{2}$/.test(value) || /-W[X\d]{2}-\d$/.test(value)) return 'day';
  if (/-W[X\d]{1,2}(-WE)?$/.test(value)) return 'week';
  if (/^[X\d]{4}-[X\d]{2}$/.test(value)) return 'month';
  if (/-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/-[QH][X\d]$/.test(value)) return 'quarter';
  if (/^[X\d]{4}$/.test(value)) return 'year';
  if (/^P(T?[\dX.]+[A-Z]+)+$/.test(value)) return 'span';
  return 'unknown';
}
