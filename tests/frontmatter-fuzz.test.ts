/**
 * A fuzz pass over frontmatter (fast-check): YAML-significant strings written into every field, and
 * random slugs. Whatever an editor types, check either accepts the report (and it then goes through
 * everything the build does with a report) or rejects it at a line of the file; ingest never writes
 * outside content/, and never replaces a report that does not parse.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/ingest/check.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { parseReportFile } from '../src/model/frontmatter.ts';
import { isError } from '../src/model/problem.ts';
import { reportSchema } from '../src/model/report-schema.ts';
import { csvLines, toRows } from '../src/site/export.ts';
import { renderBody } from '../src/site/render-body.ts';
import { makeWorkspace, reportFiles } from './helpers/workspace.ts';

/** Pieces that mean something to YAML, to paths or to HTML, mixed with ordinary text. */
const PIECES = [
  ':',
  ': ',
  ' #',
  '#',
  "'",
  '"',
  '{',
  '}',
  '[',
  ']',
  '&a',
  '*a',
  '!',
  '!!str',
  '|',
  '>',
  '%',
  '@',
  '`',
  '- ',
  '? ',
  ',',
  '\t',
  '\n',
  '\n  ',
  '---',
  '...',
  '../',
  '/',
  '\\',
  'null',
  'true',
  '2023-13-45',
  '1e400',
  '-5',
  '0x1F',
  '=1+1',
  'javascript:',
  '<script>',
  '市教育局',
  '新增就业',
  '8.8万人',
  ' ',
];
const yamlish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { minLength: 0, maxLength: 12 }).map((p) => p.join(''));
const slugish = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{0,30}$/),
  fc.constantFrom('../../x', '..', '/etc/passwd', 'a/b', 'A', 'x'.repeat(120), 'search'),
  yamlish,
);

/** The first line of a field in the report: `key: value` (a scalar or a flow collection). */
const FIELDS = ['title', 'slug', 'city', 'year', 'published', 'source', 'outlet'] as const;

let template = '';
let outer = '';
beforeAll(async () => {
  template = makeWorkspace(['002_211da1db43f6adac.txt']);
  await ingest({ root: template });
  outer = mkdtempSync(join(tmpdir(), 'minsheng-fuzz-'));
});
afterAll(() => {
  for (const d of [template, outer]) rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of the ingested workspace inside `outer`, so that anything written beside it shows. */
function copy(n: number): string {
  const root = join(outer, `ws-${n}`);
  mkdirSync(root);
  cpSync(template, root, { recursive: true });
  return root;
}

let runs = 0;
const seen = { accepted: 0, refused: 0, unparsed: 0 };
describe('frontmatter an editor may type', () => {
  it('is accepted (and renders) or refused at a line, and ingest never writes outside content/ or over an unparsed report', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FIELDS, 'metric.label', 'metric.text', 'metric.unit', 'metric.id', 'metric.value', 'department'),
        fc.oneof(yamlish, slugish),
        fc.boolean(),
        async (field, value, quoted) => {
          const root = copy(runs++);
          const file = reportFiles(root)[0]!;
          const written = quoted ? JSON.stringify(value) : value;
          let text = readFileSync(file, 'utf8');
          if (field.startsWith('metric.')) {
            const key = field.slice(7);
            text = text.replace(new RegExp(`^(  - \\{id: [^\\n]*?)\\b${key}: [^,}]*`, 'm'), (_, head: string) => `${head}${key}: ${written}`);
          } else if (field === 'department') text = text.replace(/^departments:\n {2}- .*$/m, `departments:\n  - ${written}`);
          else text = text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${written}`);
          writeFileSync(file, text);

          const problems = checkContent(root);
          const lines = text.split('\n').length;
          for (const p of problems) {
            expect(p.file).toMatch(/^content\//);
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines);
          }
          seen[!problems.some(isError) ? 'accepted' : problems.some((p) => /does not parse/.test(p.message)) ? 'unparsed' : 'refused']++;
          if (!problems.some(isError)) {
            // Accepted: it goes through what the build does with a report.
            const parsed = parseReportFile(text);
            const data = reportSchema.parse(parsed.data);
            renderBody(parsed.body, data.metrics);
            const report = { id: data.slug, data } as never;
            csvLines(toRows(data.metrics.map((m) => ({ ...m, city: data.city, report })) as never, '/'));
          }
          let parses = true;
          try {
            parseReportFile(text);
          } catch {
            parses = false;
          }
          const summary = await ingest({ root }).catch((e: Error) => ({ ok: false, problems: [], error: e }));
          expect(readdirSync(outer).filter((n) => !n.startsWith('ws-'))).toEqual([]);
          expect(readdirSync(root).sort()).toEqual(['.cache', 'content', 'seeds'].filter((n) => readdirSync(root).includes(n)));
          if (!parses) {
            expect(summary.ok).toBe(false);
            expect(readFileSync(file, 'utf8')).toBe(text);
          }
          rmSync(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 60 },
    );
    // The generator reaches all three outcomes: a fuzz pass that only ever took one path would prove little.
    expect(seen.accepted * seen.refused * seen.unparsed).toBeGreaterThan(0);
  }, 120_000);
});
