/** Ingest of the texts real sites produce: each gives a correct report or a clear error naming the file, never a half-written file. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/ingest/atomic-write.ts';
import { extractReport } from '../src/extraction/index.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { MAX_SOURCE_BYTES } from '../src/ingest/read-source.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';
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
    const text =
      '新乡市2023年民生实事\n市教育局:新建{学校}10所,<b>招生</b>5000人。\nimport x from "y"\nexport const a = 1;\n{1+1} 共计8所 <script>alert(1)</script>';
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

describe('messy input at scale', () => {
  it('strips control characters such as NUL, and says so', async () => {
    const r = await ingestBytes('nul.txt', seed.replace('就业', '就\u0000业').replace('民生', '民\u0007生'));
    const { body } = expectGoodReport(r);
    // eslint-disable-next-line no-control-regex -- asserting no control character reached the body
    expect(body).not.toMatch(/[\u0000-\u0008]/);
    expect(r.entry.messages.join()).toMatch(/removed 2 control character/);
  });

  it('reads UTF-16 without a byte-order mark, and Big5', async () => {
    const utf16 = await ingestBytes('utf16.txt', Buffer.from(seed, 'utf16le'));
    expect(expectGoodReport(utf16).data.city).toBe('新乡市');
    expect(utf16.entry.messages.join()).toMatch(/UTF-16LE/);
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(seed);
    const big5 = await ingestBytes('big5.txt', iconv.encode(traditional, 'big5'));
    const { data } = expectGoodReport(big5);
    expect(data.city).toBe('新乡市');
    expect(big5.entry.messages.join()).toMatch(/Big5/);
    expect(data.metrics.find((m) => m.value === 88000)!.text).toMatch(/萬人/);
  });

  it('accepts seeds named .TXT and warns about files and folders it does not read', async () => {
    const root = makeWorkspace([]);
    mkdirSync(join(root, 'seeds/sub'), { recursive: true });
    writeFileSync(join(root, 'seeds/UPPER.TXT'), seed);
    writeFileSync(join(root, 'seeds/old.txt.bak'), seed);
    writeFileSync(join(root, 'seeds/sub/inner.txt'), seed);
    const summary = await ingest({ root });
    expect(summary.entries.map((e) => [e.source, e.outcome])).toEqual([['seeds/UPPER.TXT', 'created']]);
    expect(summary.warnings.join('\n')).toMatch(/seeds\/old\.txt\.bak: not read/);
    expect(summary.warnings.join('\n')).toMatch(/seeds\/sub\/: folders in seeds\/ are not read/);
  });

  it('refuses a source over the size limit with a message saying what to do', async () => {
    const r = await ingestBytes('huge.txt', Buffer.alloc(MAX_SOURCE_BYTES + 1, '民'));
    expect(r.entry.outcome).toBe('failed');
    expect(r.entry.messages.join()).toMatch(/over the 10 MB a source may be; split it/);
    expect(r.reports).toHaveLength(0);
  });

  it('extracts a text without line breaks in time linear in its length', () => {
    const registry = loadRegistry('.');
    const oneLine = (n: number) => Array.from({ length: n }, () => seed.replace(/\n/g, '')).join('');
    const time = (text: string) => {
      const t = performance.now();
      const r = extractReport(text, registry);
      return { ms: performance.now() - t, n: r.metrics.length };
    };
    time(oneLine(20)); // warm up
    const small = time(oneLine(50));
    const large = time(oneLine(400)); // 8× the text, about 5 MB of UTF-8
    expect(large.n).toBeGreaterThan(small.n);
    // Quadratic time would be 64× (it was: 5 MB took 51 s); linear is 8×, with room for a noisy machine.
    expect(large.ms / small.ms).toBeLessThan(24);
  }, 60_000);
});

describe('a text that never names its place or year', () => {
  it('is not written as a report check would refuse; the place and year can be given', async () => {
    const text = '市教育局:今年新建学校10所,招生5000人。';
    const r = await ingestBytes('nameless.txt', text);
    expect(r.entry.outcome).toBe('failed');
    expect(r.entry.messages.join()).toMatch(/no place recognised in the text; say it: npm run ingest -- --city/);
    expect(r.reports).toHaveLength(0);
    const given = await ingest({ root: r.root, city: '眉山市', year: 2017 });
    expect(given.entries[0]!.outcome).toBe('created');
    const [doc] = reportFiles(r.root).map((f) => parseReport(readFileSync(f, 'utf8')));
    expect(doc!.data).toMatchObject({ city: '眉山市', year: 2017 });
    // Later runs keep the place and year the report has, though the text still does not say them.
    expect((await ingest({ root: r.root })).entries[0]!.outcome).toBe('unchanged');
  });
});
