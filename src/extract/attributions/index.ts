import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Attribution } from '../../model/attributions.js';
import { spanOf } from '../../model/span.js';
import type { Bounds } from '../util/spans.js';
import { isCap, makeCtx, type Ctx } from './context.js';
import { isOpenQuote } from './phrases.js';
import { attribLexicon } from './lexicon.js';
import { anyCandidateAt, candidateAt, type CueCandidate } from './cues.js';
import { structureOf, type Structure } from './structure.js';
import { cueScorer } from './model.js';
import { resolveSpeakers } from './speakers.js';
import { partialQuotes } from './partial.js';
import { signedQuotes, transcriptLines } from './transcript.js';

/** A cue with the structure found around it, before speakers are resolved. */
export interface Found {
  cue: CueCandidate | null;
  st: Structure;
  /** confidence that this is an attribution */
  score: number;
  /** a quotation with no reporting clause of its own, continuing this attribution's speaker */
  sameSpeakerAs?: Found;
}

/**
 * Finds reported speech and attributed content: direct quotes, indirect and mixed speech,
 * "according to" attributions, beliefs and intentions (PARC-style), each with its source,
 * cue and content spans, then resolves each source to a speaker.
 */
export function extractAttributions(a: Analysis, res: Resources): void {
  const ctx = makeCtx(a.seg, attribLexicon(res));
  const score = cueScorer(res);
  const isPlace = (start: number, end: number) => a.places.some((p) => p.start <= start && end <= p.end && p.lat !== null);
  const found: Found[] = [...transcriptLines(ctx, isPlace), ...signedQuotes(ctx)];
  const usedHeads = new Set<number>(found.map((f) => f.cue!.head));
  for (let i = 0; i < ctx.toks.length; i++) {
    if (usedHeads.has(i) || (score && !score.candidate(ctx, i))) continue;
    const cand = score ? anyCandidateAt(ctx, i) : candidateAt(ctx, i);
    if (!cand) continue;
    const prev = found.length ? found[found.length - 1]! : null;
    const sameSentence = prev?.cue && ctx.toks[prev.cue.head]!.sentence === ctx.toks[cand.head]!.sentence ? prev.st : null;
    // the classifier sees the structure built as in training: without the sentence's earlier cues or later rules
    let p = score ? score(ctx, cand, structureOf(ctx, cand, null)) : ruleAccepts(ctx, cand) ? 0.8 : 0;
    if (p < (score?.threshold ?? 0.5) && ruleAccepts(ctx, cand) && introducesQuote(ctx, cand)) p = Math.max(p, 0.6);
    if (p < (score?.threshold ?? 0.5)) continue;
    // the structure kept is built only for the cues the classifier accepts
    const st = structureOf(ctx, cand, sameSentence, { roleApposition: true });
    if (!st || !st.content) continue;
    // "VIJAYAWADA: Floods cut off ...": a place before a colon is a dateline, not a speaker
    if (cand.lemma === ':' && st.source && isPlace(ctx.toks[st.source.first]!.start, ctx.toks[st.source.last]!.end)) continue;
    // a word no cue list knows, with nobody saying it ("there is growing concern"): the model must be sure
    if (!cand.kind && !st.source && p < UNLISTED_SOURCELESS) continue;
    // "rebels attacked the checkpoint": a word of violence is a cue only when a person speaks
    const noncue = ctx.lex.noncues.get(ctx.lower[cand.head]!);
    if (noncue === 'person' && !(st.source && (personSource(ctx, st.source) || personMention(a, ctx, st.source)))) continue;
    if (noncue === 'aspect' && ctx.lower[cand.last + 1] === 'to') continue;
    found.push({ cue: cand, st, score: p });
    for (let k = cand.head; k <= cand.last; k++) usedHeads.add(k);
  }
  found.push(...partialQuotes(ctx, found));
  found.sort((x, y) => x.st.content!.start - y.st.content!.start);
  const speakers = resolveSpeakers(a, ctx, res, found);
  a.attributions = found.map((f, n): Attribution => ({
    id: `q${n + 1}`,
    source: f.st.source ? spanOf(a.text, ctx.toks[f.st.source.first]!.start, ctx.toks[f.st.source.last]!.end) : null,
    cue: f.cue ? spanOf(a.text, ctx.toks[f.cue.first]!.start, ctx.toks[f.cue.last]!.end) : null,
    content: spanOf(a.text, afterDateline(a.text, f.st.content!.start, f.st.content!.end), f.st.content!.end),
    kind: speechKind(ctx, f.st.content!),
    speaker: speakers[n]!,
    cueKind: f.cue?.kind ?? null,
    score: Math.round(f.score * 1000) / 1000,
  }));
}

