import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, readFileSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Report } from '../src/model/report.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');

/** One line on stderr, starting with "sitrep", no stack trace. */
function assertCleanError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.notEqual(r.code, 0, 'exit code should say it failed');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  assert.match(lines[0]!, /^sitrep/);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

test('analyze prints the grouped report of an example article', async () => {
  const r = await runCli(['analyze', join(EXAMPLES, 'mosul-shelling.txt'), '--published', '2024-03-18']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Shelling kills dozens in western Mosul/);
  for (const heading of ['TOLL', 'SOURCES AND WHAT EACH SAYS', 'FIGURES', 'CONTRADICTIONS', 'UNVERIFIED AND HEDGED CLAIMS', 'PLACES', 'TIMES', 'EVENTS']) {
    assert.match(r.stdout, new RegExp(`^${heading}`, 'm'));
  }
});

test('analyze --json prints a report that fits the schema, with every span pointing at its text', async () => {
  const r = await runCli(['analyze', join(EXAMPLES, 'river-flood.html'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = Report.parse(JSON.parse(r.stdout));
  assert.equal(report.document.published, '2023-05-17');
  assert.equal(report.document.outlet, 'The Valley Courier');
  const spans: { start: number; end: number; text: string }[] = [
    ...report.mentions, ...report.times, ...report.places, ...report.figures, ...report.events,
    ...report.attributions.flatMap((a) => [a.content, a.source, a.cue].filter((s) => s !== null)),
  ];
  for (const s of spans) assert.equal(report.text.slice(s.start, s.end), s.text);
});

test('analyze reads stdin', async () => {
  const r = await runCli(['analyze', '-', '--json'], { stdin: 'Floods in Sindh\n\nThousands fled on Sunday.' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).document.title, 'Floods in Sindh');
});

test('bad input gets one clear line and a non-zero exit', async () => {
  const dir = tempDir();
  const file = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  const big = join(dir, 'big.txt');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const cases: [string[], RegExp][] = [
    [['analyze', file('empty.txt', '')], /empty file/],
    [['analyze', file('blank.txt', '  \n\n ')], /no text/],
    [['analyze', file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))], /binary/],
    [['analyze', file('bad.txt', Buffer.concat([Buffer.from('Caf\u00e9 '), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from(' ok')]))], /invalid UTF-8/],
    [['analyze', big], /too large/],
    [['analyze', file('nav.html', '<!doctype html><html><body><nav>Home</nav><p>Log in</p></body></html>')], /no article text/],
    [['analyze', file('doc.json', '{"id":"x","title":"no text here"}')], /no "text"/],
    [['analyze', join(dir, 'missing.txt')], /no such file/],
    [['analyze', dir], /is a folder/],
    [['analyze', file('x.txt', 'Some text.'), '--published', '12/12/2016'], /YYYY-MM-DD/],
    [['analyze', file('y.txt', 'Some text.'), '--encoding', 'nonsense-9'], /unknown encoding/],
    [['frobnicate'], /unknown command/],
    [['extract'], /expected one input file/],
  ];
  for (const [args, pattern] of cases) assertCleanError(await runCli(args, { timeoutMs: 30_000 }), pattern);
});

test('extract writes one contract line per document, in order, from a file or stdin', async () => {
  const input = readFileSync(join(EXAMPLES, 'reports.jsonl'), 'utf8');
  const r = await runCli(['extract', join(EXAMPLES, 'reports.jsonl')]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), input.trim().split('\n').map((l) => JSON.parse(l).id));
  for (const l of lines) for (const k of ['entities', 'quotes', 'times', 'places', 'toll', 'events']) assert.ok(k in l, `missing ${k}`);
  const viaStdin = await runCli(['extract', '-'], { stdin: input });
  assert.equal(viaStdin.stdout, r.stdout);
});

test('extract reports a malformed line by number, goes on, and exits non-zero', async () => {
  const good = (id: string) => JSON.stringify({ id, text: `Report ${id}: two people were hurt in Gaza on Monday.`, published: '2021-05-10' });
  const input = [good('a'), '{"id": "b", "text": ', good('c'), '{"id":"d"}', '', good('e')].join('\n');
  const r = await runCli(['extract', '-'], { stdin: input });
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'c', 'e']);
  assert.match(r.stderr, /line 2: invalid JSON/);
  assert.match(r.stderr, /line 4: no "text" string/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('extract --full writes whole reports', async () => {
  const r = await runCli(['extract', '-', '--full'], { stdin: JSON.stringify({ id: 'z', text: 'Rain fell on Tuesday in Dhaka.' }) + '\n' });
  assert.equal(r.code, 0, r.stderr);
  const report = Report.parse(JSON.parse(r.stdout));
  assert.equal(report.document.id, 'z');
});

test('analyze fetches a URL; HTTP errors and unreachable hosts are one-line errors', async () => {
  const page = readFileSync(join(EXAMPLES, 'river-flood.html'));
  const server = createServer((req, res) => {
    if (req.url === '/flood') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const r = await runCli(['analyze', `${base}/flood`, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.document.title, 'Thousands evacuated as Sava bursts its banks');
    assertCleanError(await runCli(['analyze', `${base}/gone`]), /HTTP 404/);
  } finally {
    server.close();
  }
  assertCleanError(await runCli(['analyze', 'http://127.0.0.1:9/nothing']), /could not fetch/);
});

test('eval says so and exits 0 where ../shared is absent', async () => {
  // a copy of the built package in a folder with no ../shared beside it
  const dir = tempDir();
  const pkg = join(dir, 'sitrep');
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'data'), join(pkg, 'data'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const { spawnSync } = await import('node:child_process');
  const out = spawnSync(process.execPath, [join(pkg, 'dist', 'src', 'cli', 'main.js'), 'eval'], { encoding: 'utf8', env: { ...process.env, SITREP_SHARED: '' } });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /no \.\.\/shared\/eval here/);
});

test('extract gives the same lines in the same order with worker threads as without', async () => {
  const docs = Array.from({ length: 60 }, (_, k) => JSON.stringify({ id: `d${k}`, text: `Report ${k}. ${k} people were injured in Kabul on Friday, officials said.`.repeat(1 + (k % 5)), published: '2021-08-27' }));
  const input = docs.join('\n') + '\n';
  const one = await runCli(['extract', '-', '--jobs', '1'], { stdin: input });
  const two = await runCli(['extract', '-', '--jobs', '2'], { stdin: input });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout, one.stdout);
  assert.deepEqual(one.stdout.trim().split('\n').map((l) => JSON.parse(l).id), docs.map((_, k) => `d${k}`));
});
