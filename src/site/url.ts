/** Links that work under a base path (GitHub Pages project sites live at /REPO/). */
import { localPath, type Lang } from './i18n/lang.ts';

/** A file of the site (stylesheet, download, picture): the same for both languages. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** A page of the site in one language (Chinese at the root, English under en/). */
export const pageHref = (path: string, lang: Lang = 'zh') => href(localPath(path, lang));

export const reportHref = (slug: string, lang: Lang = 'zh') => pageHref(`reports/${slug}/`, lang);
export const cityHref = (city: string, lang: Lang = 'zh') => pageHref(`${city}/`, lang);
export const deptHref = (city: string, dept: string, lang: Lang = 'zh') => pageHref(`${city}/${dept}/`, lang);

/** A page's path under the base, without slashes at either end ('' for the home page): what its pictures are filed under. */
export function pagePath(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+|\/+$/g, '');
}
