/**
 * Links the names of one article into entities: one Entity per real-world thing. The longest full
 * name is canonical; surnames and given names ("Mitchell" after "Andrew Mitchell"), short forms
 * ("the Syrian Observatory" for "Syrian Observatory for Human Rights") and acronyms ("SOHR", also
 * "Long Name (LN)") join it. A lone surname of a person is a person even if the tagger said otherwise.
 */
import type { Entity, EntityType, Mention } from '../../model/entities.js';
import { spanOf } from '../../model/span.js';
import type { NerDoc } from './doc.js';
import { TYPES } from './labels.js';
import type { TaggedSpan } from './tagger.js';
import { titlesOf, type TitleLexicon } from './titles.js';
import { repairSpans, type RepairLexicon } from './repair.js';

interface Item {
  span: TaggedSpan;
  type: EntityType;
  text: string;
  /** name words, normalised (possessive dropped) */
  words: string[];
  key: string;
}

const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'al']);

const normWord = (s: string) => s.toLowerCase().replace(/[\u2019`]/g, "'").replace(/[\u2010\u2011\u2013]/g, '-').replace(/\.$/, '');

/** Initials of a long name: "Syrian Observatory for Human Rights" -> "sohr" (and "sofhr"). */
function initials(words: string[], raw: string[]): string[] {
  const all = raw.map((w) => w[0] ?? '').join('').toLowerCase();
  const content = raw.filter((w, i) => !FUNCTION_WORDS.has(words[i]!)).map((w) => w[0] ?? '').join('').toLowerCase();
  // hyphenated parts count too: "Secretary-General" -> "sg"
  const parts = raw.filter((w, i) => !FUNCTION_WORDS.has(words[i]!)).flatMap((w) => w.split('-')).map((w) => w[0] ?? '').join('').toLowerCase();
  return [...new Set([all, content, parts])];
}

const isAcronym = (s: string) => /^(?:[\p{Lu}]\.?){2,7}$/u.test(s.replace(/\.$/, '')) || /^[\p{Lu}][\p{Lu}&]{1,6}$/u.test(s);

export function linkEntities(doc: NerDoc, tagged: TaggedSpan[], titleLex: TitleLexicon, repair: RepairLexicon = { hyphenTails: new Set() }): { mentions: Mention[]; entities: Entity[] } {
  const spans = repairSpans(doc, tagged, repair, titleLex);
  const items: Item[] = spans.map((span) => {
    const raw: string[] = [];
    for (let i = span.first; i <= span.last; i++) raw.push(doc.tokens[i]!.norm);
    const words = raw.map(normWord).filter((w) => w !== "'s" && w !== "'");
    return {
      span, type: TYPES[span.type]!, text: doc.text.slice(doc.tokens[span.first]!.start, doc.tokens[span.last]!.end),
      words, key: words.join(' '),
    };
  });
  const n = items.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  const union = (a: number, b: number) => { const ra = find(a), rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };

  // full person names (2+ words): their surnames and given names
  const people = items.map((it, i) => [it, i] as const).filter(([it]) => it.type === 'PER' && it.words.length >= 2);
  const surnameOf = new Map<string, number[]>();
  const givenOf = new Map<string, number[]>();
  for (const [it, i] of people) {
    const push = (m: Map<string, number[]>, k: string) => { const l = m.get(k) ?? []; l.push(i); m.set(k, l); };
    push(surnameOf, it.words[it.words.length - 1]!);
    push(givenOf, it.words[0]!);
  }
  // a lone word that is a known person's surname is that person (document-level consistency)
  for (const it of items) if (it.words.length === 1 && it.type !== 'PER' && surnameOf.has(it.key) && !isAcronym(it.text)) it.type = 'PER';

  const byKey = new Map<string, number>();
  const nearest = (cands: number[], i: number) => {
    // the closest full name before the mention, else the first after it
    let best = -1;
    for (const c of cands) if (c < i) best = c;
    return best >= 0 ? best : cands[0]!;
  };
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const k = `${it.type}|${it.key}`;
    const seen = byKey.get(k);
    if (seen !== undefined) union(seen, i);
    else byKey.set(k, i);
  }
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    if (it.type === 'PER' && it.words.length === 1) {
      const s = surnameOf.get(it.key) ?? givenOf.get(it.key);
      if (s) union(nearest(s, i), i);
    } else if (it.type === 'PER' && it.words.length >= 2) {
      // "Ban" + "Ban Ki-Moon": also a longer name whose words end with this one ("Mr Smith", "John Smith")
    }
  }
  // acronyms and short forms of organisations, places and other names
  const longForms = items.map((it, i) => [it, i] as const).filter(([it]) => it.words.length >= 2 && it.type !== 'PER');
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    if (it.type === 'PER') continue;
    if (it.words.length === 1 && isAcronym(it.text)) {
      const acr = it.text.replace(/\./g, '').toLowerCase();
      // "Long Name (LN)": the name right before the bracket
      const prev = i > 0 ? items[i - 1]! : null;
      // an acronym takes the type of the name it abbreviates
      // (a one-word name before the bracket must spell it: not "Aleppo (AFP)")
      if (prev && prev.span.last + 2 === it.span.first && doc.tokens[it.span.first - 1]!.raw === '(' && prev.type !== 'PER' &&
        (prev.words.length >= 2 || initials(prev.words, rawWords(doc, prev.span)).includes(acr))) {
        union(i - 1, i);
        it.type = prev.type;
        continue;
      }
      const match = longForms.filter(([lf]) => initials(lf.words, rawWords(doc, lf.span)).includes(acr));
      if (match.length) {
        const j = nearest(match.map(([, j]) => j), i);
        union(j, i);
        it.type = items[j]!.type;
      }
      continue;
    }
    if (it.words.length >= 2) {
      // a short form: the first words of a longer name of the same kind
      const match = longForms.filter(([lf]) => lf.type === it.type && lf.words.length > it.words.length && it.words.every((w, k) => lf.words[k] === w));
      if (match.length) union(nearest(match.map(([, j]) => j), i), i);
    }
  }

  // entities in order of first mention
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  }
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const entityOf = new Int32Array(n);
  let e = 0;
  for (const [, members] of [...groups].sort((a, b) => a[1][0]! - b[1][0]!)) {
    const id = `e${++e}`;
    for (const m of members) entityOf[m] = e - 1;
    // type: the most frequent among its mentions (a person wins when a full name is there)
    const count = new Map<EntityType, number>();
    for (const m of members) count.set(items[m]!.type, (count.get(items[m]!.type) ?? 0) + 1);
    let type: EntityType = items[members[0]!]!.type, best = -1;
    for (const [t, c] of count) if (c > best || (c === best && t === 'PER')) { type = t; best = c; }
    if (members.some((m) => items[m]!.type === 'PER' && items[m]!.words.length >= 2)) type = 'PER';
    // canonical name: the longest non-acronym text
    const names = members.map((m) => items[m]!).filter((it) => !(it.words.length === 1 && isAcronym(it.text)));
    const pool = names.length ? names : members.map((m) => items[m]!);
    const canon = pool.reduce((a, b) => (b.words.length > a.words.length || (b.words.length === a.words.length && b.text.length > a.text.length) ? b : a));
    const aliases = [...new Set(members.map((m) => cleanName(items[m]!.text)).filter((t) => t !== cleanName(canon.text)))];
    entities.push({ id, type, name: cleanName(canon.text), aliases, titles: [], mentions: [] });
  }
  items.forEach((it, i) => {
    const ent = entities[entityOf[i]!]!;
    const id = `m${i + 1}`;
    ent.mentions.push(id);
    mentions.push({ id, start: doc.tokens[it.span.first]!.start, end: doc.tokens[it.span.last]!.end, text: it.text, type: it.type, entity: ent.id, score: Math.round(it.span.score * 1000) / 1000 });
  });
  // titles of people
  const typeAt = new Array<string | null>(doc.tokens.length).fill(null);
  items.forEach((it) => { for (let k = it.span.first; k <= it.span.last; k++) typeAt[k] = it.type; });
  items.forEach((it, i) => {
    if (it.type !== 'PER') return;
    const ent = entities[entityOf[i]!]!;
    const { titles, before } = titlesOf(doc, titleLex, it.span.first, it.span.last, (k) => typeAt[k] ?? null);
    for (const t of titles) if (!ent.titles.some((x) => x.toLowerCase() === t.toLowerCase())) ent.titles.push(t);
    if (before >= 0) mentions[i]!.title = spanOf(doc.text, doc.tokens[before]!.start, doc.tokens[it.span.first - 1]!.end);
  });
  return { mentions, entities };
}

function rawWords(doc: NerDoc, s: TaggedSpan): string[] {
  const out: string[] = [];
  for (let i = s.first; i <= s.last; i++) out.push(doc.tokens[i]!.norm);
  return out;
}

/** A name as shown: one space between words, no line breaks. */
const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();
