import { z } from 'zod';
import { Span } from './span.js';

export const EntityType = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof EntityType>;

/** One occurrence of a name in the text. */
export const Mention = Span.extend({
  id: z.string(),
  type: EntityType,
  entity: z.string().describe('id of the Entity this mention refers to'),
  score: z.number().describe('model confidence in [0, 1]'),
  title: Span.optional().describe('a title or role written right before a person\'s name ("ITV News Correspondent" in "ITV News Correspondent Dan Rivers"); the name itself is the mention'),
});
export type Mention = z.infer<typeof Mention>;

/** The thing several mentions name: "Ban Ki-Moon", "he", "the UN chief" are one entity. */
export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string().describe('canonical name: the longest proper name used for it'),
  aliases: z.array(z.string()),
  titles: z.array(z.string()).describe('roles and titles given to it: "UN Secretary-General"'),
  mentions: z.array(z.string()).describe('ids of its mentions'),
});
export type Entity = z.infer<typeof Entity>;
