import type { Segmented, Token } from '../../segment/types.js';
import type { EventCode } from '../../model/events.js';
import { stemmedTokens, type ActorKind, type EventLexicon, type TriggerSense } from './lexicon.js';
import { resolveSense, protestCode, type Context, type LocalActors } from './resolve.js';

/** One piece of evidence for an event type: a trigger phrase in a sentence, resolved to a code. */
export interface Evidence {
  code: EventCode;
  weight: number;
  /** which text: 0 = the article body, 1 = its title */
  source: 0 | 1;
  sentence: number;
  /** token range in that text, inclusive */
  first: number;
  last: number;
  phrase: string;
}

export interface Classification {
  /** the main event's code */
  main: EventCode;
  /** score per code (evidence weights times the weight of the sentence they are in) */
  scores: Map<EventCode, number>;
  evidence: Evidence[];
}

interface Match {
  source: 0 | 1;
  sentence: number;
  first: number;
  last: number;
  phrase: string;
  senses: TriggerSense[];
}

interface ActorMatch {
  sentence: number;
  source: 0 | 1;
  first: number;
  last: number;
  kinds: ActorKind[];
}

const MONTH_CONTEXT = new Set(['in', 'on', 'since', 'early', 'late', 'mid', 'last', 'this', 'of', 'until', 'by', 'from', 'next', 'between']);

/** "March" the month, not a protest march: capitalised, with a date or a time preposition. */
function isMonth(seg: Segmented, first: number, last: number): boolean {
  const t = seg.tokens[first]!;
  if (first !== last || t.text !== 'March') return false;
  return seg.tokens[first + 1]?.kind === 'number' || MONTH_CONTEXT.has(seg.tokens[first - 1]?.text.toLowerCase() ?? '');
}

/** How much a sentence's evidence counts: the headline and the lead tell the main event. */
export function sentenceWeight(source: 0 | 1, sentence: number): number {
  if (source === 1) return 1.2;
  return sentence === 0 ? 1 : sentence === 1 ? 0.7 : sentence === 2 ? 0.5 : 0.35;
}

/** The event type this document's story is about; the default when nothing matches. */
export const DEFAULT_CODE: EventCode = 'ARMED_CLASH';

/**
 * Scores the 30 CASE 2021 / ACLED sub-event codes for a text (and its title), from the trigger word
 * lists and context rules: who acts (government forces or rebels), against whom (civilians or armed
 * men), and whether a protest is what the force, the dispersal or the violence is about.
 */
export function classify(texts: readonly Segmented[], lex: EventLexicon): Classification {
  const matches: Match[] = [];
  const actors: ActorMatch[] = [];
  texts.forEach((seg, k) => {
    const source = k === 0 ? 0 : 1;
    const toks = stemmedTokens(seg);
    for (const s of seg.sentences) {
      for (const m of lex.triggers.findAll(toks, s.tokenStart, s.tokenEnd)) if (!isMonth(seg, m.first, m.last)) matches.push({ source, sentence: s.index, first: m.first, last: m.last, phrase: m.phrase, senses: m.value });
      for (const m of lex.actors.findAll(toks, s.tokenStart, s.tokenEnd)) actors.push({ source, sentence: s.index, first: m.first, last: m.last, kinds: m.value });
    }
  });
  const protestSentences = protestSentencesOf(matches, actors);
  const ctx = context(matches, actors, protestSentences);
  // sentences where weapons were found, seized or defused, and those where something went off
  const disrupted = new Set<string>(), detonated = new Set<string>();
  for (const m of matches) {
    const key = `${m.source}|${m.sentence}`;
    if (m.senses.some((s) => s.code === 'DISRUPT')) disrupted.add(key);
    if (m.senses.some((s) => s.code === 'BLAST' || s.code === 'HARM' || s.code === 'SUIC_BOMB')) detonated.add(key);
  }
  const evidence: Evidence[] = [];
  for (const m of matches) {
    const key = `${m.source}|${m.sentence}`;
    const toks = stemmedTokens(texts[m.source]!);
    const local = { ...localActors(actors, m, toks), disrupted: disrupted.has(key) && !detonated.has(key), nearProtest: nearProtest(protestSentences, m) };
    for (const sense of m.senses) {
      const r = resolveSense(sense, ctx, local, toks, m, texts[m.source]!.sentences[m.sentence]!);
      if (r) evidence.push({ code: r.code, weight: r.weight, source: m.source, sentence: m.sentence, first: m.first, last: m.last, phrase: m.phrase });
    }
  }
  const scores = new Map<EventCode, number>();
  const seen = new Set<string>();
  for (const e of evidence) {
    const key = `${e.code}|${e.phrase}|${e.source}|${e.sentence}`;
    if (seen.has(key)) continue; // a word repeated in one sentence counts once
    seen.add(key);
    scores.set(e.code, (scores.get(e.code) ?? 0) + e.weight * sentenceWeight(e.source, e.sentence));
  }
  // a battle that ends with territory changing hands is coded by its outcome
  const clash = scores.get('ARMED_CLASH') ?? 0;
  for (const t of ['GOV_REGAINS_TERIT', 'NON_STATE_ACTOR_OVERTAKES_TER'] as const) {
    if ((scores.get(t) ?? 0) >= 2) scores.set(t, scores.get(t)! + 0.5 * clash);
  }
  let main: EventCode = DEFAULT_CODE, best = 0;
  for (const [code, s] of scores) if (s > best) [main, best] = [code, s];
  return { main, scores, evidence };
}

