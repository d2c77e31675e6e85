/** Re-ingest never loses an editor's change: each case of the merge model on a real report. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/ingest.ts';
import { parseReport, serializeReport } from '../src/ingest/report-file.ts';
import type { ReportDoc } from '../src/model/report-data.ts';
import { makeWorkspace, reportFiles } from './helpers/workspace.ts';

const SEED = '002_211da1db43f6adac.txt';
let root: string;
let file: string;
const read = (): ReportDoc => parseReport(readFileSync(file, 'utf8'));
const write = (doc: ReportDoc) => writeFileSync(file, serializeReport(doc));
/** Simulates an extractor that now reads a figure differently, by editing the stored base. */
function changeBase(change: (doc: ReportDoc) => void): void {
  const baseFile = join(root, 'content/generated', `${read().data.slug}.json`);
  const base = JSON.parse(readFileSync(baseFile, 'utf8'));
  change(base);
  writeFileSync(baseFile, JSON.stringify(base));
}

beforeEach(async () => {
  root = makeWorkspace([SEED]);
  await ingest({ root });
  file = reportFiles(root)[0]!;
});

describe('re-ingest after editors changed a report', () => {
  it("keeps an editor's checked marks, on a figure and on the report, when the extractor's reading changes", async () => {
    const doc = read();
    doc.data.metrics[0]!.checked = true;
    doc.data.checked = true;
    write(doc);
    // The stored base says the extractor read the second figure differently last time: the merge runs.
    changeBase((base) => {
      base.data.metrics[1]!.value += 1;
      (base as { extractorVersion?: string }).extractorVersion = 'an older extractor';
    });
    await ingest({ root });
    // The merge ran: the stored base is the new extractor's.
    const base = JSON.parse(readFileSync(join(root, 'content/generated', `${read().data.slug}.json`), 'utf8'));
    expect(base.extractorVersion).not.toBe('an older extractor');
    const after = read();
    expect(after.data.metrics[0]!.checked).toBe(true);
    expect(after.data.checked).toBe(true);
    expect(after.data.metrics[1]!.checked).toBeUndefined();
  });

  it('keeps an edited value', async () => {
    const doc = read();
    doc.data.metrics[0]!.value = 88001;
    write(doc);
    await ingest({ root });
    expect(read().data.metrics[0]!.value).toBe(88001);
  });

  it('keeps a metric added by hand', async () => {
    const doc = read();
    doc.data.metrics.push({
      id: 'editor-1',
      value: 5,
      unit: '个',
      qualifier: 'exact',
      kind: 'actual',
      year: 2023,
      department: '市教育局',
      label: '编辑补充',
      text: '寄宿制学校401个',
    });
    write(doc);
    await ingest({ root });
    expect(read().data.metrics.find((m) => m.id === 'editor-1')).toMatchObject({ label: '编辑补充' });
  });

  it('keeps a metric deleted by hand deleted', async () => {
    const doc = read();
    const gone = doc.data.metrics.splice(3, 1)[0]!;
    write(doc);
    await ingest({ root });
    expect(read().data.metrics.some((m) => m.id === gone.id)).toBe(false);
  });

  it('updates a metric nobody touched when the extractor reads it differently', async () => {
    const target = read().data.metrics[5]!;
    changeBase((base) => {
      base.data.metrics[5]!.label = 'old reading';
    });
    // The file still says what the old extractor said: make it match the (changed) base, untouched by editors.
    const doc = read();
    doc.data.metrics[5]!.label = 'old reading';
    write(doc);
    await ingest({ root });
    expect(read().data.metrics[5]!.label).toBe(target.label);
  });

  it("keeps the editor's value when editor and extractor disagree, and reports the conflict", async () => {
    changeBase((base) => {
      base.data.title = 'old title';
    });
    const doc = read();
    doc.data.title = '编辑改过的标题';
    write(doc);
    const summary = await ingest({ root });
    expect(read().data.title).toBe('编辑改过的标题');
    expect(summary.entries[0]!.messages.join('\n')).toMatch(/conflict: title/);
  });

  it("keeps an editor's pledge fields (a metric's pledge and topic, a pledge's title) when the extractor's reading changes", async () => {
    const doc = read();
    const [first] = doc.data.pledges!;
    const metric = doc.data.metrics.find((m) => m.pledge === first!.id)!;
    metric.pledge = '编辑拆出的实事';
    metric.topic = '社会保障';
    first!.title = '编辑改写的实事名';
    write(doc);
    changeBase((base) => {
      base.data.metrics[1]!.value += 1;
      (base as { extractorVersion?: string }).extractorVersion = 'an older extractor';
    });
    await ingest({ root });
    const after = read().data;
    const kept = after.metrics.find((m) => m.id === metric.id)!;
    expect(kept.pledge).toBe('编辑拆出的实事');
    expect(kept.topic).toBe('社会保障');
    expect(after.pledges!.find((p) => p.id === first!.id)?.title).toBe('编辑改写的实事名');
  });

  it('keeps an edited body', async () => {
    const doc = read();
    doc.body = doc.body.replace('就业关乎国计民生', '就业关乎国计民生(编辑注)');
    write(doc);
    await ingest({ root });
    expect(read().body).toContain('(编辑注)');
  });

  it('keeps a report whose seed was removed, and warns', async () => {
    rmSync(join(root, 'seeds', SEED));
    const summary = await ingest({ root });
    expect(reportFiles(root)).toHaveLength(1);
    expect(summary.warnings.join('\n')).toMatch(/is gone; the report is kept/);
  });

  it('produces no diff on a second run after edits', async () => {
    const doc = read();
    doc.data.metrics[0]!.label = '编辑';
    write(doc);
    await ingest({ root });
    const once = readFileSync(file, 'utf8');
    await ingest({ root });
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
});
