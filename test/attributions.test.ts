// Attributions on sentences written for these tests: every quote form news uses, indirect speech,
// speaker resolution (pronouns, short names, titles, unnamed sources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../src/extract/pipeline.js';
import { loadResources } from '../src/resources/load.js';
import { regularForms } from '../src/extract/attributions/lexicon.js';
import type { Attribution } from '../src/model/attributions.js';

const res = loadResources();
const run = (text: string) => runPipeline({ text, published: '2021-03-04' }, res);

/** The attribution whose content holds `words`. */
function about(text: string, words: string): Attribution {
  const a = run(text);
  const at = text.indexOf(words);
  assert.ok(at >= 0, `test text holds "${words}"`);
  const q = a.attributions.find((x) => x.content.start <= at && at + words.length <= x.content.end);
  assert.ok(q, `an attribution holds "${words}"; found: ${JSON.stringify(a.attributions.map((x) => x.content.text))}`);
  return q;
}

test('straight quotes with the reporting clause after them, inverted', () => {
  const text = '"We will not leave our homes," said Ahmed Karim, a teacher in the town.';
  const q = about(text, 'We will not leave');
  assert.equal(q.kind, 'direct');
  assert.equal(q.content.text, '"We will not leave our homes,"');
  assert.equal(q.speaker.name, 'Ahmed Karim');
  assert.equal(q.cue?.text, 'said');
});

test('curly quotes after a colon, the hearer skipped', () => {
  const text = 'The interior minister, Lina Haddad, told reporters: \u201cThe border will reopen on Friday.\u201d';
  const q = about(text, 'The border will reopen');
  assert.equal(q.kind, 'direct');
  assert.ok(q.content.text.startsWith('\u201c') && q.content.text.endsWith('\u201d'));
  assert.equal(q.speaker.name, 'Lina Haddad');
});

test('single quotation marks, British style', () => {
  const text = "'The coast road is closed until further notice,' a police spokeswoman said on Sunday.";
  const q = about(text, 'The coast road is closed');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker.kind, 'role');
  assert.equal(q.speaker.name, null);
});

test('guillemets', () => {
  const text = 'The mayor of the city, Pierre Vasseur, said: \u00abWe will rebuild the bridge before winter.\u00bb';
  const q = about(text, 'We will rebuild the bridge');
  assert.equal(q.kind, 'direct');
  assert.ok(q.content.text.startsWith('\u00ab'));
  assert.equal(q.speaker.name, 'Pierre Vasseur');
});

test('a quote running over two paragraphs', () => {
  const text = 'Maria Lopez, a nurse at the field hospital, said: "We have no more beds.\n\n"Families are sleeping in the corridors and the generator fails every night."';
  const q = about(text, 'We have no more beds');
  assert.ok(q.content.text.includes('generator fails every night'), q.content.text);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker.name, 'Maria Lopez');
});

test('a quote with its opening mark missing', () => {
  const text = 'Commander Joseph Mensah inspected the convoy.\n\nHe said: The trucks will leave at dawn if the road is cleared."';
  const q = about(text, 'The trucks will leave at dawn');
  assert.ok(q.content.text.startsWith('The trucks'), q.content.text);
  assert.ok(q.content.text.endsWith('"'));
  assert.equal(q.speaker.name, 'Joseph Mensah');
});

test('a partial quote inside a sentence goes to the subject', () => {
  const text = 'Senator Jane Holt urged the government to use its "considerable economic leverage" to end the blockade.';
  const q = about(text, 'considerable economic leverage');
  assert.equal(q.speaker.name, 'Jane Holt');
});

test('a quote split by its attribution is one attribution, outer extent', () => {
  const text = '"The shelling stopped at noon," Omar Farouk told the agency, "but the snipers are still active."';
  const a = run(text);
  const q = about(text, 'The shelling stopped');
  assert.ok(q.content.text.includes('snipers are still active'), q.content.text);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker.name, 'Omar Farouk');
  assert.equal(a.attributions.filter((x) => x.content.text.includes('snipers')).length, 1);
});

test('scare quotes in a headline are not quotes', () => {
  const text = 'Officials reject "cover-up" claims over flood response\n\nThe regional council met on Tuesday to review the damage.';
  const a = run(text);
  assert.equal(a.attributions.filter((x) => x.content.text.includes('cover-up') && x.kind === 'direct').length, 0);
});

test('indirect speech: X said that ..., according to X', () => {
  const text = 'The defence ministry said that 40 soldiers had been killed in the attack. Some 300 families fled the village overnight, according to the Red Crescent.';
  const said = about(text, '40 soldiers had been killed');
  assert.equal(said.kind, 'indirect');
  assert.equal(said.source?.text, 'The defence ministry');
  const acc = about(text, '300 families fled');
  assert.equal(acc.cue?.text, 'according to');
  assert.equal(acc.source?.text, 'the Red Crescent');
  assert.equal(acc.speaker.name, 'Red Crescent');
});

