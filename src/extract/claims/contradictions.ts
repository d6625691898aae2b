import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';

/** First version: finds nothing yet. */
export function findContradictions(a: Analysis, res: Resources): void {
  void a; void res;
}
