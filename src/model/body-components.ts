/**
 * The components an editor may use in a report's body (MDX): a figure with its provenance badge,
 * and a pledge with its bullet chart.
 *
 *     <Figure id="m1cly5l4" />     新增城镇就业 8.8万人 · 程序读取
 *     <Pledge id="返乡农民工创业" />
 *
 * A body that uses none keeps the fast Markdown path; one that does is parsed as MDX
 * (remark-mdx). Only these components, each with a literal `id`, are allowed: no expressions, no
 * imports, so an editor's body still cannot run code. Shared by npm run check and the site.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const BODY_COMPONENTS = {
  Figure: { what: 'a figure of this report', idNames: 'an id under metrics:' },
  Pledge: { what: 'a pledge of this report', idNames: 'an id under pledges: (or a pledge key of its figures)' },
} as const;
export type ComponentName = keyof typeof BODY_COMPONENTS;

export interface ComponentUse {
  name: ComponentName;
  id: string;
  /** The body's line (1-based) where the component is written. */
  line: number;
}
export interface BodyProblem {
  line: number;
  message: string;
}

/** Cheap test for the fast path: a component starts with `<` and a capital letter. */
export const usesComponents = (body: string) => /<[A-Z]/.test(body);

const HINT = `use <Figure id="…" /> or <Pledge id="…" />`;
type MdxNode = RootContent & { name?: string | null; attributes?: Array<MdxJsxAttribute | MdxJsxExpressionAttribute>; position?: { start: { line: number } } };

/** The component an MDX element is, with its literal id: null for any other element, or one without an id. */
export function componentUse(node: RootContent): { name: ComponentName; id: string } | null {
  const el = node as MdxNode;
  if ((el.type !== 'mdxJsxFlowElement' && el.type !== 'mdxJsxTextElement') || !el.name || !(el.name in BODY_COMPONENTS)) return null;
  const id = el.attributes?.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
  return typeof id === 'string' && id ? { name: el.name as ComponentName, id } : null;
}

/**
 * Parses a body as MDX: its tree, each component it uses, and what is wrong (an unknown
 * component, a missing or non-literal id, an expression or import, or MDX that does not parse).
 */
export function readComponents(body: string): { tree: Root | null; uses: ComponentUse[]; problems: BodyProblem[] } {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    return {
      tree: null,
      uses: [],
      problems: [
        { line: err.line ?? 1, message: `the body does not parse as MDX: ${err.reason ?? err.message}; ${HINT}, and write a literal { or < as \\{ or \\<` },
      ],
    };
  }
  const uses: ComponentUse[] = [];
  const problems: BodyProblem[] = [];
  const walk = (node: Root | MdxNode) => {
    for (const child of ('children' in node ? node.children : []) as MdxNode[]) {
      const line = child.position?.start.line ?? 1;
      if (child.type === 'mdxjsEsm') problems.push({ line, message: `import and export are not allowed in a report's body; ${HINT}` });
      else if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression')
        problems.push({ line, message: `{…} expressions are not allowed in a report's body; write a literal { as \\{` });
      else if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
        const name = child.name ?? '';
        if (!(name in BODY_COMPONENTS)) {
          problems.push({ line, message: `<${name || '>'}: no such component; ${HINT}` });
          continue;
        }
        const attrs = child.attributes ?? [];
        for (const a of attrs) {
          if (a.type !== 'mdxJsxAttribute') problems.push({ line, message: `<${name}>: {…} props are not allowed; write id="…"` });
          else if (a.name !== 'id')
            problems.push({ line, message: `<${name}>: no prop "${a.name}"; the only prop is id, ${BODY_COMPONENTS[name as ComponentName].idNames}` });
        }
        const use = componentUse(child);
        if (use) uses.push({ ...use, line });
        else problems.push({ line, message: `<${name}> needs id="…": ${BODY_COMPONENTS[name as ComponentName].idNames}` });
      }
      if ('children' in child) walk(child);
    }
  };
  walk(tree);
  return { tree, uses, problems };
}
