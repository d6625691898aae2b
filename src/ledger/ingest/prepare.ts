import { sha256, type Article } from '../../article.js';
import { analyzeArticle } from '../../analyze.js';
import type { Resources } from '../../resources/resources.js';
import { signature, signatureToHex } from '../build/minhash.js';
import { articleRows } from '../build/rows.js';
import { articleId, articleKey, type PreparedArticle } from '../store.js';

/** The identity of an article before extraction: enough to tell whether it is stored already. */
export function identify(article: Article): { key: string; contentHash: string; id: string } {
  const contentHash = sha256(article.text);
  const key = articleKey(article, contentHash);
  return { key, contentHash, id: articleId(key, contentHash) };
}

/** Extracts an article and reads it into the ledger's rows (CPU only: runs in a worker thread). */
export function prepareArticle(article: Article, origin: string | null, res: Resources, version: string): PreparedArticle {
  const { key, contentHash, id } = identify(article);
  const report = analyzeArticle(article, res, version);
  return {
    id,
    key,
    contentHash,
    article,
    origin,
    report,
    signature: signatureToHex(signature(article.text)),
    rows: articleRows(report, id, article.outlet ?? null),
  };
}
