import type { Resources } from '../../resources/resources.js';
import { PhraseMatcher } from '../util/phrases.js';

import type { CueKind } from '../../model/attributions.js';

export type { CueKind };

export type VerbForm = 'base' | 's' | 'ed' | 'en' | 'ing';

export interface VerbEntry { lemma: string; kind: CueKind; form: VerbForm }
export interface PhraseEntry { kind: CueKind; role: 'prep' | 'verb' | 'adverb' }
export type SourceKind = 'anonymous' | 'vague' | 'role';
export type SkipRole = 'aux' | 'neg' | 'adv' | 'time';

/** The word lists of the attribution stage, compiled once per Resources. */
export interface AttribLexicon {
  verbs: ReadonlyMap<string, VerbEntry>;
  nouns: ReadonlyMap<string, CueKind>;
  phrases: PhraseMatcher<PhraseEntry>;
  /** first words of the phrases, to try the phrase matcher only where one may start */
  phraseFirst: ReadonlySet<string>;
  skip: ReadonlyMap<string, SkipRole>;
  pronouns: ReadonlyMap<string, { gender: string; number: string }>;
  anonymous: ReadonlyMap<string, SourceKind>;
  roles: ReadonlySet<string>;
  /** words that make a capitalised name an organisation ("Army", "Observatory") */
  orgWords: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  /** words that name violence in crisis news ("blast", "struck"): never cues, or cues only with a person as source ("attacked") */
  noncues: ReadonlyMap<string, 'never' | 'person' | 'aspect'>;
  /** "seem"/"appear" (raising: no source) and adjectives of mind after "be" (state: the subject is the source) */
  predicates: ReadonlyMap<string, 'raising' | 'state'>;
  /** words never inside a source phrase; value true for those allowed between capitalised words */
  boundaries: ReadonlyMap<string, boolean>;
}

const cache = new WeakMap<Resources, AttribLexicon>();

/** Regular English inflections of a verb lemma: 3rd person, past, past participle, -ing. */
export function regularForms(lemma: string): [string, string, string, string] {
  const consY = /[^aeiou]y$/.test(lemma);
  const s = /(?:s|sh|ch|x|z|o)$/.test(lemma) ? lemma + 'es' : consY ? lemma.slice(0, -1) + 'ies' : lemma + 's';
  const ed = lemma.endsWith('e') ? lemma + 'd' : consY ? lemma.slice(0, -1) + 'ied' : lemma + 'ed';
  const ing = lemma.endsWith('ie') ? lemma.slice(0, -2) + 'ying'
    : /[^eoy]e$/.test(lemma) ? lemma.slice(0, -1) + 'ing' : lemma + 'ing';
  return [s, ed, ed, ing];
}

function compile(res: Resources): AttribLexicon {
  const verbs = new Map<string, VerbEntry>();
  for (const line of res.list('attribution-verbs')) {
    const [lemmaRaw, kind, forms] = line.split('\t');
    const lemma = lemmaRaw!.trim().toLowerCase();
    const f = forms && forms.trim() !== '-' ? forms.trim().split(/\s+/) : regularForms(lemma);
    const add = (w: string | undefined, form: VerbForm) => {
      if (w && !verbs.has(w)) verbs.set(w, { lemma, kind: kind as CueKind, form });
    };
    add(lemma, 'base');
    add(f[0], 's'); add(f[1], 'ed'); add(f[2], 'en'); add(f[3], 'ing');
  }
  const phraseMap = new Map<string, PhraseEntry>();
  for (const line of res.list('attribution-phrases')) {
    const [p, kind, role] = line.split('\t');
    phraseMap.set(p!.trim(), { kind: kind as CueKind, role: role as PhraseEntry['role'] });
  }
  const pronouns = new Map<string, { gender: string; number: string }>();
  for (const [k, v] of res.map('source-pronouns')) {
    const [gender, number] = v.split('\t');
    pronouns.set(k, { gender: gender ?? 'x', number: number ?? 's' });
  }
  const boundaries = new Map<string, boolean>();
  for (const [k, v] of res.map('source-boundaries')) boundaries.set(k, v === 'inner');
  return {
    verbs,
    nouns: res.map('attribution-nouns') as ReadonlyMap<string, CueKind>,
    phrases: new PhraseMatcher(phraseMap),
    phraseFirst: new Set([...phraseMap.keys()].map((p) => p.toLowerCase().split(/\s+/)[0]!)),
    skip: res.map('attribution-skip') as ReadonlyMap<string, SkipRole>,
    pronouns,
    anonymous: res.map('source-anonymous') as ReadonlyMap<string, SourceKind>,
    roles: res.set('source-roles'),
    orgWords: res.set('source-org-words'),
    determiners: res.set('source-determiners'),
    noncues: res.map('attribution-noncues') as ReadonlyMap<string, 'never' | 'person' | 'aspect'>,
    predicates: res.map('attribution-predicates') as ReadonlyMap<string, 'raising' | 'state'>,
    boundaries,
  };
}

export function attribLexicon(res: Resources): AttribLexicon {
  let lex = cache.get(res);
  if (!lex) cache.set(res, (lex = compile(res)));
  return lex;
}
