/**
 * What a report body's components render to (see src/model/body-components.ts): <Figure> as the
 * figure's value linked to its sentence, its label and its provenance badge; <Pledge> as the
 * pledge's title, its figures in words and its bullet chart. Built as HAST after the body is
 * sanitised, from the report's own data, so nothing an editor writes becomes markup.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { componentUse, type ComponentName } from '../model/body-components.ts';
import { pledgeOf } from '../model/pledge-status.ts';
import { PROVENANCE_LABEL, type Provenance } from '../model/provenance.ts';
import type { MetricData, PledgeEntry } from '../model/report-schema.ts';
import { metricAnchor } from './catalog.ts';
import { formatMetric } from './format.ts';
import { BULLET_VIEWBOX, bulletMarks, bulletWords } from './pledge-bullet.ts';

/** What the components are drawn from: the report's frontmatter and each figure's provenance. */
export interface BodyContext {
  metrics: MetricData[];
  pledges?: PledgeEntry[];
  published: string | null;
  provenance: (m: MetricData) => Provenance;
}

/** An element; SVG attributes are numbers here, which HAST's HTML-minded property types do not list. */
const el = (tagName: string, properties: Record<string, string | number | string[]>, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: properties as Element['properties'],
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

function figure(id: string, ctx: BodyContext): Element | null {
  const m = ctx.metrics.find((x) => x.id === id);
  if (!m) return null;
  const p = ctx.provenance(m);
  return el('span', { className: ['figure-ref'] }, [
    el('a', { href: `#${metricAnchor(m.id)}` }, [text(formatMetric(m))]),
    text(' '),
    el('span', { className: ['figure-label'] }, [text(m.label)]),
    text(' '),
    el('span', { className: ['provenance', p] }, [text(PROVENANCE_LABEL[p])]),
  ]);
}

function pledge(id: string, ctx: BodyContext): Element | null {
  const figures = ctx.metrics.filter((m) => m.pledge === id);
  const entry = ctx.pledges?.find((p) => p.id === id);
  if (!figures.length) return null;
  const p = pledgeOf(id, figures, ctx.published);
  const words = bulletWords(p);
  const marks = bulletMarks(p).map((m) => el(m.tag, { className: [m.className], ...m.attrs }));
  return el('figure', { className: ['pledge-card'] }, [
    el('figcaption', {}, [text(entry?.title ?? p.title)]),
    el('svg', { className: ['bullet'], ariaHidden: 'true', viewBox: BULLET_VIEWBOX }, marks),
    el('p', { className: ['meta'] }, [text(words)]),
  ]);
}

const RENDER: Record<ComponentName, (id: string, ctx: BodyContext) => Element | null> = { Figure: figure, Pledge: pledge };

/** The slot a component leaves in the Markdown tree: an element that survives sanitising, by its id. */
const SLOT = 'component-';

/**
 * remark: each component becomes a numbered slot (what it names is kept in `found`); MDX
 * expressions, imports and unknown elements render to nothing (npm run check names them).
 */
export function remarkComponentSlots(found: Array<{ name: ComponentName; id: string }>) {
  return () => (tree: MdastRoot) => {
    const walk = (node: { children?: RootContent[] }) => {
      if (!node.children) return;
      node.children = node.children.flatMap((child): RootContent[] => {
        if (child.type === 'mdxjsEsm' || child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') return [];
        if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
          const use = componentUse(child);
          if (!use) return [];
          found.push(use);
          const slot = { type: 'text', value: '', data: { hName: 'mark', hProperties: { id: `${SLOT}${found.length - 1}` } } };
          return [(child.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [slot] } : slot) as RootContent];
        }
        walk(child as { children?: RootContent[] });
        return [child];
      });
    };
    walk(tree);
  };
}

/** rehype, after sanitising: each slot becomes its component, drawn from the report's data. */
export function rehypeComponents(found: Array<{ name: ComponentName; id: string }>, ctx: BodyContext) {
  return () => (tree: Root) => {
    const walk = (node: Root | Element) => {
      node.children = node.children.flatMap((child): ElementContent[] => {
        if (child.type !== 'element') return [child as ElementContent];
        const id = String(child.properties.id ?? '');
        if (child.tagName === 'mark' && id.startsWith(SLOT)) {
          const use = found[Number(id.slice(SLOT.length))];
          const drawn = use && RENDER[use.name](use.id, ctx);
          return drawn ? [drawn] : [];
        }
        walk(child);
        return [child];
      });
    };
    walk(tree);
  };
}
