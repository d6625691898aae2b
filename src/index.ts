/**
 * sitrep as a library:
 *   import { analyze } from 'sitrep';
 *   const report = analyze({ text, published: '2016-12-12' });
 */
import { analyzeArticle } from './analyze.js';
import { loadResources, packageVersion } from './resources/load.js';
import type { Article } from './article.js';
import type { Report } from './model/report.js';

export * from './model/index.js';
export type { Article } from './article.js';
export { analyzeArticle } from './analyze.js';
export { readArticles, plainTextArticle } from './ingest/read.js';
export { articleFromHtml } from './ingest/html.js';
export { decodeText } from './ingest/decode.js';
export { segment } from './segment/index.js';
export type { Segmented, Token, Sentence, Paragraph, QuoteSpan } from './segment/index.js';
export { runPipeline, STAGES } from './extract/pipeline.js';
export type { Analysis } from './extract/analysis.js';
export { loadResources, memoryResourcesFrom } from './resources/public.js';
export type { Resources } from './resources/resources.js';
export { InputError } from './errors.js';

/** Everything sitrep reads from one article, with the resources shipped in the package. */
export function analyze(article: Article): Report {
  return analyzeArticle(article, loadResources(), packageVersion());
}
