/**
 * Provenance and the repository's links on a built site: an editor checks one figure and corrects
 * another; with REPO_URL set, the report page links to its file's editor, each figure to a
 * prefilled issue, and shows the report's last change from git. Without REPO_URL (the shared seed
 * build) no such link is printed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/site-build.ts';
import { readDownload, readBuilt } from './helpers/site.ts';
import { edit, makeProject } from './helpers/workspace.ts';

const root = makeProject();
const FILE = 'content/reports/xinxiang-2023-zhongdian-minsheng-shi-shi.mdx';
const REPO = 'https://github.com/example-org/minsheng-report';
let html: string;
let commit: string;

beforeAll(async () => {
  edit(join(root, FILE), (t) =>
    t
      .replace(
        '{id: m1cly5l4, value: 88000, unit: 人, qualifier: exact, kind: actual,',
        '{id: m1cly5l4, value: 88000, unit: 人, qualifier: exact, checked: true, kind: actual,',
      )
      .replace('{id: m53ubcq, value: 258, unit: 家,', '{id: m53ubcq, value: 259, unit: 家,'),
  );
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', 'content');
  git('commit', '-qm', 'an editor checks and corrects figures');
  commit = git('log', '-1', '--format=%h').trim();
  process.env.REPO_URL = REPO;
  try {
    await buildSite({ root, outDir: 'out', full: true });
  } finally {
    delete process.env.REPO_URL;
  }
  html = readFileSync(join(root, 'out/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/index.html'), 'utf8');
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The figure table's row of the figure with `id`. */
const rowOf = (id: string) => html.split('<tr').find((r) => r.includes(`href="#m-${id}"`))!;

describe('provenance', () => {
  it('badges each figure: read by the program, checked by an editor, or changed by one', () => {
    expect(rowOf('m1cly5l4')).toContain('<span class="provenance checked">编辑核对</span>');
    expect(rowOf('m53ubcq')).toContain('<span class="provenance edited">编辑修改</span>');
    expect(rowOf('m1ql6mtc')).toContain('<span class="provenance extracted">程序读取</span>');
  });
  it('carries the same field in the downloads', () => {
    const rows = JSON.parse(readDownload(join(root, 'out/data/xinxiang.json.gz'))) as Array<{
      report: string;
      label: string;
      provenance: string;
      value: number;
    }>;
    expect(rows.find((r) => r.value === 88000)!.provenance).toBe('checked');
    expect(rows.find((r) => r.value === 259)!.provenance).toBe('edited');
    expect(readDownload(join(root, 'out/data/reports/xinxiang-2023-zhongdian-minsheng-shi-shi.csv'))).toMatch(/,259,家,exact,[^\r]*,edited,/);
  });
  it("shows the report's last change from git, linked to its commit", () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(html).toContain(`<time datetime="${today}">${today}</time>`);
    expect(/提交 <a href="[^"]+">[0-9a-f]+<\/a>/.exec(html)?.[0]).toBe(`提交 <a href="${REPO}/commit/${commit}">${commit}</a>`);
  });
});

describe('repository links', () => {
  it("links the report to its file in GitHub's editor", () => {
    expect(html).toContain(`<a class="edit-link" href="${REPO}/edit/main/${FILE}">在 GitHub 上编辑</a>`);
  });
  it('links each figure to a new issue prefilled with the report, the figure and its sentence', () => {
    const link = /<a class="report-error" href="([^"]+)"/.exec(rowOf('m1cly5l4'))![1]!.replace(/&amp;/g, '&');
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`${REPO}/issues/new`);
    const body = url.searchParams.get('body')!;
    expect(url.searchParams.get('title')).toContain('新增城镇就业 8.8万人');
    expect(body).toContain('xinxiang-2023-zhongdian-minsheng-shi-shi');
    expect(body).toContain('`m1cly5l4` · 新增城镇就业 · 88000 人');
    expect(body).toContain('原文:「新增城镇就业8.8万人」');
    expect(body).toContain('/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/#m-m1cly5l4');
  });
  it('prints no such link when the repository is not configured', () => {
    const plain = readBuilt('root', 'reports/xinxiang-2023-zhongdian-minsheng-shi-shi/index.html');
    expect(plain).not.toContain('在 GitHub 上编辑');
    expect(plain).not.toContain('issues/new');
    expect(plain).toContain('<span class="provenance extracted">程序读取</span>');
  });
});
