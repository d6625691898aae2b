import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';

/** First version: finds nothing yet (see the issue for this stage). */
export function extractTimes(a: Analysis, res: Resources): void {
  void a; void res;
}
