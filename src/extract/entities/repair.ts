/**
 * Document-level repairs of the tagger's spans before linking, for name shapes the training data
 * hardly shows:
 * - a title inside a person's name is cut off ("Labour MP Margaret Hodge" -> "Margaret Hodge"), as the
 *   CoNLL convention the tagger learns from wants (the title stays on the entity, see titles.ts), and
 *   so is one run into the organisation before a name ("ITV News Correspondent" + "Dan Rivers");
 * - a romanised East Asian personal name, "Ban Ki-moon", "Moon Jae-in": a short capitalised word and a
 *   capitalised syllable with a lower-case hyphen tail, is a person (not MISC, as "Russian-backed" is),
 *   also when the tagger only marked the given name;
 * - a short form of a longer name in the same article ("the Syrian Observatory" after "Syrian
 *   Observatory for Human Rights") is one name of the long name's type, even if the tagger only saw
 *   "Syrian";
 * - a place's name run into an organisation's word ("Kurdistan Regional Government") is an
 *   organisation, and so is a listed organisation's acronym ("UN"); a facility is a place, its head
 *   word included ("Samarra Barrage"), and a named operation is MISC;
 * - an acronym the tagger missed that spells the initials of an organisation named in the article
 *   ("SOHR") is that organisation's name.
 */
import type { NerDoc } from './doc.js';
import type { TaggedSpan } from './tagger.js';
import { TYPES } from './labels.js';
import { titleEndingAt, type TitleLexicon } from './titles.js';

const PER = TYPES.indexOf('PER'), ORG = TYPES.indexOf('ORG'), LOC = TYPES.indexOf('LOC'), MISC = TYPES.indexOf('MISC');

export interface RepairLexicon {
  /** lower-case tails that make "X-tail" a modifier, not a name part ("era", "style") */
  hyphenTails: ReadonlySet<string>;
  /** lower-cased word -> how often news capitalises it mid-sentence, 0..4 (see features.ts) */
  capPrior?: ReadonlyMap<string, number>;
  /** last words that make a name an organisation ("government", "council") */
  orgTails?: ReadonlySet<string>;
  /** acronyms the organisation list has and the place list has not, as written ("UN", "NATO") */
  orgAcronyms?: ReadonlySet<string>;
  /** last words of facilities' names ("mosque", "barrage") */
  facilityTails?: ReadonlySet<string>;
}

const FAMILY = /^\p{Lu}\p{Ll}{1,5}$/u;
const GIVEN = /^\p{Lu}\p{Ll}{1,4}-(\p{Ll}{1,5})$/u; // not "T-bills"

/** "Ban" + "Ki-moon": the two-token shape of a romanised family + given name. */
function hyphenatedPersonal(doc: NerDoc, first: number, lex: RepairLexicon): boolean {
  const a = doc.tokens[first], b = doc.tokens[first + 1];
  if (!a || !b || a.sentence !== b.sentence || doc.sentences[a.sentence]!.allCaps) return false;
  const m = GIVEN.exec(b.norm);
  if (!FAMILY.test(a.norm) || !m) return false;
  const tail = m[1]!;
  return !/(?:ed|ing)$/.test(tail) && !lex.hyphenTails.has(tail);
}

const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'al']);
const ACRONYM = /^\p{Lu}{2,6}$/u;

