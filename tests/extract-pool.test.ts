/** Extraction on worker threads: the same reports as one thread, in the same order, and the same files from ingest. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../src/extraction/index.ts';
import { extractor } from '../src/ingest/extract-pool.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';
import { makeWorkspace, reportFiles } from './helpers/workspace.ts';

const registry = loadRegistry('.');
const seeds = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join('seeds', f), 'utf8'));

describe('extraction pool', () => {
  it('gives on two worker threads exactly the reports one thread gives, in order', async () => {
    // Each seed three times, shuffled by a stride, so the workers finish out of order.
    const texts = Array.from({ length: 15 }, (_, i) => seeds[(i * 2) % seeds.length]!);
    const pool = extractor(registry, 0, { threads: 2, force: true });
    const pooled = await pool.extract(texts).finally(() => pool.close());
    expect(pooled).toEqual(texts.map((t) => extractReport(t, registry)));
    expect(pooled[0]!.metrics.length).toBeGreaterThan(10);
  });

  it('extracts in this thread when there is little text, and keeps serving batches until closed', async () => {
    const inline = extractor(registry, 1000);
    expect(await inline.extract(seeds.slice(0, 1))).toEqual([extractReport(seeds[0]!, registry)]);
    const pool = extractor(registry, 1000, { threads: 2, force: true });
    try {
      expect(await pool.extract(seeds.slice(0, 2))).toEqual(seeds.slice(0, 2).map((t) => extractReport(t, registry)));
      expect(await pool.extract([])).toEqual([]);
      expect(await pool.extract(seeds.slice(2))).toEqual(seeds.slice(2).map((t) => extractReport(t, registry)));
    } finally {
      await pool.close();
    }
  });

  it('makes ingest write the same reports as one thread does', async () => {
    const one = makeWorkspace();
    const two = makeWorkspace();
    await ingest({ root: one, pool: { threads: 1 } });
    await ingest({ root: two, pool: { threads: 2, force: true } });
    const read = (root: string) => reportFiles(root).map((f) => readFileSync(f, 'utf8'));
    expect(read(two)).toEqual(read(one));
    expect(read(one)).toHaveLength(seeds.length);
  });
});