/** Document-wide counts of actor kinds and trigger families. */
/** Sentences ("source|index") with a protest word or a protester in them. */
function protestSentencesOf(matches: readonly Match[], actors: readonly ActorMatch[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) if (m.senses.some((s) => s.code === 'PROTEST' && s.weight >= 2)) out.add(`${m.source}|${m.sentence}`);
  for (const a of actors) if (a.kinds.includes('protester')) out.add(`${a.source}|${a.sentence}`);
  return out;
}

/** Whether a match is in, just before or just after a sentence about a protest. */
const nearProtest = (ps: ReadonlySet<string>, m: { source: number; sentence: number }) =>
  ps.has(`${m.source}|${m.sentence}`) || ps.has(`${m.source}|${m.sentence - 1}`) || ps.has(`${m.source}|${m.sentence + 1}`);

function context(matches: readonly Match[], actors: readonly ActorMatch[], protestSentences: ReadonlySet<string>): Context {
  const ctx: Context = { protest: 0, harm: 0, intervene: 0, riot: 0, civilian: 0, state: 0, nonstate: 0, security: 0, perpetrator: 0, crime: 0, disaster: 0, conflict: 0, protestCode: 'PEACE_PROTEST' };
  for (const a of actors) {
    for (const k of new Set(a.kinds)) {
      if (k === 'protester') ctx.protest += 2;
      else ctx[k]++;
    }
  }
  let protestWord = false;
  for (const m of matches) {
    const near = nearProtest(protestSentences, m);
    for (const s of m.senses) {
      if (s.code === 'PROTEST') {
        ctx.protest += s.weight;
        protestWord ||= s.weight >= 2;
      } else if (s.code === 'ORG_CRIME') ctx.crime += s.weight;
      // force, dispersal and violence are about a protest only next to one
      else if (s.code === 'HARM') ctx.harm += near ? s.weight : 0;
      else if (s.code === 'INTERVENE') ctx.intervene += near ? s.weight : 0;
      else if (s.code === 'RIOT') ctx.riot += near ? s.weight : 0;
      else if (s.code === 'MAN_MADE_DISASTER' || s.code === 'NATURAL_DISASTER') ctx.disaster += s.weight;
      else if (['VIOLENCE', 'ARMED_CLASH', 'AIR_STRIKE', 'ART_MISS_ATTACK', 'SUIC_BOMB', 'REM_EXPLOS', 'GRENADE', 'ATTACK', 'TAKE', 'RETAKE'].includes(s.code)) ctx.conflict += s.weight;
    }
  }
  ctx.conflict += ctx.nonstate;
  // a protest is the story only where a protest word says so (protesters alone may be a crowd's victims)
  if (!protestWord) ctx.protest = Math.min(ctx.protest, 2);
  ctx.protestCode = protestCode(ctx);
  return ctx;
}

/** Actor kinds in the trigger's sentence, and the nearest one before the trigger and after it. */
function localActors(actors: readonly ActorMatch[], m: Match, toks: readonly Token[]): Omit<LocalActors, 'disrupted' | 'nearProtest'> {
  const inSentence = actors.filter((a) => a.source === m.source && a.sentence === m.sentence);
  const kinds = new Set<ActorKind>(inSentence.flatMap((a) => a.kinds));
  let before: ActorMatch | null = null, after: ActorMatch | null = null;
  for (const a of inSentence) {
    if (a.last < m.first) before = a;
    else if (a.first > m.last && !after) after = a;
  }
  const by = (i: number) => toks[i]?.text === 'by';
  const afterBy = !!after && (by(after.first - 1) || (toks[after.first - 1]?.text === 'the' && by(after.first - 2)));
  return { kinds, before: before?.kinds ?? null, after: after?.kinds ?? null, afterBy };
}

