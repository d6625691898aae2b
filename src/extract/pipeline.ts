import type { Resources } from '../resources/resources.js';
import { segment } from '../segment/index.js';
import type { Analysis, Stage } from './analysis.js';
import { recognizeEntities } from './entities/index.js';
import { extractTimes } from './times/index.js';
import { resolvePlaces } from './places/index.js';
import { extractFigures } from './figures/index.js';
import { extractAttributions } from './attributions/index.js';
import { buildClaims } from './claims/index.js';
import { extractEvents } from './events/index.js';
import { computeToll } from './figures/toll.js';
import { findContradictions } from './claims/contradictions.js';

/** The stages in the order they run; each reads what the earlier ones found. */
export const STAGES: readonly [string, Stage][] = [
  ['entities', recognizeEntities],
  ['times', extractTimes],
  ['places', resolvePlaces],
  ['figures', extractFigures],
  ['attributions', extractAttributions],
  ['claims', buildClaims],
  ['events', extractEvents],
  ['toll', computeToll],
  ['contradictions', findContradictions],
];

export interface ArticleText {
  text: string;
  published?: string | null;
  title?: string | null;
  outlet?: string | null;
}

/** Runs every stage over one article text. Pure: the resources are passed in. */
export function runPipeline(input: ArticleText, res: Resources, stages = STAGES): Analysis {
  const seg = segment(input.text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
  const a: Analysis = {
    text: input.text, seg, published: input.published ?? null, title: input.title ?? null, outlet: input.outlet ?? null,
    mentions: [], entities: [], times: [], places: [], figures: [], attributions: [], claims: [], events: [],
    contradictions: [], toll: { killed: null, injured: null, figures: [] }, warnings: [],
  };
  if (!a.published) a.warnings.push('no publication date: relative times are left unresolved');
  for (const [, stage] of stages) stage(a, res);
  return a;
}
