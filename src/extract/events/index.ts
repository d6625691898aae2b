import type { Analysis } from '../analysis.js';
import type { Resources } from '../../resources/resources.js';
import type { Event, EventCode } from '../../model/events.js';
import { spanOf, type Span } from '../../model/span.js';
import { titleSegment } from '../figures/title.js';
import { FigureLinker } from '../figures/link.js';
import { eventLexicon } from './lexicon.js';
import { classify, sentenceWeight, type Evidence } from './classify.js';
import { eventActors } from './actors.js';

/** A secondary event needs at least this score (one typical trigger in the lead, or a decisive one lower down). */
const MIN_SCORE = 1.4;
/** ... and a specific trigger (weight 3 or more: "shelling", "abducted"; not "attack" or "deal") */
const MIN_TRIGGER = 3;

/**
 * Events the article reports, typed with the CASE 2021 / ACLED sub-event codes, each with its trigger,
 * actors, place, time, the figures stated with it and the claims that carry it. The main event (the
 * type the headline and lead weigh most for) comes first; then one event per other type, in text order.
 */
export function extractEvents(a: Analysis, res: Resources): void {
  const lex = eventLexicon(res);
  const titleSeg = titleSegment(a, res);
  const c = classify(titleSeg ? [a.seg, titleSeg] : [a.seg], lex);
  const total = [...c.scores.values()].reduce((x, y) => x + y, 0) || 1;
  const linker = new FigureLinker(a.seg, a.places, a.times);
  // the strongest body evidence of each code (the earliest on a tie)
  const strongest = new Map<EventCode, Evidence>();
  for (const e of c.evidence) {
    if (e.source !== 0) continue;
    const prev = strongest.get(e.code);
    const v = e.weight * sentenceWeight(0, e.sentence);
    if (!prev || v > prev.weight * sentenceWeight(0, prev.sentence)) strongest.set(e.code, e);
  }
  const events: Event[] = [];
  const make = (code: EventCode, ev: Evidence | undefined, id: string): Event | null => {
    const sentence = a.seg.sentences[ev?.sentence ?? 0];
    if (!sentence) return null;
    const trigger: Span | null = ev ? spanOf(a.text, a.seg.tokens[ev.first]!.start, a.seg.tokens[ev.last]!.end) : null;
    const anchor = trigger ?? sentence;
    const place = linker.place(anchor.start, anchor.end);
    const time = linker.time(anchor.start, anchor.end);
    const type = lex.types.get(code) ?? { eventType: '', subEventType: '' };
    return {
      id,
      ...spanOf(a.text, sentence.start, sentence.end),
      type: code,
      eventType: type.eventType,
      subEventType: type.subEventType,
      trigger,
      actors: eventActors(a, lex, sentence, trigger),
      place: place?.id ?? null,
      time: time?.id ?? null,
      figures: a.figures.filter((f) => f.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end)).map((f) => f.id),
      claims: trigger ? a.claims.filter((cl) => cl.content.start <= trigger.start && trigger.end <= cl.content.end).map((cl) => cl.id) : [],
      score: Math.round((1000 * (c.scores.get(code) ?? 0)) / total) / 1000,
    };
  };
  const main = make(c.main, strongest.get(c.main), 'e1');
  if (main) events.push(main);
  const others = [...strongest.entries()]
    .filter(([code, ev]) => code !== c.main && ev.weight >= MIN_TRIGGER && (c.scores.get(code) ?? 0) >= MIN_SCORE)
    .sort((x, y) => x[1].first - y[1].first);
  for (const [code, ev] of others) {
    const e = make(code, ev, `e${events.length + 1}`);
    if (e) events.push(e);
  }
  a.events = events;
}
