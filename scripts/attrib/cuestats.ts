// For gold attributions not matched by content: was their cue found (content on the wrong side) or not?
// npx tsx scripts/attrib/cuestats.ts GOLD OUT [show]
import { ov, read, type Sp, tally } from './outputs.js';
const [goldFile, outFile, show] = process.argv.slice(2);
const out = new Map(read(outFile!).map((o: { id: string }) => [o.id, o]));
const { counts: c, inc } = tally();
for (const d of read(goldFile!)) {
  const g = d.gold.attributions as { source: Sp; content: Sp; cue: Sp }[];
  const p = ((out.get(d.id) as unknown as { quotes: { speaker: Sp; content: Sp; cue: Sp }[] })?.quotes) ?? [];
  const cands: { i: number; j: number; o: number; u: number }[] = [];
  g.forEach((x, i) => p.forEach((y, j) => { const o = ov(x.content, y.content); if (o > 0) cands.push({ i, j, o, u: Math.max(x.content!.end, y.content!.end) - Math.min(x.content!.start, y.content!.start) }); }));
  cands.sort((a, b) => b.o - a.o || a.u - b.u || a.i - b.i || a.j - b.j);
  const m = new Map<number, number>(), used = new Set<number>();
  for (const x of cands) if (!m.has(x.i) && !used.has(x.j)) { m.set(x.i, x.j); used.add(x.j); }
  g.forEach((x, i) => {
    if (m.has(i)) return;
    const hit = p.findIndex((y) => ov(x.cue, y.cue) > 0);
    if (hit < 0) { inc(p.some((z) => ov(z.content, x.content) > 0) ? 'cue not found, content overlapped by another' : 'cue not found, content free'); return; }
    const y = p[hit]!;
    const anyOverlap = p.some((z) => ov(z.content, x.content) > 0);
    inc(anyOverlap ? 'cue found, content taken by another' : 'cue found, content elsewhere');
    if (show && !anyOverlap) console.log(`cue ${JSON.stringify(d.text.slice(x.cue!.start, x.cue!.end))}\n  gold: ${d.text.slice(x.content!.start, x.content!.end).slice(0, 120).replace(/\n/g, '⏎')}\n  pred: ${d.text.slice(y.content!.start, y.content!.end).slice(0, 120).replace(/\n/g, '⏎')}`);
  });
}
console.log(c);
