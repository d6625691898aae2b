// A worker thread of the extraction pool: loads the resources once, then turns jobs into lines.
import { parentPort } from 'node:worker_threads';
import { loadResources, packageVersion } from '../resources/load.js';
import { runLineJob, type LineJob } from './job.js';

const res = loadResources();
const version = packageVersion();
parentPort!.on('message', (msg: { seq: number; job: LineJob }) => {
  parentPort!.postMessage({ seq: msg.seq, result: runLineJob(msg.job, res, version) });
});
