import type { Citation } from './query.js';

/** A figure as people read it: "70", "at least 70", "70 (55-100)". */
export function fmtRange(low: number | null, best: number | null, high: number | null): string {
  if (best == null) return '-';
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  if (high == null && (low == null || low === best)) return `at least ${n(best)}`;
  if (low == null && high != null && high === best) return `up to ${n(best)}`;
  if ((low ?? best) === best && (high ?? best) === best) return n(best);
  return `${n(best)} (${low == null ? '?' : n(low)}-${high == null ? 'open' : n(high)})`;
}

/** Where a statement is: outlet, date, article id and characters. */
export function fmtCite(c: Citation): string {
  return `${c.outlet ?? 'unknown outlet'}, ${c.published ?? 'undated'}, article ${c.article} chars ${c.start}-${c.end} "${clip(c.text, 80)}"`;
}

export function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export const placeLabel = (p: string | null, admin1?: string | null) => (p ? (admin1 && admin1 !== p ? `${p} (${admin1})` : p) : 'unknown place');
