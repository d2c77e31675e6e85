/** Shared types of the extraction library. Pure data, no behaviour. */

export type Qualifier = 'exact' | 'approx' | 'more-than' | 'at-least' | 'at-most';
export type Kind = 'target' | 'actual' | 'completion';

/** One figure read from a text, as it goes into a report's frontmatter. */
export interface Metric {
  /** Stable identifier of the figure within its report (used to merge re-ingests). */
  id: string;
  /** The number in base units: 8.8万人 → 88000. */
  value: number;
  /** The unit after the magnitude is removed: 人, 元, %, 元/月, ratio … */
  unit: string;
  qualifier: Qualifier;
  kind: Kind;
  /** The year the figure is about. */
  year: number | null;
  /** Full official name(s) of the responsible body, joined by 、; null when the text names none. */
  department: string | null;
  /** A short human label for what is counted. */
  label: string;
  /** The exact span of the source text that states the figure. */
  text: string;
  /** Set by an editor who checked the figure against its sentence; the extractor never sets it. */
  checked?: boolean;
  /** The promised item it measures, shared with its target, result and completion (see pledge.ts); null when it has no counterpart. */
  pledge?: string | null;
  /** One of the fifteen topics (see topic.ts). */
  topic?: string;
}

export interface DepartmentEntry {
  name: string;
  slug: string;
  aliases: string[];
}

export interface CityEntry {
  /** The full name: 襄阳市, or for a county or district its city's name and its own (北京市房山区). */
  name: string;
  slug: string;
  province: string;
  aliases?: string[];
  /** For a county, district or county-level city: the prefecture-level city it belongs to. */
  parent?: string;
  /** Its GB/T 2260 code (330683), when the registry gives one: government pages' 索引号 carry it. */
  code?: string;
}

/** The city and department lists, kept as data under content/registry/. */
export interface Registry {
  cities: CityEntry[];
  departments: DepartmentEntry[];
  /** Bodies that exist in one city only, keyed by the city's full name. */
  cityDepartments: Record<string, DepartmentEntry[]>;
}

/** Everything the extractor reads from one source text. */
export interface ExtractedReport {
  title: string;
  city: string | null;
  year: number | null;
  /** ISO date (YYYY-MM-DD) when the text states one. */
  published: string | null;
  departments: string[];
  metrics: Metric[];
  /** The text cleaned of site-navigation junk; every metric's `text` occurs in it. */
  body: string;
}
