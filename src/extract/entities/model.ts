/**
 * The trained name-tagger weights: a compact binary file (data/models/ner.bin.gz) holding, for each
 * kept feature hash, its non-zero weights per label (int16, one scale), and the label transitions.
 * Loaded into an open-addressing table of feature hashes for fast scoring.
 */
import { gunzipSync } from 'node:zlib';
import { NUM_LABELS } from './labels.js';
import type { DocFeatures } from './features.js';
import type { Transitions } from './viterbi.js';

export interface ModelHeader {
  format: 'sitrep-ner-1';
  labels: string[];
  features: number;
  nonZero: number;
  scale: number;
  /** how it was trained: data, epochs, seed, date-free (the file is deterministic) */
  trainedOn: Record<string, unknown>;
}

export interface NerModel extends Transitions {
  header: ModelHeader;
  /**
   * Open addressing, two words a slot: the feature hash, then (first index of its weights in
   * `weights`) << 5 | (number of weights); an empty slot has 0 there.
   */
  slots: Uint32Array;
  mask: number;
  /** label << 16 | int16 weight (times header.scale) */
  weights: Uint32Array;
}

const MAGIC = 0x3152454e; // "NER1"

export interface RawModel {
  header: Omit<ModelHeader, 'features' | 'nonZero' | 'scale' | 'format'>;
  /** sorted feature hashes */
  keys: Uint32Array;
  rowStart: Uint32Array;
  wLabel: Uint8Array;
  wValue: Float32Array;
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

/** Serialises a model (gzip of a little-endian binary). */
export function encodeModel(m: RawModel, gzip: (b: Uint8Array) => Uint8Array): Uint8Array {
  let maxAbs = 1e-9;
  for (const v of m.wValue) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767;
  const F = m.keys.length, nnz = m.wValue.length, L = NUM_LABELS;
  const header: ModelHeader = { format: 'sitrep-ner-1', ...m.header, features: F, nonZero: nnz, scale };
  const hj = new TextEncoder().encode(JSON.stringify(header));
  const hpad = (4 - ((8 + hj.length) % 4)) % 4;
  const size = 8 + hj.length + hpad + 4 * F + 4 * (F + 1) + 4 * (L * L + 2 * L) + 2 * nnz + nnz;
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  const u8 = new Uint8Array(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, hj.length, true);
  u8.set(hj, 8);
  let o = 8 + hj.length + hpad;
  for (let i = 0; i < F; i++, o += 4) dv.setUint32(o, m.keys[i]!, true);
  for (let i = 0; i <= F; i++, o += 4) dv.setUint32(o, m.rowStart[i]!, true);
  for (const arr of [m.trans, m.start, m.end]) for (let i = 0; i < arr.length; i++, o += 4) dv.setFloat32(o, arr[i]!, true);
  for (let i = 0; i < nnz; i++, o += 2) dv.setInt16(o, Math.round(m.wValue[i]! / scale), true);
  u8.set(m.wLabel, o);
  return gzip(u8);
}

/** Reads a model written by encodeModel. */
export function decodeModel(gz: Uint8Array): NerModel {
  const u8 = gunzipSync(gz);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('ner model: bad magic');
  const hlen = dv.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(u8.subarray(8, 8 + hlen))) as ModelHeader;
  const L = NUM_LABELS;
  if (header.labels.length !== L) throw new Error('ner model: label set differs from the code');
  const F = header.features, nnz = header.nonZero;
  let o = 8 + hlen + ((4 - ((8 + hlen) % 4)) % 4);
  const keys = new Uint32Array(F);
  for (let i = 0; i < F; i++, o += 4) keys[i] = dv.getUint32(o, true);
  const rowStart = new Uint32Array(F + 1);
  for (let i = 0; i <= F; i++, o += 4) rowStart[i] = dv.getUint32(o, true);
  const f32 = (k: number) => {
    const a = new Float32Array(k);
    for (let i = 0; i < k; i++, o += 4) a[i] = dv.getFloat32(o, true);
    return a;
  };
  const trans = f32(L * L), start = f32(L), end = f32(L);
  const weights = new Uint32Array(nnz);
  for (let i = 0; i < nnz; i++, o += 2) weights[i] = dv.getUint16(o, true);
  for (let i = 0; i < nnz; i++) weights[i] = (weights[i]! | (u8[o + i]! << 16)) >>> 0;
  let size = 1;
  while (size < F * 2) size <<= 1;
  if (nnz >= 1 << 27) throw new Error('ner model: too many weights');
  const slots = new Uint32Array(size * 2);
  const mask = size - 1;
  for (let r = 0; r < F; r++) {
    let s = keys[r]! & mask;
    while (slots[s * 2 + 1] !== 0) s = (s + 1) & mask;
    slots[s * 2] = keys[r]!;
    slots[s * 2 + 1] = ((rowStart[r]! << 5) | (rowStart[r + 1]! - rowStart[r]!)) >>> 0;
  }
  return { header, slots, mask, weights, trans, start, end };
}

/** Emission scores of tokens [from, to) into out ((to-from) * L). */
export function emissions(m: NerModel, f: DocFeatures, from: number, to: number, out: Float64Array): void {
  const L = NUM_LABELS;
  const { slots, weights, mask } = m;
  const scale = m.header.scale;
  const { feats, offsets } = f;
  out.fill(0, 0, (to - from) * L);
  for (let i = from; i < to; i++) {
    const row = (i - from) * L;
    const kEnd = offsets[i + 1]!;
    for (let k = offsets[i]!; k < kEnd; k++) {
      const h = feats[k]!;
      let s = (h & mask) << 1;
      for (;;) {
        const ref = slots[s + 1]!;
        if (ref === 0) break;
        if (slots[s] === h) {
          const end = (ref >>> 5) + (ref & 31);
          for (let j = ref >>> 5; j < end; j++) {
            const w = weights[j]!;
            out[row + (w >>> 16)] += ((w << 16) >> 16) * scale;
          }
          break;
        }
        s = s + 2 === slots.length ? 0 : s + 2;
      }
    }
  }
}
