// Trains the attribution cue classifier on PolNeAR train and writes data/models/attrib-cue.json.
// npm run train:attrib [-- --train PATH --dev PATH --epochs N --threshold P]
// Deterministic: fixed candidate order, a seeded shuffle, AdaGrad logistic regression. The model holds
// feature weights and a vocabulary of cue words only (no text of the corpus).
// The features read the segmenter's tokens and the structures of structure.ts: retrain after changing either
// (two runs on the same tree give byte-identical files; check with sha256sum).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { makeCtx } from '../../src/extract/attributions/context.js';
import { anyCandidateAt } from '../../src/extract/attributions/cues.js';
import { cueFeatures } from '../../src/extract/attributions/features.js';
import { structureOf } from '../../src/extract/attributions/structure.js';
import { CUE_MODEL_PATH, type CueModel } from '../../src/extract/attributions/model.js';
import { examples, goldHeads, lex, mulberry32, read, segLex } from './examples.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] ? args[k + 1]! : dflt;
};
const root = packageRoot();
const trainFile = opt('train', join(root, '..', 'shared', 'eval', 'polnear', 'train.jsonl'));
const devFile = opt('dev', join(root, '..', 'shared', 'eval', 'polnear', 'dev.jsonl'));
const EPOCHS = Number(opt('epochs', '6'));
const THRESHOLD = Number(opt('threshold', '0.4'));
const MIN_VOCAB = Number(opt('min-vocab', '2')); // a word must head a gold cue this often to become a candidate
const MIN_RATE = 0.04; // ... and head one in this share of its occurrences ("of", "in" never pay off)
const MIN_FEATURE = Number(opt('min-feature', '2')); // features seen fewer times are dropped
const LR = Number(opt('lr', '0.05'));
const L2 = Number(opt('l2', '1e-6'));

const t0 = Date.now();
const train = read(trainFile);
const first = examples(train, null);
const vocab = new Set([...first.headWords].filter(([w, n]) => n >= MIN_VOCAB && n / first.wordCounts.get(w)! >= MIN_RATE).map(([w]) => w));
const counts = new Map<string, number>();
const { ex } = examples(train, vocab, counts);
console.log(`train: ${train.length} docs, ${first.nGold} gold cue heads, ${ex.length} candidates (${ex.filter((e) => e.y).length} positive), vocab ${vocab.size}, ${counts.size} features`);

// AdaGrad logistic regression
const index = new Map<string, number>();
for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= MIN_FEATURE) index.set(f, index.size);
const w = new Float64Array(index.size), g2 = new Float64Array(index.size).fill(1e-8);
const rows = ex.map((e) => ({ idx: e.feats.map((f) => index.get(f)).filter((k): k is number => k !== undefined), y: e.y }));
const rand = mulberry32(20161212);
const AVG_FROM = Number(opt('avg-from', String(EPOCHS))); // epochs from this one on are averaged (default: none)
const avg = new Float64Array(index.size);
let nAvg = 0;
const order = rows.map((_, k) => k);
for (let ep = 0; ep < EPOCHS; ep++) {
  for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rand() * (k + 1)); [order[k], order[j]] = [order[j]!, order[k]!]; }
  let loss = 0;
  for (const k of order) {
    const r = rows[k]!;
    let z = 0;
    for (const i of r.idx) z += w[i]!;
    const p = 1 / (1 + Math.exp(-z));
    loss += -(r.y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
    const g = p - r.y;
    for (const i of r.idx) {
      const gi = g + L2 * w[i]!;
      g2[i]! += gi * gi;
      w[i]! -= (LR / Math.sqrt(g2[i]!)) * gi;
    }
  }
  console.log(`epoch ${ep + 1}: mean loss ${(loss / rows.length).toFixed(4)}`);
  // average the weights over the later epochs (Polyak averaging: steadier than the last iterate)
  if (ep >= AVG_FROM) { for (let i = 0; i < w.length; i++) avg[i]! += w[i]!; nAvg++; }
}
if (nAvg > 0) for (let i = 0; i < w.length; i++) w[i] = avg[i]! / nAvg;

const weights: Record<string, number> = {};
for (const [f, k] of index) if (Math.abs(w[k]!) >= 1e-3) weights[f] = Math.round(w[k]! * 1e4) / 1e4;
const model: CueModel = {
  version: 1, threshold: THRESHOLD, vocab: [...vocab].sort(), weights,
  trainedOn: 'PolNeAR v1.0.0 train split (840 articles), cue heads; see scripts/attrib/train.ts',
};
mkdirSync(join(root, 'data', 'models'), { recursive: true });
writeFileSync(join(root, 'data', CUE_MODEL_PATH), JSON.stringify(model) + '\n');
console.log(`wrote data/${CUE_MODEL_PATH}: ${Object.keys(weights).length} weights (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

// cue-head precision/recall on dev at a few thresholds (the end-to-end score comes from the eval command)
try {
  const dev = read(devFile);
  const wm = new Map(Object.entries(weights));
  const scored: { p: number; y: number }[] = [];
  let nGold = 0;
  for (const d of dev) {
    const ctx = makeCtx(segment(d.text, segLex), lex);
    const heads = goldHeads(ctx, d);
    nGold += heads.size;
    for (let i = 0; i < ctx.toks.length; i++) {
      const wd = ctx.lower[i]!;
      if (lex.noncues.get(wd) === 'never' || !(vocab.has(wd) || lex.verbs.has(wd) || lex.nouns.has(wd) || lex.phrases.matchAt(ctx.toks, i))) continue;
      const c = anyCandidateAt(ctx, i);
      if (!c) continue;
      let z = 0;
      for (const f of cueFeatures(ctx, c, structureOf(ctx, c, null))) z += wm.get(f) ?? 0;
      scored.push({ p: 1 / (1 + Math.exp(-z)), y: heads.has(i) ? 1 : 0 });
    }
  }
  for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    const tp = scored.filter((s) => s.p >= th && s.y).length, np = scored.filter((s) => s.p >= th).length;
    console.log(`dev cue heads @${th}: P ${(tp / np).toFixed(3)} R ${(tp / nGold).toFixed(3)} F1 ${((2 * tp) / (np + nGold)).toFixed(3)}`);
  }
} catch (e) {
  console.log(`no dev check: ${(e as Error).message}`);
}
