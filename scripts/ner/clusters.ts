/**
 * Derives word clusters and capitalisation priors from unlabeled news and writes
 * data/models/ner-clusters.tsv: word, cluster ids at three granularities (coarse to fine), and how
 * often the word is capitalised in mid-sentence running text (bucket 0..4).
 * Only these derived numbers and the vocabulary ship, never the texts.
 *
 * Texts: only sets the project trains on (TRAINING_TEXTS below: conllpp/train, re3d/dev, meantime/dev,
 * polnear/train, tempeval3/train under ../shared/eval). Sets we score on (conllpp/dev, polnear/dev,
 * lgl, geowebnews, geovirus, gva, case2021, wikiwars, ...) must stay out, or their vocabulary and
 * casing would leak into the features and flatter the scores.
 *
 * Method: each word of the vocabulary is described by its neighbours one and two words left and right
 * (the most frequent words, others by shape), weighted by positive PMI, reduced to 100 dimensions by a
 * randomised truncated SVD (seeded), normalised, and clustered with k-means (k-means++ seeding) at several k.
 * Deterministic: files read in the fixed order of TRAINING_TEXTS, fixed seed.
 * Rebuild order: this script, then scripts/ner/gazetteers.ts (it reads the capitalisation priors), then
 * `npm run train:ner` (the features read both).
 *   npx tsx scripts/ner/clusters.ts [--min-count 4] [--dims 100] [--k 64,256,1024] [--contexts 4000] [--seed 7] [--out FILE]
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResources, packageRoot } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { nerDoc } from '../../src/extract/entities/doc.js';
import { longShape, shortShape } from '../../src/extract/entities/features.js';
import { CLUSTERS_PATH } from '../../src/extract/entities/lexicon.js';
import { prng } from './perceptron.js';
import { SHARED, setFile } from './evaluate.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const t0 = Date.now();
const log = (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const minCount = Number(arg('min-count', '4'));
const dims = Number(arg('dims', '100'));
const ks = arg('k', '64,256,1024').split(',').map(Number);
const contextSize = Number(arg('contexts', '4000'));
const seed = Number(arg('seed', '7'));

/** The unlabeled texts: training sets only (see the header); fixed order for determinism. */
const TRAINING_TEXTS = ['conllpp/train', 're3d/dev', 'meantime/dev', 'polnear/train', 'tempeval3/train'];

