/** npm run check: every problem in the content, each as file:line with what to do, all at once. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/ingest/check.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { makeWorkspace, reportFiles, edit } from './helpers/workspace.ts';

describe('content check', () => {
  it('reports every kind of problem with file and line', async () => {
    const root = makeWorkspace(['000_9567e0339920290a.txt', '002_211da1db43f6adac.txt']);
    await ingest({ root });
    const [a, b] = reportFiles(root) as [string, string];
    edit(a, (t) => t
      .replace(/^year: \d+$/m, 'year: 3024')
      .replace('unit: 人,', 'unit: "",')
      .replace('市教育局\n', '市教委\n')
      .replace(/text: 新建创业集聚区10家\}/, 'text: 新建创业集聚区11家}'));
    const slugA = /^slug: (.+)$/m.exec(readFileSync(a, 'utf8'))![1]!;
    edit(b, (t) => t.replace(/^slug: .+$/m, `slug: ${slugA}`).replace(/^city: .+$/m, 'city: 新乡县'));
    // A duplicated metric line.
    edit(b, (t) => t.replace(/^(  - \{id: [^\n]+\n)/m, '$1$1'));

    const problems = checkContent(root);
    const text = problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
    expect(text).toMatch(/year: a year after 2100 is surely a typo/);
    expect(text).toMatch(/metrics\.\d+\.unit: unit is empty/);
    expect(problems.every((p) => p.line >= 1 && p.file.startsWith('content/reports/'))).toBe(true);
    expect(text).toMatch(/also used by/);
    expect(text).toMatch(/city "新乡县" is not in content\/registry\/cities\.yaml/);
    expect(text).toMatch(/repeats metrics\.0 \(same value|same id/);
    // The line points at the field: the year line of the first file.
    const yearProblem = problems.find((p) => p.message.startsWith('year'))!;
    expect(readFileSync(join(root, yearProblem.file), 'utf8').split('\n')[yearProblem.line - 1]).toMatch(/^year: 3024/);
  });

  it('finds a department missing from the registry and a text missing from the body', async () => {
    const root = makeWorkspace(['002_211da1db43f6adac.txt']);
    await ingest({ root });
    const [a] = reportFiles(root) as [string];
    edit(a, (t) => t.replace('  - 市教育局\n', '  - 市教委员会\n').replace('text: 新增城镇就业8.8万人}', 'text: 新增城镇就业9.9万人}'));
    const text = checkContent(root).map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
    expect(text).toMatch(/department "市教委员会" is not in content\/registry\/departments\.yaml/);
    expect(text).toMatch(/«新增城镇就业9\.9万人» does not occur in the text a reader sees/);
  });

  it('exits non-zero from the command line, printing file:line messages', async () => {
    const root = makeWorkspace(['002_211da1db43f6adac.txt']);
    await ingest({ root });
    edit(reportFiles(root)[0]!, (t) => t.replace('kind: actual', 'kind: done'));
    let out = '';
    let code = 0;
    try {
      execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'scripts/check.ts')], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      code = err.status; out = err.stderr;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/^content\/reports\/xinxiang-[^:]+\.mdx:\d+: metrics\.\d+\.kind: Invalid enum value/m);
  });

  it('passes on the committed content', () => {
    expect(checkContent('.')).toEqual([]);
  });
});
