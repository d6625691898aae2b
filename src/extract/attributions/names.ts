import type { Analysis } from '../analysis.js';
import type { Mention } from '../../model/index.js';
import type { Ctx } from './context.js';
import { isCap } from './context.js';
import { tokenAt } from '../util/spans.js';

/** A name in the text, with the title written before it ("UN Secretary-General" + "Ban Ki-Moon"). */
export interface NameMention {
  /** tokens of the name itself, title excluded */
  first: number;
  last: number;
  name: string;
  title: string | null;
  /** person (true), organisation or group (false), unknown (null) */
  person: boolean | null;
  /** id of the Entity when the entity recogniser found it */
  entity: string | null;
  /** the entity's canonical name, when known */
  canonical: string | null;
  /** lower-cased words of the name */
  words: string[];
}

const JOIN_INNER = new Set(['of', 'for', 'de', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'la', 'le', 'du', 'da']);

/**
 * The names of the article in text order: runs of capitalised words with their titles split off;
 * where the entity recogniser found a PER or ORG mention over a run, its type and entity id are kept.
 */
export function nameMentions(a: Analysis, ctx: Ctx): NameMention[] {
  let runs = capitalisedRuns(a, ctx);
  const ner = a.mentions.filter((m) => m.type === 'PER' || m.type === 'ORG').sort((x, y) => x.start - y.start);
  if (!ner.length) return runs;
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  runs = splitAtMentions(ctx, runs, ner);
  for (const r of runs) titleThroughOf(a, ctx, r, ner);
  let k = 0;
  for (const r of runs) {
    const start = ctx.toks[r.first]!.start, end = ctx.toks[r.last]!.end;
    while (k < ner.length && ner[k]!.end <= start) k++;
    // the mention overlapping the run's last word (the head of the name)
    for (let j = k; j < ner.length && ner[j]!.start < end; j++) {
      const m = ner[j]!;
      if (m.end < ctx.toks[r.last]!.end || m.start > ctx.toks[r.last]!.start) continue;
      const orgWords = r.words.some((w) => ctx.lex.orgWords.has(w));
      // "SP Mohammed Shehu" tagged ORG: a person's title before two or more name words makes a person
      const titled = m.type === 'ORG' && r.title !== null && r.words.length >= 2 && !orgWords && m.start < ctx.toks[r.first]!.start;
      if (titled) { r.person = true; break; }
      r.person = m.type === 'PER' ? !orgWords : false;
      r.entity = m.entity;
      const ent = byId.get(m.entity);
      // the recogniser's canonical name, when it is a longer form of this name ("Mitchell" -> "Andrew Mitchell")
      if (ent && /^\p{Lu}/u.test(ent.name) && ent.name.split(/\s+/).length > r.words.length && r.words.every((w) => ent.name.toLowerCase().split(/\s+/).includes(w))) r.canonical = ent.name;
      break;
    }
  }
  return runs;
}

/**
 * "Superintendent of Police Ravi Kumar": a title cut at its role word leaves "of Police Ravi Kumar";
 * the person the recogniser found at the end of the run is the name, the rest joins the title.
 */
function titleThroughOf(a: Analysis, ctx: Ctx, r: NameMention, ner: Mention[]): void {
  if (r.title === null || !JOIN_INNER.has(ctx.lower[r.first]!)) return;
  const end = ctx.toks[r.last]!.end;
  const m = ner.find((x) => x.type === 'PER' && x.end === end && x.start > ctx.toks[r.first]!.start);
  if (!m) return;
  const first = tokenIndex(ctx, m.start);
  r.title = `${r.title} ${a.text.slice(ctx.toks[r.first]!.start, ctx.toks[first - 1]!.end)}`;
  r.first = first;
  r.name = m.text;
  r.words = ctx.lower.slice(first, r.last + 1).filter((w) => /\p{L}/u.test(w));
  r.person = true;
}

/**
 * A run whose last word lies in no recogniser mention but which holds mentions is a title-case line or
 * a string of names ("Chris Christie Says Trump Will Win"): its names are the mentions inside it.
 */
function splitAtMentions(ctx: Ctx, runs: NameMention[], ner: Mention[]): NameMention[] {
  const out: NameMention[] = [];
  for (const r of runs) {
    const start = ctx.toks[r.first]!.start, end = ctx.toks[r.last]!.end;
    const inside = ner.filter((m) => m.start >= start && m.end <= end);
    const headCovered = inside.some((m) => m.end >= ctx.toks[r.last]!.end - 2);
    // two names side by side ("Washington Post Trump said"), not a title between them ("UN Secretary-General Ban Ki-moon")
    const abutting = inside.some((m, k) => k > 0 && /^\s+$/.test(ctx.text.slice(inside[k - 1]!.end, m.start)));
    if (!inside.length || (headCovered && !abutting)) { out.push(r); continue; }
    for (const m of inside) {
      const first = tokenIndex(ctx, m.start), last = tokenIndex(ctx, m.end - 1);
      const words = ctx.lower.slice(first, last + 1).filter((w) => /\p{L}/u.test(w));
      if (!words.length) continue;
      out.push({ first, last, name: m.text, title: null, person: m.type === 'PER' ? true : false, entity: null, canonical: null, words });
    }
  }
  return out;
}

