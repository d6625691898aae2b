import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Resources } from '../resources/resources.js';
import type { LineSource } from './lines.js';
import type { Progress } from './progress.js';
import { runLineJob, type LineJob, type LineResult } from './job.js';
import { ExtractionPool } from './pool.js';

export interface ExtractSummary {
  documents: number;
  failed: number;
  blank: number;
}

export interface ExtractOptions {
  res: Resources;
  version: string;
  /** write the whole report instead of the evaluation contract line */
  full?: boolean;
  /** --published: the date for documents that have none */
  published?: string | null;
  /** worker threads (1: extract in this thread) */
  jobs?: number;
  onError: (message: string) => void;
  progress?: Progress;
}

/**
 * Reads gold-format documents line by line and writes one output line per document, in input order.
 * A bad line is reported through onError with its line number and skipped; the rest go on. With
 * several jobs, documents are extracted in worker threads; at most a fixed number are in flight,
 * so memory stays flat whatever the input size.
 */
export async function extractLines(src: LineSource, out: Writable, opts: ExtractOptions): Promise<ExtractSummary> {
  const summary: ExtractSummary = { documents: 0, failed: 0, blank: 0 };
  const jobs = Math.max(1, opts.jobs ?? 1);
  const pool = jobs > 1 ? new ExtractionPool(jobs) : null;
  const inFlight: { result: Promise<LineResult>; bytes: number }[] = [];
  const maxInFlight = jobs * 16;

  const emit = async (r: LineResult, bytes: number) => {
    if (r.ok) {
      summary.documents++;
      if (!out.write(r.out + '\n')) await once(out, 'drain');
    } else {
      summary.failed++;
      opts.onError(r.error);
    }
    opts.progress?.update(summary.documents + summary.failed, bytes);
  };

  try {
    for await (const { line, lineNo, bytes } of src.lines()) {
      if (!line.trim()) {
        summary.blank++;
        continue;
      }
      const job: LineJob = { line, lineNo, full: Boolean(opts.full), published: opts.published ?? null };
      if (!pool) {
        await emit(runLineJob(job, opts.res, opts.version), bytes);
        continue;
      }
      inFlight.push({ result: pool.submit(job), bytes });
      if (inFlight.length >= maxInFlight) {
        const first = inFlight.shift()!;
        await emit(await first.result, first.bytes);
      }
    }
    while (inFlight.length) {
      const first = inFlight.shift()!;
      await emit(await first.result, first.bytes);
    }
  } finally {
    await pool?.close();
    opts.progress?.stop();
  }
  return summary;
}
