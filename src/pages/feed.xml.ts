/** An RSS feed of reports, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadCatalog } from '../site/load.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await loadCatalog();
  const base = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), site);
  return rss({
    title: '向市民报告',
    description: '各城市政府民生实事报告:承诺与完成',
    site: base.href,
    customData: '<language>zh-cn</language>',
    items: reports.map((r) => ({
      title: `${r.data.city} · ${r.data.title}`,
      link: new URL(`reports/${r.data.slug}/`, base).href,
      pubDate: r.data.published ? new Date(`${r.data.published}T00:00:00+08:00`) : new Date(`${r.data.year}-01-01T00:00:00+08:00`),
      description: `${r.data.city}${r.data.year}年:${r.data.metrics.length}个数字,涉及${r.data.departments.join('、')}。`,
    })),
  });
};
