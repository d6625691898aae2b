import { z } from 'zod';
import { Span } from './span.js';

export const PlacePrecision = z.enum(['country', 'region', 'city', 'part-of-city', 'other']);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

/** A place named in the text, resolved against the gazetteer (coordinates null when unresolved). */
export const Place = Span.extend({
  id: z.string(),
  name: z.string().describe('gazetteer name of the resolved place'),
  geonameid: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  featureCode: z.string().nullable().describe('GeoNames feature code: PCLI, ADM1, ADM2, PPLA, PPLC, ...'),
  precision: PlacePrecision,
  country: z.string().nullable().describe('ISO 3166-1 alpha-2 code'),
  admin1: z.string().nullable().describe('first-level region name'),
  part: z.string().nullable().describe('the part of the place named ("eastern"), when precision is part-of-city'),
  mention: z.string().nullable().describe('id of the entity mention, if any'),
  score: z.number(),
});
export type Place = z.infer<typeof Place>;