export function repairSpans(doc: NerDoc, spans: readonly TaggedSpan[], lex: RepairLexicon, titles?: TitleLexicon): TaggedSpan[] {
  const toks = doc.tokens;
  let out = spans.map((s) => ({ ...s }));
  // 0. titles inside person names: the name starts after the last title phrase
  if (titles) {
    for (const s of out) {
      if (s.type !== PER) continue;
      for (let k = s.last - 1; k >= s.first; k--) {
        const t = titleEndingAt(doc, titles, k);
        if (t && /^\p{Lu}/u.test(toks[k + 1]!.raw)) { s.first = k + 1; break; }
      }
    }
    // "[ITV News Correspondent] [Dan Rivers]": an outlet or office with the title run into it
    out.forEach((s, k) => {
      const next = out[k + 1];
      if (s.type === PER || !next || next.type !== PER || next.first !== s.last + 1) return;
      const t = titleEndingAt(doc, titles, s.last);
      if (t && t[0] > s.first) s.last = t[0] - 1;
    });
  }
  // a name never opens on punctuation ("Mr" + "." + "Smith": the tagger may take the title's full stop)
  for (const s of out) while (s.first < s.last && !/[\p{L}\p{N}]/u.test(toks[s.first]!.raw)) s.first++;
  // 1. hyphenated personal names: one span over both tokens, a person
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    // "Ban" (PER) + "Ki-moon" (MISC): the given name tagged apart
    if (s.type === PER && s.first === s.last && out[k + 1]?.first === s.first + 1 && out[k + 1]!.last === s.first + 1 && hyphenatedPersonal(doc, s.first, lex)) {
      out[k] = { first: s.first, last: s.first + 1, type: PER, score: Math.min(s.score, out[k + 1]!.score) };
      out.splice(k + 1, 1);
      continue;
    }
    if (s.type === PER) continue;
    if (s.last - s.first === 1 && hyphenatedPersonal(doc, s.first, lex)) s.type = PER;
    else if (s.first === s.last && out[k + 1]?.first === s.first + 1 && out[k + 1]!.last === s.first + 1 && hyphenatedPersonal(doc, s.first, lex)) {
      out[k] = { first: s.first, last: s.first + 1, type: PER, score: Math.min(s.score, out[k + 1]!.score) };
      out.splice(k + 1, 1);
    } else if (s.first === s.last && s.first > 0 && (k === 0 || out[k - 1]!.last < s.first - 1) && hyphenatedPersonal(doc, s.first - 1, lex)) {
      // only the given name tagged: the word before must be one news capitalises ("Moon", not "The": capitalised mid-sentence at times, or unknown)
      const p = lex.capPrior?.get(toks[s.first - 1]!.lower);
      if (p === undefined || p >= 1) out[k] = { first: s.first - 1, last: s.first, type: PER, score: s.score };
    }
  }
  // 1a. "Hong Kong-style", "Obama-era": a name with a modifier's tail is no person
  for (const s of out) {
    const tail = /-(\p{Ll}+)$/u.exec(toks[s.last]!.raw)?.[1];
    if (s.type === PER && tail && lex.hyphenTails.has(tail)) s.type = MISC;
  }
  // 1b. a place name run into an organisation's word is the organisation ("Kurdistan Regional Government")
  for (const s of out) if (s.type === LOC && s.last > s.first && lex.orgTails?.has(toks[s.last]!.lower)) s.type = ORG;
  // 1d. "Brandbergen" + "Mosque", "Samarra Barrage" (ORG): a facility is a place, its head word included
  for (const [k, s] of out.entries()) {
    if (s.type === PER || s.type === MISC) continue;
    const next = toks[s.last + 1];
    const free = !out[k + 1] || out[k + 1]!.first > s.last + 1;
    if (next && free && next.sentence === toks[s.last]!.sentence && /^\p{Lu}/u.test(next.raw) && lex.facilityTails?.has(next.lower)) s.last++;
    if (lex.facilityTails?.has(toks[s.last]!.lower) && s.last > s.first) s.type = LOC;
  }
  // "Operation Steel Curtain": a named operation is no organisation
  for (const s of out) if (s.type !== PER && s.last > s.first && toks[s.first]!.raw === 'Operation') s.type = MISC;
  // 1c. a listed organisation's acronym is the organisation ("the UN says"; "Un" is also a town)
  for (const s of out) {
    if (s.type === ORG || s.type === PER || s.first !== s.last || doc.sentences[toks[s.first]!.sentence]!.allCaps) continue;
    if (lex.orgAcronyms?.has(toks[s.first]!.raw)) s.type = ORG;
  }
  // the long names of the article: 3+ words, not people
  const longNames = out.filter((s) => s.type !== PER && s.last - s.first >= 2);
  if (!longNames.length) return out;
  const covered = new Int32Array(toks.length).fill(-1);
  out.forEach((s, k) => { for (let i = s.first; i <= s.last; i++) covered[i] = k; });
  const added: TaggedSpan[] = [];
  const drop = new Set<number>();
  // 2. short forms: the first two or more words of a long name, capitalised as there
  for (const ln of longNames) {
    for (let len = ln.last - ln.first; len >= 2; len--) {
      const pre = toks.slice(ln.first, ln.first + len);
      if (!/^\p{Lu}\p{L}/u.test(pre[len - 1]!.raw)) continue; // ends on a name word, not "of" or "'s"
      for (let i = 0; i + len <= toks.length; i++) {
        if (i === ln.first) continue;
        let same = true;
        for (let j = 0; j < len && same; j++) same = toks[i + j]!.norm === pre[j]!.norm && toks[i + j]!.sentence === toks[i]!.sentence;
        if (!same) continue;
        const next = toks[i + len];
        if (next && next.sentence === toks[i]!.sentence && next.lower === toks[ln.first + len]!.lower) continue; // the long name itself
        // only where the tagger split or missed it: every span touching it lies inside it
        const touching = new Set<number>();
        for (let j = i; j < i + len; j++) if (covered[j]! >= 0) touching.add(covered[j]!);
        if ([...touching].some((k) => out[k]!.first < i || out[k]!.last >= i + len)) continue;
        // the tagger saw a name there but cut it differently (untouched words may be a title-case headline)
        if (!touching.size || (touching.size === 1 && [...touching].every((k) => out[k]!.first === i && out[k]!.last === i + len - 1))) continue;
        if (added.some((a) => a.first <= i + len - 1 && i <= a.last)) continue;
        for (const k of touching) drop.add(k);
        added.push({ first: i, last: i + len - 1, type: ln.type, score: ln.score });
      }
    }
  }
  // 3. acronyms left untagged that spell an organisation's initials
  const initialsOf = new Map<string, TaggedSpan>();
  for (const ln of longNames) {
    if (ln.type !== ORG) continue;
    const words = toks.slice(ln.first, ln.last + 1).filter((t) => /^\p{Lu}/u.test(t.raw) && !FUNCTION_WORDS.has(t.lower));
    if (words.length >= 3) initialsOf.set(words.map((t) => t.raw[0]!).join(''), ln);
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covered[i]! >= 0 || !ACRONYM.test(t.raw) || doc.sentences[t.sentence]!.allCaps) continue;
    const ln = initialsOf.get(t.raw);
    if (ln && !added.some((a) => a.first <= i && i <= a.last)) added.push({ first: i, last: i, type: ORG, score: ln.score });
  }
  if (!added.length) return out;
  out = out.filter((_, k) => !drop.has(k)).concat(added);
  return out.sort((a, b) => a.first - b.first);
}
