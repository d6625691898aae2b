/**
 * The BILOU tag set over the four entity types: O, then B/I/L/U for PER, ORG, LOC, MISC.
 * B = first word of a multi-word name, I = inside, L = last, U = a one-word name.
 */
import type { EntityType } from '../../model/entities.js';

export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const PARTS = ['B', 'I', 'L', 'U'] as const;
export type Part = (typeof PARTS)[number];

export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];
export const NUM_LABELS = LABELS.length;
export const O = 0;

export const labelOf = (type: number, part: Part): number => 1 + type * 4 + PARTS.indexOf(part);
export const partOf = (label: number): Part | 'O' => (label === 0 ? 'O' : PARTS[(label - 1) % 4]!);
export const typeOf = (label: number): number => (label === 0 ? -1 : Math.floor((label - 1) / 4));

/** allowed[prev * L + next]: BILOU well-formedness (B/I must continue with I/L of the same type). */
export const ALLOWED: Uint8Array = (() => {
  const L = NUM_LABELS;
  const m = new Uint8Array(L * L);
  for (let a = 0; a < L; a++) {
    for (let b = 0; b < L; b++) {
      const pa = partOf(a), pb = partOf(b);
      const open = pa === 'B' || pa === 'I';
      const ok = open ? (pb === 'I' || pb === 'L') && typeOf(a) === typeOf(b) : pb === 'O' || pb === 'B' || pb === 'U';
      m[a * L + b] = ok ? 1 : 0;
    }
  }
  return m;
})();

/** Labels a sequence may start with (no I/L) and end with (no B/I). */
export const CAN_START: Uint8Array = Uint8Array.from(LABELS, (_, l) => (partOf(l) === 'I' || partOf(l) === 'L' ? 0 : 1));
export const CAN_END: Uint8Array = Uint8Array.from(LABELS, (_, l) => (partOf(l) === 'B' || partOf(l) === 'I' ? 0 : 1));

/** Token spans [first, last] with their type index, read off a well-formed label sequence. */
export function spansOf(labels: ArrayLike<number>, from = 0, to = labels.length): { first: number; last: number; type: number }[] {
  const out: { first: number; last: number; type: number }[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const p = partOf(labels[i]!);
    if (p === 'U') out.push({ first: i, last: i, type: typeOf(labels[i]!) });
    else if (p === 'B') open = i;
    else if (p === 'L' && open >= 0) {
      out.push({ first: open, last: i, type: typeOf(labels[i]!) });
      open = -1;
    } else if (p === 'O') open = -1;
  }
  return out;
}
