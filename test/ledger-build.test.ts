import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signature, similarity } from '../src/ledger/build/minhash.js';
import { groupStories } from '../src/ledger/build/stories.js';
import { buildRecords, peopleClass, placeRelation, type MentionIn, type PlaceIn } from '../src/ledger/build/records.js';
import { claimContradictions, type ClaimIn } from '../src/ledger/build/claims.js';
import { OriginatorNames, acronymOf } from '../src/ledger/build/originators.js';
import { canonicalUrl, articleKey } from '../src/ledger/store.js';
import { figureScope, nearestInSentence, originatorOf } from '../src/ledger/build/rows.js';
import { memoryResources } from '../src/resources/resources.js';
import type { Place } from '../src/model/index.js';

const ALEPPO: PlaceIn = { name: 'Aleppo', geonameid: 170063, lat: 36.2, lon: 37.16, precision: 'city', country: 'SY', admin1: 'Aleppo Governorate' };
const IDLIB: PlaceIn = { name: 'Idlib', geonameid: 169389, lat: 35.93, lon: 36.63, precision: 'city', country: 'SY', admin1: 'Idlib Governorate' };
const SYRIA: PlaceIn = { name: 'Syria', geonameid: 163843, lat: 35, lon: 38, precision: 'country', country: 'SY', admin1: null };

const names = () => new OriginatorNames(memoryResources({ 'ledger-originators': 'sohr\tSyrian Observatory for Human Rights\nsana\tSyrian Arab News Agency\n' }));

let seq = 0;
function fig(over: Partial<MentionIn>): MentionIn {
  seq++;
  return {
    id: `A${seq}/f1`, kind: 'figure', articleId: `A${seq}`, storyId: `S${seq}`, published: '2024-03-11', outlet: `Outlet ${seq}`,
    category: 'killed', unit: 'people', low: 12, best: 12, high: 12, place: ALEPPO, placeFrom: 'extracted',
    dateStart: '2024-03-11', dateEnd: '2024-03-11', timePrecision: 'day', timeFrom: 'extracted',
    status: 'asserted', originator: `Outlet ${seq}`, originatorKind: 'outlet', start: 0, end: 10, text: '12 people', ...over,
  };
}

test('MinHash: a lightly edited copy is similar, an unrelated text is not', () => {
  const a = 'Air strikes on residential districts of Aleppo killed 12 people on Monday, a monitor said. The raids hit a market and a school in the east of the city. Rescue workers were still searching the rubble late on Monday.';
  const b = a.replace('Rescue workers', 'Civil defence teams') + ' The city has seen repeated raids this month.';
  const c = 'Floods swept through three villages in the valley after a week of heavy rain, officials said, and hundreds of families left their homes for higher ground.';
  assert.ok(similarity(signature(a), signature(b)) >= 0.5, 'edited copy');
  assert.ok(similarity(signature(a), signature(c)) < 0.15, 'unrelated');
  assert.equal(similarity(signature(a), signature(a)), 1);
});

test('stories: identical and near-duplicate texts form one story, others stay apart', () => {
  const base = 'Shelling killed seven civilians in the old quarter of the city on Sunday, according to rescuers who pulled bodies from two collapsed buildings. The army blamed rebels for the attack and promised a response, while residents fled to nearby villages.';
  const s = (id: string, text: string, published = '2024-01-02') => ({ id, contentHash: id === 'b' ? 'H' : id, published, outlet: `o-${id}`, title: id, signature: signature(text) });
  const stories = groupStories([
    s('a', base),
    { ...s('b', base), contentHash: 'a' }, // same text under another id: a wire copy
    s('c', base.replace('on Sunday', 'late on Sunday') + ' Aid groups called for a ceasefire.'),
    s('d', 'A new bridge over the river opened to traffic after three years of works, the transport ministry said on Tuesday, easing congestion in the capital.'),
  ]);
  const of = (id: string) => stories.find((st) => st.articles.includes(id))!;
  assert.equal(of('a').id, of('b').id);
  assert.equal(of('a').id, of('c').id);
  assert.notEqual(of('a').id, of('d').id);
  assert.equal(of('a').outlets.length, 3);
  // ids come from the earliest article: the same whatever the input order
  const again = groupStories([s('d', 'A new bridge over the river opened to traffic after three years of works, the transport ministry said on Tuesday, easing congestion in the capital.'), s('c', base.replace('on Sunday', 'late on Sunday') + ' Aid groups called for a ceasefire.'), s('a', base), { ...s('b', base), contentHash: 'a' }]);
  assert.deepEqual(again.map((x) => x.id).sort(), stories.map((x) => x.id).sort());
});

