import type { Resources } from '../../resources/resources.js';
import { PhraseMatcher, splitEntry } from '../util/phrases.js';
import type { FigureCategory } from '../../model/figures.js';
import type { QualifierKind } from './qualifiers.js';

export type TriggerPosition = 'after' | 'before' | 'both' | 'noun';

export interface Trigger {
  category: FigureCategory;
  position: TriggerPosition;
}

export interface VagueValue {
  low: number;
  best: number;
  high: number | null;
}

/** The word lists of the figures stage, compiled once per Resources object. */
export interface FigureLexicon {
  numberWords: ReadonlyMap<string, number>;
  vague: PhraseMatcher<VagueValue>;
  qualifiers: PhraseMatcher<QualifierKind>;
  /** qualifiers that follow the number ("20 or more") */
  trailing: PhraseMatcher<QualifierKind>;
  triggers: PhraseMatcher<Trigger>;
  people: PhraseMatcher<'sg' | 'pl'>;
  bridge: ReadonlySet<string>;
  breaks: ReadonlySet<string>;
  aggregateCues: PhraseMatcher<string>;
  /** words before a number that make it a date, an amount of money or a label */
  nonCountBefore: ReadonlySet<string>;
  /** words saying someone died, without a count (figure-death-cues.txt): true = a cue, false = cancels one */
  deathCues: PhraseMatcher<boolean>;
  /** "double" -> 2, before an incident noun */
  multiples: ReadonlyMap<string, number>;
  /** "homicide" -> killed, "shooting" -> casualties */
  incidentNouns: PhraseMatcher<FigureCategory>;
  /** "turned the gun on himself": the attacker is one more dead */
  suicideCues: PhraseMatcher<string>;
  /** lower-cased words that may begin a count (number words, qualifiers, determiners ...) */
  countStarts: ReadonlySet<string>;
}

const cache = new WeakMap<Resources, FigureLexicon>();

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

export function figureLexicon(res: Resources): FigureLexicon {
  let lex = cache.get(res);
  if (lex) return lex;
  const numberWords = new Map<string, number>();
  for (const [k, v] of res.map('number-words')) numberWords.set(k, Number(v));
  const vague = new Map<string, VagueValue>();
  for (const line of res.list('number-vague')) {
    const [phrase, low, best, high] = line.split('\t');
    vague.set(phrase!.trim(), { low: Number(low), best: Number(best), high: num(high) });
  }
  const pre = new Map<string, QualifierKind>(), post = new Map<string, QualifierKind>();
  for (const [k, v] of res.map('figure-qualifiers')) {
    if (k.startsWith('+')) post.set(k.slice(1), v as QualifierKind);
    else pre.set(k, v as QualifierKind);
  }
  const triggers = new Map<string, Trigger>();
  for (const line of res.list('figure-triggers')) {
    const [phrase, category, position] = line.split('\t').map((s) => s.trim());
    triggers.set(phrase!, { category: category as FigureCategory, position: (position ?? 'both') as TriggerPosition });
  }
  const people = new Map<string, 'sg' | 'pl'>();
  for (const [k, v] of res.map('figure-people')) people.set(k, v === 'sg' ? 'sg' : 'pl');
  lex = {
    countStarts: countStartWords(res, numberWords),
    numberWords,
    vague: new PhraseMatcher(vague),
    qualifiers: new PhraseMatcher(pre),
    trailing: new PhraseMatcher(post),
    triggers: new PhraseMatcher(triggers),
    people: new PhraseMatcher(people),
    bridge: res.set('figure-bridge'),
    breaks: res.set('figure-clause-breaks'),
    aggregateCues: new PhraseMatcher(res.map('figure-aggregate-cues')),
    nonCountBefore: res.set('number-non-count'),
    multiples: new Map([...res.map('number-multiples')].map(([k, v]) => [k, Number(v)])),
    incidentNouns: new PhraseMatcher(res.map('figure-incident-nouns') as ReadonlyMap<string, FigureCategory>),
    suicideCues: new PhraseMatcher(res.list('figure-suicide-cues')),
    deathCues: new PhraseMatcher(new Map([...res.map('figure-death-cues')].map(([k, v]) => [k, v === 'yes']))),
  };
  cache.set(res, lex);
  return lex;
}

/** Every word that can begin a count phrase, for a quick pre-check per token. */
function countStartWords(res: Resources, numberWords: ReadonlyMap<string, number>): Set<string> {
  const first = (phrase: string) => splitEntry(phrase.toLowerCase().replace(/^\+/, ''))[0] ?? '';
  const out = new Set<string>(['a', 'an', 'another', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'no', 'nobody', 'no-one', 'none', 'between', 'from']);
  for (const w of numberWords.keys()) out.add(w);
  for (const name of ['number-vague', 'figure-qualifiers', 'number-multiples', 'figure-incident-nouns']) for (const e of res.list(name)) out.add(first(e.split('\t')[0]!));
  // hyphenated number words ("twenty-five")
  for (const w of numberWords.keys()) if (numberWords.get(w)! >= 20 && numberWords.get(w)! < 100) for (const u of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']) out.add(`${w}-${u}`);
  return out;
}
