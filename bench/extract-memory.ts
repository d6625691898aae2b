// Peak memory of `sitrep extract` as the input grows: streaming should keep it flat.
// Usage: npm run bench:memory. Feeds the corpus 1x, 4x and 16x over stdin to the built CLI.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../src/resources/load.js';
import { benchCorpus } from './corpus.js';

const root = packageRoot();
const { name, docs } = benchCorpus(root);
const lines = docs.map((d, k) => JSON.stringify({ id: `${k}`, text: d.text, published: d.published }));

function run(times: number): Promise<{ rss: number; secs: number; out: number }> {
  return new Promise((resolve, reject) => {
    // report the child's peak resident set size on exit
    const child = spawn(process.execPath, ['-e', `process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv.splice(1,0,'sitrep');import(${JSON.stringify(join(root, 'dist/src/cli/main.js'))})`, 'extract', '-', '--jobs', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = 0, err = '';
    const t0 = Date.now();
    child.stdout.on('data', (b: Buffer) => { for (const c of b) if (c === 10) out++; });
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', () => {
      const m = /MAXRSS (\d+)/.exec(err);
      resolve({ rss: m ? Number(m[1]) / 1024 : NaN, secs: (Date.now() - t0) / 1000, out });
    });
    (async () => {
      for (let t = 0; t < times; t++) for (const l of lines) if (!child.stdin.write(l + '\n')) await new Promise((r) => child.stdin.once('drain', r));
      child.stdin.end();
    })().catch(reject);
  });
}

console.log(`corpus: ${name}, ${docs.length} documents, repeated; one worker\n`);
console.log('| input | documents | output lines | peak RSS | docs/s |');
console.log('|---|---:|---:|---:|---:|');
for (const times of [1, 4, 16]) {
  const r = await run(times);
  console.log(`| ${times}x | ${docs.length * times} | ${r.out} | ${r.rss.toFixed(0)} MB | ${(r.out / r.secs).toFixed(0)} |`);
}
