/** Pledges and topics on real seed sentences: a promised item's target, result and completion share one key. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport, type Metric } from '../src/extraction/index.ts';
import { TOPICS } from '../src/extraction/topic.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';

const registry = loadRegistry();
const read = (name: string) => extractReport(readFileSync(`seeds/${name}`, 'utf8'), registry).metrics;
const by = (metrics: Metric[], text: string) => {
  const m = metrics.find((x) => x.text.includes(text));
  if (!m) throw new Error(`no metric «${text}» among ${metrics.map((x) => x.text).join(' | ')}`);
  return m;
};

describe('pledges', () => {
  const xinxiang = read('002_211da1db43f6adac.txt');
  const xiangyang = read('000_9567e0339920290a.txt');

  it("joins a plan's target with the result the same paragraph reports (幼儿园 26所 → 27所)", () => {
    const target = by(xinxiang, '公办幼儿园26所');
    const result = by(xinxiang, '公办幼儿园27所');
    expect([target.kind, result.kind]).toEqual(['target', 'actual']);
    expect(target.pledge).toBeTruthy();
    expect(result.pledge).toBe(target.pledge);
    expect(by(xinxiang, '学位3.5万个').pledge).toBe(by(xinxiang, '学位3.6万个').pledge);
    expect(by(xinxiang, '学位3.5万个').pledge).not.toBe(target.pledge);
  });

  it('joins each of a run of completion rates to its own figure (分别完成省定目标的125.6%、134.4%、110.4%)', () => {
    const pairs = [
      ['培训23.8万人次', '125.6%'],
      ['技能人才16.1万人', '134.4%'],
      ['高技能人才6.07万人', '110.4%'],
    ] as const;
    const keys = pairs.map(([figure, rate]) => {
      expect(by(xinxiang, rate).pledge).toBe(by(xinxiang, figure).pledge);
      return by(xinxiang, figure).pledge;
    });
    expect(new Set(keys).size).toBe(3);
    expect(by(xinxiang, '134.4%').label).toBe('技能人才完成率');
  });

  it('joins a result, the task it is measured against and its completion (6388人 / 省定目标任务4600人 / 139%)', () => {
    const result = by(xiangyang, '6388人');
    expect(by(xiangyang, '4600人').pledge).toBe(result.pledge);
    expect(by(xiangyang, '139%').pledge).toBe(result.pledge);
    expect(by(xiangyang, '带动就业14795人').pledge).not.toBe(result.pledge);
  });

  it('joins both ends of a change (车桩比由8∶1降至4∶1) and leaves a figure with no counterpart without one', () => {
    const from = xiangyang.find((m) => m.unit === 'ratio' && m.value === 8)!;
    const to = xiangyang.find((m) => m.unit === 'ratio' && m.value === 4)!;
    expect(from.pledge).toBeTruthy();
    expect(to.pledge).toBe(from.pledge);
    // The start says when it stood there.
    expect(from.label).toBe('车桩比(2022年末)');
    expect(by(xinxiang, '258家企业').pledge).toBeNull();
  });

  it('joins a change whose start restates an earlier figure, a bare rise to its figure, and parallel changes pairwise', () => {
    const xiangyang2024 = read('004_d397c979dd854359.txt');
    // 填报表数量达341项 … 由原来的341项压缩到41项: the restated start is the figure first stated.
    expect(by(xiangyang2024, '压缩到41项').pledge).toBeTruthy();
    expect(by(xiangyang2024, '压缩到41项').pledge).toBe(by(xiangyang2024, '达341项').pledge);
    // “无申即享”事项新增19项,提升14%.
    expect(by(xiangyang2024, '提升14%').pledge).toBe(by(xiangyang2024, '新增19项').pledge);
    expect(by(xiangyang2024, '新增19项').pledge).toBeTruthy();
    // 福州 (dev d13): 从每人每月119元、99元分别提高到每人每月128元、107元.
    const fuzhou = extractReport('福州市2023年为民办实事\n重度残疾人一级、二级护理补贴从每人每月119元、99元分别提高到每人每月128元、107元。', registry).metrics;
    expect(fuzhou.map((m) => [m.text, m.unit])).toEqual([
      ['护理补贴从每人每月119元', '元/月'],
      ['99元', '元/月'],
      ['分别提高到每人每月128元', '元/月'],
      ['107元', '元/月'],
    ]);
    const [a, b, c, d] = fuzhou.map((m) => m.pledge);
    expect([a, b]).toEqual([c, d]);
    expect(a).toBeTruthy();
    expect(b).not.toBe(a);
  });

  it('keeps rates of 100% said of different things, and joins a rate of an act to the figure of that act', () => {
    // 邢台 (dev d03): two targets, then their rates in the next sentence, both 100%.
    const r = extractReport(
      '邢台市2022年民生工程\n实施棚户区改造工程,任务目标是棚改开工8264套,棚改安置房建成6985套。截至目前,全市棚改项目开工率100%,棚改安置房基本建成率100%。',
      registry,
    ).metrics;
    expect(r.map((m) => m.value)).toEqual([8264, 6985, 100, 100]);
    const [started, built, startedRate, builtRate] = r.map((m) => m.pledge);
    expect(startedRate).toBe(started);
    expect(builtRate).toBe(built);
    expect(started).toBeTruthy();
    expect(built).not.toBe(started);
  });

  it('gives every figure one of the fifteen topics, by its words, its heading and its department', () => {
    for (const m of [...xinxiang, ...xiangyang]) expect(TOPICS).toContain(m.topic);
    expect(by(xinxiang, '新增城镇就业8.8万人').topic).toBe('就业创业');
    expect(by(xinxiang, '公办幼儿园27所').topic).toBe('教育');
    expect(by(xiangyang, '新建充电桩9037个').topic).toBe('城市设施');
    // Words specific to government service hold against the section they stand in (填报, 就近办).
    const xiangyang2024 = read('004_d397c979dd854359.txt');
    expect(by(xiangyang2024, '填报表数量达341项').topic).toBe('政务与营商');
    expect(by(xiangyang, '30个高频事项就近').topic).toBe('政务与营商');
  });

  it('tells a topic by what is done, not by where (sentences from texts of other places)', () => {
    const topic = (text: string, figure: string) => by(extractReport(text, registry).metrics, figure).topic;
    expect(topic('邢台市2022年民生工程\n实施农村厕所改造提升工程,任务目标是改造农村户用卫生厕所40280座。', '40280座')).toBe('农业农村');
    expect(topic('赣州市2023年民生实事\n促进退役军人就业300余人。', '300余人')).toBe('就业创业');
    expect(topic('西城区2020年重点工作\n2020年度地区生产总值初步核算数50610595万元。', '50610595万元')).toBe('其他');
    expect(topic('衡阳市2025年民生实事\n培训乡村医生475名。', '475名')).toBe('医疗卫生');
  });
});
