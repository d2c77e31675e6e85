/**
 * A report's body to HTML with unified (remark-parse → marks → remark-rehype → rehype-stringify).
 * Bodies are escaped Markdown (see src/ingest/mdx-body.ts), valid as MDX and as CommonMark;
 * rendering them here, once per content hash, keeps builds fast at tens of thousands of reports.
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkMetricMarks } from './remark-metric-marks.ts';

export async function renderBody(body: string, metrics: Array<{ id: string; text: string }>): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkMetricMarks, { metrics }).use(remarkRehype).use(rehypeStringify).process(body);
  return String(file);
}
