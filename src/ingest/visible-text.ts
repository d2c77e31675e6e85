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

/**
 * The body with its escapes undone (\{ → {, &#60; → <): the text a reader sees, save for any
 * Markdown an editor added (emphasis marks, link syntax). Much cheaper than parsing; good
 * enough to search in, and to find most spans in before parsing.
 */
export function unescapedText(body: string): string {
  return body.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}
