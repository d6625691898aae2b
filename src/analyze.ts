import type { Resources } from './resources/resources.js';
import { runPipeline } from './extract/pipeline.js';
import type { Report } from './model/report.js';
import { type Article, sha256 } from './article.js';

/** Extracts everything sitrep reads from one article. Pure given the resources. */
export function analyzeArticle(article: Article, res: Resources, version: string): Report {
  const a = runPipeline({ text: article.text, published: article.published ?? null, title: article.title ?? null, outlet: article.outlet ?? null }, res);
  const hash = sha256(article.text);
  return {
    sitrep: version,
    document: {
      id: article.id ?? hash,
      url: article.url ?? null,
      outlet: article.outlet ?? null,
      title: article.title ?? null,
      byline: article.byline ?? null,
      published: article.published ?? null,
      publishedPrecision: article.published ? article.publishedPrecision ?? 'day' : 'unknown',
      language: article.language ?? 'en',
      fetchedAt: article.fetchedAt ?? null,
      encoding: article.encoding ?? null,
      contentHash: hash,
    },
    text: article.text,
    mentions: a.mentions,
    entities: a.entities,
    times: a.times,
    places: a.places,
    figures: a.figures,
    attributions: a.attributions,
    claims: a.claims,
    events: a.events,
    contradictions: a.contradictions,
    toll: a.toll,
    warnings: a.warnings,
  };
}
