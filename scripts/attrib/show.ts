// Prints the attributions (and claims) sitrep finds in one text file: npx tsx scripts/attrib/show.ts FILE [published]
import { readFileSync } from 'node:fs';
import { runPipeline } from '../../src/extract/pipeline.js';
import { loadResources } from '../../src/resources/load.js';

const [file, published] = process.argv.slice(2);
if (!file) throw new Error('usage: show.ts FILE [YYYY-MM-DD]');
const a = runPipeline({ text: readFileSync(file, 'utf8'), published: published ?? null }, loadResources());
const cut = (s: string, n = 110) => (s.length > n ? s.slice(0, n) + '…' : s).replace(/\n/g, '⏎');
for (const q of a.attributions) {
  console.log(`${q.id} [${q.kind}] ${q.source ? JSON.stringify(q.source.text) : '-'} → ${q.speaker.name ?? '(' + q.speaker.kind + ')'}${q.speaker.title ? ' {' + q.speaker.title + '}' : ''} | cue ${q.cue ? JSON.stringify(q.cue.text) : '-'}`);
  console.log(`    ${cut(q.content.text)}`);
}
for (const c of a.claims) console.log(`${c.id} ${c.status} ${c.speaker.name ?? '(' + c.speaker.kind + ')'} hedges=${c.hedges.map((h) => h.text).join(',')} figs=${c.figures.join(',')} :: ${cut(c.content.text, 90)}`);
for (const x of a.contradictions) console.log(`contradiction ${x.a} <> ${x.b}: ${x.reason}`);
