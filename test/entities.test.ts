import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../src/segment/index.js';
import { loadResources } from '../src/resources/load.js';
import { recognizeEntities } from '../src/extract/entities/index.js';
import type { Analysis } from '../src/extract/analysis.js';

// Sentences written for these tests (no shared evaluation text).
const res = loadResources();

function analyse(text: string): Analysis {
  const seg = segment(text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
  const a = { text, seg, mentions: [], entities: [], warnings: [] } as unknown as Analysis;
  recognizeEntities(a, res);
  return a;
}

const mention = (a: Analysis, text: string) => a.mentions.find((m) => m.text === text);
const entityOf = (a: Analysis, text: string) => {
  const m = mention(a, text);
  return m ? a.entities.find((e) => e.id === m.entity) : undefined;
};

test('spans are exact offsets into the unchanged text', () => {
  const text = 'Rescue workers in Mosul said on Tuesday that Iraqi forces had reached the old city.\n\nThe United Nations warned of a growing crisis.';
  const a = analyse(text);
  assert.ok(a.mentions.length >= 2);
  for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(mention(a, 'Mosul')?.type, 'LOC');
  assert.equal(mention(a, 'United Nations')?.type, 'ORG');
});

test('a person with a title: the name alone is the mention, the title is kept on the entity', () => {
  const a = analyse('French Foreign Minister Laurent Fabius said the talks in Geneva would resume next week.');
  const m = mention(a, 'Laurent Fabius');
  assert.equal(m?.type, 'PER');
  assert.ok(!a.mentions.some((x) => x.text.includes('Minister')), 'the title is not part of a name');
  const e = entityOf(a, 'Laurent Fabius')!;
  assert.ok(e.titles.some((t) => /Foreign Minister/.test(t)), `titles: ${JSON.stringify(e.titles)}`);
  assert.equal(mention(a, 'Geneva')?.type, 'LOC');
});

test('a hyphenated name is one person, and a correspondent keeps the outlet in the title', () => {
  const a = analyse('BBC News correspondent Lyse Doucet said the convoy had reached the town. Later, Ban Ki-moon called for calm.');
  assert.equal(mention(a, 'Ban Ki-moon')?.type, 'PER');
  assert.equal(mention(a, 'Lyse Doucet')?.type, 'PER');
  assert.deepEqual(entityOf(a, 'Lyse Doucet')!.titles, ['BBC News correspondent']);
});

test('an acronym and a short form are linked to the long name', () => {
  const text = 'The Syrian Observatory for Human Rights (SOHR) said at least 30 people died in the raids. ' +
    'SOHR, which relies on a network of sources on the ground, said the toll could rise. ' +
    'The death toll was later confirmed by the Syrian Observatory.';
  const a = analyse(text);
  const long = entityOf(a, 'Syrian Observatory for Human Rights');
  assert.ok(long, 'long name found');
  assert.equal(long!.type, 'ORG');
  assert.equal(long!.name, 'Syrian Observatory for Human Rights');
  assert.equal(entityOf(a, 'SOHR')?.id, long!.id);
  assert.equal(entityOf(a, 'Syrian Observatory')?.id, long!.id);
  assert.ok(long!.aliases.includes('SOHR'));
});

test('a hyphenated modifier after a name is no person, a romanised given name is', () => {
  const a = analyse('Cold War-era bunkers were opened to visitors in Berlin. Hong Kong-style protests spread. Moon Jae-in met the envoy.');
  assert.ok(!a.mentions.some((m) => m.type === 'PER' && /-(?:era|style)$/.test(m.text)), JSON.stringify(a.mentions.map((m) => `${m.text}/${m.type}`)));
  assert.equal(mention(a, 'Moon Jae-in')?.type, 'PER');
});

test('an acronym spelling an organisation named earlier is that organisation', () => {
  const a = analyse('A spokesman for the Free Syrian Army said its fighters held the road north of the town. FSA commanders said more men would come.');
  const long = entityOf(a, 'Free Syrian Army');
  assert.equal(long?.type, 'ORG');
  assert.equal(entityOf(a, 'FSA')?.id, long!.id);
  assert.equal(mention(a, 'FSA')?.type, 'ORG');
});

test('a later surname is the same person', () => {
  const text = 'Labour MP Margaret Hodge asked the minister to publish the report. Hodge said the delay was unacceptable.';
  const a = analyse(text);
  const full = entityOf(a, 'Margaret Hodge');
  assert.equal(full?.type, 'PER');
  const later = a.mentions.filter((m) => m.text === 'Hodge');
  assert.equal(later.length, 1);
  assert.equal(later[0]!.type, 'PER');
  assert.equal(later[0]!.entity, full!.id);
});

test('names in an all-caps headline are found', () => {
  const text = 'FLOODS FORCE THOUSANDS FROM HOMES IN BANGLADESH\nDHAKA 2017-08-14\nFloods in northern Bangladesh have forced thousands of families from their homes, officials said on Monday.';
  const a = analyse(text);
  const heads = a.mentions.filter((m) => m.end <= text.indexOf('\n'));
  assert.ok(heads.some((m) => m.text === 'BANGLADESH' && m.type === 'LOC'), JSON.stringify(heads));
  assert.equal(entityOf(a, 'BANGLADESH')?.id, entityOf(a, 'Bangladesh')?.id);
});

test('pre-tokenised and running text give the same names', () => {
  const running = analyse("Germany's finance minister met officials from the European Central Bank in Frankfurt.");
  const tokenised = analyse("Germany 's finance minister met officials from the European Central Bank in Frankfurt .");
  const names = (a: Analysis) => a.mentions.map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(names(running), names(tokenised));
  assert.ok(names(running).includes('Germany/LOC'));
  assert.ok(names(running).includes('European Central Bank/ORG'));
});

test('empty and name-free texts give no entities', () => {
  assert.deepEqual(analyse('').mentions, []);
  assert.deepEqual(analyse('it was raining and nobody came to the meeting.').mentions, []);
});

test('an all-caps acronym is not a town of the same letters; a place run into "Government" is an organisation', () => {
  const a = analyse('The UN says aid convoys reached the camp. The Kurdistan Regional Government said the road to Erbil was open.');
  assert.equal(mention(a, 'UN')?.type, 'ORG');
  assert.equal(mention(a, 'Kurdistan Regional Government')?.type, 'ORG');
  assert.equal(mention(a, 'Erbil')?.type, 'LOC');
});

test('a facility is a place with its head word; a named operation is no organisation', () => {
  const a = analyse('Worshippers left the Brandbergen Mosque after the prayers. Engineers inspected the Samarra Barrage on Tuesday. Operation Steel Curtain began at dawn.');
  const mosque = a.mentions.find((m) => m.text.startsWith('Brandbergen'));
  assert.deepEqual([mosque?.text, mosque?.type], ['Brandbergen Mosque', 'LOC']);
  assert.equal(mention(a, 'Samarra Barrage')?.type, 'LOC');
  assert.notEqual(mention(a, 'Operation Steel Curtain')?.type, 'ORG');
});
