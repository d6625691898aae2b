/**
 * Structured averaged perceptron over BILOU labels (Collins 2002), with first-order transitions and
 * partial gold: tokens labelled -1 may take any label, and the gold path there is the best path the
 * current weights allow (a latent-variable perceptron). Deterministic: fixed seed, fixed order.
 */
import { NUM_LABELS } from '../../src/extract/entities/labels.js';
import { viterbi } from '../../src/extract/entities/viterbi.js';
import type { TrainDoc } from './corpus.js';

export interface Indexed {
  td: TrainDoc;
  /** feature rows per token (CSR like DocFeatures) */
  rows: Int32Array;
  offsets: Uint32Array;
}

export interface Trained {
  /** averaged weights F * L, transitions, start, end */
  w: Float64Array;
  trans: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

/** Mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(data: Indexed[], numFeatures: number, epochs: number, seed: number, log: (s: string) => void): Trained {
  const L = NUM_LABELS;
  const w = new Float64Array(numFeatures * L), u = new Float64Array(numFeatures * L);
  const tw = new Float64Array(L * L), tu = new Float64Array(L * L);
  const sw = new Float64Array(L), su = new Float64Array(L), ew = new Float64Array(L), eu = new Float64Array(L);
  const sents: [number, number][] = [];
  data.forEach((d, di) => d.td.doc.sentences.forEach((_, si) => sents.push([di, si])));
  const rand = prng(seed);
  let c = 1;
  let em = new Float64Array(256 * L);
  let mask = new Uint8Array(256 * L);
  let pred = new Int32Array(256), gold = new Int32Array(256);
  const trans = { trans: tw, start: sw, end: ew };
  for (let ep = 0; ep < epochs; ep++) {
    // Fisher-Yates with the seeded generator
    for (let i = sents.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = sents[i]!; sents[i] = sents[j]!; sents[j] = t;
    }
    let errors = 0, tokens = 0;
    for (const [di, si] of sents) {
      const d = data[di]!;
      const s = d.td.doc.sentences[si]!;
      const n = s.end - s.first;
      if (em.length < n * L) { em = new Float64Array(n * L * 2); mask = new Uint8Array(n * L * 2); pred = new Int32Array(n * 2); gold = new Int32Array(n * 2); }
      em.fill(0, 0, n * L);
      let partial = false;
      for (let i = 0; i < n; i++) {
        const tok = s.first + i;
        for (let k = d.offsets[tok]!; k < d.offsets[tok + 1]!; k++) {
          const r = d.rows[k]!;
          if (r < 0) continue;
          const base = r * L;
          for (let l = 0; l < L; l++) em[i * L + l] += w[base + l]!;
        }
        const g = d.td.gold[tok]!;
        if (g < 0) partial = true;
      }
      viterbi(em, n, trans, pred, 0);
      if (partial) {
        for (let i = 0; i < n; i++) {
          const g = d.td.gold[s.first + i]!;
          for (let l = 0; l < L; l++) mask[i * L + l] = g < 0 || g === l ? 1 : 0;
        }
        viterbi(em, n, trans, gold, 0, mask);
      } else for (let i = 0; i < n; i++) gold[i] = d.td.gold[s.first + i]!;
      tokens += n;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const gp = i > 0 ? gold[i - 1]! : -1, pp = i > 0 ? pred[i - 1]! : -1;
        const g = gold[i]!, p = pred[i]!;
        if (g !== p) {
          wrong = true;
          errors++;
          const tok = s.first + i;
          for (let k = d.offsets[tok]!; k < d.offsets[tok + 1]!; k++) {
            const r = d.rows[k]!;
            if (r < 0) continue;
            w[r * L + g]! += 1; u[r * L + g]! += c;
            w[r * L + p]! -= 1; u[r * L + p]! -= c;
          }
        }
        if (g !== p || gp !== pp) {
          if (i === 0) { sw[g]! += 1; su[g]! += c; sw[p]! -= 1; su[p]! -= c; }
          else { tw[gp * L + g]! += 1; tu[gp * L + g]! += c; tw[pp * L + p]! -= 1; tu[pp * L + p]! -= c; }
        }
      }
      if (gold[n - 1] !== pred[n - 1]) { ew[gold[n - 1]!]! += 1; eu[gold[n - 1]!]! += c; ew[pred[n - 1]!]! -= 1; eu[pred[n - 1]!]! -= c; }
      void wrong;
      c++;
    }
    log(`epoch ${ep + 1}: token errors ${errors} / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%)`);
  }
  const avg = (a: Float64Array, b: Float64Array) => { const o = new Float64Array(a.length); for (let i = 0; i < a.length; i++) o[i] = a[i]! - b[i]! / c; return o; };
  return { w: avg(w, u), trans: avg(tw, tu), start: avg(sw, su), end: avg(ew, eu) };
}