test('a pronoun speaker resolves to the person named before', () => {
  const text = 'Dr. Amal Haddad runs the only clinic still open in the district. She said the wards were full and medicine was running out.';
  const q = about(text, 'the wards were full');
  assert.equal(q.source?.text, 'She');
  assert.equal(q.speaker.kind, 'pronoun');
  assert.equal(q.speaker.name, 'Amal Haddad');
});

test('a surname resolves to the full name, the title kept apart', () => {
  const text = 'UN envoy Peter Okafor arrived in the capital on Monday. Talks resumed in the evening. Okafor said the two sides had agreed to a prisoner exchange.';
  const q = about(text, 'agreed to a prisoner exchange');
  assert.equal(q.source?.text, 'Okafor');
  assert.equal(q.speaker.name, 'Peter Okafor');
  assert.equal(q.speaker.title, 'UN envoy');
});

test('a definite description resolves to the organisation named before', () => {
  const text = 'The Kenya Red Cross Society sent two teams to the flooded villages. The society said on Friday that 12 people were still missing.';
  const q = about(text, '12 people were still missing');
  assert.equal(q.speaker.name, 'Kenya Red Cross Society');
});

test('"the observatory" resolves to the monitor named in full before', () => {
  const text = 'The Syrian Observatory for Human Rights said 14 civilians were killed in the shelling. The observatory said rescue teams were still searching the rubble.';
  const q = about(text, 'rescue teams were still searching');
  assert.equal(q.source?.text, 'The observatory');
  assert.equal(q.speaker.kind, 'named');
  assert.equal(q.speaker.name, 'Syrian Observatory for Human Rights');
});

test('a role and organisation before the name stay as its title', () => {
  const text = 'Red Crescent spokeswoman Leila Nasser said two convoys had reached the camp.';
  const q = about(text, 'two convoys had reached the camp');
  assert.equal(q.speaker.name, 'Leila Nasser');
  assert.match(q.speaker.title ?? '', /spokeswoman/);
});

test('officials, residents and reports are classified as unnamed sources', () => {
  const text = 'Officials said the water supply had been cut. Reports said the bridge had been mined. One resident said the shelling lasted all night.';
  for (const words of ['water supply had been cut', 'bridge had been mined', 'shelling lasted all night']) {
    const q = about(text, words);
    assert.equal(q.speaker.name, null, words);
    assert.ok(['anonymous', 'vague', 'role'].includes(q.speaker.kind), `${words}: ${q.speaker.kind}`);
  }
});

test('curly single quotes and a quote whose closing mark is missing at the end of the text', () => {
  const a = about('\u2018We have lost everything,\u2019 said Nadia Farah, a farmer.', 'We have lost everything');
  assert.equal(a.kind, 'direct');
  assert.equal(a.speaker.name, 'Nadia Farah');
  const text = 'The commander, Idris Bako, said: "The town will be ours by the end of the week.';
  const b = about(text, 'The town will be ours');
  assert.equal(b.speaker.name, 'Idris Bako');
});

test('source boundaries: inverted roles, asides with a quoted name, phrases with "of", proportions', () => {
  const inv = about('"The dam will hold," said former provincial governor Hamid Sultani, a civil engineer.', 'The dam will hold');
  assert.equal(inv.source?.text, 'former provincial governor Hamid Sultani');
  assert.equal(inv.speaker.name, 'Hamid Sultani');
  const aside = about('Rania Aziz, the blogger known as "The Witness," wrote that the checkpoint had been abandoned.', 'the checkpoint had been abandoned');
  assert.equal(aside.source?.text, 'Rania Aziz');
  const ofPhrase = about('A resident of Tall Kayf, reached by phone, said the bakery had closed.', 'the bakery had closed');
  assert.equal(ofPhrase.source?.text, 'A resident of Tall Kayf');
  const share = about('Six in 10 say the ceasefire will not last.', 'the ceasefire will not last');
  assert.equal(share.source?.text, 'Six in 10');
  const both = about('Aid agencies and the local council said the camp was full.', 'the camp was full');
  assert.equal(both.source?.text, 'Aid agencies and the local council');
  const medium = about('The health minister on Twitter said the clinic had reopened.', 'the clinic had reopened');
  assert.equal(medium.source?.text, 'The health minister');
  assert.equal(medium.speaker.kind, 'role');
  const oneOf = about('One of the nurses at the clinic said the generator had failed.', 'the generator had failed');
  assert.equal(oneOf.source?.text, 'One of the nurses at the clinic');
});

