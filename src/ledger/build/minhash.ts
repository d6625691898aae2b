/**
 * MinHash signatures of word shingles, for finding near-duplicate articles (wire copies that
 * several outlets publish with small edits). Estimated Jaccard similarity = share of equal slots.
 */
import { fmix, fnv1a } from '../../util/hash.js';

/** Signature length: 64 slots, read as 32 bands of 2 for locality-sensitive hashing. */
export const SLOTS = 64;
export const BANDS = 32;
const ROWS = SLOTS / BANDS;
/** Words per shingle. Three keeps rewritten copies similar while unrelated texts share few. */
const SHINGLE = 3;

const SEEDS = (() => {
  const out = new Uint32Array(SLOTS);
  let x = 0x9e3779b9;
  for (let i = 0; i < SLOTS; i++) {
    x = fmix(x + 0x6d2b79f5 + i);
    out[i] = x;
  }
  return out;
})();

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The signature of a text, as 64 unsigned 32-bit minima. */
export function signature(text: string): Uint32Array {
  const w = words(text);
  const sig = new Uint32Array(SLOTS).fill(0xffffffff);
  const n = Math.max(1, w.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const sh = fnv1a(w.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < SLOTS; k++) {
      const v = fmix(sh ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

export function signatureToHex(sig: Uint32Array): string {
  let s = '';
  for (const v of sig) s += v.toString(16).padStart(8, '0');
  return s;
}

export function signatureFromHex(hex: string): Uint32Array {
  const out = new Uint32Array(SLOTS);
  for (let i = 0; i < SLOTS; i++) out[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return out;
}

/** Estimated Jaccard similarity of two signatures' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SLOTS; i++) if (a[i] === b[i]) same++;
  return same / SLOTS;
}

/** The band keys of a signature: texts sharing any band are candidate near-duplicates. */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix(h ^ sig[b * ROWS + r]!);
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}
