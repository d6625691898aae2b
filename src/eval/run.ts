import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finished } from 'node:stream/promises';
import type { Resources } from '../resources/resources.js';
import { lineSource } from '../batch/lines.js';
import { extractLines } from '../batch/extract.js';
import { findEvalSets } from './sets.js';
import { BARS, SHOWN } from './figures.js';

export interface EvalRow {
  set: string;
  docs: number;
  lines: number;
  failed: number;
  seconds: number;
  scores: Record<string, Record<string, number>>;
}

type ScoreFn = (gold: unknown[], out: unknown[]) => Record<string, unknown>;

export interface EvalOptions {
  shared: string;
  outDir: string;
  res: Resources;
  version: string;
  only?: string[];
  jobs?: number;
  log: (line: string) => void;
}

const readJsonl = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

/** Runs batch extraction on every evaluation set and scores it with the shared score.mjs. */
export async function runEvaluation(opts: EvalOptions): Promise<EvalRow[]> {
  const scorer = join(opts.shared, 'eval', 'score.mjs');
  const { score } = (await import(pathToFileURL(scorer).href)) as { score: ScoreFn };
  mkdirSync(opts.outDir, { recursive: true });
  const rows: EvalRow[] = [];
  for (const set of findEvalSets(opts.shared)) {
    if (opts.only?.length && !opts.only.some((o) => set.name.startsWith(o))) continue;
    const outFile = join(opts.outDir, `${set.name.replace('/', '-')}.jsonl`);
    const out = createWriteStream(outFile);
    const t0 = process.hrtime.bigint();
    const summary = await extractLines(lineSource(set.file), out, {
      res: opts.res, version: opts.version, jobs: opts.jobs, onError: (m) => opts.log(`${set.name}: ${m}`),
    });
    out.end();
    await finished(out);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const gold = readJsonl(set.file);
    const output = readJsonl(outFile);
    const json = score(gold, output) as Record<string, unknown>;
    const scores: EvalRow['scores'] = {};
    for (const [task, v] of Object.entries(json)) if (v && typeof v === 'object') scores[task] = v as Record<string, number>;
    rows.push({ set: set.name, docs: gold.length, lines: output.length, failed: summary.failed, seconds, scores });
    opts.log(`${set.name}: ${output.length}/${gold.length} documents in ${seconds.toFixed(1)} s`);
  }
  return rows;
}

const pct = (x: number | undefined) => (typeof x === 'number' ? (100 * x).toFixed(1) : 'n/a');

/** The quality table in Markdown: one row per set and task, the headline figure first. */
export function qualityTable(rows: EvalRow[]): string {
  const lines = [
    '| set | task | docs | headline | score | bar | other figures |',
    '|---|---|---:|---|---:|---:|---|',
  ];
  for (const r of rows) {
    const tasks = Object.keys(r.scores);
    if (!tasks.length) {
      lines.push(`| ${r.set} | (no gold: extraction only) | ${r.docs} | output lines | ${r.lines} | ${r.docs} | ${(r.docs / r.seconds).toFixed(0)} docs/s |`);
      continue;
    }
    for (const task of tasks) {
      const shown = SHOWN[task];
      if (!shown) continue;
      const s = r.scores[task]!;
      const [head, ...rest] = shown;
      const bar = BARS[`${r.set} ${task} ${head!.key}`];
      const others = rest.map((f) => `${f.label} ${pct(s[f.key])}`).join(' · ');
      lines.push(`| ${r.set} | ${task} | ${s.docs ?? r.docs} | ${head!.label} | ${pct(s[head!.key])} | ${bar === undefined ? '' : pct(bar)} | ${others} |`);
    }
  }
  return lines.join('\n');
}

/** Writes docs/quality.md (the table and how it was made) and docs/quality.json (every figure). */
export function writeQuality(rows: EvalRow[], docsDir: string, version: string): void {
  mkdirSync(docsDir, { recursive: true });
  const total = rows.reduce((n, r) => n + r.docs, 0);
  const secs = rows.reduce((n, r) => n + r.seconds, 0);
  const md = `# Quality

Scores of sitrep ${version} on the evaluation sets in \`../shared/eval/\` and the seed article, as
printed by \`npm run eval\` (which runs \`sitrep extract\` on each set and scores the output with
\`../shared/eval/score.mjs\`). Percentages; \`bar\` is the target the issues set (for held-out sets,
the bar applies to the held-out articles of the same kind; the dev figure here is our estimate).
Training splits (\`conllpp/train\`, \`polnear/train\`) are left out: the models learn from them.
The name tagger is also trained on \`re3d/dev\` and \`meantime/dev\`, so their entity rows are on
training data; their honest cross-validated scores are in [models.md](models.md).

${qualityTable(rows)}

${total} documents in ${secs.toFixed(0)} s of extraction (one process, this machine).
Every figure of every set is in [quality.json](quality.json).
`;
  writeFileSync(join(docsDir, 'quality.md'), md);
  writeFileSync(join(docsDir, 'quality.json'), JSON.stringify(rows.map(({ seconds: _s, ...r }) => r), null, 1) + '\n');
}

/** Where the shared evaluation data is: --shared, $SITREP_SHARED, or ../shared beside the clone. */
export function sharedDir(root: string, given?: string): string | null {
  const candidates = [given, process.env.SITREP_SHARED, join(root, '..', 'shared')].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(join(c, 'eval', 'score.mjs'))) return resolve(c);
  return null;
}