test('sources that are counts, quantifiers, reflexives and names with a parenthesis', () => {
  const cases: [string, string, string][] = [
    ['47% say the bridge should be rebuilt first.', 'the bridge should be rebuilt', '47%'],
    ['At least 300 said they would return to the village.', 'they would return', 'At least 300'],
    ['Another said the water had run out.', 'the water had run out', 'Another'],
    ['The convoy itself said the road was clear.', 'the road was clear', 'The convoy'],
    ['Sen. Ruth Oyelaran (D-Ore.), said after the vote that the aid would be released.', 'the aid would be released', 'Sen. Ruth Oyelaran'],
    ['"It was a massacre," said one of two witnesses who reached the town.', 'It was a massacre', 'one of two witnesses'],
    ['The 40-year-old father of four replied that he would not leave.', 'he would not leave', 'The 40-year-old father of four'],
    ['One of the doctors who signed the letter said the wards were full.', 'the wards were full', 'One of the doctors'],
  ];
  for (const [text, words, source] of cases) assert.equal(about(text, words).source?.text, source, text);
});

test('a participle after a quotation ending in a comma shares the subject; a time phrase after the cue is no content', () => {
  const text = 'The governor insisted that the dam was "completely safe," adding that engineers had checked it twice.';
  const first = about(text, 'completely safe');
  assert.ok(!first.content.text.includes('engineers'), first.content.text);
  const adding = about(text, 'engineers had checked it twice');
  assert.equal(adding.source?.text, 'The governor');
  const t2 = 'The shelling of the old city is a war crime, local officials said on Friday, as they called for an inquiry.';
  const q = about(t2, 'is a war crime');
  assert.ok(q.content.text.startsWith('The shelling'), q.content.text);
  assert.equal(q.source?.text, 'local officials');
});

test('anonymous and vague sources stay unnamed', () => {
  const text = 'Sources said the talks had collapsed late on Thursday. A resident told the agency that the market had been shelled twice.';
  const s = about(text, 'the talks had collapsed');
  assert.equal(s.speaker.kind, 'anonymous');
  assert.equal(s.speaker.name, null);
  const r = about(text, 'the market had been shelled');
  assert.equal(r.speaker.kind, 'anonymous');
  assert.equal(r.speaker.name, null);
});

test('a denial is an attribution of kind deny', () => {
  const text = 'The army denied that its aircraft had struck the hospital.';
  const q = about(text, 'its aircraft had struck the hospital');
  assert.equal(q.cueKind, 'deny');
  assert.equal(q.speaker.name, 'army');
});

test('transcript lines: a name in capitals and a colon', () => {
  const text = 'HOST: Will the ceasefire hold?\n\nGARCIA: I believe it will hold if both sides keep their word.';
  const q = about(text, 'I believe it will hold');
  assert.equal(q.source?.text, 'GARCIA');
});

test('a paragraph that is all quotation continues the previous speaker', () => {
  const text = 'Aid worker Hana Mori described the crossing.\n\n"We saw hundreds of families waiting in the cold," she said.\n\n"Some of them had walked for three days without food."\n\nThe crossing reopened on Tuesday.';
  const q = about(text, 'walked for three days');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue, null);
  assert.equal(q.source?.text, 'she');
  assert.equal(q.speaker.name, 'Hana Mori');
});

test('two apostrophes as quotation marks (older newswire style)', () => {
  const text = "''The talks are over,'' said Ruth Adeyemi, the union's chief negotiator.";
  const q = about(text, 'The talks are over');
  assert.equal(q.content.text, "''The talks are over,''");
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker.name, 'Ruth Adeyemi');
});

test('edge cases do not throw', () => {
  for (const text of ['', 'SMITH:', 'He said:', '"', '""', '"Unclosed quote', 'according to', 'said', ', said', '\u201c\u201d\u201c', 'A: B: C:', "''", '\n\n"\n\n', 'Officials said.']) {
    const a = run(text);
    for (const q of a.attributions) {
      assert.ok(q.content.start >= 0 && q.content.end <= text.length && q.content.start <= q.content.end);
      assert.equal(text.slice(q.content.start, q.content.end), q.content.text);
    }
  }
});

test('regular verb forms for the reporting-verb list', () => {
  assert.deepEqual(regularForms('deny'), ['denies', 'denied', 'denied', 'denying']);
  assert.deepEqual(regularForms('argue'), ['argues', 'argued', 'argued', 'arguing']);
  assert.deepEqual(regularForms('stress'), ['stresses', 'stressed', 'stressed', 'stressing']);
});

