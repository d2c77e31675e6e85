/** The text a reader sees in an MDX/Markdown body, read with unified + remark-parse. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';

function textOf(node: Root | RootContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** One string per paragraph-level block, as rendered text. */
export function visibleParagraphs(body: string): string[] {
  const tree = unified().use(remarkParse).parse(body);
  return tree.children.map(textOf).filter((s) => s.length > 0);
}

export function visibleText(body: string): string {
  return visibleParagraphs(body).join('\n');
}
