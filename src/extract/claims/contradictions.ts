import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Claim, Contradiction } from '../../model/attributions.js';
import type { Figure } from '../../model/figures.js';
import { PhraseMatcher } from '../util/phrases.js';
import { tokensIn } from '../util/spans.js';
import { linkClaimEvents } from './link.js';

type Outcome = 'done' | 'ongoing';

interface Lexicon {
  outcomes: PhraseMatcher<Outcome>;
  stop: ReadonlySet<string>;
}
const cache = new WeakMap<Resources, Lexicon>();

function lexicon(res: Resources): Lexicon {
  let l = cache.get(res);
  if (!l) {
    const stop = new Set<string>([...res.set('source-boundaries'), ...res.set('source-determiners'), ...res.set('attribution-skip'), ...res.set('source-pronouns')]);
    cache.set(res, (l = { outcomes: new PhraseMatcher(res.map('attribution-outcomes') as ReadonlyMap<string, Outcome>), stop }));
  }
  return l;
}

const PURPOSE = new Set(['to', 'try', 'tried', 'trying', 'attempt', 'attempted', 'seek', 'sought', 'aim', 'bid', 'hope', 'hopes', 'would', 'could', 'might', 'if']);
const NEGATION = new Set(['not', "n't", 'n\u2019t', 'no', 'never', 'nothing', 'none', 'neither', 'nor']);
// what a denial denies when it names no statement of its own: "denied the reports", "denied it" (the whole
// content is that object: "denied that the army fired ..." states its own content)
const DENY_OBJECT = /^(?:the |these |those |such |any )?(?:allegations?|claims?|reports?|accusations?|charges?|accounts?|rumou?rs?|story|it|this|that)(?:\s+\S+){0,2}[.,]?$/i;

interface ClaimFacts {
  claim: Claim;
  who: string;
  outcomes: Set<Outcome>;
  words: Set<string>;
  negated: boolean;
  sentence: number;
}

/**
 * Pairs of claims of one article that cannot both hold, from different sources about the same place
 * and time: one says it is over ("claimed victory", "took control") while the other says it goes on
 * ("still here, under siege"); one denies what the other states; the same statement with and without a
 * negation; counts of the same kind for the same place and time whose ranges do not meet. Also attaches
 * events to claims (this stage runs after the events stage).
 */
export function findContradictions(a: Analysis, res: Resources): void {
  linkClaimEvents(a);
  const lex = lexicon(res);
  const facts = a.claims.map((c) => factsOf(a, lex, c));
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  const add = (x: ClaimFacts, y: ClaimFacts, kind: Contradiction['kind'], reason: string) => {
    const key = [x.claim.id, y.claim.id].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: `x${out.length + 1}`, a: x.claim.id, b: y.claim.id, kind, reason });
  };
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const x = facts[i]!, y = facts[j]!;
      if (x.who === y.who || nested(x.claim, y.claim) || !samePlaceAndTime(a, x.claim, y.claim)) continue;
      const attributed = x.claim.speaker.kind !== 'outlet' && y.claim.speaker.kind !== 'outlet';
      if (attributed && ((x.outcomes.has('done') && y.outcomes.has('ongoing') && !x.outcomes.has('ongoing'))
        || (y.outcomes.has('done') && x.outcomes.has('ongoing') && !y.outcomes.has('ongoing')))) {
        const [done, going] = x.outcomes.has('done') ? [x, y] : [y, x];
        add(done, going, 'outcome', `${label(done)} says it is over ("${short(done.claim)}"); ${label(going)} says it goes on ("${short(going.claim)}")`);
        continue;
      }
      const [early, late] = x.claim.content.start <= y.claim.content.start ? [x, y] : [y, x];
      if (late.claim.status === 'denied' && early.claim.status !== 'denied' && Math.abs(late.sentence - early.sentence) <= 3
        && (overlap(early.words, late.words) >= 2 || (DENY_OBJECT.test(late.claim.content.text) && /^(?:alleged|claimed|reported|unverified)$/.test(early.claim.status)))) {
        add(early, late, 'denial', `${label(late)} denies what ${label(early)} states ("${short(early.claim)}")`);
        continue;
      }
      if (x.negated !== y.negated && x.words.size >= 3 && y.words.size >= 3 && jaccard(x.words, y.words) >= 0.5) {
        add(x, y, 'negation', `${label(x)} and ${label(y)} make the same statement, one of them negated`);
      }
    }
  }
  out.push(...figureConflicts(a, facts, seen, out.length));
  a.contradictions = out;
}

