// A worker thread of the ingest pool: loads the resources once, then extracts articles.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../../article.js';
import { loadResources, packageVersion } from '../../resources/load.js';
import { prepareArticle } from './prepare.js';

const res = loadResources();
const version = packageVersion();
parentPort!.on('message', (msg: { seq: number; article: Article; origin: string | null }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ok: true, prepared: prepareArticle(msg.article, msg.origin, res, version) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, ok: false, error: (e as Error).message });
  }
});
