/**
 * 32-bit hashes: the name tagger's feature strings (features are never stored as strings: each template
 * id is combined with the hash of its value(s), so extracting a feature costs a few integer operations)
 * and the ledger's MinHash signatures.
 */

/** FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a, then a murmur3 finaliser for avalanche. */
export function hashString(s: string): number {
  return fmix(fnv1a(s));
}

/** MurmurHash3's 32-bit finaliser: a cheap, well-mixed integer hash. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into one hash (order matters). */
export function combine(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593) ^ b;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  return fmix(h);
}
