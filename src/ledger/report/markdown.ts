import type { RecordView, SituationReport } from './query.js';
import { clip, fmtCite, fmtRange, placeLabel } from './format.js';

export interface RenderOptions {
  /** at most this many headline figures, sources, claims ... (the JSON format has everything) */
  limit?: number;
}

const reviewTag = (r: RecordView) => (r.review ? ` [${r.review.action === 'verify' ? 'verified' : r.review.action === 'dispute' ? 'disputed by analyst' : 'corrected'} by ${r.review.reviewer}]` : '');

/** The situation report as Markdown: what a monitor would send. */
export function renderMarkdown(r: SituationReport, opts: RenderOptions = {}): string {
  const limit = opts.limit ?? 25;
  const out: string[] = [];
  const where = r.query.place ?? 'all places';
  const when = r.query.since || r.query.until ? `${r.query.since ?? '…'} to ${r.query.until ?? '…'}` : 'all dates';
  out.push(`# Situation report: ${where}, ${when}`, '');
  out.push(`Generated ${r.generated.slice(0, 16).replace('T', ' ')} UTC from ${r.ledger}. ${r.figures.length} figure records and ${r.events.length} event records from ${r.articles} articles; ${r.contradictions.length} contradictions; ${r.unverified.length} unverified claims.`, '');
  out.push('Figures are {low, best, high} over independent sources (wire copies and outlets repeating one originator count once); best is the most conservative credible figure (ACLED rule). Each source is cited by article id and character offsets.', '');

  out.push('## Headline figures', '');
  if (!r.figures.length) out.push('None in this place and period.', '');
  for (const f of r.figures.slice(0, limit)) {
    out.push(`- **${f.category}${f.scope === 'cumulative' ? ' (cumulative)' : ''}: ${fmtRange(f.low, f.best, f.high)}** in ${placeLabel(f.place, f.admin1)}, ${f.dateStart === f.dateEnd ? f.dateStart : `${f.dateStart} to ${f.dateEnd}`} (${f.timePrecision}); ${f.sources} independent source${f.sources === 1 ? '' : 's'}, ${f.mentions} mention${f.mentions === 1 ? '' : 's'} in ${f.articles} article${f.articles === 1 ? '' : 's'}${f.disputed ? '; **disputed**' : ''}${reviewTag(f)} — record ${f.id}`);
    for (const s of f.says) out.push(`  - ${s.originator}${s.outlets.length > 1 || s.outlets[0] !== s.originator ? ` (via ${s.outlets.join(', ')})` : ''}: ${fmtRange(s.low, s.best, s.high)}, ${s.status} — ${fmtCite(s.cite)}`);
    if (f.notes) out.push(`  - note: ${f.notes}`);
  }
  if (r.figures.length > limit) out.push(`- … ${r.figures.length - limit} more (--format json lists all)`);
  out.push('');

  out.push('## What each source says', '');
  for (const s of r.bySource.slice(0, limit)) {
    out.push(`### ${s.originator}`, '');
    for (const f of s.figures.slice(0, 8)) out.push(`- ${f.category} ${fmtRange(f.says.low, f.says.best, f.says.high)} in ${placeLabel(f.place)}, ${f.date} (${f.says.status}) — ${fmtCite(f.says.cite)}`);
    if (s.figures.length > 8) out.push(`- … ${s.figures.length - 8} more figures`);
    for (const c of s.claims.slice(0, 5)) out.push(`- ${c.status}: "${clip(c.text, 160)}" — ${c.outlet}, ${c.published}, article ${c.article} chars ${c.start}-${c.end}`);
    if (s.claims.length > 5) out.push(`- … ${s.claims.length - 5} more claims`);
    out.push('');
  }
  if (r.bySource.length > limit) out.push(`… ${r.bySource.length - limit} more sources`, '');

  out.push('## Contradictions', '');
  if (!r.contradictions.length) out.push('None found.', '');
  for (const c of r.contradictions.slice(0, limit)) {
    out.push(`- ${c.kind === 'figure' ? 'Figures disagree' : 'Claims deny each other'}${c.record ? ` (record ${c.record})` : ''}: ${c.reason}`);
    out.push(`  - A: ${c.a.originator}: ${fmtCite(c.a)}`);
    out.push(`  - B: ${c.b.originator}: ${fmtCite(c.b)}`);
  }
  if (r.contradictions.length > limit) out.push(`- … ${r.contradictions.length - limit} more`);
  out.push('');

  out.push('## Unverified claims', '');
  if (!r.unverified.length) out.push('None found.', '');
  for (const c of r.unverified.slice(0, limit)) out.push(`- ${c.status} (${c.originator}${c.hedges.length ? `; "${c.hedges.join('", "')}"` : ''}): "${clip(c.text, 200)}" — ${c.outlet}, ${c.published}, article ${c.article} chars ${c.start}-${c.end}`);
  if (r.unverified.length > limit) out.push(`- … ${r.unverified.length - limit} more`);
  out.push('');

  out.push('## Timeline', '');
  const dated = [...r.figures, ...r.events].sort((a, b) => (a.dateEnd ?? '').localeCompare(b.dateEnd ?? '') || b.sources - a.sources);
  if (!dated.length) out.push('Nothing dated in this place and period.', '');
  let day = '';
  let shown = 0;
  for (const d of dated) {
    if (shown >= limit * 4) {
      out.push(`- … ${dated.length - shown} more (--format json lists all)`);
      break;
    }
    const date = d.dateEnd ?? 'undated';
    if (date !== day) {
      out.push(`- **${date}**`);
      day = date;
    }
    const what = d.kind === 'figure' ? `${d.category} ${fmtRange(d.low, d.best, d.high)}` : `${d.subEventType ?? d.category}${d.best != null ? `, ${fmtRange(d.low, d.best, d.high)} killed` : ''}`;
    out.push(`  - ${what} in ${placeLabel(d.place)} (${d.sources} source${d.sources === 1 ? '' : 's'}${d.disputed ? ', disputed' : ''}) — record ${d.id}`);
    shown++;
  }
  out.push('');
  const series = r.timelines.filter((t) => t.points.length > 1).slice(0, 8);
  if (series.length) {
    out.push('### Figures over time, per place and category', '');
    for (const t of series) out.push(`- ${t.category} in ${t.place}: ${t.points.map((p) => `${p.date} ${fmtRange(p.low, p.best, p.high)}`).join(' → ')}`);
    out.push('');
  }
  return out.join('\n');
}
