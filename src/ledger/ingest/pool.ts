import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../article.js';
import type { Resources } from '../../resources/resources.js';
import type { PreparedArticle } from '../store.js';
import { prepareArticle } from './prepare.js';

export type Prepared = { ok: true; prepared: PreparedArticle } | { ok: false; error: string };

/** Where extraction runs: worker threads (compiled code), or this thread. */
export interface Extractor {
  submit(article: Article, origin: string | null): Promise<Prepared>;
  close(): Promise<void>;
}

/** Extraction in this thread. */
export function inlineExtractor(res: Resources, version: string): Extractor {
  return {
    async submit(article, origin) {
      try {
        return { ok: true, prepared: prepareArticle(article, origin, res, version) };
      } catch (e) {
        return { ok: false, error: `extraction failed: ${(e as Error).message}` };
      }
    },
    async close() {},
  };
}

/** Extraction in worker threads, the least busy one taking each article. */
export function workerExtractor(size: number): Extractor {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  const workers: Worker[] = [];
  const load: number[] = [];
  const waiting = new Map<number, (r: Prepared) => void>();
  let seq = 0;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure = e;
    for (const done of waiting.values()) done({ ok: false, error: `extraction worker failed: ${e.message}` });
    waiting.clear();
  };
  for (let i = 0; i < size; i++) {
    const w = new Worker(file);
    w.on('message', (m: { seq: number; ok: boolean; prepared?: PreparedArticle; error?: string }) => {
      load[i]!--;
      const done = waiting.get(m.seq);
      waiting.delete(m.seq);
      done?.(m.ok ? { ok: true, prepared: m.prepared! } : { ok: false, error: `extraction failed: ${m.error}` });
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0 && !failure) fail(new Error(`exited with code ${code}`));
    });
    workers.push(w);
    load.push(0);
  }
  return {
    submit(article, origin) {
      if (failure) return Promise.resolve({ ok: false, error: `extraction worker failed: ${failure.message}` });
      const s = seq++;
      let k = 0;
      for (let i = 1; i < load.length; i++) if (load[i]! < load[k]!) k = i;
      load[k]!++;
      return new Promise((resolve) => {
        waiting.set(s, resolve);
        workers[k]!.postMessage({ seq: s, article, origin });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
