/** npm run check: every problem in the content, each as file:line with what to do, all at once. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
    edit(a, (t) =>
      t
        .replace(/^year: \d+$/m, 'year: 3024')
        .replace('unit: 人,', 'unit: "",')
        .replace('市教育局\n', '市教委\n')
        .replace(/text: 新建创业集聚区10家,/, 'text: 新建创业集聚区11家,'),
    );
    const slugA = /^slug: (.+)$/m.exec(readFileSync(a, 'utf8'))![1]!;
    edit(b, (t) => t.replace(/^slug: .+$/m, `slug: ${slugA}`).replace(/^city: .+$/m, 'city: 新乡县'));
    // A duplicated metric line.
    edit(b, (t) => t.replace(/^( {2}- \{id: [^\n]+\n)/m, '$1$1'));

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
    edit(a, (t) => t.replace('  - 市教育局\n', '  - 市教委员会\n').replace('text: 新增城镇就业8.8万人,', 'text: 新增城镇就业9.9万人,'));
    const text = checkContent(root)
      .map((p) => `${p.file}:${p.line}: ${p.message}`)
      .join('\n');
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
      code = err.status;
      out = err.stderr;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/^content\/reports\/xinxiang-[^:]+\.mdx:\d+: metrics\.\d+\.kind: kind must be one of target、actual、completion/m);
  });

  it('passes on the committed content', () => {
    expect(checkContent('.')).toEqual([]);
  });
});

describe('what check says to an editor', () => {
  /** A workspace with the 新乡 report, edited by `change`; the problems check finds, as text. */
  async function checkAfter(change: (text: string) => string) {
    const root = makeWorkspace(['002_211da1db43f6adac.txt']);
    await ingest({ root });
    const file = reportFiles(root)[0]!;
    edit(file, change);
    const problems = checkContent(root);
    const lines = readFileSync(file, 'utf8').split('\n');
    return { root, problems, lineOf: (p: { line: number }) => lines[p.line - 1] ?? '' };
  }

  it('refuses a date that does not exist, at its line, with the form to write', async () => {
    const { problems, lineOf } = await checkAfter((t) => t.replace(/^published: .*$/m, "published: '2023-13-45'"));
    const p = problems.find((x) => x.message.startsWith('published'))!;
    expect(p.message).toMatch(/not a real date; write .* YYYY-MM-DD/);
    expect(lineOf(p)).toMatch(/^published: /);
  });

  it('reads an unquoted date as the date it is', async () => {
    const { problems } = await checkAfter((t) => t.replace(/^published: .*$/m, 'published: 2023-01-22'));
    expect(problems).toEqual([]);
  });

  it('says to replace a tab with spaces', async () => {
    const { problems, lineOf } = await checkAfter((t) => t.replace(/^departments:\n {2}- /m, 'departments:\n\t- '));
    expect(problems[0]!.message).toMatch(/replace the tab with two spaces/);
    expect(lineOf(problems[0]!)).toMatch(/^\t- /);
  });

  it('refuses a YAML alias bomb with file and line instead of running out of memory', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    const { problems } = await checkAfter((t) => t.replace(/^title: .*$/m, `${bomb}\ntitle: *i`));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/^content\/reports\/.*\.mdx$/);
    expect(problems[0]!.message).toMatch(/alias/);
  });

  it("reports every problem of a file at once, the schema's and the others", async () => {
    const { problems } = await checkAfter((t) =>
      t.replace('kind: actual', 'kind: done').replace('text: 新增城镇就业8.8万人,', 'text: 新增城镇就业9.9万人,').replace('  - 市教育局\n', '  - 市教委员会\n'),
    );
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/kind: kind must be one of target、actual、completion/);
    expect(text).toMatch(/«新增城镇就业9\.9万人» does not occur/);
    expect(text).toMatch(/department "市教委员会" is not in/);
  });

  it("looks for a figure's text in what a reader sees, not in hidden markup", async () => {
    const { problems } = await checkAfter((t) => {
      const [front, body] = [t.slice(0, t.indexOf('\n---\n') + 5), t.slice(t.indexOf('\n---\n') + 5)];
      return front + body.replace(/新增城镇就业8\.8万人/g, '新增城镇就业若干人') + '\n<!-- 新增城镇就业8.8万人 -->\n';
    });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/«新增城镇就业8\.8万人» does not occur in the text a reader sees/);
  });

  it('warns about a negative count and a number too large to store exactly', async () => {
    const { problems, lineOf } = await checkAfter((t) =>
      t.replace('value: 88000,', 'value: -5,').replace('value: 264000000,', 'value: 123456789012345678901234567890,'),
    );
    const negative = problems.find((p) => /negative/.test(p.message))!;
    expect(negative.severity).toBe('warning');
    expect(lineOf(negative)).toMatch(/value: -5/);
    expect(problems.find((p) => /2\^53/.test(p.message))!.severity).toBe('warning');
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('accepts what ingest writes, even from a text pasted twice', async () => {
    const root = makeWorkspace([]);
    const seed = readFileSync('seeds/002_211da1db43f6adac.txt', 'utf8');
    writeFileSync(join(root, 'twice.txt'), `${seed}\n${seed}`);
    await ingest({ root, files: [join(root, 'twice.txt')] });
    expect(checkContent(root)).toEqual([]);
  });

  it('places problems on their lines in linear time, in a report with thousands of them', async () => {
    const { problems, lineOf } = await checkAfter((t) =>
      t.replace(
        /^metrics:\n/m,
        `metrics:\n${Array.from({ length: 3000 }, (_, i) => `  - {id: bad-${i}, value: ${i}, unit: 人, qualifier: exact, kind: actual, year: 2023, department: null, label: 编辑, text: 不在正文里的句子${i}}\n`).join('')}`,
      ),
    );
    const missing = problems.filter((p) => /不在正文里的句子/.test(p.message));
    expect(missing).toHaveLength(3000);
    expect(missing.every((p) => lineOf(p).includes(`id: bad-${/句子(\d+)/.exec(p.message)![1]},`))).toBe(true);
  });
});

describe('pledges in the frontmatter', () => {
  it("are written by ingest, checked against the figures, and an editor's title is kept on re-ingest", async () => {
    const root = makeWorkspace(['002_211da1db43f6adac.txt']);
    await ingest({ root });
    const file = reportFiles(root)[0]!;
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^pledges:\n {2}- \{id: /m);
    expect(checkContent(root)).toEqual([]);
    // A status its figures contradict, a target that is no metric: each at its line.
    edit(file, (t) =>
      t
        .replace(/(title: 新增返乡农民工创业, [^\n]*)status: 超额完成\}/, '$1status: 未完成}')
        .replace(/(id: 失业人员再就业, [^\n]*)target: null/, '$1target: m-nowhere'),
    );
    const problems = checkContent(root);
    const lines = readFileSync(file, 'utf8').split('\n');
    const status = problems.find((p) => /contradicts its figures, which say 超额完成/.test(p.message))!;
    expect(lines[status.line - 1]).toMatch(/返乡农民工创业.*status: 未完成/);
    expect(problems.some((p) => /its target "m-nowhere" is no metric of this report/.test(p.message))).toBe(true);
    // An editor's better title survives re-ingest.
    edit(file, () => text.replace('title: 新增返乡农民工创业,', 'title: 扶持返乡农民工创业,'));
    await ingest({ root });
    expect(readFileSync(file, 'utf8')).toContain('title: 扶持返乡农民工创业,');
    expect(checkContent(root)).toEqual([]);
  });
});
