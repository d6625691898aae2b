import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Resources } from '../resources/resources.js';
import { analyzeArticle } from '../analyze.js';
import { articleFromJsonLine } from '../ingest/gold.js';
import { toContractLine } from '../model/contract.js';
import { InputError } from '../errors.js';
import type { LineSource } from './lines.js';
import type { Progress } from './progress.js';

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
  onError: (message: string) => void;
  progress?: Progress;
}

/**
 * Reads gold-format documents line by line and writes one output line per document, in order.
 * A bad line is reported through onError with its line number and skipped; the rest go on.
 */
export async function extractLines(src: LineSource, out: Writable, opts: ExtractOptions): Promise<ExtractSummary> {
  const summary: ExtractSummary = { documents: 0, failed: 0, blank: 0 };
  for await (const { line, lineNo, bytes } of src.lines()) {
    if (!line.trim()) {
      summary.blank++;
      continue;
    }
    let outLine: string;
    try {
      const article = articleFromJsonLine(line, lineNo);
      if (!article.published && opts.published) article.published = opts.published;
      const report = analyzeArticle(article, opts.res, opts.version);
      const id = article.id ?? report.document.id;
      outLine = JSON.stringify(opts.full ? report : toContractLine(id, report));
    } catch (e) {
      summary.failed++;
      opts.onError(e instanceof InputError ? e.message : `line ${lineNo}: extraction failed: ${(e as Error).message}`);
      continue;
    }
    summary.documents++;
    if (!out.write(outLine + '\n')) await once(out, 'drain');
    opts.progress?.update(summary.documents + summary.failed, bytes);
  }
  opts.progress?.stop();
  return summary;
}
