/**
 * The site's two interfaces: Chinese at the root (the default), English under en/. Every page
 * route lives in src/pages/[...lang]/ and is generated once per language; the reports' own text,
 * labels, cities and departments stay as written in both.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The `lang` attribute and hreflang of each interface; og:locale. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
export const OG_LOCALE: Record<Lang, string> = { zh: 'zh_CN', en: 'en_US' };

/** The [...lang] route parameter: none for Chinese (the root), `en` for English. */
export const langParam = (lang: Lang): string | undefined => (lang === 'zh' ? undefined : lang);
export const langOf = (param: string | undefined): Lang => (param === 'en' ? 'en' : 'zh');

/** A route's paths, each once per language (the page's props gain its `lang`). */
export function inEveryLang<P extends Record<string, string | undefined>, Q extends object>(
  paths: Array<{ params: P; props: Q }>,
): Array<{ params: P & { lang: string | undefined }; props: Q & { lang: Lang } }> {
  return LANGS.flatMap((lang) => paths.map((p) => ({ params: { ...p.params, lang: langParam(lang) }, props: { ...p.props, lang } })));
}

/** The paths of a route with no parameters of its own (home, downloads …): one per language. */
export const everyLang = () => inEveryLang([{ params: {}, props: {} }]);

/** A page's path inside the site (no leading slash: '', 'xiangyang/') in one language. */
export const localPath = (path: string, lang: Lang) => (lang === 'zh' ? path : `${lang}/${path.replace(/^\//, '')}`);

/** A path in every language, the default's first: 'reports/x' → ['reports/x', 'en/reports/x']. */
export const localPaths = (path: string) => LANGS.map((lang) => localPath(path, lang));

/** The page a localized path shows, in its default language: 'en/xiangyang' → 'xiangyang', 'en' → ''. */
export const defaultPath = (page: string) => page.replace(/^en(?:\/|$)/, '');

/** A page ('' for home, 'xiangyang', as `defaultPath` gives it) as a folder path in one language: '', 'en/xiangyang/'. */
export const pageIn = (page: string, lang: Lang) => localPath(page ? `${page}/` : '', lang);
