import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../src/segment/index.js';
import { loadResources } from '../src/resources/load.js';
import type { Analysis } from '../src/extract/analysis.js';
import type { Mention, Place } from '../src/model/index.js';
import { resolvePlaces } from '../src/extract/places/index.js';
import { gazetteerOf } from '../src/extract/places/gazetteer.js';
import { normName } from '../src/extract/places/normalize.js';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const res = loadResources();

/** Runs the places stage alone on a sentence, with recogniser mentions given as [text, type] pairs. */
function places(text: string, mentions: [string, Mention['type'], number?][] = []): Place[] {
  const seg = segment(text, { abbreviations: res.set('abbreviations'), starters: res.set('sentence-starters') });
  const ms: Mention[] = mentions.map(([t, type, score = 1], k) => {
    const start = text.indexOf(t);
    assert.ok(start >= 0, `mention ${t} not in text`);
    return { id: `m${k}`, start, end: start + t.length, text: t, type, entity: `e${k}`, score };
  });
  const a: Analysis = {
    text, seg, published: null, title: null, outlet: null, mentions: ms, entities: [], times: [], places: [], figures: [],
    attributions: [], claims: [], events: [], contradictions: [], toll: { killed: null, injured: null, figures: [] }, warnings: [],
  };
  resolvePlaces(a, res);
  return a.places;
}

