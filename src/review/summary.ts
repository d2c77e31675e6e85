/**
 * The job summary of a pull request's check ($GITHUB_STEP_SUMMARY, GitHub-flavoured Markdown):
 * per changed report, what changes for readers, then the content problems.
 */
import { formatProblem, isError, type Problem } from '../model/problem.ts';
import type { MetricData } from '../model/report-schema.ts';
import { formatMetric } from '../site/format.ts';
import { isEmptyChange, type FieldChange, type ReportChange } from './report-diff.ts';

/** A table cell: pipes and line breaks would end it. */
const cell = (s: unknown) =>
  String(s ?? '—')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
const figure = (m: MetricData) => `${formatMetric(m)} (${m.label})`;
const fieldText = (c: FieldChange, m: { before: MetricData; after: MetricData } | null) =>
  c.field === 'value' && m ? `${formatMetric(m.before)} → ${formatMetric(m.after)}` : `${c.field}: ${cell(c.before)} → ${cell(c.after)}`;

function reportSection(c: ReportChange): string[] {
  const head = c.kind === 'added' ? '新报告 (new report)' : c.kind === 'removed' ? '删除的报告 (report removed)' : '修改 (changed)';
  const out = [`### ${cell(c.title.after ?? c.title.before)} · ${head}`, '', `\`${c.file}\``, ''];
  if (c.kind === 'changed' && c.title.before !== c.title.after) out.push(`标题 (title): ${cell(c.title.before)} → ${cell(c.title.after)}`, '');
  if (isEmptyChange(c)) return [...out, '读者看到的数字与承诺没有变化 (no figure or pledge changes for readers).', ''];
  const rows: string[] = [];
  for (const m of c.figures.added) rows.push(`| 新增数字 added | \`${cell(m.id)}\` | ${cell(figure(m))} | ${cell(m.text)} |`);
  for (const m of c.figures.removed) rows.push(`| 删除数字 removed | \`${cell(m.id)}\` | ${cell(figure(m))} | ${cell(m.text)} |`);
  for (const m of c.figures.changed)
    rows.push(`| 修改数字 changed | \`${cell(m.id)}\` | ${m.fields.map((f) => fieldText(f, m)).join('; ')} | ${cell(m.after.text)} |`);
  for (const p of c.pledges.added) rows.push(`| 新增承诺 added | \`${cell(p.id)}\` | ${cell(p.title)} · ${cell(p.status)} | |`);
  for (const p of c.pledges.removed) rows.push(`| 删除承诺 removed | \`${cell(p.id)}\` | ${cell(p.title)} · ${cell(p.status)} | |`);
  for (const p of c.pledges.changed) rows.push(`| 修改承诺 changed | \`${cell(p.id)}\` | ${p.fields.map((f) => fieldText(f, null)).join('; ')} | |`);
  return [...out, '| 变化 change | id | 读者看到的 what readers see | 原文 sentence |', '|---|---|---|---|', ...rows, ''];
}

export function reviewSummary(changes: ReportChange[], problems: Problem[]): string {
  const errors = problems.filter(isError);
  const lines = ['## 内容检查 · Content check', ''];
  lines.push(
    errors.length
      ? `❌ ${errors.length} 个问题须改正 (${errors.length} problem${errors.length === 1 ? '' : 's'} to fix); 见各文件的标注 (annotations on the files).`
      : '✅ 内容有效 (content is valid).',
  );
  const warnings = problems.length - errors.length;
  if (warnings) lines.push('', `${warnings} 条提醒 (warnings).`);
  lines.push('', `## 读者会看到的变化 · What changes for readers (${changes.length} report${changes.length === 1 ? '' : 's'})`, '');
  if (!changes.length) lines.push('本次修改没有改动报告 (no report changed).', '');
  for (const c of changes) lines.push(...reportSection(c));
  if (problems.length) {
    lines.push('## 问题 · Problems', '', '```', ...problems.map(formatProblem), '```', '');
  }
  return lines.join('\n');
}
