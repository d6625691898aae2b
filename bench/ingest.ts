// Ingest throughput (articles/s) and peak memory, SQLite and PostgreSQL, on the FA-KES corpus
// (../shared/eval/fakes/all.jsonl, 792 articles) or the bundled examples. Each run is the built CLI
// in a child process: first into an empty ledger, then the same input again (all duplicates). The peer
// measured in the same run is `sitrep extract` on the same input (extraction alone, no storage): each
// ingest's wall time is also given as a ratio to it, which the machine's load affects far less.
// Usage: npm run bench:ingest [-- --pg postgres://user@host:5432/db] [--jobs N]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/resources/load.js';
import { benchCorpus } from './corpus.js';

const { values } = parseArgs({ options: { pg: { type: 'string' }, jobs: { type: 'string' } } });
const root = packageRoot();
const { name, docs } = benchCorpus(root);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
// FA-KES as it is (with its outlets: independence needs them), else the examples as JSON Lines
const fakes = join(root, '..', 'shared', 'eval', 'fakes', 'all.jsonl');
const input = existsSync(fakes) ? fakes : join(dir, 'corpus.jsonl');
if (!existsSync(fakes)) writeFileSync(input, docs.map((d, k) => JSON.stringify({ id: d.id || `doc-${k}`, text: d.text, published: d.published })).join('\n') + '\n');

interface Run {
  seconds: number;
  rssMb: number;
  cpuSeconds: number;
  summary: { read: number; new: number; duplicate: number; failed: number; consolidated: { seconds: number } | null; ledger: { articles: number; stories: number; figureRecords: number; eventRecords: number; contradictions: number } | null };
}

interface Measured { seconds: number; rssMb: number; cpuSeconds: number; out: string }

/** Runs the built CLI with `args` in a child; its wall time, peak RSS (all threads) and CPU time. */
function runCli(args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // report the child's peak resident set size (all its threads) and CPU time on exit
    const probe = `process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('USAGE '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')});process.argv.splice(1,0,'sitrep');import(${JSON.stringify(join(root, 'dist/src/cli/main.js'))})`;
    const child = spawn(process.execPath, ['-e', probe, ...args, ...(values.jobs ? ['--jobs', values.jobs] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const t0 = performance.now();
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /USAGE (\d+) (\d+)/.exec(err);
      if (code !== 0) return reject(new Error(`${args[0]} exited ${code}: ${err.slice(0, 500)}`));
      resolve({ seconds, rssMb: m ? Number(m[1]) / 1024 : NaN, cpuSeconds: m ? Number(m[2]) / 1e6 : NaN, out });
    });
  });
}

async function ingest(db: string): Promise<Run> {
  const r = await runCli(['ingest', input, '--db', db, '--json']);
  return { ...r, summary: JSON.parse(r.out.trim().split('\n').at(-1)!) };
}

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port: Number(u.port || 5432), timeout: 1500 });
    s.on('connect', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}

console.log(`corpus: ${name}, ${docs.length} articles; extraction workers: ${values.jobs ?? 'default (one per core, at most 4)'}\n`);
// the peer: extraction alone, same input, same workers, output thrown away
const base = await runCli(['extract', input, '--full']);
const nDocs = base.out.split('\n').filter(Boolean).length;

const rows: string[] = [`| extract only (peer) | - | ${nDocs} | - | - | - | ${base.seconds.toFixed(1)} s | ${(nDocs / base.seconds).toFixed(1)} | 1.00 | ${base.cpuSeconds.toFixed(1)} s | ${base.rssMb.toFixed(0)} MB | - | - |`];
const row = (engine: string, pass: string, r: Run) => {
  const s = r.summary, l = s.ledger;
  rows.push(`| ${engine} | ${pass} | ${s.read} | ${s.new} | ${s.duplicate} | ${s.failed} | ${r.seconds.toFixed(1)} s | ${(s.read / r.seconds).toFixed(1)} | ${(r.seconds / base.seconds).toFixed(2)} | ${r.cpuSeconds.toFixed(1)} s | ${r.rssMb.toFixed(0)} MB | ${s.consolidated ? s.consolidated.seconds.toFixed(2) + ' s' : '-'} | ${l ? `${l.articles} / ${l.stories} / ${l.figureRecords} / ${l.eventRecords} / ${l.contradictions}` : '-'} |`);
  return l;
};

const sqlite = join(dir, 'bench.db');
const s1 = await ingest(sqlite);
const sqliteCounts = row('SQLite', 'first', s1);
row('SQLite', 'again', await ingest(sqlite));

const pgBase = values.pg ?? process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
let pgNote = '';
if (await reachable(pgBase)) {
  const schema = `sitrep_bench_${process.pid}`;
  const url = `${pgBase}${pgBase.includes('?') ? '&' : '?'}schema=${schema}`;
  try {
    const p1 = await ingest(url);
    const pgCounts = row('PostgreSQL', 'first', p1);
    row('PostgreSQL', 'again', await ingest(url));
    pgNote = JSON.stringify(pgCounts) === JSON.stringify(sqliteCounts) ? 'PostgreSQL and SQLite hold the same counts.' : `COUNTS DIFFER: SQLite ${JSON.stringify(sqliteCounts)}, PostgreSQL ${JSON.stringify(pgCounts)}`;
  } finally {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: pgBase });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  }
} else pgNote = `PostgreSQL not reachable at ${pgBase}: skipped.`;

console.log('| engine | pass | read | new | duplicate | failed | wall | articles/s | wall / extract | CPU | peak RSS | rebuild | articles / stories / figure rec. / event rec. / contradictions |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) console.log(r);
console.log(`\n${pgNote}\nWall times depend on the machine's load; CPU is the child's user + system time (all threads).`);
rmSync(dir, { recursive: true, force: true });
