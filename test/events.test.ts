import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline, STAGES } from '../src/extract/pipeline.js';
import { loadResources } from '../src/resources/load.js';
import type { Event } from '../src/model/events.js';

// Event reports written for these tests; only the figures and events stages run.
const res = loadResources();
const stages = STAGES.filter(([n]) => n === 'figures' || n === 'events');

const events = (text: string, title: string | null = null): Event[] => runPipeline({ text, title, published: '2021-05-03' }, res, stages).events;
const mainType = (text: string, title: string | null = null) => events(text, title)[0]?.type;

test('who takes territory decides the battle sub-type', () => {
  assert.equal(mainType('Government forces recaptured the town from rebels on Sunday after a week of fighting.'), 'GOV_REGAINS_TERIT');
  assert.equal(mainType('Rebels captured the town on Monday after government troops fled.'), 'NON_STATE_ACTOR_OVERTAKES_TER');
  assert.equal(mainType('The army and insurgents clashed near the border, leaving several fighters dead.'), 'ARMED_CLASH');
});

test('protests: peaceful, dispersed, violent, or met with lethal force', () => {
  assert.equal(mainType('Thousands of people marched peacefully through the capital to demand higher wages.'), 'PEACE_PROTEST');
  assert.equal(mainType('Police fired tear gas and water cannon to disperse hundreds of protesters outside parliament.'), 'PROTEST_WITH_INTER');
  assert.equal(mainType('Security forces opened fire on protesters with live ammunition, killing five demonstrators.'), 'FORCE_AGAINST_PROTEST');
  assert.equal(mainType('Demonstrators threw stones at police and set fire to cars during the protest.'), 'VIOL_DEMONSTR');
});

test('explosions and remote violence by their weapon', () => {
  assert.equal(mainType('A suicide bomber blew himself up at a checkpoint, killing four soldiers.'), 'SUIC_BOMB');
  assert.equal(mainType('Warplanes struck a market in the northern town, witnesses said.'), 'AIR_STRIKE');
  assert.equal(mainType('Artillery shells hit residential areas of the city overnight.'), 'ART_MISS_ATTACK');
  assert.equal(mainType('A roadside bomb exploded as a patrol passed, wounding two soldiers.'), 'REM_EXPLOS');
  assert.equal(mainType('Bomb disposal experts defused an explosive device found near the market.'), 'DISR_WEAP');
});

test('violence against civilians, arrests, disasters', () => {
  assert.equal(mainType('Gunmen stormed a village and killed eleven civilians, including women and children.'), 'ATTACK');
  assert.equal(mainType('Gunmen abducted 20 students from their dormitory overnight.'), 'ABDUCT_DISSAP');
  assert.equal(mainType('Police arrested three men suspected of planning the attack.'), 'ARREST');
  assert.equal(mainType('A magnitude 6.1 earthquake struck the region on Tuesday.'), 'NATURAL_DISASTER');
  assert.equal(mainType('The group claimed responsibility for the bombing in a statement.'), 'ATTRIB');
});

test('the main event comes first, with its trigger, actors and figures; other events follow', () => {
  const text = 'Government forces retook the district on Monday after heavy fighting, killing 30 militants. '
    + 'Separately, warplanes bombed a market in a nearby town.';
  const es = events(text);
  assert.equal(es[0]!.type, 'GOV_REGAINS_TERIT');
  assert.equal(es[0]!.eventType, 'Battles');
  assert.equal(es[0]!.trigger?.text, 'retook');
  assert.ok(es[0]!.actors.some((x) => x.name === 'Government forces' && x.role === 'actor1'));
  assert.equal(es[0]!.figures.length, 1);
  assert.ok(es.some((e) => e.type === 'AIR_STRIKE'));
  for (const e of es) assert.equal(text.slice(e.start, e.end), e.text);
});

test('a text with no event words still gets one event type', () => {
  const es = events('The committee met on Thursday.');
  assert.equal(es.length, 1);
});
