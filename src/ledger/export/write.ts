import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Ledger } from '../db/connect.js';
import { COLUMNS, exportRows, type ExportFilter } from './rows.js';

async function put(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** RFC 4180 CSV: every field that needs it quoted, line breaks inside fields flattened. */
export function csvField(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v).replace(/\r?\n/g, ' ');
  return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with one row per record, ACLED / UCDP-like columns. */
export async function writeCsv(ledger: Ledger, out: Writable, f: ExportFilter = {}): Promise<number> {
  const rows = await exportRows(ledger, f);
  await put(out, COLUMNS.join(',') + '\r\n');
  for (const r of rows) await put(out, COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n');
  return rows.length;
}

/** GeoJSON (RFC 7946) FeatureCollection of the records that have coordinates, one Point each. */
export async function writeGeoJson(ledger: Ledger, out: Writable, f: ExportFilter = {}): Promise<{ written: number; unlocated: number }> {
  const rows = await exportRows(ledger, f);
  let written = 0, unlocated = 0;
  await put(out, '{"type":"FeatureCollection","features":[\n');
  for (const r of rows) {
    if (r.latitude == null || r.longitude == null) {
      unlocated++;
      continue;
    }
    const feature = { type: 'Feature', id: r.record_id, geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] }, properties: r };
    await put(out, (written ? ',\n' : '') + JSON.stringify(feature));
    written++;
  }
  await put(out, '\n]}\n');
  return { written, unlocated };
}

/**
 * The whole ledger as one JSON document, written as it is read: articles with their full
 * reports, stories, records with mentions and sources, contradictions, reviews and the audit log.
 */
export async function writeJson(ledger: Ledger, out: Writable, version: string): Promise<{ articles: number; records: number }> {
  const db = ledger.db;
  await put(out, `{"sitrep":${JSON.stringify(version)},"exported":${JSON.stringify(new Date().toISOString())},"ledger":${JSON.stringify(ledger.where)},\n"articles":[\n`);
  let n = 0;
  let last = '';
  // keyset pagination: memory stays flat whatever the ledger's size
  for (;;) {
    const page = await db.selectFrom('articles').selectAll().where('id', '>', last).orderBy('id').limit(200).execute();
    if (!page.length) break;
    for (const a of page) {
      const { text, report, signature, ...meta } = a;
      void signature;
      const full = { ...JSON.parse(report), text };
      await put(out, (n ? ',\n' : '') + JSON.stringify({ ...meta, report: full }));
      n++;
    }
    last = page[page.length - 1]!.id;
  }
  await put(out, '\n],\n"stories":');
  const stories = (await db.selectFrom('stories').selectAll().orderBy('id').execute()).map((s) => ({ ...s, outlets: JSON.parse(s.outlets) }));
  await put(out, JSON.stringify(stories));
  const records = await db.selectFrom('records').selectAll().orderBy('id').execute();
  const mentions = await db.selectFrom('record_mentions').selectAll().execute();
  const sources = await db.selectFrom('record_sources').selectAll().execute();
  const group = <T extends { record_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.record_id) ?? m.set(r.record_id, []).get(r.record_id)!).push(r);
    return m;
  };
  const mBy = group(mentions), sBy = group(sources);
  await put(out, ',\n"records":[\n');
  for (const [i, r] of records.entries()) {
    const rec = {
      ...r,
      actors: JSON.parse(r.actors),
      statuses: JSON.parse(r.statuses),
      mentions: (mBy.get(r.id) ?? []).map(({ record_id, ...m }) => (void record_id, m)),
      sources: (sBy.get(r.id) ?? []).map(({ record_id, ...s }) => (void record_id, { ...s, outlets: JSON.parse(s.outlets) })),
    };
    await put(out, (i ? ',\n' : '') + JSON.stringify(rec));
  }
  await put(out, '\n],\n"contradictions":');
  await put(out, JSON.stringify(await db.selectFrom('contradictions').selectAll().orderBy('id').execute()));
  await put(out, ',\n"reviews":');
  await put(out, JSON.stringify(await db.selectFrom('reviews').selectAll().orderBy('id').execute()));
  await put(out, ',\n"audit_log":');
  await put(out, JSON.stringify(await db.selectFrom('audit_log').selectAll().orderBy('id').execute()));
  await put(out, '\n}\n');
  return { articles: n, records: records.length };
}
