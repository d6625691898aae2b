import { z } from 'zod';
import { Span } from './span.js';

export const PlacePrecision = z.enum(['country', 'region', 'city', 'part-of-city', 'other']);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

export const PlaceUsage = z
  .enum(['literal', 'associative'])
  .describe('literal: the text names a place ("in Syria", "the Syrian capital"); associative: a demonym or name that only modifies ("Syrian forces", "Russian diplomats"): it names the state, not where something happened, so the ledger never uses it as the location of an event or figure');
export type PlaceUsage = z.infer<typeof PlaceUsage>;

/** A place named in the text, resolved against the gazetteer (coordinates null when unresolved). */
export const Place = Span.extend({
  id: z.string(),
  name: z.string().describe('gazetteer name of the resolved place'),
  gazetteerId: z.string().nullable().describe('id in the shipped gazetteer: "geonames:170063", "country:SY", "admin1:SY.09", "admin2:US.KY.125", "region:middle-east"'),
  geonameid: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  featureCode: z.string().nullable().describe('GeoNames feature code: PCLI, ADM1, ADM2, PPLA, PPLC, ... (CONT, RGN, OCN, SEA for continents, macro-regions and seas)'),
  precision: PlacePrecision,
  country: z.string().nullable().describe('ISO 3166-1 alpha-2 code'),
  admin1: z.string().nullable().describe('first-level region name'),
  part: z.string().nullable().describe('the part of the place named ("east" for "eastern Aleppo", "old city"), when the text names a part of it'),
  usage: PlaceUsage,
  within: z.string().nullable().describe('for a street, building or site no gazetteer holds ("Royal Street", "Barclays Center"): the name of the place the article puts it in, whose point, gazetteerId, country and admin1 it takes; null for places the gazetteer resolves'),
  mention: z.string().nullable().describe('id of the entity mention, if any'),
  score: z.number(),
});
export type Place = z.infer<typeof Place>;
