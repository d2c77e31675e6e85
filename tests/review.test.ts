/**
 * npm run review on a pull request's change, made for the test in a git repository of the seed
 * content: the annotations GitHub shows on the changed lines, and the job summary of what the
 * change means for readers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { review, type Review } from '../src/review/review.ts';
import { annotation } from '../src/review/annotations.ts';
import { makeProject } from './helpers/workspace.ts';

const root = makeProject();
const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
const FILE = 'content/reports/xinxiang-2023-zhongdian-minsheng-shi-shi.mdx';
let result: Review;
let editedLines: string[];

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', 'content');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'content');
  git('checkout', '-q', '-b', 'editor-fix');
  // The editor's change: a value corrected, a figure removed, one kind mistyped, the title reworded.
  const text = readFileSync(join(root, FILE), 'utf8')
    .replace('{id: m1cly5l4, value: 88000,', '{id: m1cly5l4, value: 89000,')
    .replace(/^ {2}- \{id: m53ubcq, [^\n]+\n/m, '')
    .replace('{id: m1pum5v1, value: 2700, unit: 人, qualifier: exact, kind: actual,', '{id: m1pum5v1, value: 2700, unit: 人, qualifier: exact, kind: done,')
    .replace(/^title: .+$/m, 'title: 新乡市2023年重点民生实事新闻发布会');
  writeFileSync(join(root, FILE), text);
  editedLines = text.split('\n');
  result = review(root, 'main');
}, 60_000);

describe('pull-request review', () => {
  it('annotates each problem on its file and line, as a GitHub workflow command', () => {
    const kindLine = editedLines.findIndex((l) => l.includes('kind: done')) + 1;
    expect(result.annotations).toContain(
      `::error file=${FILE},line=${kindLine},title=内容问题 (content problem)::metrics.4.kind: kind must be one of target、actual、completion (目标, 完成, 完成率)`,
    );
    expect(result.annotations.every((a) => /^::(error|warning) file=content\/reports\/[^,]+,line=\d+,title=[^:]+::/.test(a))).toBe(true);
  });

  it('escapes what would end a command or a property', () => {
    expect(annotation({ file: 'content/reports/a,b.mdx', line: 3, message: '100% done\nnext: line' })).toBe(
      '::error file=content/reports/a%2Cb.mdx,line=3,title=内容问题 (content problem)::100%25 done%0Anext: line',
    );
  });

  it('summarises what changes for readers, old → new, in the changed report only', () => {
    expect(result.changes.map((c) => c.file)).toEqual([FILE]);
    const s = result.summary;
    expect(s).toContain('标题 (title): 新乡市2023年重点民生实事系列新闻发布会 → 新乡市2023年重点民生实事新闻发布会');
    expect(s).toMatch(/\| 修改数字 changed \| `m1cly5l4` \| 8\.8万人 → 8\.9万人 \| 新增城镇就业8\.8万人 \|/);
    expect(s).toMatch(/\| 删除数字 removed \| `m53ubcq` \| 258家 \(企业发放奖补资金\) \| 258家企业 \|/);
    expect(s).toMatch(/\| 修改数字 changed \| `m1pum5v1` \| kind: actual → done \|/);
    expect(s).toContain('❌ 1 个问题须改正');
    expect(s).toContain(`${FILE}:`);
  });

  it('says nothing changed for readers when only the body is reworded, and passes', () => {
    git('checkout', '-q', '--', FILE);
    const text = readFileSync(join(root, FILE), 'utf8');
    writeFileSync(
      join(root, FILE),
      text.replace(/\n---\n([\s\S]*?)(\n|$)/, (m) => m + '\n编者按:本文有删节。\n'),
    );
    const quiet = review(root, 'main');
    expect(quiet.summary).toContain('读者看到的数字与承诺没有变化');
    expect(quiet.summary).toContain('✅ 内容有效');
    expect(quiet.annotations.filter((a) => a.startsWith('::error'))).toEqual([]);
  });
});
