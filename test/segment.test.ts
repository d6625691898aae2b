import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment, tokenize } from '../src/segment/index.js';
import { loadResources } from '../src/resources/load.js';

const res = loadResources();
const seg = (text: string) => segment(text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
const sentences = (text: string) => seg(text).sentences.map((s) => text.slice(s.start, s.end));
const quotes = (text: string) => seg(text).quotes.map((q) => text.slice(q.start, q.end));

test('tokens keep hyphenated names, numbers with separators and split clitics', () => {
  const text = "UN chief Ban Ki-Moon's aides said 20,000 people (1.5%) didn't leave the U.S. base.";
  const toks = tokenize(text);
  assert.deepEqual(toks.map((t) => t.text), ['UN', 'chief', 'Ban', 'Ki-Moon', "'s", 'aides', 'said', '20,000', 'people', '(', '1.5', '%', ')', 'did', "n't", 'leave', 'the', 'U.S.', 'base', '.']);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(toks.find((t) => t.text === '20,000')!.kind, 'number');
});

test('sentences do not break after titles, initials or abbreviations before names', () => {
  assert.deepEqual(sentences('Gen. Smith met Dr. Jones in St. Louis on Jan. 5. They talked for an hour.'), [
    'Gen. Smith met Dr. Jones in St. Louis on Jan. 5.',
    'They talked for an hour.',
  ]);
  assert.deepEqual(sentences('John F. Kennedy spoke. He left.'), ['John F. Kennedy spoke.', 'He left.']);
  assert.deepEqual(sentences('Troops left the U.S. The base closed.'), ['Troops left the U.S.', 'The base closed.']);
});

test('a sentence ending inside a quote takes the closing mark along', () => {
  assert.deepEqual(sentences('She said: "We are leaving." Then she left.'), ['She said: "We are leaving."', 'Then she left.']);
});

test('headline lines and paragraphs end sentences', () => {
  const text = 'Rebels flee city\n\nThe army said it had won';
  assert.deepEqual(sentences(text), ['Rebels flee city', 'The army said it had won']);
  assert.equal(seg(text).paragraphs.length, 2);
});

test('a quote over two paragraphs reopens its mark and is one quote', () => {
  const text = 'He said: "The first part.\n\n"The second part."\n\nAfter.';
  const q = seg(text).quotes;
  assert.equal(q.length, 1);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), '"The first part.\n\n"The second part."');
  assert.equal(q[0]!.paragraphs, 2);
});

test('a quote whose paragraph is not reopened ends with the paragraph, flagged', () => {
  const text = '"It is over, the minister said.\n\nThe rest is not quoted.';
  const q = seg(text).quotes;
  assert.equal(q.length, 1);
  assert.equal(q[0]!.missingClose, true);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), '"It is over, the minister said.');
});

test('a closing mark without an opening one starts the quote after the colon', () => {
  const text = 'He said: The vote would help us." Then he left.';
  const q = seg(text).quotes;
  assert.equal(q.length, 1);
  assert.equal(q[0]!.missingOpen, true);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), 'The vote would help us."');
});

test('curly, straight, single marks and guillemets pair; apostrophes do not', () => {
  assert.deepEqual(quotes('“A,” he said, “B.”'), ['“A,”', '“B.”']);
  assert.deepEqual(quotes("The rebels' positions fell, officials' said 'within hours' they'd go."), ["'within hours'"]);
  assert.deepEqual(quotes('Il a dit « non » hier.'), ['« non »']);
  assert.deepEqual(quotes('He called it "immense diplomatic muscle" twice.'), ['"immense diplomatic muscle"']);
});

test('a single quote nested in a double quote is marked as nested', () => {
  const q = seg(`"They told us 'leave now' and we did," she said.`).quotes;
  assert.equal(q.length, 2);
  assert.equal(q.find((x) => x.family === 'single')!.depth, 1);
});
