import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CLI, runCli, tempDir } from './helpers.js';
import { aleppoDay, hasTool, manyArticles, toJsonl, type FixtureArticle } from './ledger-fixtures.js';

const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as { read: number; new: number; updated: number; duplicate: number; failed: number; failures: { origin: string; reason: string }[] };

function page(a: FixtureArticle): string {
  const paras = a.text.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><title>${a.title}</title><meta property="og:site_name" content="${a.outlet}"><meta property="og:title" content="${a.title}">
<meta property="article:published_time" content="${a.published}T08:00:00Z">${a.url ? `<link rel="canonical" href="${a.url}">` : ''}</head>
<body><nav><a href="/">Home</a></nav><article><h1>${a.title}</h1>${paras}</article><footer>Copyright</footer></body></html>`;
}

function rss(title: string, items: { title: string; link: string; date: string; html?: string; description?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>https://feeds.example/</link><description>test feed</description>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${new Date(i.date + 'T09:00:00Z').toUTCString()}</pubDate>${i.description ? `<description>${i.description}</description>` : ''}${i.html ? `<content:encoded><![CDATA[${i.html}]]></content:encoded>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

const articleCount = (db: string) => Number(spawnSync('sqlite3', [db, 'select count(*) from articles']).stdout.toString().trim());

test('ingest reads folders of text, HTML, JSON Lines and feed files; the second run stores nothing new', async () => {
  const dir = tempDir('sitrep-ingest-');
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  const [wire, levant, coastal, northern, homs] = aleppoDay();
  writeFileSync(join(inbox, 'wire.txt'), wire!.text);
  writeFileSync(join(inbox, 'sub', 'levant.html'), page(levant!));
  writeFileSync(join(inbox, 'day.jsonl'), toJsonl([coastal!, northern!]));
  writeFileSync(join(inbox, 'feed.xml'), rss('Desert Daily', [{ title: homs!.title, link: homs!.url!, date: homs!.published, html: homs!.text.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('') + '<p>' + 'The governor said security would be tightened across the province in the coming days. '.repeat(4) + '</p>' }]));
  writeFileSync(join(inbox, 'notes.bin'), 'not an article'); // not a known extension: left alone
  const db = join(dir, 'l.db');
  const r1 = await runCli(['ingest', inbox, '--db', db, '--json', '--jobs', '1']);
  assert.equal(r1.code, 0, r1.stderr + r1.stdout);
  const s1 = summary(r1.stdout);
  assert.deepEqual([s1.read, s1.new, s1.duplicate, s1.failed], [5, 5, 0, 0]);
  const r2 = await runCli(['ingest', inbox, '--db', db]);
  assert.equal(r2.code, 0, r2.stderr);
  assert.match(r2.stdout, /^5 read: 0 new, 0 updated, 5 duplicate, 0 failed/);
  assert.match(r2.stdout, /ledger: 5 current articles in \d+ stories/);
  // the HTML page kept its metadata; the feed item its link as URL
  const lp = spawnSync('sqlite3', ['-separator', '|', db, "select outlet, published, url from articles where outlet in ('Levant Post', 'Desert Daily') order by outlet"]).stdout.toString().trim();
  if (hasTool('sqlite3')) assert.equal(lp, 'Desert Daily|2024-03-12|https://desert-daily.example/homs-blast\nLevant Post|2024-03-11|https://levant-post.example/news/aleppo-raids?utm_source=rss');
});

test('ingest reports failures with their reasons and goes on', async () => {
  const dir = tempDir('sitrep-ingest-');
  const f = join(dir, 'mixed.jsonl');
  writeFileSync(f, [JSON.stringify(aleppoDay()[4]), '{"title": "no text"}', '{broken', ''].join('\n'));
  const r = await runCli(['ingest', f, join(dir, 'missing.txt'), '--db', join(dir, 'l.db')]);
  assert.equal(r.code, 1, 'a missing input stops the command before anything runs');
  assert.match(r.stderr, /missing\.txt: no such file or folder/);
  const r2 = await runCli(['ingest', f, '--db', join(dir, 'l.db')]);
  assert.equal(r2.code, 1);
  assert.match(r2.stdout, /^3 read: 1 new, 0 updated, 0 duplicate, 2 failed/);
  assert.match(r2.stdout, /mixed\.jsonl:2: no "text" string/);
  assert.match(r2.stdout, /mixed\.jsonl:3: invalid JSON/);
});

test('ingest URL and watch FEED_URL read pages and feeds over HTTP (local server)', async () => {
  const docs = aleppoDay();
  let hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    hits[req.url!] = (hits[req.url!] ?? 0) + 1;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss('Example Wire', [0, 3].map((k) => ({ title: docs[k]!.title, link: `${base}/a${k}.html`, date: docs[k]!.published, description: 'Short summary.' }))));
    } else if (/^\/a\d\.html$/.test(req.url!)) {
      const k = Number(req.url!.slice(2, 3));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page({ ...docs[k]!, url: undefined }));
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = tempDir('sitrep-web-');
    const db = join(dir, 'l.db');
    const one = await runCli(['ingest', `${base}/a4.html`, `${base}/gone.html`, '--db', db, '--json']);
    assert.equal(one.code, 1);
    const s = summary(one.stdout);
    assert.deepEqual([s.new, s.failed], [1, 1]);
    assert.match(s.failures[0]!.reason, /HTTP 404/);
    hits = {};
    const w = await runCli(['watch', `${base}/feed.xml`, '--every', '1s', '--cycles', '2', '--db', db, '--jobs', '1'], { timeoutMs: 60_000 });
    assert.equal(w.code, 0, w.stderr);
    const polls = w.stdout.trim().split('\n');
    assert.match(polls[0]!, /poll 1: 2 items, 2 new/);
    assert.match(polls[1]!, /poll 2: 0 items, 0 new/, 'known links are not fetched again');
    assert.equal(hits['/feed.xml'], 2);
    assert.equal(hits['/a0.html'], 1);
    const again = await runCli(['ingest', `${base}/a4.html`, '--db', db]);
    assert.match(again.stdout, /1 duplicate/);
    assert.match(again.stdout, /ledger: 3 current articles/);
  } finally {
    server.close();
  }
});

