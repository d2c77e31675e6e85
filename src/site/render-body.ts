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

/** Synchronous on purpose: the content loader must not yield to the event loop (see reports-loader.ts). */
export function renderBody(body: string, metrics: Array<{ id: string; text: string }>): string {
  return String(unified().use(remarkParse).use(remarkMetricMarks, { metrics }).use(remarkRehype).use(rehypeStringify).processSync(body));
}
