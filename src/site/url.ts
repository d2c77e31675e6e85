/** Links that work under a base path (GitHub Pages project sites live at /REPO/). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export const reportHref = (slug: string) => href(`reports/${slug}/`);
export const cityHref = (city: string) => href(`${city}/`);
export const deptHref = (city: string, dept: string) => href(`${city}/${dept}/`);

/** A page's path under the base, without slashes at either end ('' for the home page): what its pictures are filed under. */
export function pagePath(pathname: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+|\/+$/g, '');
}
