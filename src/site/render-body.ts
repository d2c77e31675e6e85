/**
 * A report's body to HTML with unified (remark-parse → marks → remark-rehype → rehype-sanitize →
 * rehype-stringify). Bodies are escaped Markdown (see src/ingest/mdx-body.ts), valid as MDX and as
 * CommonMark; rendering them here, once per content hash, keeps builds fast at tens of thousands of reports.
 *
 * Bodies are editors' text, so what they render to is sanitised with an explicit schema: links
 * keep only http(s):, mailto: and relative addresses, images only http(s): and relative ones;
 * a link or image with any other address (javascript:, data:, vbscript:, however spelled) is
 * shown as its text. Raw HTML never reaches the page (remark-rehype drops it).
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkMdx from 'remark-mdx';
import { usesComponents, type ComponentName } from '../model/body-components.ts';
import { rehypeComponents, remarkComponentSlots, type BodyContext } from './body-components.ts';
import { remarkMetricMarks } from './remark-metric-marks.ts';

/** Part of every rendered body's cache key: raise it whenever what a body renders to changes. */
export const RENDERER_VERSION = 'sanitized-3';

export const BODY_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: { ...defaultSchema.attributes, mark: ['id', ['className', 'metric']] },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  // Marks carry the ids figures link to (m-…); nothing else in a body has an id.
  clobber: (defaultSchema.clobber ?? []).filter((a) => a !== 'id'),
};

/** A link whose address was removed becomes its text; an image, its alt text. */
function rehypeDeadLinksAsText() {
  const visit = (node: Root | Element) => {
    node.children = node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child as ElementContent];
      visit(child);
      if (child.tagName === 'a' && child.properties.href === undefined) return child.children;
      if (child.tagName === 'img' && child.properties.src === undefined) return [{ type: 'text', value: String(child.properties.alt ?? '') }];
      return [child];
    });
  };
  return (tree: Root) => visit(tree);
}

/**
 * Synchronous on purpose: the content loader must not yield to the event loop (see reports-loader.ts).
 * A body with components (<Figure>, <Pledge>) is parsed as MDX and its components drawn from
 * `context`; any other body takes the plain Markdown path.
 */
export function renderBody(body: string, metrics: Array<{ id: string; text: string }>, context?: BodyContext): string {
  const mdx = context !== undefined && usesComponents(body);
  const found: Array<{ name: ComponentName; id: string }> = [];
  const processor = mdx ? unified().use(remarkParse).use(remarkMdx).use(remarkComponentSlots(found)) : unified().use(remarkParse);
  return String(
    processor
      .use(remarkMetricMarks, { metrics })
      .use(remarkRehype)
      .use(rehypeSanitize, BODY_SCHEMA)
      .use(rehypeDeadLinksAsText)
      .use(mdx ? rehypeComponents(found, context) : () => undefined)
      .use(rehypeStringify)
      .processSync(body),
  );
}
