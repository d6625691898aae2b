import { z } from 'zod';
import { Span } from './span.js';

/** CASE 2021 / ACLED sub-event codes (EVENT-TYPES.md). */
export const EventCode = z.enum([
  'ABDUCT_DISSAP', 'AGREEMENT', 'AIR_STRIKE', 'ARMED_CLASH', 'ARREST', 'ART_MISS_ATTACK', 'ATTACK',
  'CHANGE_TO_GROUP_ACT', 'CHEM_WEAP', 'DISR_WEAP', 'FORCE_AGAINST_PROTEST', 'GOV_REGAINS_TERIT', 'GRENADE',
  'HQ_ESTABLISHED', 'MOB_VIOL', 'NON_STATE_ACTOR_OVERTAKES_TER', 'NON_VIOL_TERRIT_TRANSFER', 'OTHER',
  'PEACE_PROTEST', 'PROPERTY_DISTRUCT', 'PROTEST_WITH_INTER', 'REM_EXPLOS', 'SEX_VIOL', 'SUIC_BOMB',
  'VIOL_DEMONSTR', 'ORG_CRIME', 'NATURAL_DISASTER', 'MAN_MADE_DISASTER', 'DIPLO', 'ATTRIB',
]);
export type EventCode = z.infer<typeof EventCode>;

export const Event = Span.extend({
  id: z.string(),
  type: EventCode,
  eventType: z.string().describe('ACLED event type: Battles, Explosions/Remote violence, ...'),
  subEventType: z.string().describe('ACLED sub-event type in words'),
  trigger: Span.nullable().describe('the word that names the event'),
  actors: z.array(z.object({ name: z.string(), entity: z.string().nullable(), role: z.enum(['actor1', 'actor2', 'target']) })),
  place: z.string().nullable(),
  time: z.string().nullable(),
  figures: z.array(z.string()),
  claims: z.array(z.string()),
  score: z.number(),
});
export type Event = z.infer<typeof Event>;
