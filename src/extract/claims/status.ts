import type { ClaimStatus, CueKind } from '../../model/attributions.js';
import type { Resources } from '../../resources/resources.js';
import type { Token } from '../../segment/types.js';
import { PhraseMatcher } from '../util/phrases.js';

/** How far a status is from plain fact: the most cautious one wins when several apply to a claim. */
const RANK: Record<ClaimStatus, number> = {
  confirmed: 0, asserted: 1, reported: 2, estimated: 3, believed: 4, claimed: 5, alleged: 6, unverified: 7, denied: 8,
};

export function strongest(a: ClaimStatus, b: ClaimStatus): ClaimStatus {
  return RANK[b] > RANK[a] ? b : a;
}

/** The standing a reporting cue gives what it introduces ("claimed" -> claimed, "denied" -> denied, "said" -> reported). */
export function statusOfCue(kind: CueKind | null): ClaimStatus {
  switch (kind) {
    case 'claim': return 'claimed';
    case 'allege': return 'alleged';
    case 'deny': return 'denied';
    case 'confirm': return 'confirmed';
    case 'believe': return 'believed';
    case 'estimate': return 'estimated';
    default: return 'reported';
  }
}

export interface HedgeHit { start: number; end: number; text: string; status: ClaimStatus }

const cache = new WeakMap<Resources, PhraseMatcher<ClaimStatus>>();

const NOUN_HEDGES = new Set(['claim', 'claims', 'estimate', 'estimates', 'rumours', 'rumors']);
const DETERMINERS = new Set(['the', 'these', 'those', 'such', 'his', 'her', 'their', 'its', 'our', 'any']);

/**
 * "could not confirm the claims": a hedge noun with a determiner names another statement; it does not
 * hedge the one it stands in ("the alleged attack", an adjective, still does).
 */
function namesOtherStatement(tokens: readonly Token[], first: number, last: number): boolean {
  if (first !== last || !NOUN_HEDGES.has(tokens[first]!.text.toLowerCase())) return false;
  const prev = tokens[first - 1];
  return !!prev && DETERMINERS.has(prev.text.toLowerCase());
}

/** Every hedge word or phrase of the text (data/lexicon/hedge-status.txt), in order. */
export function findHedges(text: string, tokens: readonly Token[], res: Resources): HedgeHit[] {
  let m = cache.get(res);
  if (!m) cache.set(res, (m = new PhraseMatcher(res.map('hedge-status') as ReadonlyMap<string, ClaimStatus>)));
  return m.findAll(tokens).filter((h) => !namesOtherStatement(tokens, h.first, h.last)).map((h) => {
    const start = tokens[h.first]!.start, end = tokens[h.last]!.end;
    return { start, end, text: text.slice(start, end), status: h.value };
  });
}
