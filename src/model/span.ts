import { z } from 'zod';

/** A stretch of the article: JavaScript string indices (UTF-16 code units), end exclusive. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().describe('text.slice(start, end), kept for readability'),
});
export type Span = z.infer<typeof Span>;

/** The span of `text` between start and end. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

export const Range = z
  .object({
    low: z.number().nullable(),
    best: z.number(),
    high: z.number().nullable(),
  })
  .describe('A value as {low, best, high}; low or high is null where the text leaves it open ("more than 20,000").');
export type Range = z.infer<typeof Range>;