/** "GUSAU — Gunmen killed ...", "VIJAYAWADA: ...": a content opening with a dateline starts after it. */
const DATELINE = /^(?:\p{Lu}[\p{Lu}.'\u2019-]+(?:[ ,]+\p{Lu}[\p{L}.'\u2019-]*){0,3})\s*(?:\([^)]{1,20}\)\s*)?(?:[-\u2013\u2014]+|:)\s+/u;
function afterDateline(text: string, start: number, end: number): number {
  const m = DATELINE.exec(text.slice(start, Math.min(end, start + 60)));
  return m && start + m[0].length < end ? start + m[0].length : start;
}

/** the cue score a word in no cue list needs when the attribution has no source */
const UNLISTED_SOURCELESS = 0.6;
const RULE_AMBIGUOUS = new Set(['continue', 'post', 'convey', 'relate', 'answer', 'state', 'maintain', 'charge', 'project', 'dispute', 'cry', 'note']);
const STRONG_KINDS = new Set(['say', 'report', 'claim', 'allege', 'deny', 'confirm', 'warn', 'estimate']);

/** Without a trained model: reporting verbs of speech, claim, denial and the like, outside quotations. */
function ruleAccepts(ctx: Ctx, c: CueCandidate): boolean {
  if (c.type === 'prep' || c.type === 'adverb') return true;
  if (c.type !== 'verb' || !c.kind || !STRONG_KINDS.has(c.kind)) return false;
  if (ctx.quoteOf[c.head]! >= 0 || RULE_AMBIGUOUS.has(c.lemma)) return false;
  // "unverified reports of", "the report": a noun, not a verb
  if (c.form === 's' && c.head > 0 && (ctx.lex.determiners.has(ctx.lower[c.head - 1]!) || /^(?:of|the)$/.test(ctx.lower[c.head + 1] ?? '') || /(?:ed|al|ous)$/.test(ctx.lower[c.head - 1]!))) return false;
  return true;
}

/** A source that is a person: he or she, or a name of two or more words that is no organisation. */
function personSource(ctx: Ctx, r: { first: number; last: number }): boolean {
  const w = ctx.lower[r.last]!;
  if (r.first === r.last && (w === 'he' || w === 'she')) return true;
  const names = ctx.toks.slice(r.first, r.last + 1).filter((t) => isCap(t)).length;
  return names >= 2 && isCap(ctx.toks[r.last]) && !ctx.lex.orgWords.has(w) && !ctx.lex.anonymous.has(w)
    && ctx.lower.slice(r.first, r.last + 1).every((x) => !ctx.lex.orgWords.has(x));
}

/** A source whose head the name tagger calls a person ("Trump attacked ..."; not "Rocket attacks kill ..."). */
function personMention(a: Analysis, ctx: Ctx, r: { first: number; last: number }): boolean {
  const head = ctx.toks[r.last]!;
  return a.mentions.some((m) => m.type === 'PER' && m.start <= head.start && head.end <= m.end);
}

/** A speech verb right before a quotation ('claims "we are still here"', 'said: "..."'). */
function introducesQuote(ctx: Ctx, c: CueCandidate): boolean {
  let k = c.last + 1;
  if (ctx.toks[k]?.text === ',' || ctx.toks[k]?.text === ':') k++;
  return isOpenQuote(ctx, k);
}

/** direct: the content is one quotation (or quotations joined by the reporting clause); mixed: it holds one. */
export function speechKind(ctx: Ctx, content: Bounds): Attribution['kind'] {
  const inside: Bounds[] = [];
  const from = quoteIndexFrom(ctx, content.start);
  for (let k = from; k < ctx.quotes.length && ctx.quotes[k]!.start < content.end; k++) {
    const q = ctx.quotes[k]!;
    if (q.end <= content.end) inside.push(q);
  }
  if (!inside.length) return 'indirect';
  const first = inside[0]!, last = inside[inside.length - 1]!;
  if (first.start === content.start && last.end === content.end) {
    // the gaps between the quotations hold only a reporting clause (no more than a few words)
    let ok = true;
    for (let k = 1; k < inside.length; k++) if (inside[k]!.start - inside[k - 1]!.end > 80) ok = false;
    if (ok) return 'direct';
  }
  return 'mixed';
}

/** Index of the first quote starting at or after `offset` (quotes sorted by start). */
function quoteIndexFrom(ctx: Ctx, offset: number): number {
  let lo = 0, hi = ctx.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.quotes[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
