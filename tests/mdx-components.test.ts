/**
 * Components in a report's body: <Figure> and <Pledge> render from the report's own data on the
 * built page; a wrong component, prop or id, or an expression, fails npm run check at its line.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/site-build.ts';
import { checkContent } from '../src/ingest/check.ts';
import { makeProject } from './helpers/workspace.ts';

const root = makeProject();
const FILE = 'content/reports/xinxiang-2023-zhongdian-minsheng-shi-shi.mdx';
const original = readFileSync(join(root, FILE), 'utf8');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The report with `lines` added at the end of its body, and the file line of each. */
function withBody(lines: string[]): number[] {
  const text = original.trimEnd() + '\n\n' + lines.join('\n\n') + '\n';
  writeFileSync(join(root, FILE), text);
  const all = text.split('\n');
  return lines.map((l) => all.indexOf(l) + 1);
}

describe('components in a body', () => {
  let html: string;
  beforeAll(async () => {
    withBody(['编辑说明:全年新增城镇就业 <Figure id="m1cly5l4" />,超过预期。', '<Pledge id="返乡农民工创业" />']);
    await buildSite({ root, outDir: 'out', full: true });
    html = readFileSync(join(root, 'out/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/index.html'), 'utf8');
  }, 180_000);

  it('draws a figure inline: its value linked to its sentence, its label and its provenance badge', () => {
    expect(html).toContain(
      '编辑说明:全年新增城镇就业 <span class="figure-ref"><a href="#m-m1cly5l4">8.8万人</a> <span class="figure-label">新增城镇就业</span> <span class="provenance extracted">程序读取</span></span>,超过预期。',
    );
    expect(html).toContain('<mark id="m-m1cly5l4" class="metric">'); // the sentence it links to is still marked
  });

  it("draws a pledge as a card with its bullet chart and the chart's words", () => {
    const card = /<figure class="pledge-card">[\s\S]*?<\/figure>/.exec(html)![0];
    expect(card).toContain('<figcaption>');
    expect(card).toContain('<svg class="bullet" aria-hidden="true" viewBox="0 0 160 22">');
    expect(card).toContain('<rect class="result"');
    expect(card).toMatch(/<p class="meta">[^<]*完成率348\.6%[^<]*超额完成<\/p>/);
  });

  it('keeps an editor body from running anything: no script, no handler', () => {
    expect(html).not.toMatch(/<script|onerror=|onclick=/);
  });
});

describe('npm run check on components', () => {
  it('names each wrong component, prop, id or expression at its line', () => {
    const lines = withBody([
      '<Chart id="m1cly5l4" />',
      '<Figure id="m1cly5l4" size="2" />',
      '<Figure />',
      '<Figure id="no-such-figure" />',
      '<Pledge id="没有的承诺" />',
      '合计 {1 + 1} 项。',
    ]);
    const problems = checkContent(root).filter((p) => p.file === FILE);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    expect(at(lines[0]!).join()).toMatch(/<Chart: no such component; use <Figure id="…" \/> or <Pledge id="…" \/>/);
    expect(at(lines[1]!).join()).toMatch(/<Figure>: no prop "size"/);
    expect(at(lines[2]!).join()).toMatch(/<Figure> needs id="…"/);
    expect(at(lines[3]!).join()).toMatch(/<Figure id="no-such-figure">: this report has no figure with that id/);
    expect(at(lines[4]!).join()).toMatch(/<Pledge id="没有的承诺">: no figure of this report has pledge/);
    expect(at(lines[5]!).join()).toMatch(/\{…\} expressions are not allowed/);
  });

  it('says where a body stops parsing as MDX', () => {
    const [line] = withBody(['<Figure id="m1cly5l4"']);
    const problem = checkContent(root).find((p) => p.file === FILE && /does not parse as MDX/.test(p.message));
    expect(problem, JSON.stringify(checkContent(root))).toBeDefined();
    expect(problem!.line).toBeGreaterThanOrEqual(line!);
  });

  it('accepts the components when they are right', () => {
    withBody(['<Figure id="m1cly5l4" />', '<Pledge id="返乡农民工创业" />']);
    expect(checkContent(root).filter((p) => p.file === FILE && p.severity !== 'warning')).toEqual([]);
  });
});
