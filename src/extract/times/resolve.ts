/**
 * Places candidates on the calendar: the publication date anchors deictic expressions ("yesterday",
 * "last week", "on Monday"); the last date the text named anchors anaphoric ones ("the next day",
 * "that year") and, when there is no publication date, dates without a year ("in March" after
 * "1939"). With no anchor, values keep their X placeholders and are marked unresolved.
 */
import type { TimeRef } from '../../model/times.js';
import {
  addMonths, addMonthsToDay, dayNumber, daysInMonth, easter, isoDay, isoMonth, isoWeekStr, nthWeekday, pad, quarterOf, valueInterval,
  weekday, yearStr, ymd, type DayInterval,
} from './calendar.js';
import type { Tense } from './tense.js';
import type { Candidate, Dir, RelUnit, YearRef } from './types.js';

export type Anchor = NonNullable<TimeRef['anchor']>;

/** The last date the text named: anchors anaphoric expressions. */
export interface RefTime {
  day: number; // first day of what it denotes
  gran: 'day' | 'month' | 'year';
  /** index of the sentence that named it */
  sentence?: number;
}

export interface ResolveCtx {
  /** publication day number, or null */
  pub: number | null;
  ref: RefTime | null;
  /** last quarter named (year, quarter) and where */
  quarter: { y: number; q: number; at: number } | null;
  /** the tense of the clause around a candidate, looking at most `reach` tokens away */
  tense(c: Candidate, reach?: number): Tense | null;
  /** index of the sentence holding a candidate */
  sentence(c: Candidate): number;
  perfectFor(c: Candidate): boolean;
}

export interface Resolution {
  value: string;
  /** a type other than the candidate's ("three days later" is a DURATION in news) */
  type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  anchor: Anchor;
  /** an interval other than the value's own (anchored durations) */
  span?: DayInterval;
}

const todSuffix = (tod: string | undefined) => (tod ? `T${tod}` : '');

/** The year of a YearRef: absolute, from the publication date, or from the text's last date. */
function yearOf(yr: YearRef, ctx: ResolveCtx): { y: number; anchor: Anchor } | null {
  if ('abs' in yr) return { y: yr.abs, anchor: 'absolute' };
  if ('pub' in yr) return ctx.pub === null ? null : { y: ymd(ctx.pub).y + yr.pub, anchor: 'publication' };
  if (ctx.ref) return { y: ymd(ctx.ref.day).y + yr.ref, anchor: 'text' };
  return ctx.pub === null ? null : { y: ymd(ctx.pub).y + yr.ref, anchor: 'publication' };
}

/** What dates without a year are placed against: the publication date, else the text's last date. */
function baseDay(ctx: ResolveCtx): { day: number; anchor: Anchor } | null {
  if (ctx.pub !== null) return { day: ctx.pub, anchor: 'publication' };
  if (ctx.ref) return { day: ctx.ref.day, anchor: 'text' };
  return null;
}

/** The year of month m (and day d) relative to a base day, by direction; the nearest when `auto`. */
type PlaceDir = Dir | 'pastIncl' | 'futureIncl';

