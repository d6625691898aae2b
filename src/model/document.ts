import { z } from 'zod';

export const DatePrecision = z.enum(['day', 'month', 'year', 'unknown']);

export const DocumentMeta = z.object({
  id: z.string().describe('the input id, or sha256 of the text'),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('YYYY-MM-DD, or null when unknown'),
  publishedPrecision: DatePrecision,
  language: z.string().describe('BCP 47 code of the text; sitrep reads English'),
  fetchedAt: z.string().nullable(),
  encoding: z.string().nullable().describe('the encoding the text was decoded from'),
  contentHash: z.string().describe('sha256 of the text'),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
