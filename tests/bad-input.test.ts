/** Ingest of the texts real sites produce: each gives a correct report or a clear error naming the file, never a half-written file. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/ingest/atomic-write.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { parseReport } from '../src/ingest/report-file.ts';
import { visibleText } from '../src/ingest/visible-text.ts';
import { makeWorkspace, reportFiles } from './helpers/workspace.ts';

const seed = readFileSync('seeds/002_211da1db43f6adac.txt', 'utf8');

/** Ingests one file with the given bytes in a fresh workspace. */
async function ingestBytes(name: string, bytes: Buffer | string) {
  const root = makeWorkspace([]);
  mkdirSync(join(root, 'seeds'), { recursive: true });
  writeFileSync(join(root, 'seeds', name), bytes);
  const summary = await ingest({ root });
  const files = existsSync(join(root, 'content/reports')) ? reportFiles(root) : [];
  return { root, summary, entry: summary.entries[0]!, reports: files.map((f) => parseReport(readFileSync(f, 'utf8'))) };
}

function expectGoodReport(r: Awaited<ReturnType<typeof ingestBytes>>) {
  expect(r.entry.outcome, r.entry.messages.join('\n')).toBe('created');
  expect(r.reports).toHaveLength(1);
  const { data, body } = r.reports[0]!;
  const visible = visibleText(body);
  for (const m of data.metrics) expect(visible).toContain(m.text);
  return { data, body, visible };
}

describe('bad input', () => {
  it.each([
    ['empty.txt', Buffer.alloc(0), /empty/],
    ['binary.txt', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /binary|not UTF-8/],
    ['english.txt', Buffer.from('Nothing but English here.'), /no Chinese/],
  ])('rejects %s with a message naming the file, and writes nothing', async (name, bytes, message) => {
    const r = await ingestBytes(name, bytes);
    expect(r.entry.outcome).toBe('failed');
    expect(r.entry.source).toContain(name);
    expect(r.entry.messages.join()).toMatch(message);
    expect(r.reports).toHaveLength(0);
    expect(r.summary.ok).toBe(false);
  });

  it('reads a GBK-encoded text', async () => {
    const r = await ingestBytes('gbk.txt', iconv.encode(seed, 'gbk'));
    const { data } = expectGoodReport(r);
    expect(data.city).toBe('新乡市');
    expect(data.metrics.find((m) => m.value === 88000)).toBeTruthy();
    expect(r.entry.messages.join()).toMatch(/GBK/);
  });

  it('reads a text with a BOM and Windows line endings', async () => {
    const r = await ingestBytes('crlf.txt', '\uFEFF' + seed.replace(/\n/g, '\r\n'));
    const { body, data } = expectGoodReport(r);
    expect(body).not.toMatch(/\r|\uFEFF/);
    expect(data.metrics.length).toBeGreaterThan(50);
  });

  it('reads a text in traditional characters; spans stay in the original script', async () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'hk' })(seed);
    const r = await ingestBytes('trad.txt', traditional);
    const { data } = expectGoodReport(r);
    expect(data.city).toBe('新乡市');
    const jobs = data.metrics.find((m) => m.value === 88000)!;
    expect(jobs.text).toMatch(/萬人/);
    expect(traditional).toContain(jobs.text);
    expect(data.metrics.length).toBeGreaterThan(50);
  });

  it('repairs mojibake', async () => {
    const r = await ingestBytes('mojibake.txt', iconv.decode(Buffer.from(seed, 'utf8'), 'latin1'));
    const { data } = expectGoodReport(r);
    expect(data.city).toBe('新乡市');
    expect(r.entry.messages.join()).toMatch(/mojibake/);
  });

  it('escapes everything MDX would read as code', async () => {
    const text = '市教育局:新建{学校}10所,<b>招生</b>5000人。\nimport x from "y"\nexport const a = 1;\n{1+1} 共计8所 <script>alert(1)</script>';
    const r = await ingestBytes('mdx.txt', text);
    const { body, visible } = expectGoodReport(r);
    await expect(compile(body)).resolves.toBeTruthy();
    expect(visible).toContain('<b>招生</b>');
    expect(visible).toContain('import x from "y"');
    expect(visible).toContain('{1+1}');
  });

  it('reads a text of several megabytes', async () => {
    const big = Array.from({ length: 400 }, () => seed).join('\n');
    expect(Buffer.byteLength(big)).toBeGreaterThan(2_500_000);
    const r = await ingestBytes('big.txt', big);
    const { data } = expectGoodReport(r);
    expect(data.metrics.length).toBeGreaterThan(50);
  }, 120_000);

  it('leaves no temporary file behind, and a failed write leaves the old file intact', async () => {
    const r = await ingestBytes('ok.txt', seed);
    const dir = join(r.root, 'content/reports');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const file = reportFiles(r.root)[0]!;
    const before = readFileSync(file, 'utf8');
    // Renaming onto a directory fails after the temporary file is written: the original must survive.
    mkdirSync(join(dir, 'blocked.mdx'));
    expect(() => writeFileAtomic(join(dir, 'blocked.mdx'), 'x')).toThrow();
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('adds a text from anywhere with one command, copying it into seeds/', async () => {
    const root = makeWorkspace([]);
    const outside = join(root, 'new-text.txt');
    writeFileSync(outside, seed);
    const dry = await ingest({ root, files: [outside], dryRun: true });
    expect(dry.entries[0]!.outcome).toBe('created');
    expect(existsSync(join(root, 'content/reports'))).toBe(false);
    const real = await ingest({ root, files: [outside] });
    expect(real.entries[0]!.outcome).toBe('created');
    expect(readFileSync(join(root, 'seeds/new-text.txt'), 'utf8')).toBe(seed);
    expect((await ingest({ root })).entries.map((e) => e.outcome)).toEqual(['unchanged']);
  });
});
