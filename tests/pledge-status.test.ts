/** A pledge's completion, status and pace, as the ledger shows them: a table of cases. */
import { describe, expect, it } from 'vitest';
import type { SourcedMetric } from '../src/site/catalog.ts';
import { comparablePledges, pledgeOf, yearShare } from '../src/site/pledges.ts';

const report = { id: 'r', data: { slug: 'r', title: '报告', year: 2023, published: null } } as unknown as SourcedMetric['report'];
const figure = (kind: SourcedMetric['kind'], value: number, unit = '所', qualifier: SourcedMetric['qualifier'] = 'exact'): SourcedMetric =>
  ({
    id: `${kind}-${value}`,
    kind,
    value,
    unit,
    qualifier,
    year: 2023,
    department: '市教育局',
    label: '新建和改扩建公办幼儿园',
    text: `${value}${unit}`,
    pledge: 'p',
    topic: '教育',
    report,
    city: '新乡市',
  }) as SourcedMetric;

describe('pledge status', () => {
  it.each([
    ['a result above its target', [figure('target', 26), figure('actual', 27)], null, '超额完成', 103.8],
    ['a result equal to its target', [figure('target', 40), figure('actual', 40)], null, '已完成', 100],
    ['a stated completion rate', [figure('actual', 6388, '人'), figure('completion', 139, '%')], null, '超额完成', 139],
    ['a result below its target after the year', [figure('target', 800, '个'), figure('actual', 349, '个')], '2024-01-20', '未完成', 43.6],
    ['a target with no result', [figure('target', 10, '家')], null, '暂无结果', null],
    ['a ceiling kept (失业率低于4.3%)', [figure('target', 4.3, '%', 'at-most'), figure('actual', 4.17, '%')], null, '已完成', 100],
  ] as const)('%s', (_, metrics, published, status, completion) => {
    const p = pledgeOf('p', [...metrics], published);
    expect(p.status).toBe(status);
    if (completion === null) expect(p.completion).toBeNull();
    else expect(p.completion!).toBeCloseTo(completion, 1);
  });

  it('is in progress inside the year of a progress report, with the pace expected by its date (9月30日)', () => {
    expect(yearShare('2023-09-30', 2023)).toBeCloseTo(272 / 365, 3);
    const ahead = pledgeOf('p', [figure('target', 800, '个'), figure('actual', 700, '个')], '2023-09-30');
    expect(ahead.status).toBe('进行中');
    expect(ahead.pace!.expected).toBeCloseTo((800 * 272) / 365, 1);
    expect(ahead.pace!.verdict).toBe('领先');
    expect(pledgeOf('p', [figure('target', 800, '个'), figure('actual', 600, '个')], '2023-09-30').pace!.verdict).toBe('符合序时');
    expect(pledgeOf('p', [figure('target', 800, '个'), figure('actual', 349, '个')], '2023-06-30').pace!.verdict).toBe('落后');
  });
});

describe('pledges compared across cities', () => {
  const of = (city: string, label: string, target: number, result: number, unit = '人', topic = '就业创业') => {
    const r = { id: city, data: { slug: city, title: '报告', year: 2023, published: null, city } } as unknown as SourcedMetric['report'];
    const m = (kind: SourcedMetric['kind'], value: number): SourcedMetric =>
      ({
        id: `${city}-${kind}`,
        kind,
        value,
        unit,
        qualifier: 'exact',
        year: 2023,
        department: null,
        label,
        text: `${value}`,
        pledge: label,
        topic,
        report: r,
        city,
      }) as SourcedMetric;
    return pledgeOf(label, [m('target', target), m('actual', result)], null);
  };
  it('sets the same promise of two cities side by side, and forces nothing else into a comparison', () => {
    const groups = comparablePledges([
      of('新乡市', '新增城镇就业', 80000, 88000),
      of('襄阳市', '新增城镇就业', 70000, 75000),
      of('青岛市', '新增城镇就业', 1000, 900, '个'),
      of('衡阳市', '新建公办幼儿园', 26, 27, '所', '教育'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.pledges.map((p) => p.metrics[0]!.report.data.city)).toEqual(['新乡市', '襄阳市']);
  });
});