test('stories: a similar text published months apart is a different story, an identical one is not', () => {
  const text = 'Clashes between government troops and rebels near the airport left nine fighters dead on Thursday, a war monitor said, as both sides sent reinforcements to the front line.';
  const other = text.replace('Thursday', 'Friday').replace('nine', 'eleven').replace('near the airport', 'near the dam');
  const sim = similarity(signature(text), signature(other));
  assert.ok(sim >= 0.4 && sim < 0.6, `similar but not a copy (${sim})`);
  const st = groupStories([
    { id: 'x', contentHash: 'x', published: '2024-01-01', outlet: 'o', title: null, signature: signature(text) },
    { id: 'y', contentHash: 'y', published: '2024-06-01', outlet: 'p', title: null, signature: signature(other) },
  ]);
  assert.equal(st.length, 2);
});

test('records: the same figure from several outlets is one record; independent sources are originators, not articles', () => {
  const n = names();
  // three outlets all quoting the Syrian Observatory, one under its acronym
  const ms = [
    fig({ originator: 'Syrian Observatory for Human Rights', originatorKind: 'named' }),
    fig({ originator: 'SOHR', originatorKind: 'named' }),
    fig({ originator: 'the Syrian Observatory for Human Rights', originatorKind: 'named', published: '2024-03-12', timeFrom: 'published', dateStart: '2024-03-12', dateEnd: '2024-03-12' }),
  ];
  for (const m of ms) n.add(m.originator);
  const recs = buildRecords(ms, n);
  assert.equal(recs.length, 1);
  assert.equal(recs[0]!.mentions.length, 3);
  assert.equal(recs[0]!.sources.length, 1, 'one originator = one source');
  assert.equal(recs[0]!.sources[0]!.originator, 'Syrian Observatory for Human Rights');
});

test('records: wire copies in one story count once; an outlet with its own story counts on its own', () => {
  const n = names();
  const ms = [fig({ storyId: 'W', outlet: 'Levant Post', originator: 'Levant Post' }), fig({ storyId: 'W', outlet: 'Coastal Herald', originator: 'Coastal Herald' }), fig({ storyId: 'X', outlet: 'Desert Daily', originator: 'Desert Daily' })];
  const recs = buildRecords(ms, n);
  assert.equal(recs.length, 1);
  assert.equal(recs[0]!.sources.length, 2);
  assert.ok(recs[0]!.sources.some((s) => /Coastal Herald.*Levant Post.*one story/.test(s.originator)));
});

test('records: best is the most conservative credible figure, low and high span the sources, denials left out', () => {
  const n = names();
  const ms = [
    fig({ originator: 'Monitor A', originatorKind: 'named', low: 20, best: 20, high: 20 }),
    fig({ originator: 'Monitor B', originatorKind: 'named', low: 15, best: 18, high: 25 }),
    fig({ originator: 'Ministry C', originatorKind: 'named', low: 16, best: 16, high: 16, status: 'denied' }),
  ];
  const [r] = buildRecords(ms, n);
  assert.equal(r!.best, 18);
  assert.equal(r!.low, 15);
  assert.equal(r!.high, 25);
  assert.equal(r!.sources.length, 3);
});

test('records: a source\'s latest figure counts (a toll that rises is not a dispute)', () => {
  const n = names();
  const ms = [
    fig({ originator: 'Monitor A', originatorKind: 'named', low: 10, best: 10, high: 10, published: '2024-03-11' }),
    fig({ originator: 'Monitor A', originatorKind: 'named', low: 14, best: 14, high: 14, published: '2024-03-13', timeFrom: 'extracted' }),
    fig({ originator: 'Outlet Z', low: 14, best: 14, high: 14, published: '2024-03-13' }),
  ];
  const [r] = buildRecords(ms, n);
  assert.equal(r!.best, 14);
  assert.equal(r!.contradictions.length, 0);
});

test('records: figures that disagree beyond their ranges the same day are a contradiction with both sources', () => {
  const n = names();
  const a = fig({ originator: 'Syrian Observatory for Human Rights', originatorKind: 'named', low: 12, best: 12, high: 12 });
  const b = fig({ originator: 'SANA', originatorKind: 'named', low: 5, best: 5, high: 5 });
  const c = fig({ originator: 'Outlet Q', low: 10, best: 10, high: null }); // "at least 10": consistent with 12
  const [r] = buildRecords([a, b, c], n);
  assert.equal(r!.mentions.length, 3);
  assert.equal(r!.best, 5);
  const pairs = r!.contradictions.map((x) => [x.a.id, x.b.id].sort().join(' '));
  assert.ok(pairs.includes([a.id, b.id].sort().join(' ')));
  assert.ok(!pairs.includes([a.id, c.id].sort().join(' ')), '"at least 10" does not contradict 12');
  assert.match(r!.contradictions[0]!.reason, /Syrian (Arab News Agency|Observatory)/);
});