test('report and export: Markdown, HTML and JSON reports; CSV that sqlite3 imports; GeoJSON that ogrinfo opens', async (t) => {
  const dir = tempDir('sitrep-out-');
  const db = join(dir, 'l.db');
  writeFileSync(join(dir, 'day.jsonl'), toJsonl(aleppoDay()));
  assert.equal((await runCli(['ingest', join(dir, 'day.jsonl'), '--db', db, '--jobs', '1'])).code, 0);
  const md = await runCli(['report', '--place', 'Aleppo', '--db', db]);
  assert.equal(md.code, 0, md.stderr);
  for (const h of ['# Situation report: Aleppo', '## Headline figures', '## What each source says', '## Contradictions', '## Unverified claims', '## Timeline']) assert.ok(md.stdout.includes(h), h);
  assert.match(md.stdout, /article A[0-9a-f]+ chars \d+-\d+/);
  const html = await runCli(['report', '--place', 'Aleppo', '--format', 'html', '--db', db]);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.doesNotMatch(html.stdout, /<script/);
  const json = await runCli(['report', '--place', 'Aleppo', '--since', '2024-03-01', '--until', '2024-03-31', '--format', 'json', '--db', db]);
  const rep = JSON.parse(json.stdout);
  assert.ok(rep.figures.length >= 1);
  assert.ok(rep.figures.every((f: { place: string }) => f.place === 'Aleppo'));
  const none = JSON.parse((await runCli(['report', '--place', 'Aleppo', '--since', '2025-01-01', '--format', 'json', '--db', db])).stdout);
  assert.equal(none.figures.length, 0);
  assert.equal((await runCli(['report', '--since', 'March', '--db', db])).code, 2);

  const csv = join(dir, 'records.csv');
  assert.equal((await runCli(['export', '--format', 'csv', '--out', csv, '--db', db])).code, 0);
  const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
  assert.match(lines[0]!, /^record_id,record_type,event_date,/);
  assert.ok(lines.length >= 3);
  const geo = join(dir, 'records.geojson');
  assert.equal((await runCli(['export', '--format', 'geojson', '--out', geo, '--db', db])).code, 0);
  const fc = JSON.parse(readFileSync(geo, 'utf8'));
  assert.equal(fc.type, 'FeatureCollection');
  for (const f of fc.features) {
    assert.equal(f.geometry.type, 'Point');
    assert.ok(Math.abs(f.geometry.coordinates[0]) <= 180 && Math.abs(f.geometry.coordinates[1]) <= 90);
  }
  const all = await runCli(['export', '--format', 'json', '--db', db]);
  const whole = JSON.parse(all.stdout);
  assert.equal(whole.articles.length, 5);
  assert.ok(whole.articles[0].report.text.length > 0, 'full reports with their text');
  assert.ok(whole.records.every((r: { mentions: unknown[] }) => r.mentions.length >= 1));

  if (hasTool('sqlite3')) {
    const check = join(dir, 'check.db');
    const imp = spawnSync('sqlite3', [check, '.import --csv ' + csv + ' records', 'select count(*), count(distinct record_id), sum(best is not null) from records']);
    assert.equal(imp.status, 0, imp.stderr.toString());
    const [n, distinct] = imp.stdout.toString().trim().split('|').map(Number);
    assert.equal(n, lines.length - 1);
    assert.equal(distinct, n);
  } else t.diagnostic('sqlite3 not installed: CSV import check skipped (apt-get install sqlite3)');
  if (hasTool('ogrinfo')) {
    const o = spawnSync('ogrinfo', ['-ro', '-al', '-so', geo]);
    assert.equal(o.status, 0, o.stderr.toString());
    assert.match(o.stdout.toString(), /Feature Count: \d+/);
    assert.match(o.stdout.toString(), /Geometry: Point/);
  } else t.diagnostic('ogrinfo not installed: GeoJSON check with GDAL skipped (apt-get install gdal-bin)');
});

