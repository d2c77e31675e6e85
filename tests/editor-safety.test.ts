/** Nothing an editor writes is ever lost: broken files, saves during ingest, lost bases, mistyped sources, two ingests, killed runs. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/ingest/atomic-write.ts';
import { checkContent } from '../src/ingest/check.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { acquireIngestLock, IngestBusyError, LOCK_FILE } from '../src/ingest/lock.ts';
import { parseReport, serializeReport } from '../src/ingest/report-file.ts';
import { formatProblem } from '../src/model/problem.ts';
import { edit, makeWorkspace, reportFiles } from './helpers/workspace.ts';

const SEED = '002_211da1db43f6adac.txt';
const read = (file: string) => parseReport(readFileSync(file, 'utf8'));

/** A workspace with one ingested seed whose report an editor has changed: a value, a deleted figure, an added one, the title. */
async function editedWorkspace() {
  const root = makeWorkspace([SEED]);
  await ingest({ root });
  const file = reportFiles(root)[0]!;
  const doc = read(file);
  doc.data.title = '编辑改过的标题';
  doc.data.metrics[0]!.value = 88001;
  const deleted = doc.data.metrics.splice(3, 1)[0]!;
  doc.data.metrics.push({
    id: 'editor-1',
    value: 401,
    unit: '个',
    qualifier: 'exact',
    kind: 'target',
    year: 2023,
    department: '市教育局',
    label: '编辑补充',
    text: '寄宿制学校401个',
  });
  writeFileSync(file, serializeReport(doc));
  return { root, file, deleted };
}

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
function run(root: string, script: string, ...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(tsx, [join(process.cwd(), 'scripts', script), ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('a report whose frontmatter does not parse', () => {
  it.each([
    ['an unclosed quote', (t: string) => t.replace(/^title: .*$/m, 'title: "编辑改过的标题'), /^title: "/, /quote/],
    ['a duplicate key', (t: string) => t.replace(/^(year: .*)$/m, '$1\n$1'), /^year: /, /written twice/],
    ['a stray tab', (t: string) => t.replace(/^departments:\n {2}- /m, 'departments:\n\t- '), /^\t- /, /tab/],
  ])('is never written over, with %s: ingest stops at file:line and writes nothing', async (_, breakIt, brokenLine, fix) => {
    const { root, file } = await editedWorkspace();
    edit(file, breakIt);
    const broken = readFileSync(file, 'utf8');
    const summary = await ingest({ root });
    expect(summary.ok).toBe(false);
    expect(summary.entries).toEqual([]);
    const problem = summary.problems[0]!;
    expect(problem.file).toMatch(/^content\/reports\/xinxiang-.*\.mdx$/);
    expect(problem.message).toMatch(fix);
    expect(problem.message).toMatch(/fix it and run again/);
    // The line named is the broken line, or the next one, where YAML notices.
    const lines = broken.split('\n');
    const at = lines.findLastIndex((l) => brokenLine.test(l)) + 1;
    expect(problem.line - at).toBeGreaterThanOrEqual(0);
    expect(problem.line - at).toBeLessThanOrEqual(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(reportFiles(root)).toHaveLength(1);
    // The commands say so and exit 1; --dry-run does not pretend to create anything.
    const dry = run(root, 'ingest.ts', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).not.toMatch(/created/);
    const cli = run(root, 'ingest.ts');
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(formatProblem(problem));
    const build = run(root, 'build.ts');
    expect(build.code).toBe(1);
    expect(build.out).toContain(formatProblem(problem));
    expect(build.out).toMatch(/the site was not built/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('is reported at the line YAML names, with what to type', async () => {
    const { root, file } = await editedWorkspace();
    edit(file, (t) => t.replace(/^outlet: .*$/m, 'outlet: "unclosed'));
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('outlet: "unclosed')) + 1;
    const [problem] = checkContent(root);
    expect(problem!.line).toBeGreaterThanOrEqual(line);
    expect(problem!.line).toBeLessThanOrEqual(line + 1);
    expect(problem!.message).toMatch(/close the quote/);
  });
});

describe('an editor saving while ingest runs', () => {
  it('wins: ingest leaves the saved file as it is and says so', async () => {
    const { root, file } = await editedWorkspace();
    const seed = join(root, 'seeds', SEED);
    writeFileSync(seed, readFileSync(seed, 'utf8') + '\n另外,全年新增养老床位1200张。\n');
    let saved = '';
    const summary = await ingest({
      root,
      beforeReplace: (f) => {
        edit(f, (t) => t.replace('编辑改过的标题', '编辑刚保存的标题'));
        saved = readFileSync(f, 'utf8');
      },
    });
    expect(readFileSync(file, 'utf8')).toBe(saved);
    expect(summary.entries[0]!.outcome).toBe('failed');
    expect(summary.entries[0]!.messages.join()).toMatch(/was changed while ingest ran/);
    // The next run merges the save with the new text.
    await ingest({ root });
    const doc = read(file);
    expect(doc.data.title).toBe('编辑刚保存的标题');
    expect(doc.data.metrics.some((m) => m.value === 1200)).toBe(true);
  });
});

describe('a report whose generated base is gone', () => {
  it("still gets the seed's new sentences and figures, keeps every edit, and says which were added", async () => {
    const { root, file, deleted } = await editedWorkspace();
    rmSync(join(root, 'content/generated'), { recursive: true });
    const seed = join(root, 'seeds', SEED);
    writeFileSync(seed, readFileSync(seed, 'utf8') + '\n另外,全年新增养老床位1200张。\n');
    const summary = await ingest({ root });
    const doc = read(file);
    expect(doc.data.metrics.find((m) => m.value === 1200)).toMatchObject({ unit: '张' });
    expect(doc.body).toContain('全年新增养老床位1200张');
    expect(doc.data.title).toBe('编辑改过的标题');
    expect(doc.data.metrics[0]!.value).toBe(88001);
    expect(doc.data.metrics.some((m) => m.id === 'editor-1')).toBe(true);
    expect(doc.data.metrics.some((m) => m.id === deleted.id)).toBe(false);
    const messages = summary.entries[0]!.messages.join('\n');
    expect(messages).toMatch(/added 1 new figure\(s\) from the source: «[^»]*1200张»/);
    expect(messages).toMatch(/conflict: title/);
    expect(checkContent(root).filter((p) => p.severity !== 'warning')).toEqual([]);
    // The disagreement is reported again until it is resolved.
    expect((await ingest({ root })).entries[0]!.messages.join('\n')).toMatch(/conflict: title/);
    expect(read(file).data.title).toBe('编辑改过的标题');
  });

  it('reports a conflict on every run until the editor takes one side', async () => {
    const { root, file } = await editedWorkspace();
    const fresh = makeWorkspace([SEED]);
    await ingest({ root: fresh });
    const extractorTitle = read(reportFiles(fresh)[0]!).data.title;
    const baseFile = join(root, 'content/generated', readdirSync(join(root, 'content/generated'))[0]!);
    const base = JSON.parse(readFileSync(baseFile, 'utf8'));
    base.data.title = '程序上次读到的标题'; // the extractor's reading changed since the last run, and so did the editor's
    writeFileSync(baseFile, JSON.stringify(base));
    for (let run = 0; run < 2; run++) expect((await ingest({ root })).entries[0]!.messages.join('\n')).toMatch(/conflict: title: kept the editor's/);
    expect(read(file).data.title).toBe('编辑改过的标题');
    edit(file, (t) => t.replace(/^title: .*$/m, `title: ${extractorTitle}`)); // the editor takes the extractor's reading
    expect((await ingest({ root })).entries[0]!.messages.join('\n')).not.toMatch(/conflict: title/);
    expect(JSON.parse(readFileSync(baseFile, 'utf8')).data.title).toBe(extractorTitle);
  });
});

describe('a mistyped source', () => {
  it.each([
    ['without .txt', (s: string) => s.replace(/\.txt$/, '')],
    ['in other case', (s: string) => s.toUpperCase()],
    ['with another name', () => 'some-other-name.txt'],
  ])('%s never makes a second report; check warns about it', async (_, typo) => {
    const { root, file, deleted } = await editedWorkspace();
    edit(file, (t) => t.replace(`source: ${SEED}`, `source: ${typo(SEED)}`));
    const summary = await ingest({ root });
    expect(reportFiles(root)).toEqual([file]);
    expect(summary.entries[0]!.outcome).not.toBe('created');
    expect(read(file).data.metrics.some((m) => m.id === deleted.id)).toBe(false);
    const source = checkContent(root).find((p) => /source/.test(p.message));
    if (
      typo(SEED)
        .toLowerCase()
        .replace(/\.txt$/, '') !== SEED.replace(/\.txt$/, '')
    ) {
      expect(source).toMatchObject({ severity: 'warning' });
      expect(source!.message).toMatch(/names no file in seeds\//);
      expect(readFileSync(file, 'utf8').split('\n')[source!.line - 1]).toMatch(/^source: /);
    }
  });
});

describe('two ingests at once', () => {
  it('the second stops with a clear message instead of writing over the first', async () => {
    const root = makeWorkspace([SEED]);
    const release = acquireIngestLock(root);
    await expect(ingest({ root })).rejects.toThrow(IngestBusyError);
    await expect(ingest({ root })).rejects.toThrow(/another ingest \(process \d+\) is running/);
    release();
    await ingest({ root });
    expect(reportFiles(root)).toHaveLength(1);
  });

  it('takes over the lock of an ingest that was killed', async () => {
    const root = makeWorkspace([SEED]);
    writeFileSync(join(root, LOCK_FILE), '999999999\n');
    expect((await ingest({ root })).ok).toBe(true);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('never replaces a report file another writer created first', () => {
    const root = makeWorkspace([]);
    const file = join(root, 'content/reports/x.mdx');
    expect(writeFileAtomic(file, 'first', { exclusive: true })).toBe(true);
    expect(writeFileAtomic(file, 'second', { exclusive: true })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first');
  });
});

describe('an ingest killed mid-write', () => {
  it('leaves no temporary file behind after the next run', async () => {
    const root = makeWorkspace([SEED]);
    await ingest({ root });
    const stale = join(root, 'content/reports/.xinxiang.mdx.999999999.tmp');
    writeFileSync(stale, '');
    const summary = await ingest({ root });
    expect(existsSync(stale)).toBe(false);
    expect(summary.warnings.join()).toMatch(/removed a temporary file/);
  });
});
