import { z } from 'zod';
import { Span } from './span.js';

export const TimeType = z.enum(['DATE', 'TIME', 'DURATION', 'SET']);
export const TimePrecision = z.enum(['time', 'day', 'week', 'month', 'season', 'quarter', 'year', 'decade', 'century', 'span', 'unknown']);

/** What a value was resolved against. */
export const TimeAnchor = z.enum([
  'absolute', // the text gives the date in full ("12 December 2016", "1990s")
  'publication', // resolved against the publication date ("on Monday", "last year")
  'text', // resolved against another date the text gives ("the next day", "in March" after "1939")
  'none', // nothing to resolve against: the value keeps X placeholders or is a reference (PAST_REF, P4Y)
]);

export const TimeRef = Span.extend({
  id: z.string(),
  type: TimeType,
  value: z.string().describe('TIMEX3 value: 2016-12-12, 2016-W50, P4Y, PAST_REF, XXXX-WXX-1 ...'),
  interval: z
    .object({ start: z.string(), end: z.string() })
    .nullable()
    .describe('the calendar interval denoted, ISO dates, end inclusive; for a duration anchored on the publication date, the span it covers'),
  precision: TimePrecision,
  resolved: z.boolean().describe('false where the value depends on a date the text does not give'),
  anchor: TimeAnchor.optional().describe('what the value was resolved against'),
  range: z
    .object({ start: z.string(), end: z.string() })
    .optional()
    .describe('for one end of a range ("1939-45", "from March to May", "22-25 April"): the whole range, ISO dates, end inclusive'),
  mod: z
    .enum(['APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_MORE', 'EQUAL_OR_LESS', 'START', 'MID', 'END'])
    .optional()
    .describe('TIMEX3 mod: "more than four years" is P4Y with MORE_THAN, "early 2014" is 2014 with START'),
});
export type TimeRef = z.infer<typeof TimeRef>;
export type TimeMod = NonNullable<TimeRef['mod']>;
