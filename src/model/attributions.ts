import { z } from 'zod';
import { Span } from './span.js';

export const SpeakerKind = z.enum(['named', 'pronoun', 'role', 'anonymous', 'vague', 'outlet']);

export const Speaker = z.object({
  name: z.string().nullable().describe('resolved canonical name, null for anonymous sources'),
  entity: z.string().nullable().describe('id of the Entity, when resolved'),
  kind: SpeakerKind.describe('named person or body; pronoun resolved; role only ("a spokesman"); anonymous ("sources"); vague ("reports"); the outlet itself'),
  title: z.string().nullable().describe('the role given in the text: "UN Secretary-General"'),
});
export type Speaker = z.infer<typeof Speaker>;

export const CueKind = z.enum([
  'say', 'report', 'claim', 'allege', 'deny', 'confirm', 'believe', 'estimate', 'warn', 'ask', 'know', 'show', 'intend', 'evaluate',
]);
export type CueKind = z.infer<typeof CueKind>;

/** Reported speech: who (source), how (cue), what (content). */
export const Attribution = z.object({
  id: z.string(),
  source: Span.nullable(),
  cue: Span.nullable(),
  content: Span,
  kind: z.enum(['direct', 'indirect', 'mixed']),
  speaker: Speaker,
  cueKind: CueKind.nullable().describe('what the cue says of its content: neutral speech, a claim, a denial, a belief...; null when no cue word is known'),
  score: z.number().describe('confidence in [0, 1] that this is an attribution'),
});
export type Attribution = z.infer<typeof Attribution>;

export const ClaimStatus = z.enum([
  'asserted', 'reported', 'claimed', 'alleged', 'estimated', 'believed', 'unverified', 'denied', 'confirmed',
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const Hedge = Span.extend({
  status: ClaimStatus.describe('the status this word gives'),
});

/** A proposition with its source and the standing the text gives it. */
export const Claim = z.object({
  id: z.string(),
  content: Span,
  attribution: z.string().nullable().describe('id of the Attribution, null when the outlet states it'),
  speaker: Speaker,
  status: ClaimStatus,
  hedges: z.array(Hedge),
  figures: z.array(z.string()),
  places: z.array(z.string()),
  times: z.array(z.string()),
  events: z.array(z.string()),
});
export type Claim = z.infer<typeof Claim>;

/** Two claims of one article that cannot both hold. */
export const Contradiction = z.object({
  id: z.string(),
  a: z.string().describe('id of a Claim'),
  b: z.string().describe('id of a Claim'),
  kind: z.enum(['outcome', 'denial', 'negation', 'figures']).describe('outcome: done vs still going on; denial: one denies what the other states; negation: the same statement with and without "not"; figures: counts that do not overlap'),
  reason: z.string(),
});
export type Contradiction = z.infer<typeof Contradiction>;