const res = loadResources();
const lex = { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') };
// pass 1: token streams (lower-cased forms) and case statistics
const streams: string[][] = [];
const freq = new Map<string, number>();
const capMid = new Map<string, number>(), allMid = new Map<string, number>();
const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const file of TRAINING_TEXTS.map(setFile)) {
  let docs = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text: string }).text;
    const doc = nerDoc(segment(text, lex));
    for (const s of doc.sentences) {
      const words: string[] = [];
      for (let i = s.first; i < s.end; i++) {
        const t = doc.tokens[i]!;
        words.push(t.lower);
        inc(freq, t.lower);
        if (!s.allCaps && i > s.first && /\p{L}/u.test(t.raw)) {
          const prev = doc.tokens[i - 1]!.norm;
          if (!/^["'(\[:-]$/.test(prev)) {
            inc(allMid, t.lower);
            if (/^\p{Lu}/u.test(t.raw)) inc(capMid, t.lower);
          }
        }
      }
      streams.push(words);
    }
    docs++;
  }
  log(`${file.slice(SHARED.length + 1)}: ${docs} documents`);
}
const vocab = [...freq].filter(([w, c]) => c >= minCount && /\p{L}/u.test(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
const vid = new Map(vocab.map((w, i) => [w, i]));
log(`${streams.length} sentences, ${freq.size} forms, vocabulary ${vocab.length} (count >= ${minCount})`);

// contexts: the most frequent forms (any kind), others by shape class; left and right apart
const ctxWords = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, contextSize).map(([w]) => w);
const cid = new Map(ctxWords.map((w, i) => [w, i]));
const shapeIds = new Map<string, number>();
const ctxOf = (w: string | undefined): number => {
  if (w === undefined) return contextSize; // sentence edge
  const c = cid.get(w);
  if (c !== undefined) return c;
  const sh = 'S:' + shortShape(longShape(w)).slice(0, 6);
  let s = shapeIds.get(sh);
  if (s === undefined) shapeIds.set(sh, (s = shapeIds.size));
  return contextSize + 1 + s;
};
// sparse counts per vocabulary word: key = side * 2^20 + context id
const co: Map<number, number>[] = vocab.map(() => new Map());
for (const ws of streams) {
  for (let i = 0; i < ws.length; i++) {
    const v = vid.get(ws[i]!);
    if (v === undefined) continue;
    const m = co[v]!;
    for (const [side, j] of [[0, i - 1], [1, i + 1], [2, i - 2], [3, i + 2]] as const) {
      const key = side * 1048576 + ctxOf(ws[j]);
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
}
// PPMI matrix (sparse rows), then a truncated SVD by randomised range finding (Halko et al. 2011)
const ctxTotal = new Map<number, number>();
let total = 0;
for (const m of co) for (const [k, c] of m) { ctxTotal.set(k, (ctxTotal.get(k) ?? 0) + c); total += c; }
const colOf = new Map<number, number>();
for (const k of [...ctxTotal.keys()].sort((a, b) => a - b)) colOf.set(k, colOf.size);
const V = vocab.length, NC = colOf.size;
const rowPtr = new Int32Array(V + 1);
const cols: number[] = [], vals: number[] = [];
for (let v = 0; v < V; v++) {
  const m = co[v]!;
  let wTotal = 0;
  for (const c of m.values()) wTotal += c;
  for (const k of [...m.keys()].sort((a, b) => a - b)) {
    const pmi = Math.log((m.get(k)! * total) / (wTotal * ctxTotal.get(k)!));
    if (pmi <= 0) continue;
    cols.push(colOf.get(k)!);
    vals.push(pmi * (Math.floor(k / 1048576) >= 2 ? 0.5 : 1));
  }
  rowPtr[v + 1] = cols.length;
}
const colIdx = Int32Array.from(cols), val = Float64Array.from(vals);
log(`PPMI: ${V} x ${NC}, ${val.length} non-zero`);
const r = dims + 16;
const gauss = prng(seed);
const normal = () => Math.sqrt(-2 * Math.log(gauss() + 1e-12)) * Math.cos(2 * Math.PI * gauss());
/** A (V x NC) times M (NC x r) */
const mulA = (M: Float64Array) => {
  const out = new Float64Array(V * r);
  for (let v = 0; v < V; v++) for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) {
    const a = val[p]!, c = colIdx[p]! * r, o = v * r;
    for (let j = 0; j < r; j++) out[o + j] += a * M[c + j]!;
  }
  return out;
};
/** A^T (NC x V) times Y (V x r) */
const mulAt = (Y: Float64Array) => {
  const out = new Float64Array(NC * r);
  for (let v = 0; v < V; v++) for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) {
    const a = val[p]!, c = colIdx[p]! * r, o = v * r;
    for (let j = 0; j < r; j++) out[c + j] += a * Y[o + j]!;
  }
  return out;
};
/** Orthonormalises the r columns of a (rows x r) matrix in place (modified Gram-Schmidt). */
const orthonormalize = (Y: Float64Array, rows: number) => {
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let v = 0; v < rows; v++) dot += Y[v * r + i]! * Y[v * r + j]!;
      for (let v = 0; v < rows; v++) Y[v * r + j] -= dot * Y[v * r + i]!;
    }
    let norm = 0;
    for (let v = 0; v < rows; v++) norm += Y[v * r + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let v = 0; v < rows; v++) Y[v * r + j] /= norm;
  }
};
const omega = new Float64Array(NC * r);
for (let i = 0; i < omega.length; i++) omega[i] = normal();
let Q = mulA(omega);
orthonormalize(Q, V);
for (let it = 0; it < 3; it++) {
  const Z = mulAt(Q);
  orthonormalize(Z, NC);
  Q = mulA(Z);
  orthonormalize(Q, V);
}
// B = Q^T A (r x NC); eigen-decompose B B^T (r x r) with Jacobi rotations
const Bt = mulAt(Q); // NC x r, = B^T
const G = new Float64Array(r * r);
for (let c = 0; c < NC; c++) for (let i = 0; i < r; i++) { const bi = Bt[c * r + i]!; if (bi === 0) continue; for (let j = 0; j < r; j++) G[i * r + j] += bi * Bt[c * r + j]!; }
const E = new Float64Array(r * r);
for (let i = 0; i < r; i++) E[i * r + i] = 1;
for (let sweep = 0; sweep < 30; sweep++) {
  let off = 0;
  for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) off += G[p * r + q]! ** 2;
  if (off < 1e-18) break;
  for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) {
    const apq = G[p * r + q]!;
    if (Math.abs(apq) < 1e-30) continue;
    const theta = (G[q * r + q]! - G[p * r + p]!) / (2 * apq);
    const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    const c = 1 / Math.sqrt(t * t + 1), s = t * c;
    for (let k = 0; k < r; k++) {
      const gkp = G[k * r + p]!, gkq = G[k * r + q]!;
      G[k * r + p] = c * gkp - s * gkq; G[k * r + q] = s * gkp + c * gkq;
    }
    for (let k = 0; k < r; k++) {
      const gpk = G[p * r + k]!, gqk = G[q * r + k]!;
      G[p * r + k] = c * gpk - s * gqk; G[q * r + k] = s * gpk + c * gqk;
    }
    for (let k = 0; k < r; k++) {
      const ekp = E[k * r + p]!, ekq = E[k * r + q]!;
      E[k * r + p] = c * ekp - s * ekq; E[k * r + q] = s * ekp + c * ekq;
    }
  }
}
const order = Array.from({ length: r }, (_, i) => i).sort((a, b) => G[b * r + b]! - G[a * r + a]!).slice(0, dims);
// word vectors: U * sqrt(S) (eigenvalue weighting p = 0.5), rows normalised
const X = new Float32Array(V * dims);
for (let v = 0; v < V; v++) {
  let norm = 0;
  for (let d = 0; d < dims; d++) {
    const e = order[d]!;
    const sv = Math.sqrt(Math.max(G[e * r + e]!, 0)); // singular value
    let u = 0;
    for (let k = 0; k < r; k++) u += Q[v * r + k]! * E[k * r + e]!;
    X[v * dims + d] = u * Math.sqrt(sv);
    norm += X[v * dims + d]! ** 2;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) X[v * dims + d] /= norm;
}
log(`projected to ${dims} dimensions`);

