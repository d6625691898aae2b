import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Segmented } from '../../segment/types.js';
import type { Mention } from '../../model/index.js';
import { spanOf } from '../../model/span.js';
import { tokenAt } from '../util/spans.js';
import { figureLexicon } from './lexicon.js';
import { namesWithAges, readFigures, type RawFigure } from './read.js';
import { FigureLinker } from './link.js';
import { mergeFigures, type Unmerged } from './merge.js';

export { readFigures, type RawFigure } from './read.js';

/** Token ranges of person names: the entity stage's PER mentions, and names followed by an age. */
export function personNames(seg: Segmented, mentions: readonly Mention[]): [number, number][] {
  const out = new Map<number, number>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const a = tokenAt(seg, m.start), b = tokenAt(seg, m.end - 1);
    if (a && b && a.start < m.end) out.set(a.index, b.index);
  }
  for (const [a, b] of namesWithAges(seg)) if (!out.has(a)) out.set(a, b);
  return [...out];
}

/** The figure a share ("80% of these") is of: the latest figure of people before it. */
function antecedent(raw: readonly RawFigure[], k: number): number | null {
  for (let j = k - 1; j >= 0; j--) {
    const f = raw[j]!;
    if (f.unit === 'people' && f.value.best > 0 && f.category !== 'other' && raw[k]!.sentence - f.sentence <= 3) return j;
  }
  return null;
}

const DISPLACEMENT = new Set(['displaced', 'evacuated']);

/**
 * Figures about people: every count with its category (killed, injured, displaced ...), range and
 * qualifier, who is counted, the place and time it is about, and its mentions (a repeat is one figure).
 * Claims (the source of each figure) are set later by the claims stage.
 */
export function extractFigures(a: Analysis, res: Resources): void {
  const lex = figureLexicon(res);
  const seg = a.seg;
  const raw = readFigures(seg, lex, personNames(seg, a.mentions));
  const linker = new FigureLinker(seg, a.places, a.times);
  const unmerged: Unmerged[] = [];
  const kept = new Map<number, number>(); // raw index -> unmerged index
  raw.forEach((f, k) => {
    let category = f.category;
    // "a man who fled in a sedan": one person leaving is a suspect or a witness, not a displacement
    if (f.implicit && f.value.best === 1 && DISPLACEMENT.has(category)) return;
    let ofRaw: number | null = null;
    if (f.unit === 'percent') {
      const ante = f.anaphoric ? antecedent(raw, k) : null;
      if (ante === null) return; // a share of something not counted here
      ofRaw = ante;
      if (category === 'other') category = raw[ante]!.category;
    }
    const start = seg.tokens[f.first]!.start, end = seg.tokens[f.last]!.end;
    let place = linker.place(start, end)?.id ?? null;
    let time = linker.time(start, end)?.id ?? null;
    // a share ("80% of these") is of its figure's place and time unless its own sentence names others
    if (ofRaw !== null && kept.has(ofRaw)) {
      const ante = unmerged[kept.get(ofRaw)!]!;
      if (!linker.placeInSentence(start, end)) place = ante.place;
      time ??= ante.time;
    }
    kept.set(k, unmerged.length);
    unmerged.push({
      ...spanOf(a.text, start, end),
      category,
      value: f.value,
      qualifier: f.qualifier,
      unit: f.unit,
      people: f.people,
      place,
      time,
      claim: null,
      trigger: f.trigger ? spanOf(a.text, seg.tokens[f.trigger[0]]!.start, seg.tokens[f.trigger[1]]!.end) : null,
      implicit: f.implicit,
      ofRaw,
    });
  });
  for (const u of unmerged) if (u.ofRaw !== null) u.ofRaw = kept.get(u.ofRaw) ?? null;
  a.figures = mergeFigures(unmerged, a.places, a.times);
}
