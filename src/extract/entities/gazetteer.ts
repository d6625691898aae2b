/**
 * Gazetteer-membership features: which tokens lie in a listed place, organisation or nationality
 * name, and where (B/I/L/U). Lists: data/lexicon/ner-gaz-{loc,org,misc,extra}.txt.
 */
import type { Resources } from '../../resources/resources.js';
import type { Token } from '../../segment/types.js';
import { PhraseMatcher } from '../util/phrases.js';
import { hashString } from '../../util/hash.js';
import type { NerDoc } from './doc.js';

/**
 * A PhraseMatcher for a long list: one-word entries (most place names) in a set, the rest in the trie,
 * which is much quicker to build at start-up and finds the same non-overlapping longest matches.
 */
class ListMatcher {
  private readonly words = new Set<string>();
  /** one-word entries as written, for acronyms: "UN" is not the town of Un */
  private readonly exact = new Set<string>();
  private readonly phrases: PhraseMatcher<string>;
  constructor(entries: readonly string[]) {
    const multi: string[] = [];
    for (const e of entries) {
      if (ONE_WORD.test(e)) { this.words.add(e.toLowerCase()); this.exact.add(e); }
      else multi.push(e);
    }
    this.phrases = new PhraseMatcher(multi);
  }
  /** `raw[i]` is token i as written; an all-caps word matches only an entry written so (unless `caseless(i)`). */
  findAll(tokens: readonly Token[], raw: readonly string[], caseless: (i: number) => boolean): { first: number; last: number }[] {
    const out: { first: number; last: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = this.phrases.matchAt(tokens, i);
      if (m) { out.push(m); i = m.last; continue; }
      const w = raw[i]!;
      if (ACRONYM.test(w) && !caseless(i) ? this.exact.has(w) : this.words.has(tokens[i]!.text.toLowerCase())) out.push({ first: i, last: i });
    }
    return out;
  }
}
const ACRONYM = /^\p{Lu}{2,5}$/u;
/** An entry the tokenizer keeps as one token (see splitEntry in util/phrases.ts). */
const ONE_WORD = /^[\p{L}\p{M}\p{N}]+(?:[-'\u2019][\p{L}\p{M}\p{N}]+)*$/u;

type Gaz = [string, ListMatcher];

export function gazetteerFeatures(res: Resources): ((doc: NerDoc) => number[][]) | undefined {
  const lists: Gaz[] = [];
  const plain = (type: string, name: string) => {
    if (res.has(`lexicon/${name}.txt`)) lists.push([type, new ListMatcher(res.list(name))]);
  };
  plain('LOC', 'ner-gaz-loc');
  plain('ORG', 'ner-gaz-org');
  plain('MISC', 'ner-gaz-misc');
  if (res.has('lexicon/ner-gaz-extra.txt')) {
    const byType = new Map<string, string[]>();
    for (const line of res.list('ner-gaz-extra')) {
      const [type, name] = line.split('\t');
      if (!type || !name) continue;
      byType.set(type, [...(byType.get(type) ?? []), name]);
    }
    for (const [type, names] of [...byType].sort()) lists.push([type + 'x', new ListMatcher(names)]);
  }
  if (!lists.length) return undefined;
  const featureOf = new Map<string, number>();
  const feat = (k: string) => {
    let h = featureOf.get(k);
    if (h === undefined) featureOf.set(k, (h = hashString(k)));
    return h;
  };
  return (doc) => {
    const toks: Token[] = doc.tokens.map((t, i) => ({ index: i, start: t.start, end: t.end, text: t.norm, kind: 'word', sentence: t.sentence, spaceBefore: true }));
    const out: number[][] = doc.tokens.map(() => []);
    const raw = doc.tokens.map((t) => t.raw);
    const caseless = (i: number) => doc.sentences[doc.tokens[i]!.sentence]!.allCaps;
    for (const [type, matcher] of lists) {
      for (const m of matcher.findAll(toks, raw, caseless)) {
        const first = doc.tokens[m.first]!;
        // a listed name counts where it is written as a name (capitalised, or on an all-caps line)
        if (!/^[\p{Lu}\p{N}]/u.test(first.raw) && !doc.sentences[first.sentence]!.allCaps) continue;
        if (m.first === m.last) out[m.first]!.push(feat(`${type}-U`));
        else {
          out[m.first]!.push(feat(`${type}-B`));
          for (let i = m.first + 1; i < m.last; i++) out[i]!.push(feat(`${type}-I`));
          out[m.last]!.push(feat(`${type}-L`));
        }
      }
    }
    return out;
  };
}
