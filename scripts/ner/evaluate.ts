/**
 * Quick name-tagger scores (exact span and type, micro over PER/ORG/LOC, as score.mjs counts them),
 * without running the rest of the pipeline. Usage: npx tsx scripts/ner/evaluate.ts [set ...] [--errors] [--one-pass] [--with-titles]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Resources } from '../../src/resources/resources.js';
import { loadResources } from '../../src/resources/load.js';
import { segment } from '../../src/segment/index.js';
import { nerDoc } from '../../src/extract/entities/doc.js';
import { tagDoc } from '../../src/extract/entities/tagger.js';
import { linkEntities } from '../../src/extract/entities/link.js';
import { titleLexicon } from '../../src/extract/entities/titles.js';
import type { NerModel } from '../../src/extract/entities/model.js';
import type { FeatureLexicon } from '../../src/extract/entities/features.js';
import { nerDocModel, nerLexicon, nerModel, repairLexicon } from '../../src/extract/entities/lexicon.js';
import { readJsonl, type GoldDoc } from './corpus.js';

export const SHARED = process.env.SITREP_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');
export const setFile = (name: string) => (name === 'seed' ? join(SHARED, 'seed', 'aleppo.jsonl') : join(SHARED, 'eval', `${name}.jsonl`));

export interface Prf { p: number; r: number; f1: number; tp: number; pred: number; gold: number; perType: Record<string, [number, number, number]> }

const SCORED = new Set(['PER', 'ORG', 'LOC']);

/** Predicted entity spans for a gold document, with a given tagger. */
export type Predict = (g: GoldDoc) => { start: number; end: number; type: string }[];

/**
 * Tags and links like the pipeline stage (linking retypes lone surnames). withTitles: person names
 * take the title written before them, as re3d annotates them (to measure what the CoNLL convention costs).
 */
export function modelPredictor(model: NerModel, lex: FeatureLexicon, res: Resources, docModel?: NerModel | null, withTitles = false): Predict {
  const titles = titleLexicon(res.list('ner-titles'));
  const repair = repairLexicon(res);
  return (g) => {
    const doc = nerDoc(segment(g.text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') }));
    const { mentions } = linkEntities(doc, tagDoc(doc, model, lex, docModel), titles, repair);
    return mentions.map((m) => ({ start: withTitles && m.title ? m.title.start : m.start, end: m.end, type: m.type }));
  };
}

export function scoreDocs(docs: GoldDoc[], predict: Predict): Prf {
  let tp = 0, pred = 0, gold = 0;
  const perType: Record<string, [number, number, number]> = { PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0] };
  for (const g of docs) {
    const gk = new Map<string, number>();
    for (const e of g.gold?.entities ?? []) if (SCORED.has(e.type)) { const k = `${e.start}:${e.end}:${e.type}`; gk.set(k, (gk.get(k) ?? 0) + 1); gold++; perType[e.type]![2]++; }
    for (const e of predict(g)) {
      if (!SCORED.has(e.type)) continue;
      pred++; perType[e.type]![1]++;
      const k = `${e.start}:${e.end}:${e.type}`;
      const c = gk.get(k) ?? 0;
      if (c > 0) { tp++; perType[e.type]![0]++; gk.set(k, c - 1); }
    }
  }
  const p = pred ? tp / pred : 0, r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, pred, gold, perType };
}

/** Missed and spurious names with some context, one per line (for error analysis). */
export function errorLines(docs: GoldDoc[], predict: Predict): string[] {
  const out: string[] = [];
  for (const g of docs) {
    const gs = (g.gold?.entities ?? []).filter((e) => SCORED.has(e.type));
    const ps = predict(g).filter((e) => SCORED.has(e.type));
    const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
    const pk = new Set(ps.map(key)), gk = new Set(gs.map(key));
    const ctx = (e: { start: number; end: number }) => `${g.text.slice(Math.max(0, e.start - 40), e.start)}[[${g.text.slice(e.start, e.end)}]]${g.text.slice(e.end, e.end + 30)}`.replace(/\n/g, ' | ');
    for (const e of gs) if (!pk.has(key(e))) out.push(`FN ${e.type}\t${ctx(e)}\t${g.id}`);
    for (const e of ps) if (!gk.has(key(e))) out.push(`FP ${e.type}\t${ctx(e)}\t${g.id}`);
  }
  return out;
}

export function formatPrf(name: string, s: Prf): string {
  const pt = Object.entries(s.perType).map(([t, [tp, p, g]]) => {
    const pp = p ? tp / p : 0, rr = g ? tp / g : 0;
    return `${t} ${(100 * (pp + rr ? (2 * pp * rr) / (pp + rr) : 0)).toFixed(1)}`;
  }).join(' ');
  return `${name.padEnd(14)} F1 ${(100 * s.f1).toFixed(2)}  P ${(100 * s.p).toFixed(1)}  R ${(100 * s.r).toFixed(1)}  (${pt})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const res = loadResources();
  const model = nerModel(res);
  if (!model) throw new Error('no model: run npm run train:ner');
  const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const sets = named.length ? named : ['conllpp/dev', 're3d/dev', 'meantime/dev', 'seed'];
  const predict = modelPredictor(model, nerLexicon(res), res, process.argv.includes('--one-pass') ? null : nerDocModel(res), process.argv.includes('--with-titles'));
  for (const s of sets) {
    if (process.argv.includes('--errors')) continue;
    console.log(formatPrf(s, scoreDocs(readJsonl(setFile(s)), predict)));
  }
  if (process.argv.includes('--errors')) for (const s of sets) console.log(errorLines(readJsonl(setFile(s)), predict).join('\n'));
}
