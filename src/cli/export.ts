import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from './commands.js';
import { parse } from './args.js';
import { dateOption } from './report.js';
import { InputError } from '../errors.js';
import { packageVersion } from '../resources/load.js';
import { openLedger } from '../ledger/db/connect.js';
import { DB_HELP, dbTarget } from '../ledger/cli-common.js';
import { ensureConsolidated } from '../ledger/ready.js';
import { writeCsv, writeGeoJson, writeJson } from '../ledger/export/write.js';

const USAGE = `usage: sitrep export --format csv|json|geojson [--out FILE] [--place NAME] [--since D] [--until D] [--db PATH|URL]

  csv      one row per record (events, then figures) with ACLED / UCDP-like columns: event date,
           type, sub-type, actors, place, admin levels, coordinates, geo and time precision,
           low / best / high, sources, status, notes
  geojson  the records that have coordinates, as Points with the same properties (GIS tools)
  json     the whole ledger: articles with their full reports, stories, records with mentions
           and sources, contradictions, reviews, audit log
  ${DB_HELP.replace(/\n/g, '\n  ')}
`;

export const exportCommand: Command = {
  summary: 'the ledger as CSV (ACLED / UCDP-like), GeoJSON or JSON',
  usage: 'export --format csv|json|geojson',
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string', short: 'o' }, db: { type: 'string' }, place: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } }, 'export');
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length) throw new InputError(`export: unexpected argument "${positionals[0]}"; see: sitrep export --help`, 2);
    const format = values.format as string | undefined;
    if (!format || !['csv', 'json', 'geojson'].includes(format)) throw new InputError('export: --format wants csv, json or geojson', 2);
    if (format === 'json' && (values.place || values.since || values.until)) throw new InputError('export: --format json exports the whole ledger (no --place, --since, --until)', 2);
    const filter = { place: (values.place as string | undefined) ?? null, since: dateOption('since', values.since), until: dateOption('until', values.until) };
    const ledger = await openLedger(dbTarget(values.db));
    let out: Writable = process.stdout;
    try {
      await ensureConsolidated(ledger);
      if (values.out) out = createWriteStream(values.out as string);
      if (format === 'csv') await writeCsv(ledger, out, filter);
      else if (format === 'geojson') {
        const { unlocated } = await writeGeoJson(ledger, out, filter);
        if (unlocated) process.stderr.write(`sitrep export: ${unlocated} records without coordinates left out of the GeoJSON (they are in the CSV)\n`);
      } else await writeJson(ledger, out, packageVersion());
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
      return 0;
    } finally {
      await ledger.close();
    }
  },
};
