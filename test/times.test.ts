import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../src/extract/analysis.js';
import { extractTimes } from '../src/extract/times/index.js';
import { loadResources } from '../src/resources/load.js';
import { segment } from '../src/segment/index.js';
import type { TimeRef } from '../src/model/times.js';

const res = loadResources();
// The times stage alone (not the whole pipeline), on an article with the given publication date.
function analyse(text: string, published: string | null): Analysis {
  const seg = segment(text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
  const a: Analysis = {
    text, seg, published, title: null, outlet: null, mentions: [], entities: [], times: [], places: [], figures: [], attributions: [],
    claims: [], events: [], contradictions: [], toll: { killed: null, injured: null, figures: [] }, warnings: [],
  };
  extractTimes(a, res);
  return a;
}
const times = (text: string, published: string | null = '2016-12-12') => analyse(text, published).times;
/** The time whose text is exactly `s` (fails the test when there is none). */
function find(ts: TimeRef[], s: string): TimeRef {
  const t = ts.find((x) => x.text === s);
  assert.ok(t, `no time "${s}" in ${JSON.stringify(ts.map((x) => x.text))}`);
  return t;
}

// 2016-12-12 was a Monday.

test('a past weekday is the latest one up to the publication date, a future one the next', () => {
  const ts = times('Rebels fled on Saturday. An emergency debate will be held on Tuesday. The minister is expected to visit on Friday.');
  assert.equal(find(ts, 'Saturday').value, '2016-12-10');
  assert.equal(find(ts, 'Tuesday').value, '2016-12-13');
  assert.equal(find(ts, 'Friday').value, '2016-12-16');
});

test('the weekday of the publication date itself is that day, in the past or the future tense', () => {
  assert.equal(find(times('Rebel fighters fled from their strongholds on Monday.'), 'Monday').value, '2016-12-12');
  assert.equal(find(times('The convoy will leave on Monday.'), 'Monday').value, '2016-12-12');
});

test('"last" and "next" weekdays skip the publication day', () => {
  const ts = times('The council met last Monday and meets again next Monday.');
  assert.equal(find(ts, 'last Monday').value, '2016-12-05');
  assert.equal(find(ts, 'next Monday').value, '2016-12-19');
});

test('a date without a year near New Year falls in the right year', () => {
  assert.equal(find(times('The ceasefire began on December 29.', '2017-01-03'), 'December 29').value, '2016-12-29');
  assert.equal(find(times('Elections are due on January 5.', '2016-12-30'), 'January 5').value, '2017-01-05');
  assert.equal(find(times('Talks collapsed in December.', '2017-01-10'), 'December').value, '2016-12');
});

test('"the past four years" is a four-year span ending on the publication date, determiner included', () => {
  const t = find(times('In the past four years, more than 20,000 residents have been killed.'), 'the past four years');
  assert.equal(t.type, 'DURATION');
  assert.equal(t.value, 'P4Y');
  assert.deepEqual(t.interval, { start: '2012-12-13', end: '2016-12-12' });
  assert.equal(t.precision, 'span');
});

test('a duration in a perfect clause ends on the publication date and keeps its modifier', () => {
  const t = find(times('The battle has raged for more than four years.'), 'more than four years');
  assert.equal(t.value, 'P4Y');
  assert.equal(t.mod, 'MORE_THAN');
  assert.deepEqual(t.interval, { start: '2012-12-13', end: '2016-12-12' });
});

test('without a publication date, relative times stay unresolved and absolute ones resolve', () => {
  const ts = times('Rebels fled on Monday and will return next week. Yesterday officials said the siege of 12 December 2016 was over.', null);
  for (const [s, v] of [['Monday', 'XXXX-WXX-1'], ['next week', 'XXXX-WXX'], ['Yesterday', 'XXXX-XX-XX']] as const) {
    const t = find(ts, s);
    assert.equal(t.value, v);
    assert.equal(t.resolved, false);
    assert.equal(t.interval, null);
  }
  const abs = find(ts, '12 December 2016');
  assert.equal(abs.value, '2016-12-12');
  assert.equal(abs.resolved, true);
  assert.ok(analyse('Rebels fled on Monday.', null).warnings.some((w) => /unresolved/.test(w)));
});

test('without a publication date, a month without a year takes the year the narrative last named', () => {
  const ts = times('The war began in September 1939. In April, the army invaded Norway.', null);
  assert.equal(find(ts, 'April').value, '1939-04');
  assert.equal(find(ts, 'April').anchor, 'text');
});

test('full dates in the usual formats, US order for slashes', () => {
  const ts = times('Reports on December 12, 2016, on 12 Dec 2016, on 2016-12-11, on 12/10/2016 and on 3/4/2015.');
  assert.equal(find(ts, 'December 12, 2016').value, '2016-12-12');
  assert.equal(find(ts, '12 Dec 2016').value, '2016-12-12');
  assert.equal(find(ts, '2016-12-11').value, '2016-12-11');
  assert.equal(find(ts, '12/10/2016').value, '2016-12-10');
  assert.equal(find(ts, '3/4/2015').value, '2015-03-04');
});

test('months, years, decades, centuries, seasons, quarters', () => {
  const ts = times('In November 2015 and in 2014, as in the 1990s and the 20th century; in summer 2015 and last winter; profits fell in the third quarter and in fiscal 2015.');
  assert.equal(find(ts, 'November 2015').value, '2015-11');
  assert.equal(find(ts, '2014').value, '2014');
  assert.equal(find(ts, 'the 1990s').value, '199');
  assert.equal(find(ts, 'the 20th century').value, '19');
  assert.equal(find(ts, 'summer 2015').value, '2015-SU');
  assert.equal(find(ts, 'last winter').value, '2015-WI');
  assert.equal(find(ts, 'the third quarter').value, '2016-Q3');
  assert.deepEqual(find(ts, 'the third quarter').interval, { start: '2016-07-01', end: '2016-09-30' });
  assert.equal(find(ts, 'fiscal 2015').value, '2015');
});

test('relative dates, parts of the day, clock times and references', () => {
  const ts = times('Two days ago and last week shelling resumed; this morning at 3 p.m. it stopped. Earlier this year aid arrived; next month it may stop. Recently the UN said it is now unclear what the future holds.');
  assert.equal(find(ts, 'Two days ago').value, '2016-12-10');
  assert.equal(find(ts, 'last week').value, '2016-W49');
  assert.deepEqual(find(ts, 'last week').interval, { start: '2016-12-05', end: '2016-12-11' });
  assert.equal(find(ts, 'this morning').value, '2016-12-12TMO');
  assert.equal(find(ts, '3 p.m.').value, '2016-12-12T15:00');
  assert.equal(find(ts, 'Earlier this year').value, '2016');
  assert.equal(find(ts, 'next month').value, '2017-01');
  assert.equal(find(ts, 'Recently').value, 'PAST_REF');
  assert.equal(find(ts, 'now').value, 'PRESENT_REF');
  assert.equal(find(ts, 'the future').value, 'FUTURE_REF');
});

test('durations in words and digits, hyphenated adjectives and vague amounts', () => {
  const ts = times('After a three-week advance, a 24-hour truce and two and a half years of siege, in recent months and within hours, for 48 hours, for years.');
  assert.equal(find(ts, 'three-week').value, 'P3W');
  assert.equal(find(ts, '24-hour').value, 'PT24H');
  assert.equal(find(ts, 'two and a half years').value, 'P2Y6M');
  assert.equal(find(ts, 'recent months').value, 'PXM');
  assert.equal(find(ts, 'within hours').value, 'PTXH');
  assert.equal(find(ts, '48 hours').value, 'PT48H');
  assert.equal(find(ts, 'years').value, 'PXY');
});

test('sets', () => {
  const ts = times('Convoys leave every week and each season, aid arrives daily, markets open every Monday, and 15,000 flee a year.');
  assert.equal(find(ts, 'every week').value, 'P1W');
  assert.equal(find(ts, 'every week').type, 'SET');
  assert.equal(find(ts, 'each season').type, 'SET');
  assert.equal(find(ts, 'daily').value, 'P1D');
  assert.equal(find(ts, 'every Monday').value, 'XXXX-WXX-1');
  assert.equal(find(ts, 'a year').type, 'SET');
});

test('ranges give both ends and the whole interval', () => {
  const ts = times('The war lasted from 1939 to 1945; the battle raged 22-25 April 1951.');
  assert.deepEqual(find(ts, '1939').range, { start: '1939-01-01', end: '1945-12-31' });
  assert.deepEqual(find(ts, '1945').range, { start: '1939-01-01', end: '1945-12-31' });
  assert.equal(find(ts, '22').value, '1951-04-22');
  assert.deepEqual(find(ts, '25 April 1951').range, { start: '1951-04-22', end: '1951-04-25' });
});

test('words that only look like times are left alone', () => {
  const ts = times('May I ask? Theresa May spoke after the fall of Aleppo, when 2,000 people and 1500 soldiers left with a 6-year-old boy. Protesters march on the capital.');
  assert.deepEqual(ts.map((t) => t.text), []);
});

test('extents leave out prepositions and keep determiners and modifiers', () => {
  const ts = times('On Monday, for over a year, in the past four years.');
  assert.deepEqual(ts.map((t) => t.text), ['Monday', 'over a year', 'the past four years']);
});

test('weeks of a month, and days that do not exist', () => {
  const ts = times('Aid arrives in the first week of January; a report dated February 30, 2016 is a typo.');
  assert.equal(find(ts, 'the first week of January').value, '2017-W01');
  assert.deepEqual(find(ts, 'the first week of January').interval, { start: '2017-01-02', end: '2017-01-08' });
  assert.ok(!ts.some((t) => t.text.startsWith('February 30')));
});

test('a quarter later in the year than the publication date, in a past clause, is last year\'s', () => {
  const ts = times('The company reported a loss for the fourth quarter.', '2017-01-26');
  assert.equal(find(ts, 'the fourth quarter').value, '2016-Q4');
});

test('a bare clock time is on the day the same or the previous sentence names, else the publication day', () => {
  const ts = times('Two men were shot on Saturday outside a bar. Police arrived shortly after 1:30 a.m. and found them. '
    + 'The city council met for hours. The mayor spoke at 4 p.m.');
  assert.equal(find(ts, 'shortly after 1:30 a.m.').value, '2016-12-10T01:30');
  assert.equal(find(ts, '4 p.m.').value, '2016-12-12T16:00');
});
