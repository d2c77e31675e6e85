/** Links that work under a base path (GitHub Pages project sites live at /REPO/). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export const reportHref = (slug: string) => href(`reports/${slug}/`);
export const cityHref = (city: string) => href(`${city}/`);
export const deptHref = (city: string, dept: string) => href(`${city}/${dept}/`);
