import { z } from 'zod';
import { DocumentMeta } from './document.js';
import { Entity, Mention } from './entities.js';
import { TimeRef } from './times.js';
import { Place } from './places.js';
import { Figure, Toll } from './figures.js';
import { Attribution, Claim, Contradiction } from './attributions.js';
import { Event } from './events.js';

/** Everything sitrep reads from one article. Every span indexes `text`, which is never rewritten. */
export const Report = z.object({
  sitrep: z.string().describe('version of sitrep that wrote it'),
  document: DocumentMeta,
  text: z.string(),
  mentions: z.array(Mention),
  entities: z.array(Entity),
  times: z.array(TimeRef),
  places: z.array(Place),
  figures: z.array(Figure),
  attributions: z.array(Attribution),
  claims: z.array(Claim),
  events: z.array(Event).describe('main event first'),
  contradictions: z.array(Contradiction),
  toll: Toll,
  warnings: z.array(z.string()),
});
export type Report = z.infer<typeof Report>;
