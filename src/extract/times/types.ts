import type { TimeMod } from '../../model/times.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/**
 * Which occurrence a partly given date means: `auto` lets the tense of the clause decide
 * (weekdays) or takes the nearest one (a month and day without a year); `past` / `future`
 * are "last ..." / "next ..."; `this` is the one in the current period.
 */
export type Dir = 'auto' | 'past' | 'future' | 'this';

/** A year as the text gives it: absolute, relative to the publication date, or relative to the last date the text named. */
export type YearRef = { abs: number } | { pub: number } | { ref: number };

/** Calendar units of relative expressions: D day, W week, WE weekend, M month, Q quarter, H half-year, Y year, DE decade, CE century. */
export type RelUnit = 'D' | 'W' | 'WE' | 'M' | 'Q' | 'H' | 'Y' | 'DE' | 'CE';

/** What a candidate means, before it is placed on the calendar. */
export type Sem =
  /** calendar fields, some missing: "December 12", "2016", "summer 2015", "the third quarter", "Tuesday's" ... */
  | { k: 'cal'; year?: YearRef; m?: number; d?: number; part?: string; dir?: Dir; tod?: string }
  /** the n-th week of a month (-1 = the last): "the first week of January" */
  | { k: 'monthWeek'; m: number; n: number; year?: YearRef }
  /** a decade (199 = the 1990s) or century (19 = the 20th century) */
  | { k: 'decade'; dec: number; twoDigit?: boolean }
  | { k: 'century'; c: number }
  /** n units from the publication date (base pub: "yesterday", "last week", "two years ago")
   *  or from the last date the text named (base ref: "the next day", "two days later", "that year") */
  | { k: 'rel'; unit: RelUnit; n: number; base: 'pub' | 'ref'; tod?: string; tensed?: boolean; newsDuration?: string }
  /** a weekday, placed by direction and tense */
  | { k: 'weekday'; dow: number; dir: Dir; tod?: string; base?: 'ref' }
  /** a holiday by its date rule (time-holidays.txt) */
  | { k: 'holiday'; rule: string; year?: YearRef; dir?: Dir }
  /** "a year ago" / "year-earlier": the year before, or the same quarter a year before when the text is about a quarter */
  | { k: 'yearAgo'; base: 'pub' | 'ref' }
  /** "the quarter", "the latest quarter", "the year-ago quarter" */
  | { k: 'quarter'; which: 'ref' | 'latest' | 'current' | 'next' | 'yearAgo'; year?: number; needsContext?: boolean }
  /** a value that needs no anchor (PAST_REF, P1W, XXXX-WXX-5, FY2006) */
  | { k: 'value'; value: string }
  /** a duration; span says whether it runs up to ("the past four years") or from ("the next two weeks") the anchor */
  | { k: 'duration'; value: string; span?: 'past' | 'next'; amount?: number; unit?: string };

// `tensed`: "the weekend" is the last one or the coming one by the clause's tense.
// `newsDuration`: "three days later" is a DURATION in news corpora (TimeBank) and a date in narratives.
// `needsContext`: "the latest period" is a quarter only where the text has named one.

/** A time expression found by a parser, not yet resolved. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  sem: Sem;
  mod?: TimeMod;
  rule: string;
  /** higher wins between overlapping candidates of the same length */
  priority: number;
  /** other ends of a range ("1939-45"): resolved like this one, linked by the refiner */
  rangeGroup?: number;
}