/** The index of the token covering `offset`. */
const tokenIndex = (ctx: Ctx, offset: number) => tokenAt(ctx.seg, offset)!.index;

/** Splits leading title words off a name ("ITV News Correspondent" | "Dan Rivers"). */
export function splitTitle(ctx: Ctx, first: number, last: number): { first: number; title: string | null } {
  let cut = -1;
  for (let k = first; k < last; k++) if (ctx.lex.roles.has(ctx.lower[k]!.replace(/\.$/, ''))) cut = k;
  // "Mr" + "." : the period belongs to the title
  let nameFirst = cut >= 0 ? cut + 1 : first;
  while (nameFirst <= last && /^[.,]$/.test(ctx.toks[nameFirst]!.text)) nameFirst++;
  if (nameFirst > last) return { first, title: null };
  // a lower-case role word right before the name starts the title ("correspondent Dan Rivers")
  let tFirst = first;
  if (cut < 0) {
    let k = first - 1;
    // "one resident, Salah Al-Ashkar": a role noun in apposition before the name
    if (k >= 1 && ctx.toks[k]!.text === ',' && (ctx.lex.roles.has(ctx.lower[k - 1]!) || ctx.lex.anonymous.get(ctx.lower[k - 1]!) === 'anonymous')) {
      // "Labour's shadow home secretary, Yvette Cooper"
      const from = ctx.lex.roles.has(ctx.lower[k - 1]!) ? modifiersBefore(ctx, k - 1) : k - 1;
      return { first: nameFirst, title: ctx.text.slice(ctx.toks[from]!.start, ctx.toks[k - 1]!.end) };
    }
    if (k >= 0 && ctx.lex.roles.has(ctx.lower[k]!)) {
      // "the French interior minister Gérald Darmanin", "ITV News correspondent Dan Rivers"
      tFirst = modifiersBefore(ctx, k);
      return { first: nameFirst, title: ctx.text.slice(ctx.toks[tFirst]!.start, ctx.toks[k]!.end) };
    }
    return { first: nameFirst, title: null };
  }
  return { first: nameFirst, title: ctx.text.slice(ctx.toks[first]!.start, ctx.toks[cut]!.end).replace(/\s*[.,]$/, '') };
}

/** The first of the words that modify the role noun at k ("French interior", "Labour's shadow home"). */
function modifiersBefore(ctx: Ctx, k: number): number {
  const sentence = ctx.toks[k]!.sentence;
  let i = k;
  while (i - 1 >= 0 && k - (i - 1) <= 4) {
    const t = ctx.toks[i - 1]!, w = ctx.lower[i - 1]!;
    if (t.sentence !== sentence) break;
    if (/^['\u2019]s$/u.test(t.text) && !t.spaceBefore) { i--; continue; }
    if (t.kind !== 'word' || ctx.lex.determiners.has(w) || ctx.lex.boundaries.has(w) || ctx.lex.verbs.has(w) || ctx.lex.skip.has(w) || ctx.lex.pronouns.has(w)) break;
    if (!isCap(t) && !/^\p{Ll}+$/u.test(t.text)) break;
    i--;
  }
  return i;
}

function capitalisedRuns(a: Analysis, ctx: Ctx): NameMention[] {
  const { toks, lower, lex } = ctx;
  const out: NameMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isCap(toks[i]) || toks[i]!.kind !== 'word') continue;
    const sentStart = ctx.seg.sentences[toks[i]!.sentence]!.tokenStart;
    let first = i;
    let j = i;
    while (j + 1 < toks.length && toks[j + 1]!.sentence === toks[i]!.sentence) {
      const n = toks[j + 1]!;
      if (isCap(n) && n.kind === 'word') { j++; continue; }
      if ((n.text === '-' || n.text === '.') && !n.spaceBefore && isCap(toks[j + 2]) && toks[j]!.text.length <= 2) { j += 2; continue; }
      if (n.text === '.' && !n.spaceBefore && toks[j]!.text.length === 1) { j++; continue; }
      if (JOIN_INNER.has(lower[j + 1]!) && isCap(toks[j + 2]) && toks[j + 2]!.kind === 'word') { j += 2; continue; }
      break;
    }
    i = j;
    // a capitalised function word opening the sentence is no name ("The", "But", "He")
    while (first <= j && (first === sentStart || toks[first - 1]?.kind === 'quote') && (lex.determiners.has(lower[first]!) || lex.boundaries.has(lower[first]!) || lex.pronouns.has(lower[first]!) || lex.skip.has(lower[first]!))) first++;
    while (first <= j && lex.determiners.has(lower[first]!)) first++;
    if (first > j) continue;
    let last = j;
    while (last > first && /^[.-]$/.test(toks[last]!.text)) last--;
    const split = splitTitle(ctx, first, last);
    const words = lower.slice(split.first, last + 1).filter((w) => /\p{L}/u.test(w));
    if (!words.length) continue;
    const org = words.some((w) => lex.orgWords.has(w)) || (words.length === 1 && /^\p{Lu}{2,}$/u.test(toks[split.first]!.text));
    const person = org ? false : words.length >= 2 || split.title !== null ? true : null;
    out.push({
      first: split.first, last, name: a.text.slice(toks[split.first]!.start, toks[last]!.end), title: split.title,
      person, entity: null, canonical: null, words,
    });
  }
  return out;
}
