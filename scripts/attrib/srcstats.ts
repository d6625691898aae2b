// Source-span error categories on matched attributions: npx tsx scripts/attrib/srcstats.ts GOLD OUT
import { ov, read, type Sp, tally } from './outputs.js';
const [goldFile, outFile] = process.argv.slice(2);
const out = new Map(read(outFile!).map((o: { id: string }) => [o.id, o]));
const { counts: c, inc } = tally();
for (const d of read(goldFile!)) {
  const g = d.gold.attributions as { source: Sp; content: Sp; cue: Sp }[];
  const p = ((out.get(d.id) as unknown as { quotes: { speaker: Sp; content: Sp }[] })?.quotes) ?? [];
  const cands: { i: number; j: number; o: number; u: number }[] = [];
  g.forEach((x, i) => p.forEach((y, j) => { const o = ov(x.content, y.content); if (o > 0) cands.push({ i, j, o, u: Math.max(x.content!.end, y.content!.end) - Math.min(x.content!.start, y.content!.start) }); }));
  cands.sort((a, b) => b.o - a.o || a.u - b.u || a.i - b.i || a.j - b.j);
  const m = new Map<number, number>(), used = new Set<number>();
  for (const x of cands) if (!m.has(x.i) && !used.has(x.j)) { m.set(x.i, x.j); used.add(x.j); }
  g.forEach((x, i) => {
    if (!m.has(i)) { inc(x.source ? 'unmatched gold, with source' : 'unmatched gold, no source'); return; }
    const y = p[m.get(i)!]!;
    if (x.source && y.speaker) inc(ov(x.source, y.speaker) ? 'matched: source ok' : 'matched: source wrong');
    else if (x.source) inc('matched: source missing');
    else if (y.speaker) inc('matched: source extra');
    else inc('matched: both none');
  });
  p.forEach((y, j) => {
    if (used.has(j)) return;
    inc(y.speaker ? 'unmatched pred, with source' : 'unmatched pred, no source');
    const same = g.findIndex((x, i) => !m.has(i) && ov(x.cue, (y as unknown as { cue: Sp }).cue) > 0);
    if (same >= 0) {
      inc('unmatched pred whose cue is an unmatched gold cue');
      if (process.env.SHOW) console.log(`cue ${JSON.stringify(d.text.slice(g[same]!.cue!.start, g[same]!.cue!.end))}\n  gold: ${d.text.slice(g[same]!.content!.start, g[same]!.content!.end).slice(0, 100).replace(/\n/g, ' ')}\n  pred: ${d.text.slice(y.content!.start, y.content!.end).slice(0, 100).replace(/\n/g, ' ')}`);
    }
  });
}
console.log(c);
