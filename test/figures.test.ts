import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline, STAGES } from '../src/extract/pipeline.js';
import { loadResources } from '../src/resources/load.js';
import type { Analysis, Stage } from '../src/extract/analysis.js';
import type { Figure } from '../src/model/figures.js';
import type { Place, TimeRef } from '../src/model/index.js';

// Sentences written for these tests. Only the figures stage runs (with optional places and times
// set by hand), so the assertions do not depend on the other stages.
const res = loadResources();
const figuresStage = STAGES.find(([n]) => n === 'figures')!;

function figures(text: string, before: Stage[] = []): Figure[] {
  return runPipeline({ text, published: '2020-03-02' }, res, [...before.map((s, k) => [`given${k}`, s] as [string, Stage]), figuresStage]).figures;
}

const only = (text: string): Figure => {
  const fs = figures(text);
  assert.equal(fs.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(fs.map((f) => f.text))}`);
  return fs[0]!;
};

test('qualifiers set the range and are kept', () => {
  const f = only('More than 20,000 people have been killed in the province.');
  assert.equal(f.category, 'killed');
  assert.deepEqual(f.value, { low: 20000, best: 20000, high: null });
  assert.equal(f.qualifier, 'More than');
  assert.equal(f.people, 'people');
  assert.deepEqual(only('At least 41 police trainees were killed.').value, { low: 41, best: 41, high: null });
  assert.deepEqual(only('Up to 300 families were displaced by the fighting.').value, { low: null, best: 300, high: 300 });
  assert.deepEqual(only('Nearly 100 people were injured.').value, { low: null, best: 100, high: 100 });
  const approx = only('Approximately 20,000 people fled the city on Saturday.');
  assert.equal(approx.category, 'displaced');
  assert.deepEqual(approx.value, { low: null, best: 20000, high: null });
  assert.equal(approx.qualifier, 'Approximately');
});

test('ranges written as between X and Y, X to Y, X or Y', () => {
  assert.deepEqual(only('Between 20 and 30 civilians were killed in the raid.').value, { low: 20, best: 20, high: 30 });
  assert.deepEqual(only('Officials said 12 to 15 villagers were abducted.').value, { low: 12, best: 12, high: 15 });
  assert.deepEqual(only('Two or three people were wounded.').value, { low: 2, best: 2, high: 3 });
});

test('numbers in words and vague amounts', () => {
  assert.equal(only('Twenty-five people died in the blast.').value.best, 25);
  assert.equal(only('One hundred and fifty protesters were detained overnight.').value.best, 150);
  assert.deepEqual(only('More than a dozen people were hurt.').value, { low: 12, best: 12, high: null });
  const trapped = only('Tens of thousands of people are believed to be trapped in the old town.');
  assert.equal(trapped.category, 'trapped');
  assert.deepEqual(trapped.value, { low: 10000, best: 10000, high: 99999 });
  assert.equal(trapped.qualifier, 'Tens of thousands');
  const besieged = only('Hundreds of thousands of civilians remain besieged in the east.');
  assert.equal(besieged.category, 'besieged');
  assert.deepEqual(besieged.value, { low: 100000, best: 100000, high: 999999 });
  assert.deepEqual(only('Dozens were wounded.').value, { low: 24, best: 24, high: 99 });
  assert.equal(only('About 1.5 million people have fled their homes.').value.best, 1500000);
});

test('a percentage of an earlier figure points at it and shares its category', () => {
  const fs = figures('More than 20,000 residents have been killed since 2012. More than 80% of these were civilians.');
  assert.equal(fs.length, 2);
  const [total, share] = fs as [Figure, Figure];
  assert.equal(share.unit, 'percent');
  assert.equal(share.of, total.id);
  assert.equal(share.category, 'killed');
  assert.deepEqual(share.value, { low: 80, best: 80, high: null });
  // a percentage of nothing counted is no figure about people
  assert.equal(figures('Turnout was 80% of registered voters.').length, 0);
});

test('counts read from noun phrases', () => {
  const man = only('A man was shot dead outside the shop.');
  assert.deepEqual([man.category, man.value.best, man.implicit], ['killed', 1, true]);
  const three = only('A man and two women were wounded in the attack.');
  assert.deepEqual([three.category, three.value.best], ['injured', 3]);
  const two = only('The gunman shot and killed his wife and son.');
  assert.deepEqual([two.category, two.value.best], ['killed', 2]);
  const friend = only('The teenager shot and killed his friend on Friday.');
  assert.deepEqual([friend.category, friend.value.best], ['killed', 1]);
  // the group's verb is found past an inclusion ("including a child")
  const group = figures('Two civilians, including a child, have been killed in the town.');
  assert.ok(group.some((f) => f.category === 'killed' && f.value.best === 2));
  const none = only('No one was injured.');
  assert.deepEqual([none.category, none.value.best], ['injured', 0]);
  const fatal = figures('Two people were shot, one fatally, on Main Street.');
  assert.deepEqual(fatal.map((f) => [f.category, f.value.best]), [['casualties', 2], ['killed', 1]]);
});

test('the doer of an active verb is not its victim', () => {
  const f = only('A 4-year-old boy accidentally shot his uncle in the stomach.');
  assert.equal(f.people, 'uncle');
  assert.equal(f.category, 'casualties');
});

test('numbers that count no people are left out', () => {
  assert.equal(figures('About 1,800 students attend the school.').length, 0);
  assert.equal(figures('Police offered a $10,000 reward on Nov. 13, 2015.').length, 0);
  // a pronoun is no count, and times, addresses and clock times count no people
  assert.equal(figures('He was shot seven times near the 1100 block of Main Street at 3:37 p.m.').length, 0);
  assert.equal(figures('John Smith, 17, was arrested.').map((f) => f.value.best).join(), '1');
});

test('categories of what happened to people', () => {
  assert.equal(only('Police arrested five men on Tuesday.').category, 'detained');
  assert.equal(only('Gunmen kidnapped 12 students from the school.').category, 'abducted');
  assert.equal(only('Some 300 residents were evacuated overnight.').category, 'evacuated');
  assert.equal(only('At least 40 people are still missing.').category, 'missing');
  assert.equal(only('The death toll from the attack rose to 25 on Sunday.').category, 'killed');
});

test('a figure repeated in a caption is one figure with two mentions', () => {
  const text = 'More than 20,000 residents in the province have been killed Credit: Reuters\n\n'
    + 'In the past four years, more than 20,000 residents of the province have been killed, monitors said.';
  const fs = figures(text);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.mentions.length, 2);
  assert.deepEqual(fs[0]!.mentions.map((m) => text.slice(m.start, m.end).toLowerCase()), ['more than 20,000 residents', 'more than 20,000 residents']);
});

test('figures are linked to the place and time of their sentence', () => {
  const text = 'Fighting continued in Aleppo. On Saturday, 20 people were killed in Homs.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  // only what the linker reads; the rest of a Place belongs to the places stage
  const place = (id: string, s: string) => ({ id, ...at(s), name: s }) as unknown as Place;
  const time: TimeRef = { id: 't1', ...at('Saturday'), type: 'DATE', value: '2020-02-29', interval: null, precision: 'day', resolved: true };
  const given: Stage = (a: Analysis) => {
    a.places = [place('p1', 'Aleppo'), place('p2', 'Homs')];
    a.times = [time];
  };
  const [f] = figures(text, [given]);
  assert.equal(f!.place, 'p2');
  assert.equal(f!.time, 't1');
});

test('in a "Town, Region" pair the figure is placed at the town', () => {
  const text = 'DAYTON, Ohio - Two men were shot outside a bar on Saturday.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const place = (id: string, s: string, precision: string, admin1: string | null) => ({ id, ...at(s), name: s === 'DAYTON' ? 'Dayton' : s, precision, country: 'US', admin1, usage: 'literal' }) as unknown as Place;
  const given: Stage = (a: Analysis) => { a.places = [place('p1', 'DAYTON', 'city', 'Ohio'), place('p2', 'Ohio', 'region', 'Ohio')]; };
  assert.equal(figures(text, [given])[0]!.place, 'p1');
});
