import { z } from 'zod';
import { Range, Span } from './span.js';

export const FigureCategory = z.enum([
  'killed', 'injured', 'casualties', 'displaced', 'trapped', 'besieged', 'evacuated', 'detained', 'missing', 'abducted', 'affected', 'other',
]).describe('what happened to the people counted; "casualties" = hit (shot, struck) or "casualties": killed and injured together');
export type FigureCategory = z.infer<typeof FigureCategory>;

/** A number about people, with what happened to them, where, when and on whose word. */
export const Figure = Span.extend({
  id: z.string(),
  category: FigureCategory,
  value: Range,
  qualifier: z.string().nullable().describe('the words that set the range: "more than", "approximately", "tens of thousands"'),
  unit: z.enum(['people', 'percent']),
  of: z.string().nullable().describe('for a percentage, the id of the figure it is a share of'),
  people: z.string().nullable().describe('who is counted: "residents", "civilians", "children"'),
  place: z.string().nullable().describe('id of a Place'),
  time: z.string().nullable().describe('id of a TimeRef'),
  claim: z.string().nullable().describe('id of the Claim that carries it'),
  trigger: Span.nullable().describe('the words saying what happened to them ("have been killed"), null when the noun says it ("20 deaths")'),
  implicit: z.boolean().describe('read from a noun phrase without a number: "a man was shot dead" = 1, "no one was hurt" = 0'),
  mentions: z.array(Span).describe('every place in the text stating this figure (a caption repeating it is a second mention)'),
});
export type Figure = z.infer<typeof Figure>;

export const Toll = z.object({
  killed: Range.nullable(),
  injured: Range.nullable(),
  figures: z.array(z.string()).describe('ids of the figures the toll was read from'),
  fromTitle: z.boolean().optional().describe('the headline gave the count (no figure span: the title is not in the text)'),
});
export type Toll = z.infer<typeof Toll>;