test('records: different places, days, categories, people or magnitudes stay apart', () => {
  const n = names();
  const base = fig({});
  const recs = buildRecords([
    base,
    fig({ place: IDLIB }),
    fig({ published: '2024-04-20', dateStart: '2024-04-20', dateEnd: '2024-04-20' }),
    fig({ category: 'injured' }),
    fig({ low: 400, best: 400, high: 400 }),
    fig({ low: 12, best: 12, high: 12, peopleClass: 'combatant' }),
    fig({ low: 12, best: 12, high: 12, peopleClass: 'civilian' }),
  ], n);
  const withBase = recs.find((r) => r.mentions.some((m) => m.id === base.id))!;
  // only the civilian figure may join the (unclassed) base: everything else is another record
  assert.ok(withBase.mentions.length <= 2);
  assert.ok(recs.length >= 6);
  assert.ok(!recs.some((r) => r.mentions.some((m) => m.peopleClass === 'combatant') && r.mentions.some((m) => m.peopleClass === 'civilian')));
});

test('records: a count of children is not the toll of all people, and civilians are not fighters', () => {
  const n = names();
  const recs = buildRecords([fig({ low: 126, best: 126, high: null }), fig({ low: 67, best: 67, high: 67, peopleClass: 'child' }), fig({ low: 100, best: 100, high: 100, peopleClass: 'civilian' })], n);
  const child = recs.find((r) => r.mentions.some((m) => m.peopleClass === 'child'))!;
  assert.equal(child.mentions.length, 1);
  const civ = recs.find((r) => r.mentions.some((m) => m.peopleClass === 'civilian'))!;
  assert.equal(civ.mentions.length, 2, 'civilians and people may be one count');
});

test('records: a country-level figure joins a city figure only when the values are close', () => {
  const n = names();
  const recs = buildRecords([fig({}), fig({ place: SYRIA, low: 13, best: 13, high: 13 }), fig({ place: SYRIA, low: 40, best: 40, high: 40 })], n);
  const city = recs.find((r) => r.place?.name === 'Aleppo')!;
  assert.equal(city.mentions.length, 2, '12 in Aleppo and 13 in Syria');
  assert.equal(recs.length, 2);
});

test('records: ids are stable: the same mentions in any order give the same records', () => {
  const n = names();
  const ms = [fig({}), fig({ published: '2024-03-12', timeFrom: 'published' }), fig({ place: IDLIB, low: 3, best: 3, high: 3 })];
  const a = buildRecords(ms, n).map((r) => [r.id, r.mentions.map((m) => m.id).sort().join()].join(':'));
  const b = buildRecords([...ms].reverse(), n).map((r) => [r.id, r.mentions.map((m) => m.id).sort().join()].join(':'));
  assert.deepEqual(a.sort(), b.sort());
});

test('places: same place, containment by country and region, and neither', () => {
  assert.equal(placeRelation(ALEPPO, { ...ALEPPO }), 2);
  assert.equal(placeRelation(ALEPPO, SYRIA), 1);
  assert.equal(placeRelation(ALEPPO, { name: 'Aleppo Governorate', geonameid: 170062, lat: null, lon: null, precision: 'region', country: 'SY', admin1: 'Aleppo Governorate' }), 1);
  assert.equal(placeRelation(ALEPPO, IDLIB), 0);
  assert.equal(placeRelation(ALEPPO, null), 0);
});

test('people classes: head nouns, singular or plural; unknown heads fit any class', () => {
  const classes = new Map([['civilian', 'civilian'], ['fighter', 'combatant'], ['child', 'child'], ['children', 'child']]);
  assert.equal(peopleClass('civilians', classes), 'civilian');
  assert.equal(peopleClass('opposition fighters', classes), 'combatant');
  assert.equal(peopleClass('children', classes), 'child');
  assert.equal(peopleClass('people', classes), null);
  assert.equal(peopleClass(null, classes), null);
});

