import type { Ledger } from '../db/connect.js';
import type { Resources } from '../../resources/resources.js';
import type { Progress } from '../../batch/progress.js';
import { consolidate, ledgerCounts, type ConsolidateSummary, type LedgerCounts } from '../consolidate.js';
import { isStored, writeArticle, type WriteOutcome } from '../store.js';
import { identify } from './prepare.js';
import { inlineExtractor, workerExtractor, type Prepared } from './pool.js';
import { readInputs, type InputItem } from './sources.js';

export interface IngestSummary {
  read: number;
  new: number;
  updated: number;
  duplicate: number;
  failed: number;
  failures: { origin: string; reason: string }[];
  seconds: number;
  /** the rebuild of stories, records and contradictions, when anything changed */
  consolidated: ConsolidateSummary | null;
  /** what the ledger holds afterwards */
  ledger: LedgerCounts | null;
}

export interface IngestOptions {
  res: Resources;
  version: string;
  /** worker threads for extraction (1: this thread) */
  jobs?: number;
  /** date for articles that give none */
  published?: string | null;
  /** rebuild stories, records and contradictions at the end (default true) */
  consolidate?: boolean;
  /** watch: fetch a feed item's page only when this says so */
  wantLink?: (url: string) => Promise<boolean>;
  progress?: Progress;
  /** stop taking new inputs (SIGINT); what is in flight is still written */
  signal?: { stopped: boolean };
}

/** Keeps the first reasons in full and counts the rest. */
const MAX_REASONS = 1000;

/**
 * Reads every input, extracts what is not stored yet (in worker threads, outside any transaction)
 * and writes each article with its rows in one transaction. Articles already stored are recognised
 * before extraction (content hash and key), so running the same command again, after a crash or
 * not, only does the missing work. Stories, records and contradictions are rebuilt at the end.
 */
export async function ingest(ledger: Ledger, inputs: readonly string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const s: IngestSummary = { read: 0, new: 0, updated: 0, duplicate: 0, failed: 0, failures: [], seconds: 0, consolidated: null, ledger: null };
  const jobs = Math.max(1, opts.jobs ?? 1);
  const extractor = jobs > 1 ? workerExtractor(jobs) : inlineExtractor(opts.res, opts.version);
  const inFlight: { origin: string; result: Promise<Prepared> }[] = [];
  const maxInFlight = jobs * 8;
  let bytes = 0;
  const fail = (origin: string, reason: string) => {
    s.failed++;
    if (s.failures.length < MAX_REASONS) s.failures.push({ origin, reason });
  };
  const tick = () => opts.progress?.update(s.new + s.updated + s.duplicate + s.failed, bytes);
  const finish = async (origin: string, result: Promise<Prepared>) => {
    const r = await result;
    if (!r.ok) fail(origin, r.error);
    else {
      let outcome: WriteOutcome;
      try {
        outcome = await writeArticle(ledger, r.prepared, opts.version);
      } catch (e) {
        fail(origin, `could not be stored: ${(e as Error).message}`);
        tick();
        return;
      }
      s[outcome]++;
    }
    tick();
  };
  try {
    const items: AsyncGenerator<InputItem> = readInputs(inputs, { published: opts.published, wantLink: opts.wantLink, onBytes: (b) => (bytes = b) });
    for await (const item of items) {
      if (opts.signal?.stopped) break;
      s.read++;
      if (item.error !== undefined) {
        fail(item.origin, item.error);
        tick();
        continue;
      }
      const { key, contentHash } = identify(item.article);
      if (await isStored(ledger, key, contentHash)) {
        s.duplicate++;
        tick();
        continue;
      }
      inFlight.push({ origin: item.origin, result: extractor.submit(item.article, item.origin) });
      if (inFlight.length >= maxInFlight) {
        const first = inFlight.shift()!;
        await finish(first.origin, first.result);
      }
    }
    while (inFlight.length) {
      const first = inFlight.shift()!;
      await finish(first.origin, first.result);
    }
  } finally {
    await extractor.close();
    opts.progress?.stop();
  }
  if (opts.consolidate !== false) {
    s.consolidated = await consolidate(ledger, opts.res);
    s.ledger = await ledgerCounts(ledger);
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

/** The closing summary of an ingest, for a person. */
export function summaryText(s: IngestSummary, where: string): string {
  const lines = [`${s.read} read: ${s.new} new, ${s.updated} updated, ${s.duplicate} duplicate, ${s.failed} failed (${s.seconds.toFixed(1)} s) -> ${where}`];
  if (s.ledger) {
    const c = s.ledger;
    lines.push(`ledger: ${c.articles} current articles in ${c.stories} stories; ${c.figureRecords} figure and ${c.eventRecords} event records; ${c.contradictions} contradictions`);
  }
  if (s.failures.length) {
    lines.push('failed:');
    for (const f of s.failures.slice(0, 20)) lines.push(`  ${f.origin}: ${f.reason}`);
    if (s.failed > 20) lines.push(`  ... and ${s.failed - 20} more`);
  }
  return lines.join('\n') + '\n';
}