test('review from the command line: verify, then the audit log shows it', async () => {
  const dir = tempDir('sitrep-review-');
  const db = join(dir, 'l.db');
  writeFileSync(join(dir, 'day.jsonl'), toJsonl(aleppoDay()));
  await runCli(['ingest', join(dir, 'day.jsonl'), '--db', db, '--jobs', '1']);
  const rep = JSON.parse((await runCli(['report', '--format', 'json', '--db', db])).stdout);
  const id = rep.figures[0].id as string;
  const v = await runCli(['review', id, '--verify', '--note', 'two hospitals confirm', '--by', 'desk', '--db', db]);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, new RegExp(`^${id}: verified by desk`));
  assert.equal((await runCli(['review', id, '--best', '3', '--db', db])).code, 2, '--best without --correct');
  assert.equal((await runCli(['review', 'Rnope', '--verify', '--db', db])).code, 1);
  const log = await runCli(['review', '--log', '--db', db]);
  assert.match(log.stdout, new RegExp(`desk\treview\\.verify\trecord ${id}\ttwo hospitals confirm`));
  const after = JSON.parse((await runCli(['report', '--format', 'json', '--db', db])).stdout);
  assert.equal(after.figures.find((f: { id: string }) => f.id === id).review.action, 'verify');
});

/** Starts `sitrep ingest`; resolves with its exit code. */
function ingestProcess(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'ingest', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const done = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return { child, done, out: () => out };
}

test('kill -9 mid-ingest, then the same command again: every article stored once', { skip: !hasTool('sqlite3') && 'sqlite3 not installed (apt-get install sqlite3)' }, async () => {
  const dir = tempDir('sitrep-kill-');
  const db = join(dir, 'l.db'), input = join(dir, 'many.jsonl');
  const docs = manyArticles(120);
  writeFileSync(input, toJsonl(docs));
  const p = ingestProcess([input, '--db', db, '--jobs', '1']);
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    await new Promise((r) => setTimeout(r, 100));
    if (articleCount(db) >= 10) break;
  }
  p.child.kill('SIGKILL');
  await p.done;
  const partial = articleCount(db);
  assert.ok(partial >= 10 && partial < docs.length, `killed part way (${partial} stored)`);
  const again = await runCli(['ingest', input, '--db', db, '--json'], { timeoutMs: 120_000 });
  assert.equal(again.code, 0, again.stderr);
  const s = summary(again.stdout);
  assert.equal(s.duplicate, partial);
  assert.equal(s.new, docs.length - partial);
  assert.equal(articleCount(db), docs.length);
  const dups = spawnSync('sqlite3', [db, 'select count(*) from (select key from articles group by key having count(*) > 1)']).stdout.toString().trim();
  assert.equal(dups, '0');
  const orphans = spawnSync('sqlite3', [db, 'select count(*) from figures where article_id not in (select id from articles)']).stdout.toString().trim();
  assert.equal(orphans, '0');
});

test('two ingest processes on one SQLite file at once both finish, each article stored once', { skip: !hasTool('sqlite3') && 'sqlite3 not installed (apt-get install sqlite3)' }, async () => {
  const dir = tempDir('sitrep-two-');
  const db = join(dir, 'l.db'), a = join(dir, 'a.jsonl'), b = join(dir, 'b.jsonl');
  const docs = manyArticles(40, 'two');
  writeFileSync(a, toJsonl(docs.slice(0, 30)));
  writeFileSync(b, toJsonl(docs.slice(10)));
  const p1 = ingestProcess([a, '--db', db, '--jobs', '1']), p2 = ingestProcess([b, '--db', db, '--jobs', '1']);
  const [c1, c2] = await Promise.all([p1.done, p2.done]);
  assert.equal(c1, 0, p1.out());
  assert.equal(c2, 0, p2.out());
  assert.equal(articleCount(db), 40);
  const dups = spawnSync('sqlite3', [db, 'select count(*) from (select key from articles group by key having count(*) > 1)']).stdout.toString().trim();
  assert.equal(dups, '0');
});
