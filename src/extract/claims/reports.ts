import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { CueKind } from '../../model/attributions.js';
import { statusOfCue } from './status.js';
import type { Draft } from './index.js';

const CLAUSE_END = new Set([';', ':', '\u2014', '--']);

/**
 * Reporting nouns that carry a claim of their own: "unverified reports of atrocities against
 * civilians", "reports that sarin gas has been used", "allegations that ...". The claim runs from the
 * noun phrase (its hedging adjective included) to the end of the clause; its source is vague unless an
 * attribution was already found on the noun, and its status comes from the noun ("allegations" ->
 * alleged) and, later, from hedges inside it ("unverified").
 */
export function reportNounClaims(a: Analysis, res: Resources, drafts: Draft[]): Draft[] {
  const nouns = res.map('attribution-nouns') as ReadonlyMap<string, CueKind>;
  const toks = a.seg.tokens;
  const out: Draft[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    const w = toks[i]!.text.toLowerCase();
    const kind = nouns.get(w);
    if (!kind || !(kind === 'report' || kind === 'claim' || kind === 'allege')) continue;
    const next = toks[i + 1]!.text.toLowerCase();
    if (next !== 'of' && next !== 'that') continue;
    // an attribution already built on this noun keeps its own claim
    if (a.attributions.some((at) => at.cue && at.cue.start <= toks[i]!.start && toks[i]!.end <= at.cue.end)) continue;
    // the noun phrase: back over adjectives ("unverified", "new", "media")
    let first = i;
    while (first - 1 >= 0 && toks[first - 1]!.kind === 'word' && toks[first - 1]!.sentence === toks[i]!.sentence && /^\p{Ll}+$/u.test(toks[first - 1]!.text)
      && !/^(?:the|a|an|of|at|to|in|on|cited|said|says|reported|denied|about|that|and|or)$/.test(toks[first - 1]!.text) && i - first < 2) first--;
    const s = a.seg.sentences[toks[i]!.sentence]!;
    let last = i + 2;
    while (last < s.tokenEnd && !CLAUSE_END.has(toks[last]!.text) && !(toks[last]!.text === ',' && /^(?:which|who|but|while|although)$/i.test(toks[last + 1]?.text ?? ''))) last++;
    last--;
    while (last > i + 1 && /^[.,!?]$/.test(toks[last]!.text)) last--;
    if (last <= i + 1) continue;
    const content = { start: toks[first]!.start, end: toks[last]!.end };
    if (drafts.some((d) => d.content.start === content.start && d.content.end === content.end)) continue;
    out.push({ content, attribution: null, speaker: { name: null, entity: null, kind: 'vague', title: null }, status: statusOfCue(kind), hedges: [] });
  }
  return out;
}
