// Claims, their status and hedges, and contradictions, on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../src/extract/pipeline.js';
import { loadResources } from '../src/resources/load.js';
import { statusOfCue, strongest } from '../src/extract/claims/status.js';
import type { Analysis } from '../src/extract/analysis.js';

const res = loadResources();
const run = (text: string, outlet = 'Test Wire') => runPipeline({ text, published: '2021-03-04', outlet }, res);

function claimAbout(a: Analysis, words: string) {
  const at = a.text.indexOf(words);
  assert.ok(at >= 0);
  const holding = a.claims.filter((c) => c.content.start <= at && at + words.length <= c.content.end);
  assert.ok(holding.length, `a claim holds "${words}"; claims: ${JSON.stringify(a.claims.map((c) => c.content.text))}`);
  // the innermost one
  return holding.sort((x, y) => (x.content.end - x.content.start) - (y.content.end - y.content.start))[0]!;
}

test('a hedged statement with no source is a claim of the outlet with that status', () => {
  const a = run('About 5,000 people are believed to be trapped under the rubble of the old town.');
  const c = claimAbout(a, 'trapped under the rubble');
  assert.equal(c.speaker.kind, 'outlet');
  assert.equal(c.speaker.name, 'Test Wire');
  assert.equal(c.status, 'believed');
  assert.equal(c.hedges.length, 1);
  assert.match(c.hedges[0]!.text, /\bbelieved$/);
  assert.equal(c.hedges[0]!.status, 'believed');
});

test('an estimate with no source is estimated', () => {
  const a = run('Nearly 12,000 residents were estimated to have crossed the river by Sunday evening.');
  assert.equal(claimAbout(a, 'crossed the river').status, 'estimated');
});

test('a sentence referring back keeps the source of the attribution before it', () => {
  const a = run('At least 300 people died in the floods, according to the Disaster Management Agency. Most of these are estimated to have been children.');
  const c = claimAbout(a, 'to have been children');
  assert.equal(c.status, 'estimated');
  assert.equal(c.speaker.name, 'Disaster Management Agency');
});

test('claims take their status from the cue: claimed, denied, reported', () => {
  const a = run('The militia claimed that it controlled the airport. The army denied that its aircraft had struck the hospital. A spokesman said the roads were open.');
  assert.equal(claimAbout(a, 'it controlled the airport').status, 'claimed');
  assert.equal(claimAbout(a, 'its aircraft had struck').status, 'denied');
  assert.equal(claimAbout(a, 'the roads were open').status, 'reported');
});

test('unverified reports carry their own claim, with a vague source', () => {
  const a = run('The UN human rights office said it had received unverified reports of looting in the port district.');
  const c = claimAbout(a, 'looting in the port');
  assert.equal(c.status, 'unverified');
  assert.equal(c.speaker.kind, 'vague');
  const outer = a.claims.find((x) => x.content.text.startsWith('it had received'));
  assert.ok(outer);
  assert.equal(outer.status, 'reported');
});

test('figures get the claim that carries them', () => {
  const a = run('At least 40 people were killed in the blast, the health ministry said.');
  for (const f of a.figures) {
    assert.ok(f.claim, `figure ${f.text} has a claim`);
    const c = a.claims.find((x) => x.id === f.claim)!;
    assert.ok(c.figures.includes(f.id));
    assert.ok(c.content.start <= f.start && f.end <= c.content.end);
  }
});

test('"captured the town" against "still holding out": a contradiction, shown with both claims', () => {
  const text = 'Government forces claimed on Sunday that they had captured the town of Qaryat. But a local doctor, reached by phone, said: "Our fighters are still holding out in the old market."';
  const a = run(text);
  assert.equal(a.contradictions.length, 1, JSON.stringify(a.contradictions));
  const x = a.contradictions[0]!;
  assert.equal(x.kind, 'outcome');
  const texts = [x.a, x.b].map((id) => a.claims.find((c) => c.id === id)!.content.text);
  assert.ok(texts.some((t) => t.includes('captured the town')), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('still holding out')), texts.join(' | '));
});

test('a denial contradicts the claim it denies', () => {
  const a = run('Rebel commanders said they had shot down a government helicopter near the dam. The defence ministry denied that any helicopter had been shot down.');
  const x = a.contradictions.find((c) => c.kind === 'denial');
  assert.ok(x, JSON.stringify(a.contradictions));
});