test('a name inside a title-case headline, and a possessive source, resolve to the person', () => {
  const text = 'Governor Ruth Adeyemi Says Curfew Will Stay In Place\n\nGovernor Ruth Adeyemi extended the curfew on Friday. '
    + 'Critics seized on Adeyemi\u2019s claim that the roads were safe again.';
  const head = about(text, 'Curfew Will Stay');
  assert.equal(head.speaker.name, 'Ruth Adeyemi');
  const q = about(text, 'the roads were safe again');
  assert.equal(q.source?.text, 'Adeyemi\u2019s');
  assert.equal(q.speaker.name, 'Ruth Adeyemi');
});

test('reporting verbs of other Englishes: opined, averred, affirmed', () => {
  const text = 'Chief Minister Arjun Rao opined that the relief camps were overcrowded. '
    + 'District Collector Meera Pillai averred that 40 families had been moved to safety. '
    + 'The commissioner affirmed that the road to Kochi had reopened.';
  assert.equal(about(text, 'the relief camps were overcrowded').speaker.name, 'Arjun Rao');
  assert.equal(about(text, '40 families had been moved').speaker.name, 'Meera Pillai');
  assert.equal(about(text, 'the road to Kochi had reopened').cue?.text, 'affirmed');
});

test('state media are named in full; a headline\'s "Rocket attacks kill" is no attribution', () => {
  const text = 'Rocket attacks kill at least 30 in Aleppo\n\nSyrian state TV said 30 people were killed overnight. '
    + 'State television reported that the shelling hit a market. The provincial health directorate said 55 people were injured.';
  const a = run(text);
  assert.ok(!a.attributions.some((q) => q.cue?.text.startsWith('attack')), JSON.stringify(a.attributions.map((q) => q.cue?.text)));
  assert.equal(about(text, '30 people were killed overnight').speaker.name, 'Syrian state TV');
  assert.equal(about(text, 'the shelling hit a market').speaker.name, 'State television');
  assert.equal(about(text, '55 people were injured').speaker.name, 'provincial health directorate');
});

test('the role of a place speaks as the role, not as the place', () => {
  const text = 'The governor of Idlib province said that 3,000 families had fled the fighting.';
  const q = about(text, '3,000 families had fled');
  assert.equal(q.speaker.kind, 'role');
  assert.equal(q.speaker.name, null);
  assert.match(q.speaker.title ?? '', /governor of Idlib/);
});

test('a "CITY:" dateline is no speaker; "Superintendent of Police" stays a title', () => {
  const text = 'Floods cut off 40 villages\n\nVIJAYAWADA: Floods cut off 40 villages in Krishna district on Sunday.\n\n'
    + '"The situation is under control," Superintendent of Police Ravi Kumar told reporters.';
  const a = run(text);
  assert.ok(!a.attributions.some((q) => q.source?.text === 'VIJAYAWADA'), JSON.stringify(a.attributions.map((q) => q.source?.text)));
  const q = about(text, 'The situation is under control');
  assert.equal(q.speaker.name, 'Ravi Kumar');
  assert.equal(q.speaker.title, 'Superintendent of Police');
});

test('ranks and honorifics of other presses stay titles; a role alone is no name; the dateline leaves the content', () => {
  const text = 'GUSAU \u2014 Gunmen killed 12 people in Kadawa village on Tuesday, police said.\n\n'
    + 'The spokesman, SP Mohammed Shehu, confirmed the attack. "Our men have been deployed," Shehu said.\n\n'
    + 'A resident, Malam Sani Bello, said the attackers came on motorcycles. The Governor, Dr. Dauda Lawal, described the attack as barbaric.';
  const first = about(text, 'Gunmen killed 12 people');
  assert.ok(first.content.text.startsWith('Gunmen'), first.content.text);
  assert.equal(about(text, 'Our men have been deployed').speaker.name, 'Mohammed Shehu');
  assert.equal(about(text, 'the attackers came on motorcycles').speaker.name, 'Sani Bello');
  const gov = about(text, 'the attack as barbaric');
  assert.equal(gov.speaker.name, 'Dauda Lawal');
  assert.equal(gov.speaker.title, 'Governor');
});

test('role phrases keep their modifiers; "the prime minister" is not any earlier minister', () => {
  const text = 'Labour\u2019s shadow home secretary, Yvette Cooper, said the government had lost control. '
    + 'Speaking to the BBC, the French interior minister Gerald Darmanin said 43 people had been rescued. '
    + 'The prime minister said more needed to be done.';
  assert.equal(about(text, 'the government had lost control').speaker.title, 'Labour\u2019s shadow home secretary');
  assert.equal(about(text, '43 people had been rescued').speaker.title, 'French interior minister');
  const pm = about(text, 'more needed to be done');
  assert.equal(pm.speaker.name, null);
  assert.equal(pm.speaker.kind, 'role');
});
