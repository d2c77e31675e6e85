/** Property tests (fast-check): the parsers never throw, and any text survives MDX escaping unchanged. */
import { createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent, parseQuantity } from '../src/extraction/amounts.ts';
import { extractReport, parseNumber, scanNumbers } from '../src/extraction/index.ts';
import { toMdxBody } from '../src/ingest/mdx-body.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';

/** Characters that matter to numbers and to Markdown/MDX, mixed with Chinese text. */
const TRICKY = [...'0123456789.,-+/%‰∶:万亿千百十零一二两三四五六七八九点分之余多约近超以上下不少于元人个{}<>[]()#*_`|~&!\\$^=:;"\'中文市局 \t\u3000'];
const tricky = fc
  .array(
    fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom('import ', 'export ', '\n', '\r\n', '1. ', '- ', '> ', '---', '```'), fc.string({ maxLength: 3 })),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 60 }));

describe('the number parsers never throw', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = parseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
        scanNumbers(s);
        parseAmount(s);
        parsePercent(s);
        parseQuantity(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('read back the integers they are given, written in Arabic digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(parseNumber(String(n))).toBe(n);
        expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
  it('extract a report from any text without throwing, every span within the text', () => {
    const registry = loadRegistry();
    fc.assert(
      fc.property(tricky, (s) => {
        const r = extractReport(s, registry);
        for (const m of r.metrics) expect(r.body).toContain(m.text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('MDX escaping', () => {
  const mdx = createProcessor();
  /** The paragraphs a reader sees, or the MDX syntax that slipped through. */
  function visible(body: string): string[] {
    const tree = mdx.parse(body) as { children: Array<{ type: string }> };
    const text = (n: { type: string; value?: string; children?: unknown[] }): string => {
      if (/^mdx/.test(n.type)) throw new Error(`MDX syntax survived escaping: ${n.type}`);
      if (typeof n.value === 'string') return n.value;
      return (n.children as Array<typeof n> | undefined)?.map(text).join('') ?? '';
    };
    return tree.children.map((c) => text(c as never));
  }
  /** What ingest promises to show: each non-empty line, without leading spaces or trailing white space. */
  const expected = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd().replace(/^[ \t]+/, ''))
      .filter((l) => l.trim());

  it('keeps every visible character of any text, and always compiles', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (s) => {
        const body = toMdxBody(s);
        expect(visible(body)).toEqual(expected(s));
        await mdx.process(body);
      }),
      { numRuns: 600 },
    );
  });
  it('handles the characters real texts contain', async () => {
    const s = 'import 口径 {x}\nexport <b>1</b> & &amp; \\n\n1. 第一 | 2:1\n# 标题 *重点* _斜_ `码`\n---\n> 引用 [链接](x)';
    expect(visible(toMdxBody(s))).toEqual(expected(s));
    await mdx.process(toMdxBody(s));
  });
});
