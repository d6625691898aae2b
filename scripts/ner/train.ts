/**
 * Trains the name tagger and writes data/models/ner.bin.gz (sentence-level pass) and
 * data/models/ner-doc.bin.gz (document-level pass). Deterministic (fixed seed and order).
 *   npx tsx scripts/ner/train.ts [--sets conllpp/train,re3d/dev,meantime/dev] [--epochs N] [--seed N]
 *        [--eval conllpp/dev,...] [--cv re3d/dev,meantime/dev --folds 2] [--errors FILE] [--one-pass]
 *        [--weight re3d/dev:2,...] [--no-write | --out DIR]
 * Defaults (what `npm run train:ner` ships): the three sets above, 12 epochs, seed 1, min-count 2,
 * prune 0.02, jackknife 4 folds, two passes.
 * The second pass learns from first-pass labels that are themselves out-of-sample (jackknife over
 * --jack folds), so it sees the kind of mistakes the first pass makes on new text.
 * --cv gives honest scores for sets that are also training data: each fold of the set is tagged by
 * models trained without it (the written models are still trained on everything).
 * Reads the gold sets from ../shared/eval (SITREP_SHARED overrides); the texts never enter the package,
 * only the weights of the features that occur at least --min-count times.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadResources, packageRoot } from '../../src/resources/load.js';
import { extractFeatures, type DocFeatures, type FeatureLexicon } from '../../src/extract/entities/features.js';
import { LABELS, NUM_LABELS } from '../../src/extract/entities/labels.js';
import { decodeModel, encodeModel, type NerModel } from '../../src/extract/entities/model.js';
import { nerLexicon, MODEL_PATH, DOC_MODEL_PATH } from '../../src/extract/entities/lexicon.js';
import { tagLabels } from '../../src/extract/entities/tagger.js';
import { appendFeatures, documentFeatures } from '../../src/extract/entities/document.js';
import { readJsonl, trainDoc, TitleMatcher, type Convention, type GoldDoc, type TrainDoc } from './corpus.js';
import { train, type Indexed } from './perceptron.js';
import { errorLines, formatPrf, modelPredictor, scoreDocs, setFile, type Prf } from './evaluate.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

export interface TrainOptions { epochs: number; seed: number; minCount: number; prune: number; jack: number; twoPass: boolean; log: (s: string) => void }

/** Trains one pass on labelled documents with given features; returns the encoded model file. */
export function trainPass(docs: TrainDoc[], feats: DocFeatures[], o: TrainOptions, meta: Record<string, unknown>): Uint8Array {
  // feature table: hashes seen at least minCount times, rows in hash order (deterministic)
  const counts = new Map<number, number>();
  for (const f of feats) for (const h of f.feats) counts.set(h, (counts.get(h) ?? 0) + 1);
  const keys = Uint32Array.from([...counts].filter(([, c]) => c >= o.minCount).map(([h]) => h)).sort();
  const rowOf = new Map<number, number>();
  keys.forEach((h, i) => rowOf.set(h, i));
  o.log(`${counts.size} distinct features, ${keys.length} seen ${o.minCount}+ times; ${docs.reduce((a, d) => a + d.doc.tokens.length, 0)} tokens`);
  const data: Indexed[] = docs.map((td, i) => ({ td, rows: Int32Array.from(feats[i]!.feats, (h) => rowOf.get(h) ?? -1), offsets: feats[i]!.offsets }));
  const tr = train(data, keys.length, o.epochs, o.seed, o.log);
  // prune near-zero weights; drop features left with none
  const L = NUM_LABELS;
  const keptKeys: number[] = [], rowStart: number[] = [0], wLabel: number[] = [], wValue: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let any = false;
    for (let l = 0; l < L; l++) {
      const v = tr.w[r * L + l]!;
      if (Math.abs(v) >= o.prune) { wLabel.push(l); wValue.push(v); any = true; }
    }
    if (any) { keptKeys.push(keys[r]!); rowStart.push(wLabel.length); }
  }
  const bytes = encodeModel({
    header: { labels: [...LABELS], trainedOn: { ...meta, epochs: o.epochs, seed: o.seed, minCount: o.minCount, prune: o.prune } },
    keys: Uint32Array.from(keptKeys), rowStart: Uint32Array.from(rowStart), wLabel: Uint8Array.from(wLabel), wValue: Float32Array.from(wValue),
    trans: Float32Array.from(tr.trans), start: Float32Array.from(tr.start), end: Float32Array.from(tr.end),
  }, (b) => gzipSync(b, { level: 9 }));
  o.log(`model: ${keptKeys.length} features, ${wValue.length} weights, ${(bytes.length / 1e6).toFixed(2)} MB`);
  return bytes;
}