/** Spherical k-means with k-means++ seeding (seeded), weighted by log frequency. */
function kmeans(k: number, iters: number): Int32Array {
  const rand = prng(seed + k);
  const C = new Float32Array(k * dims);
  const assign = new Int32Array(V);
  // k-means++ seeding over the most frequent words
  const pool = Math.min(V, k * 20);
  const dist = new Float64Array(pool).fill(Infinity);
  let c0 = Math.floor(rand() * pool);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(c0 * dims, c0 * dims + dims), c * dims);
    let sum = 0;
    for (let v = 0; v < pool; v++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += X[v * dims + d]! * C[c * dims + d]!;
      dist[v] = Math.min(dist[v]!, 1 - dot);
      sum += dist[v]!;
    }
    let r = rand() * sum;
    c0 = pool - 1;
    for (let v = 0; v < pool; v++) { r -= dist[v]!; if (r <= 0) { c0 = v; break; } }
  }
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let v = 0; v < V; v++) {
      let best = -Infinity, arg = 0;
      const xo = v * dims;
      for (let c = 0; c < k; c++) {
        const co2 = c * dims;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += X[xo + d]! * C[co2 + d]!;
        if (dot > best) { best = dot; arg = c; }
      }
      if (assign[v] !== arg) changed++;
      assign[v] = arg;
    }
    C.fill(0);
    for (let v = 0; v < V; v++) {
      const wgt = Math.log(2 + (freq.get(vocab[v]!) ?? 0));
      for (let d = 0; d < dims; d++) C[assign[v]! * dims + d] += wgt * X[v * dims + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += C[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) C[c * dims + d] /= norm;
    }
    log(`k=${k} iteration ${it + 1}: ${changed} moved`);
    if (changed < V / 500) break;
  }
  return assign;
}
const assignments = ks.map((k) => kmeans(k, 12));

const bucket = (w: string): string => {
  const all = allMid.get(w) ?? 0;
  if (all < 2) return '-';
  const f = (capMid.get(w) ?? 0) / all;
  return String(f < 0.05 ? 0 : f < 0.3 ? 1 : f < 0.7 ? 2 : f < 0.95 ? 3 : 4);
};
const lines = [
  '# Word clusters and capitalisation priors for the name tagger, derived by scripts/ner/clusters.ts from',
  `# unlabeled news text of the training sets only (${TRAINING_TEXTS.join(', ')}; no text is stored).`,
  '# Columns: word (lower case), cluster id at k = ' + ks.join(', ') + ',',
  '# share of its mid-sentence occurrences that are capitalised (0 <5%, 1 <30%, 2 <70%, 3 <95%, 4 >=95%, - unknown).',
];
const inVocab = new Set(vocab);
for (let v = 0; v < V; v++) lines.push([vocab[v], ...assignments.map((a) => a[v]), bucket(vocab[v]!)].join('\t'));
// words too rare for a cluster still get their capitalisation prior
for (const w of [...allMid.keys()].sort()) if (!inVocab.has(w) && (allMid.get(w) ?? 0) >= 2 && !/\t/.test(w)) lines.push([w, ...ks.map(() => ''), bucket(w)].join('\t'));
const out = arg('out', '') || join(packageRoot(), 'data', CLUSTERS_PATH);
writeFileSync(out, lines.join('\n') + '\n');
log(`wrote ${out} (${lines.length} lines)`);
