/**
 * A remark plugin: wraps the span each frontmatter metric was read from in
 * <mark id="m-ID">, so every figure on the site can link to its sentence.
 * Spans are found in document order; a span the body no longer holds is left unmarked
 * (`npm run check` reports it).
 */
import type { Root, Text, PhrasingContent, Parent } from 'mdast';

interface MetricLike {
  id: string;
  text: string;
}
/** What Astro's Markdown pipeline puts on a file's data (vfile's Data is declared empty). */
interface AstroFileData {
  astro?: { frontmatter?: { metrics?: MetricLike[] } };
}

function textNodes(node: Root | Parent, out: Array<{ parent: Parent; node: Text }>): void {
  for (const child of node.children) {
    if (child.type === 'text') out.push({ parent: node, node: child });
    else if ('children' in child) textNodes(child as Parent, out);
  }
}

/** Metrics come from the options, or from the frontmatter when Astro's Markdown pipeline runs the plugin. */
export function remarkMetricMarks(options: { metrics?: MetricLike[] } = {}) {
  return (tree: Root, file: { data: object }) => {
    const metrics = options.metrics ?? (file.data as AstroFileData).astro?.frontmatter?.metrics;
    if (!Array.isArray(metrics) || !metrics.length) return;
    const pending = metrics.filter((m) => m && typeof m.text === 'string' && m.text && typeof m.id === 'string');
    let nodes: Array<{ parent: Parent; node: Text }> = [];
    textNodes(tree, nodes);
    let cursor = 0; // metrics come in document order: search on from the last one
    for (const m of pending) {
      let found = -1;
      for (const order of [nodes.slice(cursor), nodes.slice(0, cursor)]) {
        found = nodes.indexOf(order.find((n) => n.node.value.includes(m.text)) as never);
        if (found >= 0) break;
      }
      if (found < 0) continue;
      const { parent, node } = nodes[found]!;
      const at = node.value.indexOf(m.text);
      const pieces: PhrasingContent[] = [];
      const before = node.value.slice(0, at);
      const after = node.value.slice(at + m.text.length);
      if (before) pieces.push({ type: 'text', value: before });
      const mark = {
        type: 'metricMark',
        children: [{ type: 'text', value: m.text }],
        data: { hName: 'mark', hProperties: { id: `m-${m.id}`, className: ['metric'] } },
      };
      pieces.push(mark as unknown as PhrasingContent);
      const afterNode: Text = { type: 'text', value: after };
      if (after) pieces.push(afterNode);
      parent.children.splice(parent.children.indexOf(node as never), 1, ...(pieces as never[]));
      nodes = [];
      textNodes(tree, nodes);
      cursor = after ? nodes.findIndex((n) => n.node === afterNode) : found + 1;
      if (cursor < 0) cursor = 0;
    }
  };
}
