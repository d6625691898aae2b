import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline, STAGES } from '../src/extract/pipeline.js';
import { loadResources } from '../src/resources/load.js';
import type { Toll } from '../src/model/figures.js';

// Short shooting and battle reports written for these tests; only the figures and toll stages run.
const res = loadResources();
const stages = STAGES.filter(([n]) => n === 'figures' || n === 'toll');

function toll(text: string, title: string | null = null): [number, number] {
  const t: Toll = runPipeline({ text, title, published: '2021-05-03' }, res, stages).toll;
  return [t.killed?.best ?? 0, t.injured?.best ?? 0];
}

test('one dead and three wounded', () => {
  assert.deepEqual(toll('One person was killed and three others were wounded in a shooting outside a bar early Sunday, police said.'), [1, 3]);
  assert.deepEqual(toll('The shooting left one man dead and three other people wounded.'), [1, 3]);
});

test('people shot, some fatally: the dead are taken out of the injured', () => {
  assert.deepEqual(toll('Two people were shot, one fatally, on Elm Street on Friday night.'), [1, 1]);
  assert.deepEqual(toll('Five people were shot at a party on Saturday. One of the victims died at the hospital, police said.'), [1, 4]);
  assert.deepEqual(toll('A man was shot in the leg on Tuesday and taken to a hospital in stable condition.'), [0, 1]);
});

test('a death told without a count is one death', () => {
  assert.deepEqual(toll('Police are investigating a fatal shooting on the east side. The victim has not been identified.'), [1, 0]);
  assert.deepEqual(toll('Police have not released the name of the victim.', 'Teen killed in Springfield shooting'), [1, 0]);
  // "attempted murder" says nobody died
  assert.deepEqual(toll('A man was shot in the arm. A suspect was charged with attempted murder.'), [0, 1]);
});

test('the headline gives the toll when the text does not', () => {
  assert.deepEqual(toll('Officers were called to the scene shortly before midnight.', '4 shot, 1 killed near downtown park'), [1, 3]);
});

test('an attacker who kills himself is one more dead', () => {
  assert.deepEqual(toll('A man shot and killed his wife and daughter before turning the gun on himself, deputies said.'), [3, 0]);
  assert.deepEqual(toll('Police said the father killed four relatives and himself.'), [5, 0]);
});

test('running totals give way to the incident counts', () => {
  assert.deepEqual(toll('Three people were wounded in a drive-by shooting on Friday. So far this year, 45 people have been killed in the city.'), [0, 3]);
  // but a war's toll over years is the article's main figure when it counts nothing else
  const [killed] = toll('In the past four years, more than 20,000 residents of the province have been killed, according to a monitor.');
  assert.equal(killed, 20000);
});

test('no casualties', () => {
  assert.deepEqual(toll('Shots were fired at a house overnight but no one was injured.'), [0, 0]);
});
