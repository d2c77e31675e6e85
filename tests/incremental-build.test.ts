/** Incremental and sharded builds give the same site as a full build. */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, mergeShards } from '../src/build/site-build.ts';
import { makeProject } from './helpers/workspace.ts';

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('pagefind') && !f.startsWith('_astro'))
    .sort();
const root = makeProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('incremental build', () => {
  it('rebuilds only the city whose report changed, and nothing when nothing changed', async () => {
    const first = await buildSite({ root, outDir: 'out' });
    expect(first.mode).toBe('full');
    expect((await buildSite({ root, outDir: 'out' })).mode).toBe('unchanged');
    const report = join(
      root,
      'content/reports',
      readdirSync(join(root, 'content/reports')).find((f) => f.startsWith('qingdao'))!,
    );
    writeFileSync(report, readFileSync(report, 'utf8').replace('title: ', 'title: 改过的'));
    const second = await buildSite({ root, outDir: 'out' });
    expect(second.mode).toBe('partial');
    expect(second.cities).toBe(1);
    const page = readFileSync(join(root, 'out/qingdao/index.html'), 'utf8');
    expect(page).toContain('改过的');
    expect(readFileSync(join(root, 'out/index.html'), 'utf8')).toContain('改过的');
    // The same files as a build from scratch.
    const fresh = await buildSite({ root, outDir: 'fresh', full: true });
    expect(fresh.mode).toBe('full');
    const [a, b] = [files(join(root, 'out')), files(join(root, 'fresh'))];
    expect(a.filter((f) => !b.includes(f))).toEqual([]);
    expect(b.filter((f) => !a.includes(f))).toEqual([]);
  }, 120_000);

  it('drops the pages, downloads and search entry of a report that is deleted', async () => {
    const name = readdirSync(join(root, 'content/reports')).find((f) => f.startsWith('xiangyang'))!;
    const slug = name.replace(/\.mdx$/, '');
    expect(files(join(root, 'out'))).toContain(`data/reports/${slug}.csv`);
    rmSync(join(root, 'content/reports', name));
    const after = await buildSite({ root, outDir: 'out' });
    expect(after.mode).toBe('partial');
    const left = files(join(root, 'out'));
    expect(left.filter((f) => f.includes(slug))).toEqual([]);
    await buildSite({ root, outDir: 'fresh', full: true });
    expect(left).toEqual(files(join(root, 'fresh')));
    const entries = readdirSync(join(root, 'out/pagefind'), { recursive: true, encoding: 'utf8' }).length;
    expect(entries).toBe(readdirSync(join(root, 'fresh/pagefind'), { recursive: true, encoding: 'utf8' }).length);
  }, 120_000);

  it('builds shards that merge into the same site', async () => {
    await buildSite({ root, outDir: 's1', shard: { index: 1, count: 2 } });
    await buildSite({ root, outDir: 's2', shard: { index: 2, count: 2 } });
    const s1 = files(join(root, 's1')).filter((f) => /^reports\/[^/]+\/index\.html$/.test(f));
    const s2 = files(join(root, 's2')).filter((f) => /^reports\/[^/]+\/index\.html$/.test(f));
    expect(s1.length + s2.length).toBe(readdirSync(join(root, 'content/reports')).length);
    expect(s1.filter((f) => s2.includes(f))).toEqual([]);
    await mergeShards([join(root, 's1'), join(root, 's2')], join(root, 'merged'), root);
    expect(files(join(root, 'merged'))).toEqual(files(join(root, 'fresh')));
    expect(JSON.parse(readFileSync(join(root, 'merged/pagefind/bundles.json'), 'utf8')).length).toBeGreaterThan(1);
  }, 120_000);
});