test('claims: a denial contradicts the claim it denies, from another originator; unrelated claims do not', () => {
  const n = names();
  const c = (id: string, text: string, status: string, originator: string, published = '2024-03-11'): ClaimIn => ({ id, articleId: id.split('/')[0]!, storyId: id, published, outlet: 'o', text, status, originator, country: 'SY' });
  const out = claimContradictions([
    c('A1/c1', 'army helicopters dropped barrel bombs on the market in Douma', 'claimed', 'Syrian Civil Defence'),
    c('A2/c1', 'its helicopters dropped barrel bombs on the market in Douma', 'denied', 'Syrian army'),
    c('A3/c1', 'the bridge over the river will reopen next week', 'asserted', 'Transport ministry'),
    c('A4/c1', 'army helicopters dropped barrel bombs on the market in Douma', 'denied', 'Syrian army', '2024-09-01'),
  ], n);
  assert.equal(out.length, 1);
  assert.deepEqual([out[0]!.a.id, out[0]!.b.id], ['A1/c1', 'A2/c1']);
  assert.match(out[0]!.reason, /Syrian army denies what Syrian Civil Defence says/);
});

test('originators: aliases, acronyms and spellings resolve to one name', () => {
  const n = names();
  n.add('Syrian Observatory for Human Rights');
  n.add('Levant Monitoring Group');
  assert.equal(n.key('SOHR'), n.key('the Syrian Observatory for Human Rights'));
  assert.equal(n.canonical('LMG'), 'Levant Monitoring Group');
  assert.equal(n.canonical('sana'), 'Syrian Arab News Agency');
  assert.equal(acronymOf('Syrian Observatory for Human Rights'), 'sohr');
  assert.equal(originatorOf({ name: 'Ministry of Health', entity: null, kind: 'named', title: null }, 'Levant Post').name, 'Ministry of Health');
  assert.equal(originatorOf({ name: null, entity: null, kind: 'anonymous', title: null }, 'Levant Post').name, 'Levant Post');
  assert.equal(originatorOf(null, null).name, 'unknown outlet');
});

test('canonical URLs and article keys: one page, one key', () => {
  assert.equal(canonicalUrl('http://WWW.Example.com:80/a/b/?utm_source=x&b=2&a=1#top'), 'https://example.com/a/b?a=1&b=2');
  assert.equal(canonicalUrl('https://example.com/a/b'), canonicalUrl('https://www.example.com/a/b/'));
  assert.equal(canonicalUrl('ftp://example.com/x'), null);
  assert.equal(articleKey({ text: 't', url: 'https://example.com/x?fbclid=1' }, 'h'), 'url:https://example.com/x');
  assert.equal(articleKey({ text: 't', id: 'doc-1' }, 'h'), 'id:doc-1');
  assert.equal(articleKey({ text: 't' }, 'h'), 'sha256:h');
});

test('figure scope: long explicit times and war-sized tolls are cumulative', () => {
  assert.equal(figureScope({ category: 'killed', value: { low: 12, best: 12, high: 12 } }, { start: '2024-03-11', end: '2024-03-11' }, 'extracted'), 'incident');
  assert.equal(figureScope({ category: 'killed', value: { low: 300, best: 300, high: 300 } }, { start: '2023-01-01', end: '2023-12-31' }, 'extracted'), 'cumulative');
  assert.equal(figureScope({ category: 'killed', value: { low: 400000, best: 400000, high: null } }, { start: '2024-03-11', end: '2024-03-11' }, 'published'), 'cumulative');
  assert.equal(figureScope({ category: 'displaced', value: { low: 30000, best: 30000, high: 30000 } }, null, 'none'), 'incident');
});

test('nearest place in the sentence: not across a sentence end', () => {
  const text = 'Shells hit Homs on Monday. In the east, 12 people were killed near Aleppo.';
  const place = (name: string, start: number): Place => ({ id: name, start, end: start + name.length, text: name, name, gazetteerId: null, geonameid: null, lat: null, lon: null, featureCode: null, precision: 'city', country: 'SY', admin1: null, part: null, usage: 'literal', within: null, mention: null, score: 1 });
  const places = [place('Homs', text.indexOf('Homs')), place('Aleppo', text.indexOf('Aleppo'))];
  const at = text.indexOf('12 people');
  assert.equal(nearestInSentence(text, places, at, at + 9)?.name, 'Aleppo');
  const only = [places[0]!];
  assert.equal(nearestInSentence(text, only, at, at + 9), null);
});

test('originators: the display name does not depend on the order names arrive in', () => {
  const shown = (order: string[]) => {
    const n = new OriginatorNames(memoryResources({}));
    for (const x of order) n.add(x);
    return n.canonical('the Free Syrian Army');
  };
  assert.equal(shown(['Free Syrian Army', 'Free Syrian army']), shown(['Free Syrian army', 'Free Syrian Army']));
});
