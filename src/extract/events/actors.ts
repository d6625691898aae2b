import type { Analysis } from '../analysis.js';
import type { Event } from '../../model/events.js';
import type { Sentence } from '../../segment/types.js';
import type { Span } from '../../model/span.js';
import { overlaps } from '../util/spans.js';
import { stemmedTokens, type EventLexicon } from './lexicon.js';

type Actor = Event['actors'][number];

/**
 * The actors of an event told in one sentence: named organisations, groups and people (the entity
 * stage's mentions) and actor nouns ("government forces", "rebels", "civilians"). Those before the
 * trigger act (actor1, then actor2); those after it are acted upon (target), except after "by".
 */
export function eventActors(a: Analysis, lex: EventLexicon, s: Sentence, trigger: Span | null): Actor[] {
  const found: { start: number; end: number; name: string; entity: string | null; civilian: boolean }[] = [];
  // who reports an event is not one of its actors ("according to the Observatory", "Mitchell cited reports")
  const sources = a.attributions.flatMap((x) => (x.source ? [x.source] : []));
  for (const m of a.mentions) {
    if (m.start < s.start || m.end > s.end || m.type === 'LOC') continue;
    if (sources.some((x) => overlaps(x, m))) continue;
    found.push({ start: m.start, end: m.end, name: a.entities.find((e) => e.id === m.entity)?.name ?? m.text, entity: m.entity, civilian: false });
  }
  const toks = stemmedTokens(a.seg);
  for (const m of lex.actors.findAll(toks, s.tokenStart, s.tokenEnd)) {
    const start = a.seg.tokens[m.first]!.start, end = a.seg.tokens[m.last]!.end;
    if (found.some((f) => overlaps(f, { start, end }))) continue;
    found.push({ start, end, name: a.text.slice(start, end), entity: null, civilian: m.value.includes('civilian') && !m.value.includes('state') });
  }
  found.sort((x, y) => x.start - y.start);
  // "Rebel" + "fighters", "Syrian" + "government forces": one actor
  for (let i = found.length - 2; i >= 0; i--) {
    const x = found[i]!, y = found[i + 1]!;
    if (y.start - x.end > 1 || /\S/.test(a.text.slice(x.end, y.start))) continue;
    found.splice(i, 2, { start: x.start, end: y.end, name: a.text.slice(x.start, y.end), entity: x.entity ?? y.entity, civilian: x.civilian && y.civilian });
  }
  const actors: Actor[] = [];
  let actorsBefore = 0;
  for (const f of found) {
    const before = trigger ? f.end <= trigger.start : true;
    // "was retaken by the army": the agent follows the verb
    const byAgent = trigger && !before && /\bby\s+(?:the\s+)?$/i.test(a.text.slice(Math.max(trigger.end, f.start - 12), f.start));
    let role: Actor['role'];
    if ((before || byAgent) && !f.civilian && actorsBefore < 2) role = actorsBefore++ === 0 ? 'actor1' : 'actor2';
    else role = 'target';
    if (!actors.some((x) => x.name === f.name && x.role === role)) actors.push({ name: f.name, entity: f.entity, role });
  }
  return actors;
}
