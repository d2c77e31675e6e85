/** Ingest on the real seeds: five reports that parse, pass the schema, compile as MDX and point at their sources. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/ingest.ts';
import { parseReport } from '../src/ingest/report-file.ts';
import { visibleText } from '../src/ingest/visible-text.ts';
import { checkContent } from '../src/ingest/check.ts';
import { reportSchema } from '../src/model/report-schema.ts';
import { makeWorkspace, reportFiles } from './helpers/workspace.ts';

describe('ingest of the five seeds', () => {
  let root: string;
  beforeAll(async () => {
    root = makeWorkspace();
    const summary = await ingest({ root });
    expect(summary.ok).toBe(true);
  });

  it('writes one MDX report per seed with a readable slug', () => {
    const files = reportFiles(root).map((f) => basename(f));
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatch(/^(xiangyang|hengyang|xinxiang|qingdao)-20\d\d-[a-z0-9-]+\.mdx$/);
    expect(files.filter((f) => f.startsWith('xiangyang-'))).toHaveLength(2);
  });

  it('writes frontmatter that passes the schema, and metrics whose text occurs in the source', () => {
    for (const file of reportFiles(root)) {
      const { data, body } = parseReport(readFileSync(file, 'utf8'));
      const parsed = reportSchema.safeParse(data);
      expect(parsed.success, `${file}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const source = readFileSync(join(root, 'seeds', data.source), 'utf8');
      const visible = visibleText(body);
      expect(data.metrics.length).toBeGreaterThan(10);
      for (const m of data.metrics) {
        expect(source, `${data.source}: ${m.text}`).toContain(m.text);
        expect(visible, `${data.source} body: ${m.text}`).toContain(m.text);
      }
    }
  });

  it('writes bodies that compile as MDX and show the source text', async () => {
    for (const file of reportFiles(root)) {
      const { data, body } = parseReport(readFileSync(file, 'utf8'));
      await expect(compile(body)).resolves.toBeTruthy();
      const firstLine = readFileSync(join(root, 'seeds', data.source), 'utf8')
        .split('\n')
        .find((l) => l.includes('。'))!
        .trim();
      expect(visibleText(body)).toContain(firstLine.slice(0, 20));
    }
  });

  it('passes npm run check', () => {
    expect(checkContent(root)).toEqual([]);
  });

  it('changes nothing when run twice', async () => {
    const before = reportFiles(root).map((f) => readFileSync(f, 'utf8'));
    const second = await ingest({ root });
    expect(second.entries.map((e) => e.outcome)).toEqual(Array(5).fill('unchanged'));
    expect(reportFiles(root).map((f) => readFileSync(f, 'utf8'))).toEqual(before);
  });
});

describe('the committed content', () => {
  // Fails after a change to src/extraction or the registry until `npm run ingest` is run and
  // content/ committed: otherwise a fresh clone's first build would rewrite files in content/.
  it('is up to date with the seeds and the extraction code', async () => {
    const summary = await ingest({ root: '.', ifNeeded: true, dryRun: true });
    expect(summary.entries.length).toBeGreaterThanOrEqual(5);
    expect(summary.entries.map((e) => `${e.source}: ${e.outcome}`)).toEqual(summary.entries.map((e) => `${e.source}: skipped`));
  });
});