const km = (p: Place, lat: number, lon: number) => {
  const r = Math.PI / 180;
  const h = Math.sin(((lat - p.lat!) * r) / 2) ** 2 + Math.cos(p.lat! * r) * Math.cos(lat * r) * Math.sin(((lon - p.lon!) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const at = (ps: Place[], text: string, nth = 0) => {
  const found = ps.filter((p) => p.text === text)[nth];
  assert.ok(found, `no place "${text}" (#${nth}) in ${JSON.stringify(ps.map((p) => p.text))}`);
  return found;
};

test('the name index folds case, accents, dots and hyphens', () => {
  assert.equal(normName('U.S.'), 'us');
  assert.equal(normName('Deir ez-Zor'), 'deir ez zor');
  assert.equal(normName('Alèp'), 'alep');
  assert.equal(normName("Côte d'Ivoire"), 'cote divoire');
  assert.equal(normName('St. Louis'), 'st louis');
});

test('the gazetteer loads in well under a second and knows transliterations', () => {
  const t0 = performance.now();
  // a fresh Resources object (another path string to the same folder), so nothing is cached yet
  const g = gazetteerOf(loadResources(join(ROOT, 'data') + '/'))!;
  assert.ok(g, 'gazetteer file is shipped');
  assert.ok(performance.now() - t0 < 1500, `loaded in ${performance.now() - t0} ms`);
  for (const alt of ['Halab', 'Alep']) {
    const hits = g.lookup(alt).map((h) => g.name(h.entry));
    assert.ok(hits.includes('Aleppo'), `${alt} -> ${hits.join(', ')}`);
  }
  assert.equal(g.name(g.demonym('syrian')), 'Syria');
});

test('"Idlib province" is the region, "the city of Idlib" the city', () => {
  const ps = places('Fighting spread across Idlib province on Sunday, and shells fell on the city of Idlib.');
  const region = at(ps, 'Idlib', 0), city = at(ps, 'Idlib', 1);
  assert.equal(region.featureCode, 'ADM1');
  assert.equal(region.precision, 'region');
  assert.equal(region.country, 'SY');
  assert.equal(city.precision, 'city');
  assert.match(city.featureCode!, /^PPL/);
  assert.ok(km(city, 35.93, 36.63) < 10);
});

test('a bare regional capital is the town, not its namesake governorate', () => {
  const ps = places('Government troops entered Aleppo on Monday after a long siege.');
  const p = at(ps, 'Aleppo');
  assert.equal(p.precision, 'city');
  assert.ok(km(p, 36.2, 37.16) < 10);
});

test('"eastern Mosul" and "Mosul\'s old city" are parts of the city, with its coordinates', () => {
  const ps = places("Aid workers said conditions in eastern Mosul were worse than in Mosul's old city.");
  const east = at(ps, 'Mosul', 0), old = at(ps, 'Mosul', 1);
  assert.equal(east.precision, 'part-of-city');
  assert.equal(east.part, 'east');
  assert.ok(km(east, 36.34, 43.13) < 15);
  assert.equal(old.precision, 'part-of-city');
  assert.equal(old.part, 'old city');
  assert.equal(old.end - old.start, 'Mosul'.length, 'the possessive is not part of the name');
});

test('"Paris, Texas" is the Texas town; a bare "Paris" in world news is the French capital', () => {
  const tx = places('The festival moved from Paris, Texas, to a larger venue.');
  assert.ok(km(at(tx, 'Paris'), 33.66, -95.56) < 20, 'Paris, Texas');
  assert.equal(at(tx, 'Texas').featureCode, 'ADM1');
  const fr = places('The minister flew to Paris for talks with European leaders.');
  assert.ok(km(at(fr, 'Paris'), 48.86, 2.35) < 20, 'Paris, France');
});

test('state abbreviations after a town place it and are places themselves', () => {
  const ps = places('The plant near Gainesville, Ga., will close next year.');
  assert.ok(km(at(ps, 'Gainesville'), 34.3, -83.82) < 20);
  const ga = ps.find((p) => p.text === 'Ga.');
  assert.ok(ga && ga.featureCode === 'ADM1' && ga.name === 'Georgia');
});

test('country abbreviations: "U.S.", "UK"', () => {
  const ps = places('Officials in the U.S. and the UK condemned the attack.');
  assert.equal(at(ps, 'U.S.').country, 'US');
  assert.equal(at(ps, 'U.S.').precision, 'country');
  assert.equal(at(ps, 'UK').country, 'GB');
});

test('a demonym naming a place is literal, one modifying a noun is associative, one used as a noun is none', () => {
  const ps = places('Turkish troops shelled positions on Syrian territory. An American was detained in the Syrian capital.');
  const turkish = at(ps, 'Turkish');
  assert.equal(turkish.country, 'TR');
  assert.equal(turkish.usage, 'associative');
  assert.equal(at(ps, 'Syrian', 0).usage, 'literal');
  assert.equal(at(ps, 'Syrian', 1).usage, 'literal');
  assert.ok(!ps.some((p) => p.text === 'American'), 'a person is no place');
  const backed = places('Russian-backed forces advanced.');
  assert.equal(at(backed, 'Russian').usage, 'associative');
  assert.equal(at(backed, 'Russian').country, 'RU');
});

test('languages are not places', () => {
  const ps = places('The leaflets were printed in English and French speakers were told to leave.');
  assert.deepEqual(ps.map((p) => p.text), []);
});

test('a place inside a person\'s name is none; inside an organisation\'s name it is associative', () => {
  const ps = places('Former minister Andrew Mitchell spoke first. Mitchell said the New York Police Department had been told.');
  assert.ok(!ps.some((p) => p.text === 'Mitchell'), JSON.stringify(ps.map((p) => p.text)));
  assert.equal(at(ps, 'New York').usage, 'associative');
  const withNer = places('Salah Rivers said the Syrian Army had left Aleppo.', [['Salah Rivers', 'PER'], ['Syrian Army', 'ORG'], ['Aleppo', 'LOC']]);
  assert.ok(!withNer.some((p) => p.text === 'Rivers'));
  assert.equal(at(withNer, 'Aleppo').usage, 'literal');
  assert.ok(!withNer.some((p) => p.text === 'Syrian' && p.usage === 'literal'));
});

test('a country the recogniser tags as an organisation ("the UK can do more") is still the country', () => {
  const ps = places('Ministers debated what the UK can do to help.', [['UK', 'ORG']]);
  assert.equal(at(ps, 'UK').country, 'GB');
});

test('one sense per article: a later bare "Paris" follows "Paris, Texas"', () => {
  const ps = places('Storms hit Paris, Texas, overnight. In Paris, crews cleared roads by noon.');
  assert.ok(km(at(ps, 'Paris', 1), 33.66, -95.56) < 20);
});


test('a plural demonym is the people of its place: associative', () => {
  const ps = places('Many Palestinians and Czechs watched the talks.');
  assert.equal(at(ps, 'Palestinians').country, 'PS');
  assert.equal(at(ps, 'Palestinians').usage, 'associative');
  assert.equal(at(ps, 'Czechs').country, 'CZ');
});

test('party and home after a US politician\'s name: "D-N.J.", "R-Iowa City"', () => {
  const ps = places('Sen. Mary Roe, D-N.J., and Rep. Tom Fox, R-Iowa City, wrote the bill.', [['Mary Roe', 'PER'], ['D-N.J.', 'PER'], ['Tom Fox', 'PER'], ['R-Iowa City', 'PER']]);
  assert.equal(at(ps, 'N.J.').admin1, 'New Jersey');
  assert.ok(km(at(ps, 'Iowa City'), 41.66, -91.53) < 20);
});

test('the names listed before "counties" are counties', () => {
  const ps = places('Storms flooded roads in Cooke, Grayson and Fannin counties in Texas.');
  for (const n of ['Cooke', 'Grayson', 'Fannin']) assert.equal(at(ps, n).featureCode, 'ADM2', n);
  assert.equal(at(ps, 'Grayson').admin1, 'Texas');
});

test('a town in capitals opening a dateline is a place', () => {
  const ps = places('Fire destroys barn. OMAHA -- A barn burned down on Tuesday, officials said.', [['OMAHA', 'ORG']]);
  assert.ok(km(at(ps, 'OMAHA'), 41.26, -95.94) < 20);
});

test('a region\'s dotted short form after a sentence-initial word, and a town after "in" the recogniser took for a person', () => {
  const ps = places('Missing Ill. man found. Police said he was found in Glen Allen, a suburb.', [['Glen Allen', 'PER']]);
  assert.equal(ps.find((p) => p.text.startsWith('Ill'))?.admin1, 'Illinois');
  assert.equal(at(ps, 'Glen Allen').country, 'US');
});

test('streets and buildings take the point of the town the article puts them in', () => {
  const text = 'Two men were shot on Bayview Street in Pensacola on Sunday. One was taken to Tallow Medical Center, '
    + 'and a third was arrested outside the Holy Redeemer Church. Later, students gathered near Corrigan Hall.';
  const ps = places(text);
  const pensacola = at(ps, 'Pensacola');
  for (const name of ['Bayview Street', 'Tallow Medical Center', 'Holy Redeemer Church']) {
    const p = at(ps, name);
    assert.equal(p.within, pensacola.name, name);
    assert.deepEqual([p.lat, p.lon, p.precision], [pensacola.lat, pensacola.lon, 'part-of-city'], name);
    assert.equal(p.geonameid, null, name);
  }
  assert.equal(at(ps, 'Bayview Street').featureCode, 'STRT');
  assert.equal(at(ps, 'Holy Redeemer Church').featureCode, 'CH');
  assert.equal(at(ps, 'Holy Redeemer Church').usage, 'literal', 'after "outside the"');
  // "Hall" alone is no building name and no place: a head needs a name with it
  assert.ok(!ps.some((p) => p.text === 'Hall'));
});

test('a street named in a place-less article stays unresolved; a town inside a building name stays the town', () => {
  const lone = places('The march set off from Tallow Avenue at noon.');
  const avenue = at(lone, 'Tallow Avenue');
  assert.equal(avenue.lat, null);
  assert.equal(avenue.within, null);
  const ps = places('Students at Aleppo University said classes had stopped, and a shell hit the Stoneman Douglas High School in Parkland.');
  assert.equal(at(ps, 'Aleppo').name, 'Aleppo', 'the town that opens a building name is the place');
  assert.ok(!ps.some((p) => p.text === 'Douglas'), 'a surname inside a school name is no place');
  assert.equal(at(ps, 'Stoneman Douglas High School').within, 'Parkland');
});

test('a demonym the recogniser cut off a longer region name: the region', () => {
  const ps = places('Tensions rose on the Korean Peninsula this week.', [['Korean', 'MISC']]);
  const p = at(ps, 'Korean Peninsula');
  assert.equal(p.featureCode, 'PEN');
  assert.ok(km(p, 38, 127.5) < 100);
});

test('"New York" alone is the city; in a list of states, or before "Governor", the state', () => {
  const city = places('She grew up in New York and moved to London in 2010.');
  assert.equal(at(city, 'New York').featureCode, 'PPL');
  const list = places('Cases were confirmed in Michigan, Oregon, New York and Ohio.');
  for (const name of ['Michigan', 'Oregon', 'New York', 'Ohio']) assert.equal(at(list, name).featureCode, 'ADM1', name);
  const gov = places('New York Governor Ann Roe declared an emergency.');
  assert.equal(at(gov, 'New York').featureCode, 'ADM1');
  // a list of countries keeps "Georgia" the country
  const countries = places('Talks in Armenia, Georgia and Turkey continued.');
  assert.equal(at(countries, 'Georgia').featureCode, 'PCLI');
});

test('a name the recogniser doubts is no place unless a preposition of place says so', () => {
  const text = 'Police in Pensacola said the deaths of Koi and Tarrin shocked the town. Fans gathered at Anfield.';
  const ps = places(text, [['Pensacola', 'LOC'], ['Koi', 'LOC', 0.1], ['Tarrin', 'LOC', 0.1], ['Anfield', 'LOC', 0.2]]);
  for (const name of ['Koi', 'Tarrin']) assert.equal(ps.find((p) => p.text === name)?.lat ?? null, null, `${name} is not located`);
  const car = places('Police in Pensacola said a Ford Bronco driven by a local man hit the barrier.', [['Pensacola', 'LOC'], ['Ford Bronco', 'LOC', 0]]);
  assert.equal(car.find((p) => p.text === 'Ford Bronco')?.lat ?? null, null, 'a doubted two-word name is not located either');
  assert.equal(at(ps, 'Anfield').within, 'Pensacola');
});

test('a capital gains nothing over a same-named town the article\'s other places point to', () => {
  const ps = places('Paris police said the message was a rumor. It spread across Texas after a similar text reached Dallas.');
  assert.equal(at(ps, 'Paris').country, 'US');
  assert.equal(at(ps, 'Paris').admin1, 'Texas');
  // alone, "Paris" is still the French capital
  assert.equal(at(places('Talks resumed in Paris on Monday.'), 'Paris').country, 'FR');
});

test('"Dublin City Council": the town word belongs to the council, the town is Dublin', () => {
  const ps = places('The Dublin City Council approved the new budget on Monday. Officials from Columbus and Franklin County, Ohio, attended the meeting.');
  const dublin = at(ps, 'Dublin');
  assert.equal(dublin.country, 'US');
  assert.ok(!ps.some((p) => p.text === 'Dublin City'));
});

test('a title or an opening word the recogniser took into a person\'s name does not make the town a person', () => {
  const ps = places('After Paris, London is the second destination. Trains to Paris leave hourly. Harare Mayor Ann Moyo said the roads in Harare would be repaired.',
    [['After Paris', 'PER'], ['Paris', 'PER'], ['Harare Mayor', 'PER'], ['Harare', 'ORG']]);
  assert.equal(at(ps, 'Paris').country, 'FR');
  assert.equal(at(ps, 'Harare').country, 'ZW');
});

test('a "Town, Region" pair stands in a title-case line', () => {
  const ps = places('28/29 April: Donington Park, Leicestershire.', [['Leicestershire', 'ORG']]);
  assert.equal(at(ps, 'Leicestershire').featureCode, 'ADM2');
});

test('the second name of a "Town, Region" pair is the region', () => {
  const ps = places('The storm hit Spokane, Washington, and then Buffalo, New York, before moving east.');
  assert.equal(at(ps, 'Washington').featureCode, 'ADM1');
  assert.equal(at(ps, 'New York').featureCode, 'ADM1');
  assert.equal(at(ps, 'Spokane').admin1, 'Washington');
});
