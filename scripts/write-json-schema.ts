// Writes schema/report.schema.json, the JSON Schema of the full report, from the zod model.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Report } from '../src/model/report.js';
import { packageRoot } from '../src/resources/load.js';

const schema = z.toJSONSchema(Report, { target: 'draft-2020-12' });
const dir = join(packageRoot(), 'schema');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'report.schema.json'), JSON.stringify({ $id: 'https://sitrep.dev/schema/report.json', title: 'sitrep report', ...schema }, null, 2) + '\n');
