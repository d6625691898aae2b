// Speed of the attribution, claims and contradiction stages alone over a gold file's texts:
// npx tsx scripts/attrib/bench.ts [GOLD.jsonl] [reps]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../src/extract/pipeline.js';
import { loadResources, packageRoot } from '../../src/resources/load.js';
import { extractAttributions } from '../../src/extract/attributions/index.js';
import { buildClaims } from '../../src/extract/claims/index.js';
import { findContradictions } from '../../src/extract/claims/contradictions.js';

const file = process.argv[2] ?? join(packageRoot(), '..', 'shared', 'eval', 'polnear', 'dev.jsonl');
const reps = Number(process.argv[3] ?? '5');
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; published?: string });
const res = loadResources();
const as = docs.map((d) => runPipeline({ text: d.text, published: d.published ?? null }, res, []));
const stage = (a: (typeof as)[number]) => { extractAttributions(a, res); buildClaims(a, res); findContradictions(a, res); };
for (const a of as) stage(a); // warm-up (loads the model)
let best = Infinity;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  for (const a of as) stage(a);
  best = Math.min(best, (performance.now() - t0) / as.length);
}
const chars = docs.reduce((n, d) => n + d.text.length, 0) / docs.length;
console.log(`${docs.length} docs (${chars.toFixed(0)} chars each): best ${best.toFixed(2)} ms/doc = ${(1000 / best).toFixed(0)} docs/s for attributions + claims + contradictions`);
