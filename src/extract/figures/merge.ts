import type { Figure } from '../../model/figures.js';
import type { Place, TimeRef } from '../../model/index.js';
import { placeHolds } from './link.js';

/** A figure before merging: its own single mention, and the raw index of the figure it is a share of. */
export interface Unmerged extends Omit<Figure, 'id' | 'of' | 'mentions'> {
  ofRaw: number | null;
}

const key = (f: Unmerged) => `${f.category}|${f.unit}|${f.value.low}|${f.value.best}|${f.value.high}|${f.ofRaw ?? ''}`;

/**
 * Merges figures stated more than once (a caption repeating the body, a lead repeated lower down):
 * same category, unit and range, and places and times that do not disagree. The merged figure keeps
 * every mention; its own span is the mention with the most context (place, time), the first on a tie.
 * Returns the figures in text order with ids f1, f2, ..., and `of` mapped to the merged ids.
 */
export function mergeFigures(raw: readonly Unmerged[], places: readonly Place[], times: readonly TimeRef[]): Figure[] {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const timeValue = new Map(times.map((t) => [t.id, t.value]));
  const agree = (a: string | null, b: string | null, names: Map<string, string>) => !a || !b || a === b || names.get(a) === names.get(b);
  // the same place, or one inside the other ("Dayton" in the headline, "Ohio" in the dateline)
  const placesAgree = (a: string | null, b: string | null) => {
    const x = a ? placeById.get(a) : undefined, y = b ? placeById.get(b) : undefined;
    return !x || !y || a === b || placeHolds(x, y) || placeHolds(y, x);
  };
  const groups: number[][] = [];
  const groupOf = new Array<number>(raw.length);
  const byKey = new Map<string, number[]>();
  raw.forEach((f, i) => {
    const candidates = byKey.get(key(f)) ?? [];
    const g = candidates.find((gi) => groups[gi]!.every((j) => placesAgree(raw[j]!.place, f.place) && agree(raw[j]!.time, f.time, timeValue)));
    if (g !== undefined) {
      groups[g]!.push(i);
      groupOf[i] = g;
    } else {
      groupOf[i] = groups.length;
      groups.push([i]);
      byKey.set(key(f), [...candidates, groupOf[i]!]);
    }
  });
  const context = (f: Unmerged) => (f.place ? 1 : 0) + (f.time ? 1 : 0) + (f.trigger ? 0.5 : 0);
  const merged = groups.map((g) => {
    const members = g.map((i) => raw[i]!);
    const main = members.reduce((best, f) => (context(f) > context(best) ? f : best), members[0]!);
    return {
      main,
      place: main.place ?? members.find((f) => f.place)?.place ?? null,
      time: main.time ?? members.find((f) => f.time)?.time ?? null,
      mentions: members.map((f) => ({ start: f.start, end: f.end, text: f.text })),
      ofGroup: main.ofRaw === null ? null : groupOf[main.ofRaw]!,
    };
  });
  const order = merged.map((_, i) => i).sort((a, b) => merged[a]!.main.start - merged[b]!.main.start);
  const idOfGroup = new Map(order.map((g, k) => [g, `f${k + 1}`]));
  return order.map((g) => {
    const m = merged[g]!;
    const { ofRaw: _ofRaw, ...rest } = m.main;
    return { id: idOfGroup.get(g)!, ...rest, place: m.place, time: m.time, of: m.ofGroup === null ? null : idOfGroup.get(m.ofGroup)!, mentions: m.mentions };
  });
}