test('alleged and confirmed statuses come from the cue; a plain unhedged figure is asserted by the outlet', () => {
  const a = run('Opposition activists alleged that the militia had burned the grain stores. The provincial governor confirmed that the northern bridge was open again. At least 12 people were killed in the shelling of the market.');
  assert.equal(claimAbout(a, 'burned the grain stores').status, 'alleged');
  assert.equal(claimAbout(a, 'northern bridge was open').status, 'confirmed');
  const own = claimAbout(a, 'killed in the shelling of the market');
  assert.equal(own.speaker.kind, 'outlet');
  assert.equal(own.status, 'asserted');
  assert.equal(own.hedges.length, 0);
});

test('a hedge word inside an attributed claim makes its status more cautious', () => {
  const a = run('A police spokesman said the gunman was reportedly a former guard at the depot.');
  const c = claimAbout(a, 'former guard at the depot');
  assert.equal(c.status, 'reported');
  assert.ok(c.hedges.some((h) => h.text === 'reportedly'), JSON.stringify(c.hedges));
  const b = run('The governor said the fire was probably started by a faulty cable.');
  assert.equal(claimAbout(b, 'started by a faulty cable').status, 'believed');
});

test('"claimed victory" against "we are still here, under siege": an outcome contradiction, both sides kept', () => {
  const text = 'The national army claimed victory in the eastern district of Karsa on Monday. A resident of Karsa, reached by phone, said: "We are still here, under siege."';
  const a = run(text);
  const x = a.contradictions.find((c) => c.kind === 'outcome');
  assert.ok(x, JSON.stringify(a.contradictions));
  const texts = [x.a, x.b].map((id) => a.claims.find((c) => c.id === id)!.content.text);
  assert.ok(texts.some((t) => t.includes('victory')), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('still here, under siege')), texts.join(' | '));
});

test('a militia claim denied by the ministry: claimed against denied', () => {
  const text = 'The militia claimed that its fighters had seized the airport at Tarvo. The interior ministry denied that the airport at Tarvo had been seized.';
  const a = run(text);
  assert.equal(claimAbout(a, 'its fighters had seized').status, 'claimed');
  assert.equal(claimAbout(a, 'the airport at Tarvo had been seized').status, 'denied');
  const x = a.contradictions.find((c) => c.kind === 'denial');
  assert.ok(x, JSON.stringify(a.contradictions));
  const [ca, cb] = [x.a, x.b].map((id) => a.claims.find((c) => c.id === id)!);
  assert.deepEqual([ca!.status, cb!.status].sort(), ['claimed', 'denied']);
});

test('two sources saying the same thing do not contradict', () => {
  const a = run('The governor said the bridge had collapsed. A police officer said the bridge had collapsed after the storm.');
  assert.equal(a.contradictions.length, 0, JSON.stringify(a.contradictions));
});

test('status helpers: the most cautious status wins', () => {
  assert.equal(statusOfCue('deny'), 'denied');
  assert.equal(statusOfCue('say'), 'reported');
  assert.equal(strongest('reported', 'unverified'), 'unverified');
  assert.equal(strongest('alleged', 'estimated'), 'alleged');
});

test('a denial that states its own content is not a denial of every earlier report', () => {
  const a = run('A witness said the streets were empty and families were hiding in basements. ' +
    'The interior ministry said on Monday that its forces had secured the port and denied that police had fired on protesters.');
  assert.equal(claimAbout(a, 'police had fired on protesters').status, 'denied');
  const witness = claimAbout(a, 'the streets were empty');
  assert.ok(!a.contradictions.some((x) => x.a === witness.id || x.b === witness.id),
    `no contradiction with the witness: ${JSON.stringify(a.contradictions.map((x) => x.reason))}`);
});

test('a denial of "the reports" contradicts the reports before it', () => {
  const a = run('Opposition activists alleged that the militia had shelled the camp overnight. A militia commander denied the reports.');
  assert.ok(a.contradictions.some((x) => x.kind === 'denial'), JSON.stringify(a.contradictions));
});

test('"could not confirm the claims" names other claims: the statement itself stays reported', () => {
  const a = run('Residents reported that several men had been executed. A UN spokesman said the organisation could not confirm the claims.');
  assert.equal(claimAbout(a, 'could not confirm').status, 'reported');
});

test('fighting that is over is not said to go on', () => {
  const a = run('The army said its troops had regained control of the district. A doctor said most of the wounded had arrived after a week of fighting.');
  assert.ok(!a.contradictions.some((x) => x.kind === 'outcome'), JSON.stringify(a.contradictions.map((x) => x.reason)));
});
