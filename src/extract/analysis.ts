import type { Segmented } from '../segment/types.js';
import type { Attribution, Claim, Contradiction, Entity, Event, Figure, Mention, Place, TimeRef, Toll } from '../model/index.js';

/**
 * The shared state of one article as it goes through the pipeline (spaCy's Doc, chrono's results):
 * each stage reads what earlier stages found and fills its own fields. Stages do no I/O.
 */
export interface Analysis {
  text: string;
  seg: Segmented;
  /** publication date YYYY-MM-DD, or null when unknown */
  published: string | null;
  title: string | null;
  outlet: string | null;
  mentions: Mention[];
  entities: Entity[];
  times: TimeRef[];
  places: Place[];
  figures: Figure[];
  attributions: Attribution[];
  claims: Claim[];
  events: Event[];
  contradictions: Contradiction[];
  toll: Toll;
  warnings: string[];
}

export type Stage = (a: Analysis, res: import('../resources/resources.js').Resources) => void;