/** Both passes: the sentence-level model, and the document-level one trained on jackknifed first-pass labels. */
export function trainModels(docs: TrainDoc[], lex: FeatureLexicon, o: TrainOptions, meta: Record<string, unknown>): { s1: Uint8Array; s2: Uint8Array | null } {
  const base = docs.map((d) => extractFeatures(d.doc, lex));
  const s1 = trainPass(docs, base, o, { ...meta, pass: 'sentence' });
  if (!o.twoPass) return { s1, s2: null };
  const firstLabels: Int32Array[] = new Array(docs.length);
  // folds by document id, so that a repeated document never tags itself
  const ids = [...new Set(docs.map((d) => d.id))];
  const foldOfId = new Map(ids.map((id, k) => [id, k % o.jack]));
  const fold = docs.map((d) => foldOfId.get(d.id)!);
  for (let f = 0; f < o.jack; f++) {
    const idx = docs.map((_, i) => i).filter((i) => fold[i] !== f);
    const m = decodeModel(trainPass(idx.map((i) => docs[i]!), idx.map((i) => base[i]!), { ...o, log: () => {} }, {}));
    for (let i = 0; i < docs.length; i++) if (fold[i] === f) firstLabels[i] = tagLabels(docs[i]!.doc, m, base[i]!).labels;
    o.log(`jackknife fold ${f + 1}/${o.jack} tagged`);
  }
  const second = docs.map((d, i) => appendFeatures(base[i]!, documentFeatures(d.doc, firstLabels[i]!)));
  const s2 = trainPass(docs, second, o, { ...meta, pass: 'document', jackknife: o.jack });
  return { s1, s2 };
}

const t0 = Date.now();
const sets = arg('sets', 'conllpp/train,re3d/dev,meantime/dev').split(',').filter(Boolean);
const opts: TrainOptions = {
  epochs: Number(arg('epochs', '12')), seed: Number(arg('seed', '1')), minCount: Number(arg('min-count', '2')),
  prune: Number(arg('prune', '0.02')), jack: Number(arg('jack', '4')), twoPass: !process.argv.includes('--one-pass'),
  log: (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`),
};
const evalSets = arg('eval', '').split(',').filter(Boolean);
const cvSets = arg('cv', '').split(',').filter(Boolean);
const folds = Number(arg('folds', '2'));
const write = !process.argv.includes('--no-write');
// --out DIR: write the models there instead of data/models (e.g. to check that training is deterministic)
const outDir = arg('out', '');
// in-domain sets can count several times ("re3d/dev:2"): their documents are repeated in training
const weightOf = new Map(arg('weight', '').split(',').filter(Boolean).map((w) => [w.split(':')[0]!, Number(w.split(':')[1] ?? 1)]));
const repeat = (set: string, docs: TrainDoc[]) => Array.from({ length: weightOf.get(set) ?? 1 }, () => docs).flat();

const res = loadResources();
const lex = nerLexicon(res);
const titles = new TitleMatcher(res.list('ner-titles'));
const convOf = (set: string): Convention => (set.startsWith('re3d') ? 're3d' : set.startsWith('meantime') ? 'meantime' : 'conll');
const predictorOf = (m: { s1: Uint8Array; s2: Uint8Array | null }) => modelPredictor(decodeModel(m.s1), lex, res, m.s2 ? decodeModel(m.s2) : null);

const gold = new Map<string, GoldDoc[]>();
const labelled = new Map<string, TrainDoc[]>();
for (const set of sets) {
  let dropped = 0;
  const g = readJsonl(setFile(set));
  gold.set(set, g);
  labelled.set(set, g.map((d) => { const r = trainDoc(d, res, convOf(set), titles); dropped += r.dropped; return r.td; }));
  opts.log(`${set}: ${g.length} documents (${dropped} gold spans not on token boundaries, left unlabeled)`);
}

for (const cv of cvSets) {
  if (!labelled.has(cv)) throw new Error(`--cv ${cv}: not among --sets`);
  const all = { tp: 0, pred: 0, gold: 0 };
  const perType: Prf['perType'] = { PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0] };
  for (let f = 0; f < folds; f++) {
    const docs = sets.flatMap((s) => repeat(s, s === cv ? labelled.get(s)!.filter((_, i) => i % folds !== f) : labelled.get(s)!));
    const predict = predictorOf(trainModels(docs, lex, { ...opts, log: () => {} }, {}));
    const heldOut = gold.get(cv)!.filter((_, i) => i % folds === f);
    const s = scoreDocs(heldOut, predict);
    const errFile = arg('errors', '');
    if (errFile) appendFileSync(errFile, errorLines(heldOut, predict).join('\n') + '\n');
    all.tp += s.tp; all.pred += s.pred; all.gold += s.gold;
    for (const t of Object.keys(perType)) for (let k = 0; k < 3; k++) perType[t]![k]! += s.perType[t]![k]!;
  }
  const p = all.tp / all.pred, r = all.tp / all.gold;
  console.log(formatPrf(`${cv} (cv${folds})`, { ...all, p, r, f1: (2 * p * r) / (p + r), perType }));
}

// with --no-write and no --eval (a --cv run), the full models would be thrown away: skip them
const models = write || evalSets.length ? trainModels(sets.flatMap((s) => repeat(s, labelled.get(s)!)), lex, opts, { sets, weights: Object.fromEntries(weightOf) }) : null;
if (models && write) {
  const dir = outDir || join(packageRoot(), 'data');
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(join(dir, MODEL_PATH), models.s1);
  if (models.s2) writeFileSync(join(dir, DOC_MODEL_PATH), models.s2);
  opts.log(`wrote ${join(dir, MODEL_PATH)}${models.s2 ? ` and ${DOC_MODEL_PATH}` : ''}`);
}
if (models && evalSets.length) {
  const predict = predictorOf(models);
  for (const s of evalSets) console.log(formatPrf(s, scoreDocs(readJsonl(setFile(s)), predict)));
}
opts.log('done');
export type { NerModel };
