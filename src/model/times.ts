import { z } from 'zod';
import { Span } from './span.js';

export const TimeType = z.enum(['DATE', 'TIME', 'DURATION', 'SET']);
export const TimePrecision = z.enum(['time', 'day', 'week', 'month', 'season', 'quarter', 'year', 'decade', 'century', 'span', 'unknown']);

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
});
export type TimeRef = z.infer<typeof TimeRef>;