function factsOf(a: Analysis, lex: Lexicon, c: Claim): ClaimFacts {
  const toks = tokensIn(a.seg, c.content.start, c.content.end);
  const outcomes = new Set<Outcome>();
  for (const m of lex.outcomes.findAll(toks)) {
    // "no possibility of resistance", "an advance to regain control": not said to be so
    const before = toks.slice(Math.max(0, m.first - 3), m.first).map((t) => t.text.toLowerCase());
    if (before.some((w) => NEGATION.has(w) || PURPOSE.has(w))) continue;
    outcomes.add(m.value);
  }
  const words = new Set<string>();
  let negated = false;
  for (const t of toks) {
    const w = t.text.toLowerCase();
    if (NEGATION.has(w)) negated = true;
    if (t.kind === 'word' && w.length > 2 && !lex.stop.has(w)) words.add(w);
  }
  const who = c.speaker.name ?? (c.attribution ? `attribution ${c.attribution}` : `${c.speaker.kind} ${c.id}`);
  return { claim: c, who, outcomes, words, negated, sentence: a.seg.tokens.find((t) => t.start >= c.content.start)?.sentence ?? 0 };
}

/** One claim inside the other (a quote within a report of it) is no disagreement. */
const nested = (x: Claim, y: Claim) =>
  (x.content.start <= y.content.start && y.content.end <= x.content.end) || (y.content.start <= x.content.start && x.content.end <= y.content.end);

/** Both claims name the same place or leave it open, and name the same day or leave it open. */
function samePlaceAndTime(a: Analysis, x: Claim, y: Claim): boolean {
  const names = (ids: string[]) => new Set(ids.map((id) => a.places.find((p) => p.id === id)?.name).filter(Boolean));
  const px = names(x.places), py = names(y.places);
  if (px.size && py.size && ![...px].some((n) => py.has(n))) return false;
  const values = (ids: string[]) => new Set(ids.map((id) => a.times.find((t) => t.id === id)).filter((t) => t && t.type === 'DATE').map((t) => t!.value));
  const tx = values(x.times), ty = values(y.times);
  if (tx.size && ty.size && ![...tx].some((v) => ty.has(v))) return false;
  return true;
}

/** Counts of one category, place and time, from claims of different sources, whose ranges do not meet. */
function figureConflicts(a: Analysis, facts: ClaimFacts[], seen: Set<string>, n: number): Contradiction[] {
  const out: Contradiction[] = [];
  const byClaim = new Map(facts.map((f) => [f.claim.id, f]));
  const figs = a.figures.filter((f) => f.claim && f.unit === 'people');
  const range = (f: Figure) => [f.value.low ?? f.value.best, f.value.high ?? Infinity] as const;
  for (let i = 0; i < figs.length; i++) {
    for (let j = i + 1; j < figs.length; j++) {
      const f = figs[i]!, g = figs[j]!;
      if (f.category !== g.category || f.category === 'other' || f.place !== g.place && f.place && g.place) continue;
      const x = byClaim.get(f.claim!), y = byClaim.get(g.claim!);
      if (!x || !y || x.who === y.who) continue;
      const tf = a.times.find((t) => t.id === f.time)?.value, tg = a.times.find((t) => t.id === g.time)?.value;
      if (tf !== tg) continue;
      const [fl, fh] = range(f), [gl, gh] = range(g);
      if (fh < gl || gh < fl) {
        const key = [x.claim.id, y.claim.id].sort().join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ id: `x${n + out.length + 1}`, a: x.claim.id, b: y.claim.id, kind: 'figures', reason: `${label(x)}: ${f.text}; ${label(y)}: ${g.text}` });
      }
    }
  }
  return out;
}

const label = (f: ClaimFacts) => f.claim.speaker.name ?? (f.claim.speaker.title ? `a ${f.claim.speaker.title}` : f.claim.speaker.kind === 'outlet' ? 'the outlet' : `an ${f.claim.speaker.kind} source`);
const short = (c: Claim) => {
  const t = c.content.text.replace(/^["'\u201c\u2018\u00ab]+|["'\u201d\u2019\u00bb]+$/g, '').replace(/\s+/g, ' ');
  return t.length > 60 ? t.slice(0, 57) + '...' : t;
};
const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((w) => y.has(w)).length;
const jaccard = (x: Set<string>, y: Set<string>) => overlap(x, y) / (x.size + y.size - overlap(x, y));
