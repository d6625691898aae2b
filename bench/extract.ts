// Extraction speed of sitrep against peers on the same real articles, measured in one run.
// Usage: npm run bench:extract [-- --rounds N]
// Absolute numbers are noisy on a shared 2-core machine; read the ratios.
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadResources, packageRoot } from '../src/resources/load.js';
import { runPipeline } from '../src/extract/pipeline.js';
import { segment } from '../src/segment/index.js';
import { benchCorpus, median } from './corpus.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const { name, docs } = benchCorpus(packageRoot());
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const res = loadResources();
const lex = { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') };
const wink = winkNLP(model);

const systems: [string, (d: (typeof docs)[number]) => unknown][] = [
  ['sitrep: full pipeline', (d) => runPipeline({ text: d.text, published: d.published }, res)],
  ['sitrep: segmentation only', (d) => segment(d.text, lex)],
  ['compromise: people/places/organizations', (d) => { const doc = nlp(d.text); return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')]; }],
  ['chrono-node: dates', (d) => chrono.parse(d.text, d.published ? new Date(d.published) : new Date())],
  ['wink-nlp: tokens, sentences, entities', (d) => { const doc = wink.readDoc(d.text); return [doc.sentences().length(), doc.entities().out()]; }],
];

// warm up every system once (JIT, lazy resources), then time whole passes over the corpus
for (const [, run] of systems) for (const d of docs.slice(0, 20)) run(d);
const rows = systems.map(([label, run]) => {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of docs) run(d);
    times.push((performance.now() - t0) / 1000);
  }
  return { label, secs: median(times) };
});
const base = rows[0]!.secs;
console.log(`corpus: ${name}: ${docs.length} documents, ${(chars / 1e6).toFixed(2)} M characters; median of ${rounds} passes, one thread\n`);
console.log('| system | docs/s | chars/s | time vs sitrep full pipeline |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${(docs.length / r.secs).toFixed(0)} | ${(chars / r.secs / 1000).toFixed(0)}k | ${(r.secs / base).toFixed(2)}x |`);
