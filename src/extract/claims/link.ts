import type { Analysis } from '../analysis.js';
import type { Claim } from '../../model/attributions.js';
import type { Bounds } from '../util/spans.js';

const inside = (outer: Bounds, inner: Bounds) => outer.start <= inner.start && inner.end <= outer.end;

/** The innermost claim whose content holds a span. */
export function innermostClaim(claims: readonly Claim[], span: Bounds): Claim | null {
  let best: Claim | null = null;
  for (const c of claims) {
    if (!inside(c.content, span)) continue;
    if (!best || c.content.end - c.content.start < best.content.end - best.content.start) best = c;
  }
  return best;
}

/** Attaches figures, places and times to the claims holding them, and each figure to its innermost claim. */
export function linkClaims(a: Analysis): void {
  for (const c of a.claims) {
    c.figures = a.figures.filter((f) => inside(c.content, f)).map((f) => f.id);
    c.places = a.places.filter((p) => inside(c.content, p)).map((p) => p.id);
    c.times = a.times.filter((t) => inside(c.content, t)).map((t) => t.id);
  }
  for (const f of a.figures) f.claim = innermostClaim(a.claims, f)?.id ?? null;
}

/** Attaches events to the claims holding their span (events are found after the claims). */
export function linkClaimEvents(a: Analysis): void {
  for (const c of a.claims) c.events = a.events.filter((e) => inside(c.content, e.trigger ?? e)).map((e) => e.id);
}
