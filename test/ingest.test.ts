import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeText } from '../src/ingest/decode.js';
import { articleFromHtml } from '../src/ingest/html.js';
import { articleFromJsonLine } from '../src/ingest/gold.js';
import { readArticles } from '../src/ingest/read.js';
import { InputError } from '../src/errors.js';
import { tempDir } from './helpers.js';

const FRENCH = 'Le ministère a déclaré que l’armée avait « repris » la ville, selon l’Observatoire. Ça coûte cher.';
const ARABIC = 'قال المرصد السوري لحقوق الإنسان إن أكثر من عشرين ألف شخص قتلوا في محافظة حلب خلال أربع سنوات';

test('UTF-8 decodes as is; a byte-order mark is honoured and dropped', () => {
  assert.equal(decodeText(Buffer.from('Aleppo “quoted”')).text, 'Aleppo “quoted”');
  const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Halab')]));
  assert.deepEqual([bom.text, bom.how], ['Halab', 'bom']);
  const le = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Idlib', 'utf16le')]));
  assert.equal(le.text, 'Idlib');
});

test('Windows-1252 and Windows-1256 texts are detected', () => {
  const fr = decodeText(iconv.encode(FRENCH, 'windows-1252'));
  assert.equal(fr.text, FRENCH);
  assert.equal(fr.how, 'detected');
  const ar = decodeText(iconv.encode(ARABIC, 'windows-1256'));
  assert.equal(ar.text, ARABIC);
  assert.equal(ar.encoding, 'windows-1256');
});

test('--encoding overrides detection, and an unknown encoding is refused', () => {
  assert.equal(decodeText(iconv.encode(ARABIC, 'windows-1256'), { encoding: 'windows-1256' }).text, ARABIC);
  assert.throws(() => decodeText(Buffer.from('x'), { encoding: 'klingon-8' }), /unknown encoding/);
});

test('empty, binary and damaged UTF-8 input is refused with a reason', () => {
  assert.throws(() => decodeText(Buffer.alloc(0)), (e: Error) => e instanceof InputError && /empty/.test(e.message));
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])), /binary/);
  const damaged = Buffer.concat([Buffer.from('Déjà vu: '), Buffer.from([0xc3, 0x28]), Buffer.from(' more text é')]);
  assert.throws(() => decodeText(damaged), /invalid UTF-8 at byte/);
});

const PAGE = (body: string) => `<!doctype html><html><head><title>Site | Page</title>
<meta property="og:title" content="Shelling hits Homs">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Roe">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-04-02T10:00:00Z"}</script>
</head><body><nav>Home | World | Sport</nav><article>${body}</article><footer>About us</footer></body></html>`;

test('an HTML page gives its article text, headline, byline, outlet and date', () => {
  const body = '<p>Shelling hit the old city of Homs on Monday, killing at least six people, local medics said.</p>' +
    '<p>"We could not reach the wounded," one medic said. The army denied targeting homes and said it had struck rebel positions only.</p>' +
    '<p>Residents said the bombardment lasted most of the night.</p>';
  const a = articleFromHtml(PAGE(body));
  assert.equal(a.title, 'Shelling hits Homs');
  assert.equal(a.outlet, 'Example Times');
  assert.equal(a.byline, 'Jane Roe');
  assert.equal(a.published, '2019-04-02');
  assert.match(a.text, /^Shelling hits Homs\n\nShelling hit the old city/);
  assert.doesNotMatch(a.text, /Home \| World|About us/);
  assert.equal(a.text.split('\n\n').length, 4);
});

test('an HTML page without an article is refused', () => {
  assert.throws(() => articleFromHtml(PAGE('<p>Subscribe.</p>')), /no article text found/);
});

test('a JSON line without text, or with a bad date, names the line', () => {
  assert.throws(() => articleFromJsonLine('{"id":"a"}', 7), /line 7: no "text" string/);
  assert.throws(() => articleFromJsonLine('{"text":"x","published":"someday"}', 2), /line 2: "published" is not a date/);
  assert.throws(() => articleFromJsonLine('{"text":', 3), /line 3: invalid JSON/);
  assert.equal(articleFromJsonLine('{"id":1,"text":"Hi.","published":"2020-01-02T05:00:00Z"}', 1).published, '2020-01-02');
});

test('readArticles tells text, HTML and JSON apart; --published overrides the date', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), 'Floods in Sindh\n\nThousands fled on Sunday.\n');
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ id: 'x', text: 'Text.', published: '2020-01-01' }));
  writeFileSync(join(dir, 'c'), PAGE('<p>' + 'Fighting continued in the north of the country for a third day, officials said. '.repeat(4) + '</p>'));
  const [txt] = await readArticles(join(dir, 'a.txt'));
  assert.equal(txt!.title, 'Floods in Sindh');
  assert.equal(txt!.published, null);
  const [json] = await readArticles(join(dir, 'b.json'), { published: '2021-05-05' });
  assert.deepEqual([json!.id, json!.published], ['x', '2021-05-05']);
  const [html] = await readArticles(join(dir, 'c'));
  assert.equal(html!.outlet, 'Example Times');
});
