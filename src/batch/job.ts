import type { Resources } from '../resources/resources.js';
import { analyzeArticle } from '../analyze.js';
import { articleFromJsonLine } from '../ingest/gold.js';
import { toContractLine } from '../model/contract.js';
import { InputError } from '../errors.js';

export interface LineJob {
  line: string;
  lineNo: number;
  full: boolean;
  published: string | null;
}

export type LineResult = { ok: true; out: string } | { ok: false; error: string };

/** Extracts one JSON Lines document into its output line, or says why it could not. */
export function runLineJob(job: LineJob, res: Resources, version: string): LineResult {
  try {
    const article = articleFromJsonLine(job.line, job.lineNo);
    if (!article.published && job.published) article.published = job.published;
    const report = analyzeArticle(article, res, version);
    return { ok: true, out: JSON.stringify(job.full ? report : toContractLine(article.id ?? report.document.id, report)) };
  } catch (e) {
    return { ok: false, error: e instanceof InputError ? e.message : `line ${job.lineNo}: extraction failed: ${(e as Error).message}` };
  }
}
