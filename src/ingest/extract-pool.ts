/**
 * Extraction of many texts, on worker threads when there is enough text to repay starting
 * them (each worker loads the library and its character tables, about half a second).
 * Extraction is a pure function, so the reports are the same as one thread's and come back in
 * the order the texts went in; a national corpus ingests about 1.6–2× faster on two cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractReport, type ExtractOptions } from '../extraction/index.ts';
import type { Registry } from '../extraction/types.ts';

export type ExtractedText = ReturnType<typeof extractReport>;

/** Below this much text in all (UTF-16 code units: about 4 MB of Chinese) one thread finishes first. */
const PARALLEL_MIN_CHARS = 1_300_000;

export interface PoolOptions {
  /** Worker threads to use; the machine's cores (at most 8) unless set. 1 extracts in this thread. */
  threads?: number;
  /** Use workers whatever the amount of text (for tests and benchmarks). */
  force?: boolean;
}

export interface Extractor {
  /** The reports of `texts`, in their order; `known[i]` is what text i's report already says. */
  extract(texts: string[], known?: Array<ExtractOptions['known']>): Promise<ExtractedText[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** The threads a pool uses unless told: one per core, at most 8 (each holds the library's tables). */
export const defaultThreads = (): number => Math.min(availableParallelism(), 8);

/** An extractor for a run that will read `totalChars` of text in all. */
export function extractor(registry: Registry, totalChars: number, options: PoolOptions = {}, read: ExtractOptions = {}): Extractor {
  const threads = options.threads ?? defaultThreads();
  if (threads <= 1 || (!options.force && totalChars < PARALLEL_MIN_CHARS)) {
    return { extract: async (texts, known) => texts.map((t, i) => extractReport(t, registry, { ...read, known: known?.[i] })), close: async () => {} };
  }
  return workerPool(registry, threads, read);
}

interface Batch {
  texts: string[];
  known?: Array<ExtractOptions['known']>;
  results: ExtractedText[];
  next: number;
  done: number;
  resolve: (r: ExtractedText[]) => void;
  reject: (e: Error) => void;
}

function workerPool(registry: Registry, threads: number, read: ExtractOptions): Extractor {
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  let batch: Batch | null = null;
  let failure: Error | null = null;
  let closing = false;

  // Texts are handed out one at a time as workers finish, so a long text does not hold up the rest.
  const feed = (w: Worker) => {
    if (batch && batch.next < batch.texts.length) {
      w.postMessage({ index: batch.next, text: batch.texts[batch.next], known: batch.known?.[batch.next] });
      batch.next++;
    } else idle.push(w);
  };
  const fail = (e: Error) => {
    failure ??= e;
    if (batch) {
      batch.reject(failure);
      batch = null;
    }
  };
  for (let i = 0; i < threads; i++) {
    const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), { workerData: { registry, read } });
    workers.push(w);
    w.on('message', (m: { ready?: true; index?: number; report?: ExtractedText }) => {
      if (!m.ready && batch) {
        batch.results[m.index!] = m.report!;
        if (++batch.done === batch.texts.length) {
          const b = batch;
          batch = null;
          b.resolve(b.results);
        }
      }
      feed(w);
    });
    w.on('error', (e) => fail(new Error(`extraction worker failed: ${e.message}`)));
    w.on('exit', (code) => {
      if (!closing) fail(new Error(`extraction worker stopped (exit code ${code})`));
    });
  }

  return {
    extract(texts, known) {
      if (failure) return Promise.reject(failure);
      if (batch) return Promise.reject(new Error('one batch at a time'));
      if (!texts.length) return Promise.resolve([]);
      return new Promise<ExtractedText[]>((resolve, reject) => {
        batch = { texts, known, results: new Array<ExtractedText>(texts.length), next: 0, done: 0, resolve, reject };
        for (const w of idle.splice(0)) feed(w);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
