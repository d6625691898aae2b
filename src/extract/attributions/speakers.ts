import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Speaker } from '../../model/attributions.js';
import type { Ctx } from './context.js';
import type { Found } from './index.js';
import { nameMentions, type NameMention } from './names.js';
import { isCap } from './context.js';

const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'madam', 'queen', 'princess', 'spokeswoman', 'chairwoman', 'congresswoman']);
const MALE_TITLES = new Set(['mr', 'sir', 'king', 'prince', 'spokesman', 'chairman', 'congressman']);
// how far back (in sentences) a pronoun looks for its antecedent
const PRONOUN_WINDOW = 6;
// broadcasters and agencies named by what they are ("Syrian state TV", "state news agency")
const MEDIA_WORDS = new Set(['tv', 'television', 'radio', 'channel', 'media', 'agency']);

interface Resolved {
  speaker: Speaker;
  /** the name mention the speaker was resolved to (for later pronouns) */
  mention: NameMention | null;
  sentence: number;
}

/**
 * Resolves each attribution's source phrase to a speaker: a pronoun to the person (or body) it
 * stands for, a short name or a definite description ("the observatory") to the full name used in the
 * article, titles kept apart; unnamed sources classified as anonymous, vague or role-only.
 */
export function resolveSpeakers(a: Analysis, ctx: Ctx, res: Resources, found: Found[]): Speaker[] {
  void res;
  const names = nameMentions(a, ctx);
  const gender = new Map<string, 'm' | 'f'>(); // canonical name -> gender learnt from titles and pronouns
  for (const n of names) {
    const g = genderOfTitle(n.title);
    if (g && n.person) gender.set(canonicalOf(n, names), g);
  }
  const done: Resolved[] = [];
  const indexOf = new Map(found.map((f, k) => [f, k]));
  for (const f of found) {
    if (f.sameSpeakerAs && (indexOf.get(f.sameSpeakerAs) ?? Infinity) < done.length) {
      const prev = done[indexOf.get(f.sameSpeakerAs)!]!;
      done.push({ ...prev, sentence: ctx.toks[tokenIndexAt(ctx, f.st.content!.start)]?.sentence ?? prev.sentence });
      continue;
    }
    const src = f.st.antecedent ?? f.st.source;
    const sentence = ctx.toks[f.cue?.head ?? f.st.source?.first ?? 0]?.sentence ?? 0;
    if (!src) {
      done.push({ speaker: { name: null, entity: null, kind: 'vague', title: null }, mention: null, sentence });
      continue;
    }
    const headWord = ctx.lower[src.last]!;
    const pron = src.first === src.last ? ctx.lex.pronouns.get(headWord) : undefined;
    if (pron?.gender === 'q') {
      // "some say", "all agreed": unnamed people
      done.push({ speaker: { name: null, entity: null, kind: 'anonymous', title: null }, mention: null, sentence });
      continue;
    }
    if (pron) {
      const m = resolvePronoun(ctx, names, done, gender, src.first, pron);
      if (m && pron.gender !== 'x' && pron.gender !== 'n' && m.person !== false) gender.set(canonicalOf(m, names), pron.gender as 'm' | 'f');
      done.push({
        speaker: m ? { name: canonicalOf(m, names), entity: m.entity, kind: 'pronoun', title: titleOf(m, names) }
          : { name: null, entity: null, kind: 'pronoun', title: null },
        mention: m, sentence,
      });
      continue;
    }
    // the last name inside the source phrase is its head ("ITV News correspondent Dan Rivers")
    const inside = names.filter((n) => n.first >= src.first && n.last <= src.last
      // "Sources said", "Officials say": a capitalised first word is no name
      && !(n.words.length === 1 && ctx.lex.anonymous.has(n.words[0]!)));
    let named = inside.length ? inside[inside.length - 1]! : null;
    // "The Governor said": a capitalised role word alone is no name
    if (named && named.words.length === 1 && !named.entity && ctx.lex.roles.has(named.words[0]!)) named = null;
    // "Government forces", "Syrian officials", "a Clinton spokesman": the name only modifies a common noun
    // ("Trump's claim": the possessive ending is no common noun)
    const head = /^['\u2019]s?$/u.test(ctx.toks[src.last]!.text) && src.last > src.first ? src.last - 1 : src.last;
    // the source phrase without its determiner, up to token `last` ("Syrian state TV" of "the Syrian state TV")
    const phraseFirst = ctx.lex.determiners.has(ctx.lower[src.first]!) ? src.first + 1 : src.first;
    const phrase = (last: number) => a.text.slice(ctx.toks[phraseFirst]!.start, ctx.toks[last]!.end);
    if (named && named.last < head && !isCap(ctx.toks[head])) named = null;
    // "the head of the observatory, Rami Abdel Rahman, said": a person named in apposition to the source
    const roleHead = ctx.lex.roles.has(ctx.lower[src.last]!) || (named !== null && ctx.lower[named.first - 1] === 'of');
    // (the name may follow its own title: "The Governor, Dr. Dauda Lawal, described ...")
    const apposFirst = (n: NameMention) => n.first === src.last + 2
      || (n.first > src.last + 2 && n.first <= src.last + 5 && n.title !== null && ctx.toks.slice(src.last + 2, n.first).every((t) => t.text !== ','));
    const appos = roleHead ? names.find((n) => apposFirst(n) && ctx.toks[src.last + 1]?.text === ',' && n.person === true
      && (ctx.toks[n.last + 1]?.text === ',' || (f.cue !== null && n.last + 1 === f.cue.first))) : undefined;
    if (appos && !inside.some((n) => n.person === true)) {
      done.push({
        speaker: { name: canonicalOf(appos, names), entity: appos.entity, kind: 'named', title: phrase(src.last) },
        mention: appos, sentence,
      });
      continue;
    }
    // "the attorney general of Oklahoma": a role of a place is the role, not the place
    if (named && ctx.lower[named.first - 1] === 'of' && named.first - 1 > src.first && placeEntity(a, ctx, named)
      && ctx.lower.slice(src.first, named.first - 1).some((w) => ctx.lex.roles.has(w))) {
      done.push({ speaker: { name: null, entity: null, kind: 'role', title: phrase(src.last) }, mention: null, sentence });
      continue;
    }
    // "Syrian state TV": a broadcaster's word the recogniser took for a name is named by its whole phrase
    if (named && named.words.length === 1 && MEDIA_WORDS.has(named.words[0]!) && named.first > src.first
      && !ctx.lower.slice(src.first, named.first).some((w) => ctx.lex.roles.has(w))) {
      done.push({ speaker: { name: phrase(named.last), entity: named.entity, kind: 'named', title: null }, mention: null, sentence });
      continue;
    }
    if (named) {
      const roleTitle = named.title ?? titleBefore(ctx, src.first, named.first);
      done.push({
        speaker: { name: canonicalOf(named, names), entity: named.entity, kind: 'named', title: roleTitle ?? titleOf(named, names) },
        mention: named, sentence,
      });
      continue;
    }
    // "Republicans said", "Kurds say": a group the recogniser names, heading the source phrase
    const group = a.mentions.find((m) => m.type !== 'LOC' && m.start >= ctx.toks[src.first]!.start && m.end >= ctx.toks[head]!.end && m.end <= ctx.toks[src.last]!.end);
    if (group) {
      const ent = a.entities.find((e) => e.id === group.entity);
      done.push({ speaker: { name: ent?.name ?? group.text, entity: group.entity, kind: 'named', title: null }, mention: null, sentence });
      continue;
    }
    // an unnamed source: "a spokesman", "officials", "reports", or "the observatory" standing for a name
    const definite = ctx.lower[src.first] === 'the' || ctx.lower[src.first] === 'this';
    // every word of "the prime minister" must be in the earlier title or name, not just "minister"
    const described = ctx.lower.slice(src.first + 1, src.last + 1).filter((w) => /\p{L}/u.test(w));
    const earlier = definite ? byHeadWord(names, headWord, src.first, described) : null;
    if (earlier) {
      done.push({ speaker: { name: canonicalOf(earlier, names), entity: earlier.entity, kind: 'named', title: titleOf(earlier, names) }, mention: earlier, sentence });
      continue;
    }
    // "the army", "the defence ministry", "Government forces": a body named by what it is
    if ((definite || isCap(ctx.toks[src.first])) && ctx.lex.orgWords.has(headWord)) {
      done.push({ speaker: { name: phrase(src.last), entity: null, kind: 'named', title: null }, mention: null, sentence });
      continue;
    }
    // "the governor of Idlib province": a role before "of" heads the phrase
    const ofAt = ctx.lower.slice(src.first, src.last + 1).indexOf('of');
    const roleBeforeOf = ofAt > 0 && ctx.lower.slice(src.first, src.first + ofAt).some((w) => ctx.lex.roles.has(w));
    const kind = ctx.lex.anonymous.get(headWord) ?? (ctx.lex.roles.has(headWord) || roleBeforeOf ? 'role' : 'anonymous');
    const title = kind === 'role' ? a.text.slice(ctx.toks[src.first]!.start, ctx.toks[src.last]!.end).replace(/^(?:a|an|the)\s+/i, '') : null;
    done.push({ speaker: { name: null, entity: null, kind, title }, mention: null, sentence });
  }
  return done.map((d) => d.speaker);
}

/** Whether a name is one the recogniser calls a place. */
function placeEntity(a: Analysis, ctx: Ctx, n: NameMention): boolean {
  const head = ctx.toks[n.last]!;
  return a.mentions.some((m) => m.type === 'LOC' && m.start <= head.start && head.end <= m.end);
}

function genderOfTitle(title: string | null): 'm' | 'f' | null {
  if (!title) return null;
  const words = title.toLowerCase().split(/[\s.]+/);
  if (words.some((w) => FEMALE_TITLES.has(w))) return 'f';
  if (words.some((w) => MALE_TITLES.has(w))) return 'm';
  return null;
}

/** The role words written just before a name inside the source phrase ("Conservative" Andrew Mitchell). */
function titleBefore(ctx: Ctx, first: number, nameFirst: number): string | null {
  let k = first;
  while (k < nameFirst && ctx.lex.determiners.has(ctx.lower[k]!)) k++;
  // "a spokeswoman for the Home Office": the title is "spokeswoman", not "spokeswoman for the"
  let end = nameFirst - 1;
  while (end >= k && (ctx.lex.determiners.has(ctx.lower[end]!) || ctx.lex.boundaries.has(ctx.lower[end]!) || /^(?:for|of|at|with)$/.test(ctx.lower[end]!))) end--;
  if (end < k) return null;
  const s = ctx.text.slice(ctx.toks[k]!.start, ctx.toks[end]!.end).replace(/[\s,]+$/, '');
  return s || null;
}

/** The article's fullest name for a mention: the entity's canonical name, else the longest matching name. */
export function canonicalOf(m: NameMention, names: NameMention[]): string {
  if (m.canonical) return m.canonical;
  const best = fullerName(m, names);
  return best ? best.name : m.name;
}

function titleOf(m: NameMention, names: NameMention[]): string | null {
  if (m.title) return m.title;
  const full = fullerName(m, names);
  if (full?.title) return full.title;
  // any other mention of the same name with a title
  const same = names.find((n) => n.title && n.name === (full?.name ?? m.name));
  return same?.title ?? null;
}

/**
 * A longer name for the same referent: for a person, a name ending with the same surname ("Mitchell"
 * -> "Andrew Mitchell"), the nearest one before it first; for an organisation, one that begins with
 * the same words ("Syrian Observatory" -> "Syrian Observatory for Human Rights").
 */
function fullerName(m: NameMention, names: NameMention[]): NameMention | null {
  let best: NameMention | null = null;
  let bestScore = -Infinity;
  const last = m.words[m.words.length - 1];
  for (const n of names) {
    if (n === m || n.words.length <= m.words.length) continue;
    const prefix = (m.person !== true || n.person === false) && m.words.every((w, k) => n.words[k] === w);
    const surname = m.person !== false && n.person !== false && n.words[n.words.length - 1] === last
      && m.words.every((w) => n.words.includes(w));
    if (!prefix && !surname) continue;
    // prefer names before the mention, the nearest first; then the longest
    const before = n.first < m.first;
    const score = (before ? 1e6 - (m.first - n.first) : -(n.first - m.first)) + n.words.length;
    if (score > bestScore) { bestScore = score; best = n; }
  }
  return best;
}

/** "the observatory" -> the nearest earlier name with that word ("Syrian Observatory for Human Rights"). */
function byHeadWord(names: NameMention[], head: string, before: number, words: readonly string[] = [head]): NameMention | null {
  let best: NameMention | null = null;
  for (const n of names) {
    if (n.first >= before) break;
    const known = new Set([...n.words, ...(n.title ? n.title.toLowerCase().split(/[\s.]+/) : [])]);
    if (known.has(head) && words.every((w) => known.has(w))) best = n;
  }
  return best;
}

/**
 * The antecedent of a subject pronoun: the speaker of a recent attribution or the first fitting name
 * of the nearest earlier sentence that has one (subjects come first), skipping names of the wrong kind
 * or gender.
 */
function resolvePronoun(
  ctx: Ctx, names: NameMention[], done: Resolved[], gender: Map<string, 'm' | 'f'>,
  at: number, pron: { gender: string; number: string },
): NameMention | null {
  const wantPerson = pron.gender === 'm' || pron.gender === 'f' ? true : pron.gender === 'n' ? false : null;
  const fits = (m: NameMention | null): m is NameMention => {
    if (!m) return false;
    if (wantPerson === true && m.person === false) return false;
    if (wantPerson === false && m.person === true) return false;
    if (wantPerson === true && m.person === null && m.words.length < 2 && !names.some((n) => n !== m && n.person && n.words.at(-1) === m.words.at(-1))) return false;
    if (pron.number === 'p' && m.person === true) return false;
    const g = gender.get(canonicalOf(m, names));
    if (g && (pron.gender === 'm' || pron.gender === 'f') && g !== pron.gender) return false;
    return true;
  };
  const sent = ctx.toks[at]!.sentence;
  // names earlier in the same sentence first ("Smith said he..." is not a source case, but "Smith, who he ...")
  const bySentence = new Map<number, NameMention[]>();
  for (const n of names) {
    if (n.first >= at) break;
    const s = ctx.toks[n.first]!.sentence;
    if (s < sent - PRONOUN_WINDOW) continue;
    let l = bySentence.get(s);
    if (!l) bySentence.set(s, (l = []));
    l.push(n);
  }
  for (let s = sent; s >= Math.max(0, sent - PRONOUN_WINDOW); s--) {
    const prev = [...done].reverse().find((d) => d.sentence === s && fits(d.mention));
    if (prev) return prev.mention;
    const cands = (bySentence.get(s) ?? []).filter(fits);
    if (cands.length) return s === sent ? cands[cands.length - 1]! : cands[0]!;
  }
  return null;
}

function tokenIndexAt(ctx: Ctx, offset: number): number {
  let lo = 0, hi = ctx.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.toks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
