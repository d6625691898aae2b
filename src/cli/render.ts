import type { Attribution, Claim, Event, Figure, Place, Range, Report, TimeRef } from '../model/index.js';

export interface RenderOptions {
  color: boolean;
  width: number;
}

const num = (n: number) => n.toLocaleString('en-US');

/** A range as its best value and, when it is not exact, the interval it spans. */
export function formatRange(v: Range, unit: 'people' | 'percent' = 'people'): string {
  const u = unit === 'percent' ? '%' : '';
  if (v.low === v.best && v.high === v.best) return `${num(v.best)}${u}`;
  return `${num(v.best)}${u} [${v.low === null ? '?' : num(v.low) + u}–${v.high === null ? '…' : num(v.high) + u}]`;
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1).trimEnd()}…`;
}

/** The readable report of one article, grouped as a monitor reads it: sources, figures, places, times, events. */
export function renderReport(r: Report, opts: RenderOptions): string {
  const bold = (s: string) => (opts.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (opts.color ? `\x1b[2m${s}\x1b[22m` : s);
  const w = Math.max(60, opts.width);
  const out: string[] = [];
  const section = (title: string, lines: string[], empty = 'none found') => {
    out.push('', bold(title.toUpperCase()));
    out.push(...(lines.length ? lines : [dim(`  ${empty}`)]));
  };
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const places = byId(r.places), times = byId(r.times), claims = byId(r.claims), figures = byId(r.figures);
  const placeName = (id: string | null) => (id && places.get(id) ? places.get(id)!.text : null);
  const timeText = (id: string | null) => (id && times.get(id) ? `${times.get(id)!.text} (${times.get(id)!.value})` : null);
  const at = (s: { start: number; end: number }) => dim(`@${s.start}-${s.end}`);

  const d = r.document;
  out.push(bold(d.title ?? clip(r.text, 80)));
  out.push(dim([d.outlet, d.published ? `published ${d.published}` : 'publication date unknown', `${num(r.text.length)} characters`, d.url].filter(Boolean).join(' · ')));

  const toll = [r.toll.killed && `killed ${formatRange(r.toll.killed)}`, r.toll.injured && `injured ${formatRange(r.toll.injured)}`].filter(Boolean);
  out.push('', `${bold('TOLL')}  ${toll.length ? toll.join(' · ') : dim('none stated')}`);

  // who says what, grouped by resolved speaker
  const groups = new Map<string, { title: string | null; kind: string; items: Attribution[] }>();
  for (const a of r.attributions) {
    const key = a.speaker.name ?? a.source?.text ?? '(no source)';
    const g = groups.get(key) ?? { title: a.speaker.title, kind: a.speaker.kind, items: [] };
    g.title ??= a.speaker.title;
    g.items.push(a);
    groups.set(key, g);
  }
  const claimOf = (a: Attribution) => r.claims.find((c) => c.attribution === a.id);
  section('Sources and what each says', [...groups].flatMap(([name, g]) => [
    `  ${bold(name)}${g.title ? `, ${g.title}` : ''} ${dim(`(${g.kind})`)}`,
    ...g.items.map((a) => {
      const c = claimOf(a);
      const how = [a.cue?.text, a.kind, c && c.status !== 'reported' && c.status !== 'asserted' ? c.status : null].filter(Boolean).join(', ');
      return `    - ${dim(`[${how}]`)} ${clip(a.content.text, w - 12 - how.length)} ${at(a.content)}`;
    }),
  ]));

  section('Figures', r.figures.map((f: Figure) => {
    const src = f.claim && claims.get(f.claim) ? claims.get(f.claim)! : null;
    const share = f.of && figures.get(f.of) ? ` of ${formatRange(figures.get(f.of)!.value)}` : '';
    const facts = [placeName(f.place), timeText(f.time), src ? (src.speaker.name ?? src.speaker.kind) : 'no source given', src?.status, f.mentions.length > 1 ? `${f.mentions.length} mentions` : null].filter(Boolean);
    return `  ${f.category.padEnd(10)} ${(formatRange(f.value, f.unit) + share).padEnd(26)} "${clip(f.text, 50)}"\n${' '.repeat(14)}${dim(facts.join(' · '))} ${at(f)}`;
  }));

  section('Contradictions', r.contradictions.map((x) => {
    const a = claims.get(x.a), b = claims.get(x.b);
    const side = (c: Claim | undefined) => (c ? `${c.speaker.name ?? c.speaker.kind}: "${clip(c.content.text, 60)}"` : '?');
    return `  ${side(a)}\n    <-> ${side(b)}\n    ${dim(x.reason)}`;
  }));

  const hedged = r.claims.filter((c) => !['asserted', 'reported'].includes(c.status));
  section('Unverified and hedged claims', hedged.map((c) => `  ${dim(`[${c.status}${c.hedges.length ? `: ${c.hedges.map((h) => h.text).join(', ')}` : ''}]`)} ${clip(c.content.text, w - 30)} ${dim(`(${c.speaker.name ?? c.speaker.kind})`)}`));

  const placeGroups = new Map<string, { p: Place; n: number }>();
  for (const p of r.places) {
    const key = `${p.geonameid ?? p.name}|${p.precision}|${p.part ?? ''}`;
    const g = placeGroups.get(key);
    if (g) g.n++;
    else placeGroups.set(key, { p, n: 1 });
  }
  section('Places', [...placeGroups.values()].map(({ p, n }) => {
    const where = p.lat !== null && p.lon !== null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : 'unresolved';
    const name = p.part ? `${p.part} ${p.name}` : p.name;
    return `  ${name.padEnd(28)} ${p.precision.padEnd(12)} ${dim([p.featureCode, p.country, where, n > 1 ? `${n} mentions` : null].filter(Boolean).join(' · '))}`;
  }));

  section('Times', r.times.map((t: TimeRef) => `  ${`"${t.text}"`.padEnd(28)} ${t.value}${t.interval ? dim(` (${t.interval.start}..${t.interval.end})`) : ''}${t.resolved ? '' : dim(' unresolved')}`));

  section('Events', r.events.map((e: Event, k) => {
    const facts = [placeName(e.place), timeText(e.time), e.actors.length ? e.actors.map((a) => a.name).join(', ') : null, e.figures.length ? e.figures.map((f) => figures.get(f)?.text).filter(Boolean).join('; ') : null].filter(Boolean);
    return `  ${k === 0 ? '*' : ' '} ${e.type.padEnd(22)} ${e.subEventType} "${clip(e.trigger?.text ?? e.text, 40)}"\n      ${dim(facts.join(' · '))}`;
  }));

  const people = r.entities.filter((e) => e.type === 'PER'), orgs = r.entities.filter((e) => e.type === 'ORG');
  section('People', people.map((e) => `  ${e.name}${e.titles.length ? `, ${e.titles.join('; ')}` : ''} ${dim(`${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`)}`));
  section('Organisations', orgs.map((e) => `  ${e.name}${e.aliases.length ? dim(` (${e.aliases.join(', ')})`) : ''} ${dim(`${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`)}`));
  if (r.warnings.length) section('Warnings', r.warnings.map((x) => `  ${x}`));
  return out.join('\n') + '\n';
}
