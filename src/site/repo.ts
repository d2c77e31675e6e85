/**
 * Links to the repository the site is built from, once it is configured (REPO_URL, like
 * Starlight's editLink): "在 GitHub 上编辑" on every report, "报告错误" on every figure, opening a
 * new issue prefilled with the report, the figure and its sentence. Without REPO_URL (or with
 * one that is not an https address) no such link is printed.
 */
import { isWebAddress } from '../model/report-schema.ts';
import type { SourcedMetric } from './catalog.ts';
import { formatMetric } from './format.ts';

export interface RepoLinks {
  /** The page that edits a file of the repository in GitHub's web editor. */
  edit(file: string): string;
  /** A new issue about a figure, prefilled. */
  reportError(m: SourcedMetric, pageUrl: string): string;
  /** A commit's page. */
  commit(hash: string): string;
}

export function repoLinks(env: NodeJS.ProcessEnv = process.env): RepoLinks | null {
  const url = env.REPO_URL?.trim().replace(/\/+$/, '');
  if (!url || !isWebAddress(url) || !url.startsWith('https://')) return null;
  const branch = encodeURIComponent(env.REPO_BRANCH?.trim() || 'main').replace(/%2F/g, '/');
  return {
    edit: (file) => `${url}/edit/${branch}/${file.split('/').map(encodeURIComponent).join('/')}`,
    reportError: (m, pageUrl) => {
      const title = `数字有误:${m.report.data.title} · ${m.label} ${formatMetric(m)}`;
      const body = [
        `报告:${m.report.data.title}(\`${m.report.data.slug}\`)`,
        `页面:${pageUrl}`,
        `数字:\`${m.id}\` · ${m.label} · ${m.value} ${m.unit} (${formatMetric(m)})`,
        `原文:「${m.text}」`,
        '',
        '哪里不对?应当是多少?(What is wrong, and what should it be?)',
      ].join('\n');
      return `${url}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
    },
    commit: (hash) => `${url}/commit/${encodeURIComponent(hash)}`,
  };
}
