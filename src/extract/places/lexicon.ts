import type { Resources } from '../../resources/resources.js';
import { PhraseMatcher } from '../util/phrases.js';

/** The word lists of the places stage (data/lexicon/place-*.txt), compiled once per Resources. */
export interface PlaceLexicon {
  /** region cue word -> preferred admin level (1 or 2) */
  regionCues: ReadonlyMap<string, number>;
  cityCues: ReadonlySet<string>;
  /** "eastern" -> "east" */
  parts: ReadonlyMap<string, string>;
  /** "outskirts" -> true (implies a town) */
  partNouns: PhraseMatcher<boolean>;
  literalHeads: PhraseMatcher<string>;
  orgHeads: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  /** lower-case nouns after a place name that make it part of another name: "virus" -> drop, "agreement" -> associative */
  nameHeads: ReadonlyMap<string, string>;
  /** words after a demonym that make it a noun ("an American was hurt") */
  demonymNounCues: ReadonlySet<string>;
  /** nouns after a demonym that make it a language ("English speakers") */
  languageHeads: ReadonlySet<string>;
  /** titles before a person's name ("President", "Gov."), lower case, no final dot */
  titles: ReadonlySet<string>;
  /** "Ga." -> "US.GA" (case-sensitive keys) */
  stateAbbreviations: ReadonlyMap<string, string>;
  /** head words of streets, buildings and sites ("street", "hospital") -> GeoNames feature code */
  localHeads: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Resources, PlaceLexicon>();

const listOr = (res: Resources, name: string): readonly string[] => (res.has(`lexicon/${name}.txt`) ? res.list(name) : []);
const fields = (line: string) => line.split('\t').map((f) => f.trim());

export function placeLexicon(res: Resources): PlaceLexicon {
  let lex = cache.get(res);
  if (lex) return lex;
  const regionCues = new Map(listOr(res, 'place-region-cues').map((l) => { const [w, lv] = fields(l); return [w!.toLowerCase(), Number(lv) || 1] as const; }));
  const parts = new Map(listOr(res, 'place-parts').map((l) => { const [w, p] = fields(l); return [w!.toLowerCase(), p ?? w!.toLowerCase()] as const; }));
  const partNouns = new PhraseMatcher(new Map(listOr(res, 'place-part-nouns').map((l) => { const [w, c] = fields(l); return [w!, c === '1'] as const; })));
  const titles = new Set<string>();
  for (const t of listOr(res, 'ner-titles')) titles.add(t.split('\t')[0]!.toLowerCase().replace(/\.$/, ''));
  for (const t of listOr(res, 'place-person-titles')) titles.add(t.toLowerCase());
  const stateAbbreviations = new Map(listOr(res, 'place-state-abbreviations').map((l) => { const [a, c] = fields(l); return [a!, c!] as const; }));
  lex = {
    regionCues,
    cityCues: new Set(listOr(res, 'place-city-cues').map((w) => w.toLowerCase())),
    parts,
    partNouns,
    literalHeads: new PhraseMatcher(listOr(res, 'place-literal-heads')),
    orgHeads: new Set(listOr(res, 'place-org-heads').map((w) => w.toLowerCase())),
    stopWords: new Set(listOr(res, 'place-stop-words').map((w) => w.toLowerCase())),
    nameHeads: new Map(listOr(res, 'place-name-heads').map((l) => { const [w, v] = fields(l); return [w!.toLowerCase(), v ?? 'drop'] as const; })),
    demonymNounCues: new Set(listOr(res, 'place-demonym-noun-cues').map((w) => w.toLowerCase())),
    languageHeads: new Set(listOr(res, 'place-language-heads').map((w) => w.toLowerCase())),
    titles,
    stateAbbreviations,
    localHeads: new Map(listOr(res, 'place-local-heads').map((l) => { const [w, c] = fields(l); return [w!.toLowerCase(), c ?? 'BLDG'] as const; })),
  };
  cache.set(res, lex);
  return lex;
}
