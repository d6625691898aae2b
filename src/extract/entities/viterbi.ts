/** Best well-formed BILOU label sequence for one sentence (first-order Viterbi). */
import { ALLOWED, CAN_END, CAN_START, NUM_LABELS } from './labels.js';

export interface Transitions {
  /** trans[prev * L + next] */
  trans: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

// for each label, the labels allowed before it (BILOU leaves few: 2 for I/L, 9 for O/B/U)
const L = NUM_LABELS;
const PREV: Int32Array[] = Array.from({ length: L }, (_, l) => Int32Array.from({ length: L }, (_, p) => p).filter((p) => ALLOWED[p * L + l]));
const STARTS = Uint8Array.from(CAN_START);
const ENDS = Uint8Array.from(CAN_END);

let delta = new Float64Array(64 * L);
let back = new Int32Array(64 * L);

/**
 * emissions: n * L scores (row i = token from + i). mask, when given, has n * L entries and forbids
 * labels where it is 0 (partial gold in training). Writes the labels into out[from .. from+n).
 */
export function viterbi(emissions: Float64Array | Float32Array, n: number, t: Transitions, out: Int32Array | Uint8Array, from: number, mask?: Uint8Array): void {
  if (n === 0) return;
  if (delta.length < n * L) { delta = new Float64Array(n * L * 2); back = new Int32Array(n * L * 2); }
  const trans = t.trans, prevs = PREV;
  const NEG = -Infinity;
  for (let l = 0; l < L; l++) delta[l] = STARTS[l] && (!mask || mask[l]) ? t.start[l]! + emissions[l]! : NEG;
  for (let i = 1; i < n; i++) {
    const row = i * L, prevRow = row - L;
    for (let l = 0; l < L; l++) {
      if (mask && !mask[row + l]) { delta[row + l] = NEG; continue; }
      let best = NEG, arg = 0;
      const ps = prevs[l]!;
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k]!;
        const v = delta[prevRow + p]! + trans[p * L + l]!;
        if (v > best) { best = v; arg = p; }
      }
      delta[row + l] = best + emissions[row + l]!;
      back[row + l] = arg;
    }
  }
  let best = NEG, arg = 0;
  const last = (n - 1) * L;
  for (let l = 0; l < L; l++) {
    if (!ENDS[l]) continue;
    const v = delta[last + l]! + t.end[l]!;
    if (v > best) { best = v; arg = l; }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[from + i] = arg;
    arg = back[i * L + arg]!;
  }
}
