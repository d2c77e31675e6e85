/**
 * A city's pledges joined across its texts: the plan's target in one report, the year-end result in
 * another. A second 衡阳 text for 2025, written for this test, reports results of the plan's targets;
 * on the built city-year page they turn from 暂无结果 into kept pledges.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/site-build.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { makeProject } from './helpers/workspace.ts';

const root = makeProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The ledger row of the pledge whose title contains `title`, as text. */
const row = (html: string, title: string) => {
  const ledger = html.slice(html.indexOf('<section class="ledger"'), html.indexOf('</section>', html.indexOf('<section class="ledger"')));
  const rows = ledger.split('<tr>').filter((r) => r.includes('scope="row"') && r.includes(title));
  return rows.map((r) =>
    r
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
};

describe('pledges across reports', () => {
  it("joins a plan's target with a later report's result of the same city and year", async () => {
    await buildSite({ root, outDir: 'out', full: true });
    const before = readFileSync(join(root, 'out/hengyang/2025/index.html'), 'utf8');
    expect(row(before, '新增城镇就业').join()).toMatch(/暂无结果/);

    const text = join(root, 'hengyang-2025-year-end.txt');
    writeFileSync(text, '衡阳市2025年民生实事完成情况\n2026年1月20日,市人社局介绍,2025年全市新增城镇就业6.1万人,新发放创业担保贷款4.3亿元。\n');
    const summary = await ingest({ root, files: [text] });
    expect(summary.entries[0]!.outcome, summary.entries[0]!.messages.join('\n')).toBe('created');
    await buildSite({ root, outDir: 'out' });
    const after = readFileSync(join(root, 'out/hengyang/2025/index.html'), 'utf8');
    const jobs = row(after, '新增城镇就业');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatch(/5\.8万人以上.*6\.1万人.*超额完成/);
    expect(row(after, '创业担保贷款')[0]).toMatch(/4亿元.*4\.3亿元.*超额完成/);
    // Both sentences are linked: the target's in the plan, the result's in the year-end report.
    const links = [...after.matchAll(/href="([^"]+#m-[^"]+)"[^>]*>6\.1万人/g)].map((m) => m[1]);
    expect(links[0]).toMatch(/reports\/hengyang-2025-[^/]+\/#m-/);
  }, 120_000);
});
