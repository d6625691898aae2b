import type { Ledger } from './db/connect.js';
import { consolidate, needsConsolidation } from './consolidate.js';
import { loadResources } from '../resources/load.js';

/** Brings the derived tables up to date before reading them (after an ingest killed or run with --no-consolidate). */
export async function ensureConsolidated(ledger: Ledger): Promise<void> {
  if (await needsConsolidation(ledger)) await consolidate(ledger, loadResources());
}
