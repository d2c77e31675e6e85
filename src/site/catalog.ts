/**
 * The site's index of cities, departments and reports, built once from the content
 * collection and the registry. Pages ask it; nothing here scans the corpus per page.
 */
import { departmentsOf } from '../extraction/registry.ts';
import { loadRegistry } from '../ingest/registry-files.ts';
import { readBase } from '../ingest/report-file.ts';
import { pinyinSlug } from '../ingest/slug.ts';
import { provenanceOf, type Provenance } from '../model/provenance.ts';
import { reportHref } from './url.ts';
import type { Lang } from './i18n/lang.ts';
import type { MetricData, ReportFrontmatter } from '../model/report-schema.ts';

export interface ReportRef {
  id: string;
  data: ReportFrontmatter;
}

/** A metric with where it came from, for pages that gather metrics across reports. */
export interface SourcedMetric extends MetricData {
  report: ReportRef;
  city: string;
  /** Read by the program, checked by an editor, or changed by one. */
  provenance: Provenance;
}

export interface DepartmentPage {
  name: string;
  slug: string;
  metrics: SourcedMetric[];
  reports: ReportRef[];
}

export interface CityPage {
  name: string;
  slug: string;
  province: string;
  reports: ReportRef[];
  years: number[];
  departments: DepartmentPage[];
  metrics: SourcedMetric[];
}

export interface Catalog {
  cities: CityPage[];
  reports: ReportRef[];
}

/** The department of figures whose text names none (a site's word, translated on English pages). */
export const NO_DEPARTMENT = '未注明部门';

export function buildCatalog(reports: ReportRef[], root = '.'): Catalog {
  const registry = loadRegistry(root);
  const slugOfDept = (city: string, name: string) => {
    if (name === NO_DEPARTMENT) return 'unassigned';
    const known = departmentsOf(registry, city).find((d) => d.name === name);
    return known?.slug || pinyinSlug(name.replace(/^市/, ''), 40);
  };
  const byCity = new Map<string, CityPage>();
  const sorted = [...reports].sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title, 'zh'));
  const entries = new Map(registry.cities.map((c) => [c.name, c]));
  for (const r of sorted) {
    // A county's or district's report (北京市房山区) is shown on its city's pages.
    const place = entries.get(r.data.city);
    const cityName = place?.parent ?? r.data.city;
    let city = byCity.get(cityName);
    if (!city) {
      const entry = entries.get(cityName);
      city = {
        name: cityName,
        slug: entry?.slug ?? pinyinSlug(cityName),
        province: entry?.province ?? '',
        reports: [],
        years: [],
        departments: [],
        metrics: [],
      };
      byCity.set(cityName, city);
    }
    city.reports.push(r);
    if (!city.years.includes(r.data.year)) city.years.push(r.data.year);
    const provenance = reportProvenance(root, r.data);
    for (const m of r.data.metrics) {
      const sm: SourcedMetric = { ...m, report: r, city: r.data.city, provenance: provenance(m) };
      city.metrics.push(sm);
      // A figure several departments answer for appears on each of their pages.
      for (const name of m.department ? m.department.split('、') : [NO_DEPARTMENT]) {
        let d = city.departments.find((x) => x.name === name);
        if (!d) city.departments.push((d = { name, slug: slugOfDept(city.name, name), metrics: [], reports: [] }));
        d.metrics.push(sm);
        if (!d.reports.includes(r)) d.reports.push(r);
      }
    }
  }
  for (const c of byCity.values()) {
    c.years.sort((a, b) => b - a);
    c.departments.sort((a, b) => b.metrics.length - a.metrics.length || a.name.localeCompare(b.name, 'zh'));
  }
  const cities = [...byCity.values()].sort((a, b) => a.province.localeCompare(b.province, 'zh') || a.name.localeCompare(b.name, 'zh'));
  return { cities, reports: sorted };
}

/** Each figure's provenance in a report, told from the report and the base ingest stored for it (content/generated/). */
export function reportProvenance(root: string, data: ReportFrontmatter): (m: MetricData) => Provenance {
  const generated = readBase(root, data.slug);
  const base = generated ? new Map(generated.data.metrics.map((m) => [m.id, m])) : null;
  return (m) => provenanceOf(m, data.checked === true, base);
}

/** The anchor of a metric's sentence in its report page. */
export const metricAnchor = (id: string) => `m-${id}`;

/** The link to a figure's sentence on its report page. */
export const sentenceHref = (m: SourcedMetric, lang: Lang = 'zh') => `${reportHref(m.report.data.slug, lang)}#${metricAnchor(m.id)}`;
