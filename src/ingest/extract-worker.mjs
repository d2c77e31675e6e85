/**
 * A worker thread of the extraction pool (extract-pool.ts). Plain JavaScript because a worker
 * starts without the parent's TypeScript loader (Node 20 does not pass module hooks on to
 * workers): it registers tsx itself, then loads the extraction library.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractReport } = await import('../extraction/index.ts');
const { registry, read } = workerData;

// One text in, its report out, tagged with the index it came with.
parentPort.on('message', ({ index, text, known }) => {
  parentPort.postMessage({ index, report: extractReport(text, registry, { ...read, known }) });
});
parentPort.postMessage({ ready: true });
