import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchDoc {
  id: string;
  text: string;
  published: string | null;
}

/**
 * Real text to measure on: the FA-KES Syrian-war articles (CC BY 4.0) from ../shared when present,
 * else the project's own example articles.
 */
export function benchCorpus(root: string): { name: string; docs: BenchDoc[] } {
  const fakes = join(root, '..', 'shared', 'eval', 'fakes', 'all.jsonl');
  if (existsSync(fakes)) {
    const docs = readFileSync(fakes, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
      const d = JSON.parse(l) as { id: string; text: string; published: string | null };
      return { id: d.id, text: d.text, published: d.published };
    });
    return { name: 'FA-KES (792 Syrian-war articles)', docs };
  }
  const dir = join(root, 'examples');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: readFileSync(join(dir, f), 'utf8'), published: null }));
  return { name: 'examples/*.txt', docs };
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
