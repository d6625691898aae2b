import type { Report } from './report.js';

/** One line of the evaluation contract (shared/eval/FORMAT.md, section 2). */
export interface ContractLine {
  id: string;
  entities: { start: number; end: number; type: string }[];
  quotes: {
    speaker: { start: number; end: number } | null;
    cue: { start: number; end: number } | null;
    content: { start: number; end: number };
    speakerName: string | null;
    direct: boolean;
  }[];
  times: { start: number; end: number; value: string }[];
  places: { start: number; end: number; lat: number; lon: number; geonameid?: number }[];
  toll: { killed: { best: number; low: number | null; high: number | null } | null; injured: { best: number; low: number | null; high: number | null } | null };
  events: { start: number; end: number; type: string }[];
}

const bare = (s: { start: number; end: number } | null) => (s ? { start: s.start, end: s.end } : null);

export function toContractLine(id: string, r: Report): ContractLine {
  return {
    id,
    entities: r.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type })),
    quotes: r.attributions.map((a) => ({
      speaker: bare(a.source),
      cue: bare(a.cue),
      content: { start: a.content.start, end: a.content.end },
      speakerName: a.speaker.name,
      direct: a.kind === 'direct',
    })),
    times: r.times.map((t) => ({ start: t.start, end: t.end, value: t.value })),
    places: r.places
      .filter((p) => p.lat !== null && p.lon !== null)
      .map((p) => ({ start: p.start, end: p.end, lat: p.lat!, lon: p.lon!, ...(p.geonameid !== null ? { geonameid: p.geonameid } : {}) })),
    toll: { killed: r.toll.killed, injured: r.toll.injured },
    events: r.events.map((e) => ({ start: e.start, end: e.end, type: e.type })),
  };
}