function placeMonthDay(base: number, m: number, d: number | undefined, dir: PlaceDir): number {
  const { y } = ymd(base);
  const at = (yy: number) => (d ? dayNumber(yy, m, Math.min(d, daysInMonth(yy, m))) : dayNumber(yy, m, 1));
  const monthIndex = (day: number) => { const t = ymd(day); return t.y * 12 + t.m; };
  if (dir === 'this') return y;
  if (!d) {
    const bm = monthIndex(base);
    if (dir === 'past') return y * 12 + m < bm ? y : y - 1;
    if (dir === 'future') return y * 12 + m > bm ? y : y + 1;
    if (dir === 'pastIncl') return y * 12 + m <= bm ? y : y - 1;
    if (dir === 'futureIncl') return y * 12 + m >= bm ? y : y + 1;
    // nearest, ties to the past
    let best = y, bestDist = Infinity;
    for (const yy of [y - 1, y, y + 1]) {
      const dist = Math.abs(yy * 12 + m - bm) + (yy * 12 + m > bm ? 0.5 : 0);
      if (dist < bestDist) [best, bestDist] = [yy, dist];
    }
    return best;
  }
  if (dir === 'past' || dir === 'pastIncl') return at(y) <= base ? y : y - 1;
  if (dir === 'future' || dir === 'futureIncl') return at(y) >= base ? y : y + 1;
  let best = y, bestDist = Infinity;
  for (const yy of [y - 1, y, y + 1]) {
    const dist = Math.abs(at(yy) - base);
    if (dist < bestDist) [best, bestDist] = [yy, dist];
  }
  return best;
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function calValue(y: number | null, m: number | undefined, d: number | undefined, part: string | undefined, tod: string | undefined): string {
  const Y = y === null ? 'XXXX' : yearStr(y);
  if (part) return `${Y}-${part}`;
  if (m === undefined) return Y;
  if (d === undefined) return `${Y}-${pad(m)}`;
  return `${Y}-${pad(m)}-${pad(d)}${todSuffix(tod)}`;
}

function resolveCal(c: Candidate, ctx: ResolveCtx): Resolution {
  const s = c.sem as Extract<Candidate['sem'], { k: 'cal' }>;
  if (s.year) {
    const yr = yearOf(s.year, ctx);
    return yr ? { value: calValue(yr.y, s.m, s.d, s.part, s.tod), anchor: yr.anchor } : { value: calValue(null, s.m, s.d, s.part, s.tod), anchor: 'none' };
  }
  // no year: a quarter or a season of the current year, a month and day near the publication date
  const pubBase = ctx.pub;
  if (pubBase === null) {
    // narrative: the year of the last date the text named
    if (ctx.ref) return { value: calValue(ymd(ctx.ref.day).y, s.m, s.d, s.part, s.tod), anchor: 'text' };
    return { value: calValue(null, s.m, s.d, s.part, s.tod), anchor: 'none' };
  }
  const base = pubBase;
  const { y, m: bm } = ymd(base);
  let yy = y;
  if (s.part && SEASON_START[s.part]) {
    const sm = SEASON_START[s.part]!;
    // the season holding the base day, as (year, start month); winter belongs to the year it starts in
    const cur = bm >= 12 ? [y, 12] : bm >= 9 ? [y, 9] : bm >= 6 ? [y, 6] : bm >= 3 ? [y, 3] : [y - 1, 12];
    const idx = (yr: number, mm: number) => yr * 12 + mm;
    if (s.dir === 'past') yy = idx(y, sm) < idx(cur[0]!, cur[1]!) ? y : y - 1;
    else if (s.dir === 'future') yy = idx(y, sm) > idx(cur[0]!, cur[1]!) ? y : y + 1;
    else yy = sm === 12 && bm <= 2 ? y - 1 : y;
  } else if (s.part) {
    // quarters and halves: the current year, unless the tense puts a later one in the past ("profits fell in the fourth quarter" in January)
    const n = +s.part.slice(1), cur = s.part[0] === 'Q' ? quarterOf(bm) : bm > 6 ? 2 : 1;
    // (a future clause about an earlier quarter is usually a report still to come: "expects to report third-quarter net")
    yy = n > cur && ctx.tense(c) === 'past' ? y - 1 : y;
  } else if (s.m !== undefined) {
    let dir: PlaceDir = s.dir ?? 'auto';
    // a month alone goes by the clause's tense ("bought it in February" / "will open in August");
    // a month and day by a verb right before it ("the year ended March 31"), else it is the nearest such day
    // (a wider look measured worse on news)
    if (dir === 'auto') {
      const t = ctx.tense(c, s.d === undefined ? undefined : 2);
      if (t === 'past') dir = 'pastIncl';
      else if (t === 'future') dir = 'futureIncl';
    }
    yy = placeMonthDay(base, s.m, s.d, dir);
  }
  return { value: calValue(yy, s.m, s.d, s.part, s.tod), anchor: 'publication' };
}

/** The value of n units from a day, at the unit's granularity. */
function shift(day: number, unit: RelUnit, n: number, tod?: string): string {
  switch (unit) {
    case 'D': return isoDay(day + n) + todSuffix(tod);
    case 'W': return isoWeekStr(day + 7 * n);
    case 'WE': return `${isoWeekStr(day + 7 * n)}-WE`;
    case 'M': {
      const { y, m } = ymd(day);
      const [y2, m2] = addMonths(y, m, n);
      return isoMonth(y2, m2);
    }
    case 'Q': {
      const { y, m } = ymd(day);
      const k = y * 4 + quarterOf(m) - 1 + n;
      return `${yearStr(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
    }
    case 'H': {
      const { y, m } = ymd(day);
      const k = y * 2 + (m > 6 ? 1 : 0) + n;
      return `${yearStr(Math.floor(k / 2))}-H${(k % 2) + 1}`;
    }
    case 'Y': return yearStr(ymd(day).y + n);
    case 'DE': return String(Math.floor(ymd(day).y / 10) + n);
    case 'CE': return pad(Math.floor(ymd(day).y / 100) + n);
  }
}

const UNRESOLVED: Record<RelUnit, string> = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', WE: 'XXXX-WXX-WE', M: 'XXXX-XX', Q: 'XXXX-QX', H: 'XXXX-HX', Y: 'XXXX', DE: 'XXX', CE: 'XX' };
const GRAN_RANK = { day: 0, month: 1, year: 2 } as const;
const UNIT_GRAN: Record<RelUnit, 'day' | 'month' | 'year'> = { D: 'day', W: 'day', WE: 'day', M: 'month', Q: 'month', H: 'month', Y: 'year', DE: 'year', CE: 'year' };

function resolveRel(c: Candidate, ctx: ResolveCtx): Resolution {
  const s = c.sem as Extract<Candidate['sem'], { k: 'rel' }>;
  // a bare clock time ("at 4 p.m.") is on the day the same or the previous sentence names ("on Saturday
  // ... Police arrived shortly after 1:30 a.m."), else on the publication day
  const near = ctx.ref?.sentence !== undefined && ctx.sentence(c) - ctx.ref.sentence <= 1 && ctx.ref.gran === 'day';
  if (s.tod && s.base === 'ref' && ctx.pub !== null && !near) return { value: shift(ctx.pub, 'D', s.n, s.tod), anchor: 'publication' };
  if (s.newsDuration && ctx.pub !== null) return { value: s.newsDuration, anchor: 'none', type: 'DURATION' };
  if (s.tensed && ctx.pub !== null) {
    // "the weekend": the last one, or the coming one in a future clause (the current one at a weekend)
    const wd = weekday(ctx.pub);
    const n = ctx.tense(c) === 'future' || wd >= 6 ? 0 : -1;
    return { value: shift(ctx.pub, s.unit, n, s.tod), anchor: 'publication' };
  }
  if (s.base === 'ref' && ctx.ref && GRAN_RANK[ctx.ref.gran] <= GRAN_RANK[UNIT_GRAN[s.unit]]) {
    return { value: shift(ctx.ref.day, s.unit, s.n, s.tod), anchor: 'text' };
  }
  if (ctx.pub !== null) return { value: shift(ctx.pub, s.unit, s.n, s.tod), anchor: 'publication' };
  if (s.base === 'ref' && ctx.ref) {
    // "four days later" after a month or a year: what the text gives is known, the rest is not
    const { y, m } = ymd(ctx.ref.day);
    const Y = yearStr(y), M = ctx.ref.gran === 'month' && s.n === 0 ? pad(m) : 'XX';
    if (s.unit === 'D') return { value: `${Y}-${M}-XX${todSuffix(s.tod)}`, anchor: 'text' };
    if (s.unit === 'M' && ctx.ref.gran === 'year' && s.n === 0) return { value: `${Y}-XX`, anchor: 'text' };
  }
  return { value: UNRESOLVED[s.unit] + (s.unit === 'D' ? todSuffix(s.tod) : ''), anchor: 'none' };
}

function resolveWeekday(c: Candidate, ctx: ResolveCtx): Resolution {
  const s = c.sem as Extract<Candidate['sem'], { k: 'weekday' }>;
  if (ctx.pub === null) return { value: `XXXX-WXX-${s.dow}${todSuffix(s.tod)}`, anchor: 'none' };
  const anchor: Anchor = s.base === 'ref' && ctx.ref?.gran === 'day' ? 'text' : 'publication';
  const pub = s.base === 'ref' && ctx.ref?.gran === 'day' ? ctx.ref.day : ctx.pub;
  const back = (weekday(pub) - s.dow + 7) % 7; // days back to the latest such weekday (0 = today)
  const fwd = (s.dow - weekday(pub) + 7) % 7; // days on to the next one (0 = today)
  let day: number;
  if (s.dir === 'past') day = pub - (back || 7);
  else if (s.dir === 'future') day = pub + (fwd || 7);
  else day = ctx.tense(c) === 'future' ? pub + fwd : pub - back;
  return { value: isoDay(day) + todSuffix(s.tod), anchor };
}

function holidayDay(rule: string, y: number): number | null {
  let m = /^(\d{2})-(\d{2})$/.exec(rule);
  if (m) return dayNumber(y, +m[1]!, +m[2]!);
  m = /^easter([+-]\d+)$/.exec(rule);
  if (m) return easter(y) + +m[1]!;
  m = /^nth:(\d+):(\d):(-?\d)$/.exec(rule);
  if (m) return nthWeekday(y, +m[1]!, +m[2]!, +m[3]!);
  return null;
}

function resolveHoliday(c: Candidate, ctx: ResolveCtx): Resolution {
  const s = c.sem as Extract<Candidate['sem'], { k: 'holiday' }>;
  let y: number | null = null, anchor: Anchor = 'none';
  if (s.year) {
    const yr = yearOf(s.year, ctx);
    if (yr) ({ y, anchor } = yr);
  } else if (ctx.pub !== null) {
    // the nearest occurrence to the publication date
    const py = ymd(ctx.pub).y;
    let best = Infinity;
    for (const yy of [py - 1, py, py + 1]) {
      const d = holidayDay(s.rule, yy);
      if (d !== null && Math.abs(d - ctx.pub) < best) [best, y] = [Math.abs(d - ctx.pub), yy];
    }
    anchor = 'publication';
  } else if (ctx.ref) {
    y = ymd(ctx.ref.day).y;
    anchor = 'text';
  }
  if (y === null) {
    const fixed = /^(\d{2})-(\d{2})$/.exec(s.rule);
    return { value: fixed ? `XXXX-${fixed[1]}-${fixed[2]}` : 'XXXX-XX-XX', anchor: 'none' };
  }
  const day = holidayDay(s.rule, y);
  return day === null ? { value: 'XXXX-XX-XX', anchor: 'none' } : { value: isoDay(day), anchor };
}

/** The last date the text named, moved by n years, at its own granularity. */
function shiftRef(ref: RefTime, n: number): string {
  const { y, m, d } = ymd(ref.day);
  if (ref.gran === 'year') return yearStr(y + n);
  if (ref.gran === 'month') return isoMonth(y + n, m);
  return `${yearStr(y + n)}-${pad(m)}-${pad(Math.min(d, daysInMonth(y + n, m)))}`;
}

const quarterValue = (k: number) => `${yearStr(Math.floor(k / 4))}-Q${(k % 4) + 1}`;

function resolveQuarter(c: Candidate, ctx: ResolveCtx): Resolution | null {
  const s = c.sem as Extract<Candidate['sem'], { k: 'quarter' }>;
  const near = ctx.quarter && c.start - ctx.quarter.at < QUARTER_CONTEXT;
  if (s.needsContext && !near && !(s.which === 'yearAgo' && ctx.ref)) return null;
  if (s.year !== undefined) return { value: `${yearStr(s.year)}-Q${ctx.quarter?.q ?? 'X'}`, anchor: ctx.quarter ? 'text' : 'none' };
  const named = ctx.quarter ? ctx.quarter.y * 4 + ctx.quarter.q - 1 : null;
  const pubQ = ctx.pub !== null ? ymd(ctx.pub).y * 4 + quarterOf(ymd(ctx.pub).m) - 1 : null;
  const anchorOf = (k: number | null, a: Anchor): Resolution | null => (k === null ? null : { value: quarterValue(k), anchor: a });
  let r: Resolution | null = null;
  switch (s.which) {
    case 'ref': r = anchorOf(named, 'text') ?? anchorOf(pubQ === null ? null : pubQ - 1, 'publication'); break;
    case 'latest': r = anchorOf(pubQ === null ? null : pubQ - 1, 'publication'); break;
    case 'current': r = anchorOf(pubQ, 'publication'); break;
    case 'next': r = anchorOf(pubQ === null ? null : pubQ + 1, 'publication'); break;
    case 'yearAgo':
      // "the year-ago quarter": the quarter the text is about, a year before; "the same period last year"
      // after "in February": February a year before
      if (named !== null && near) r = anchorOf(named - 4, 'text');
      else if (s.needsContext && ctx.ref) r = { value: shiftRef(ctx.ref, -1), anchor: 'text' };
      else r = anchorOf(named !== null ? named - 4 : pubQ === null ? null : pubQ - 5, named !== null ? 'text' : 'publication');
      break;
  }
  return r ?? { value: 'XXXX-QX', anchor: 'none' };
}

/** How close (in characters) a named quarter must be for "a year ago" to mean that quarter a year before. */
const QUARTER_CONTEXT = 1000;

function resolveYearAgo(c: Candidate, ctx: ResolveCtx): Resolution {
  const s = c.sem as Extract<Candidate['sem'], { k: 'yearAgo' }>;
  if (ctx.quarter && c.start - ctx.quarter.at < QUARTER_CONTEXT) return { value: quarterValue(ctx.quarter.y * 4 + ctx.quarter.q - 1 - 4), anchor: 'text' };
  if (s.base === 'ref' && ctx.ref) return { value: yearStr(ymd(ctx.ref.day).y - 1), anchor: 'text' };
  if (ctx.pub !== null) return { value: yearStr(ymd(ctx.pub).y - 1), anchor: 'publication' };
  return { value: 'XXXX', anchor: 'none' };
}

/** The interval a duration covers when it runs up to or from the publication date. */
function durationSpan(c: Candidate, ctx: ResolveCtx): DayInterval | undefined {
  const s = c.sem as Extract<Candidate['sem'], { k: 'duration' }>;
  if (ctx.pub === null || s.amount === undefined || !s.unit) return undefined;
  let span = s.span;
  if (!span && ctx.perfectFor(c)) span = 'past';
  if (!span) return undefined;
  const n = s.amount, pub = ctx.pub;
  const days = (k: number) => Math.round(k);
  const move = (sign: 1 | -1): number => {
    switch (s.unit) {
      case 'D': return pub + sign * days(n);
      case 'W': return pub + sign * days(7 * n);
      case 'FN': return pub + sign * days(14 * n);
      case 'M': return addMonthsToDay(pub, sign * Math.round(n));
      case 'Q': return addMonthsToDay(pub, sign * Math.round(3 * n));
      case 'Y': return addMonthsToDay(pub, sign * Math.round(12 * n));
      case 'DE': return addMonthsToDay(pub, sign * Math.round(120 * n));
      case 'CE': return addMonthsToDay(pub, sign * Math.round(1200 * n));
      default: return pub; // hours, minutes: within the day
    }
  };
  return span === 'past' ? { start: Math.min(pub, move(-1) + 1), end: pub } : { start: pub, end: Math.max(pub, move(1) - 1) };
}

/** Resolves one candidate; null drops it (a "period" that no quarter gives sense to). */
export function resolveCandidate(c: Candidate, ctx: ResolveCtx): Resolution | null {
  const s = c.sem;
  switch (s.k) {
    case 'cal': return resolveCal(c, ctx);
    case 'monthWeek': {
      // the month as a month alone would be placed, then the ISO week holding its n-th seven days
      const month = resolveCal({ ...c, sem: { k: 'cal', m: s.m, year: s.year, dir: 'auto' } }, ctx);
      const mm = /^(BC)?(\d{4})-(\d{2})$/.exec(month.value);
      if (!mm) return { value: month.value.replace(/-\d{2}$/, '-WXX'), anchor: month.anchor };
      const y = mm[1] ? 1 - +mm[2]! : +mm[2]!, mo = +mm[3]!;
      const day = s.n > 0 ? dayNumber(y, mo, 1) + 7 * (s.n - 1) + 3 : dayNumber(y, mo, daysInMonth(y, mo)) - 3; // the middle of those seven days
      return { value: isoWeekStr(day), anchor: month.anchor };
    }
    case 'decade': {
      if (!s.twoDigit) return { value: String(s.dec), anchor: 'absolute' };
      const base = baseDay(ctx);
      // "the '90s": the latest such decade up to the anchor's; without one, the 1900s
      const by = base ? ymd(base.day).y : 1999;
      let dec = Math.floor(by / 100) * 10 + s.dec;
      if (dec * 10 > by) dec -= 10;
      return { value: String(dec), anchor: base ? base.anchor : 'none' };
    }
    case 'century': return { value: pad(s.c), anchor: 'absolute' };
    case 'rel': return resolveRel(c, ctx);
    case 'weekday': return resolveWeekday(c, ctx);
    case 'holiday': return resolveHoliday(c, ctx);
    case 'yearAgo': return resolveYearAgo(c, ctx);
    case 'quarter': return resolveQuarter(c, ctx);
    case 'value': return { value: s.value, anchor: 'none' };
    case 'duration': {
      const span = durationSpan(c, ctx);
      return span ? { value: s.value, anchor: 'publication', span } : { value: s.value, anchor: 'none' };
    }
  }
}

/** The reference time a resolved date sets for what follows (null for values that cannot anchor). */
export function refTimeOf(value: string): RefTime | null {
  const iv = valueInterval(value);
  if (!iv) return null;
  const p = iv.precision;
  if (p === 'day' || p === 'time') return { day: iv.interval.start, gran: 'day' };
  if (p === 'month' || p === 'week') return { day: iv.interval.start, gran: 'month' };
  if (p === 'year' || p === 'quarter' || p === 'season') return { day: iv.interval.start, gran: 'year' };
  return null;
}

