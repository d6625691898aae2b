import { stemmer } from 'stemmer';
import type { Resources } from '../../resources/resources.js';
import type { Token } from '../../segment/types.js';
import type { Segmented } from '../../segment/types.js';
import { PhraseMatcher, splitEntry } from '../util/phrases.js';
import type { EventCode } from '../../model/events.js';

/** Trigger families that context resolves into a code (see data/lexicon/event-triggers.txt). */
export type Family = 'VIOLENCE' | 'TAKE' | 'RETAKE' | 'PROTEST' | 'HARM' | 'INTERVENE' | 'RIOT' | 'WEAPON' | 'BLAST' | 'STRIKE' | 'DISRUPT';
export type TriggerCode = EventCode | Family;
export type ActorKind = 'state' | 'nonstate' | 'civilian' | 'protester' | 'security' | 'perpetrator';

export interface TriggerSense {
  code: TriggerCode;
  weight: number;
}

export interface EventLexicon {
  triggers: PhraseMatcher<TriggerSense[]>;
  actors: PhraseMatcher<ActorKind[]>;
  types: ReadonlyMap<string, { eventType: string; subEventType: string }>;
}

const stems = new Map<string, string>();
let exceptions: ReadonlyMap<string, string> = new Map();

/**
 * Lower-cased Porter stem of a word ("protesters" -> "protest"), memoised (news reuse their words);
 * forms listed in event-stem-exceptions.txt keep their own token ("fired" is not "fire").
 */
export const stem = (w: string): string => {
  const lower = w.toLowerCase();
  let s = stems.get(lower);
  if (s === undefined) {
    s = exceptions.get(lower) ?? (/^[\p{L}]/u.test(lower) ? stemmer(lower) : lower);
    if (stems.size > 100_000) stems.clear();
    stems.set(lower, s);
  }
  return s;
};

const stemEntry = (s: string) => splitEntry(s).map(stem);

/** Groups "phrase<TAB>value<TAB>weight" lines by stemmed phrase. */
function grouped<V>(lines: readonly string[], make: (fields: string[]) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const line of lines) {
    const fields = line.split('\t').map((f) => f.trim());
    const key = stemEntry(fields[0]!).join(' ');
    if (!key) continue;
    const list = out.get(key) ?? [];
    list.push(make(fields));
    out.set(key, list);
  }
  return out;
}

const cache = new WeakMap<Resources, EventLexicon>();

export function eventLexicon(res: Resources): EventLexicon {
  let lex = cache.get(res);
  if (lex) return lex;
  if (res.has('lexicon/event-stem-exceptions.txt')) {
    exceptions = res.map('event-stem-exceptions');
    stems.clear();
  }
  const triggers = grouped(res.list('event-triggers'), ([, code, weight]) => ({ code: code as TriggerCode, weight: Number(weight ?? 1) }));
  // one sense per code: the strongest
  for (const [k, senses] of triggers) {
    const best = new Map<TriggerCode, TriggerSense>();
    for (const s of senses) if ((best.get(s.code)?.weight ?? -1) < s.weight) best.set(s.code, s);
    triggers.set(k, [...best.values()]);
  }
  const actors = grouped(res.list('event-actors'), ([, kind]) => kind as ActorKind);
  const types = new Map<string, { eventType: string; subEventType: string }>();
  for (const line of res.list('event-types')) {
    const [code, eventType, subEventType] = line.split('\t');
    types.set(code!.trim(), { eventType: eventType!.trim(), subEventType: subEventType!.trim() });
  }
  // entries are already stemmed: split on spaces only
  const bySpace = (s: string) => s.split(' ');
  lex = { triggers: new PhraseMatcher(triggers, bySpace), actors: new PhraseMatcher(actors, bySpace), types };
  cache.set(res, lex);
  return lex;
}

const stemCache = new WeakMap<Segmented, Token[]>();

/** The tokens of a text with their text replaced by the stem, for matching the event word lists. */
export function stemmedTokens(seg: Segmented): Token[] {
  let toks = stemCache.get(seg);
  // only text and kind are read from these (by the matchers and the context rules)
  if (!toks) stemCache.set(seg, (toks = seg.tokens.map((t) => ({ text: stem(t.text), kind: t.kind }) as Token)));
  return toks;
}
