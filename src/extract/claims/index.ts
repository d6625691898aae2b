import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Attribution, Claim, ClaimStatus, Speaker } from '../../model/attributions.js';
import { spanOf } from '../../model/span.js';
import { sentenceAt, type Bounds } from '../util/spans.js';
import { findHedges, statusOfCue, strongest, type HedgeHit } from './status.js';
import { reportNounClaims } from './reports.js';
import { linkClaims } from './link.js';

/** A claim under construction: its span, source and the hedges that end up inside it. */
export interface Draft {
  content: Bounds;
  attribution: Attribution | null;
  speaker: Speaker;
  status: ClaimStatus;
  hedges: HedgeHit[];
}

const ANAPHORA = /^(?:these|those|they|them|this|it)$/i;
const ANAPHORIC_OF = /\b(?:of|among) (?:these|those|them)\b/i;

/**
 * Turns what the article says into claims: one per attribution (status from its cue, "claimed",
 * "denied", ...), one per reporting noun ("unverified reports of atrocities"), and the outlet's own
 * hedged statements ("are believed to be trapped", "were estimated to have left"). Each hedge goes to
 * the innermost claim holding it and can only make its status more cautious. Figures, places and
 * times are attached by span containment; every figure gets the claim that carries it.
 */
export function buildClaims(a: Analysis, res: Resources): void {
  const hedges = findHedges(a.text, a.seg.tokens, res);
  const outlet: Speaker = { name: a.outlet, entity: null, kind: 'outlet', title: null };
  const drafts: Draft[] = a.attributions.map((at) => {
    const status = statusOfCue(at.cueKind);
    // "are believed to be trapped", "reportedly": no source in the text, so the outlet states it, hedged by the cue
    if (!at.source && at.cue) {
      if (!at.cueKind) return { content: at.content, attribution: at, speaker: outlet, status: 'asserted', hedges: [] };
      return { content: at.content, attribution: at, speaker: outlet, status, hedges: [{ start: at.cue.start, end: at.cue.end, text: at.cue.text, status }] };
    }
    return { content: at.content, attribution: at, speaker: at.speaker, status, hedges: [] };
  });
  const cues = a.attributions.filter((at) => at.cue).map((at) => at.cue!);
  drafts.push(...reportNounClaims(a, res, drafts));
  // the outlet's own hedged statements: a hedge no sourced claim holds, nor a cue
  const sourced = drafts.filter((d) => d.attribution?.source || d.speaker.kind === 'vague');
  const outletSentences = new Map<number, Draft>();
  for (const h of hedges) {
    if (cues.some((c) => c.start <= h.start && h.end <= c.end)) continue;
    if (sourced.some((d) => d.content.start <= h.start && h.end <= d.content.end)) continue;
    const s = sentenceAt(a.seg, h.start);
    if (!s || outletSentences.has(s.index)) continue;
    outletSentences.set(s.index, outletDraft(a, s.index, drafts));
  }
  // sentences stating a figure that no claim holds: the outlet asserts them
  for (const f of a.figures) {
    if (drafts.some((d) => d.content.start <= f.start && f.end <= d.content.end)) continue;
    const s = sentenceAt(a.seg, f.start);
    if (!s || outletSentences.has(s.index)) continue;
    const d = outletDraft(a, s.index, drafts);
    if (d.content.start <= f.start && f.end <= d.content.end) outletSentences.set(s.index, d);
  }
  drafts.push(...outletSentences.values());
  // each hedge to the innermost claim holding it (cue words excepted)
  for (const h of hedges) {
    if (cues.some((c) => c.start <= h.start && h.end <= c.end)) continue;
    let best: Draft | null = null;
    for (const d of drafts) {
      if (d.content.start <= h.start && h.end <= d.content.end && (!best || d.content.end - d.content.start < best.content.end - best.content.start)) best = d;
    }
    if (best) {
      best.hedges.push(h);
      best.status = strongest(best.status, h.status);
    }
  }
  drafts.sort((x, y) => x.content.start - y.content.start || y.content.end - x.content.end);
  a.claims = drafts.map((d, n): Claim => ({
    id: `c${n + 1}`,
    content: spanOf(a.text, d.content.start, d.content.end),
    attribution: d.attribution?.id ?? null,
    speaker: d.speaker,
    status: d.status,
    hedges: d.hedges.map((h) => ({ start: h.start, end: h.end, text: h.text, status: h.status })),
    figures: [], places: [], times: [], events: [],
  }));
  linkClaims(a);
}

/**
 * A statement of the outlet: the sentence without its final punctuation. A sentence that refers back
 * ("More than 80% of these are estimated ...") keeps the source of the attribution just before it.
 */
function outletDraft(a: Analysis, sentence: number, drafts: Draft[]): Draft {
  const outlet: Speaker = { name: a.outlet, entity: null, kind: 'outlet', title: null };
  const s = a.seg.sentences[sentence]!;
  let end = s.end;
  while (end > s.start && /[.!?\s]/.test(a.text[end - 1]!)) end--;
  const content = { start: s.start, end };
  const firstWord = a.seg.tokens[s.tokenStart]?.text ?? '';
  if (sentence > 0 && (ANAPHORA.test(firstWord) || ANAPHORIC_OF.test(a.text.slice(s.start, end)))) {
    const prev = a.seg.sentences[sentence - 1]!;
    const before = drafts.filter((d) => d.attribution?.source && d.content.start < prev.end && d.content.end > prev.start);
    const last = before[before.length - 1];
    if (last) return { content, attribution: last.attribution, speaker: last.speaker, status: 'reported', hedges: [] };
  }
  return { content, attribution: null, speaker: outlet, status: 'asserted', hedges: [] };
}

