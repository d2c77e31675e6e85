/** A report as it is stored: frontmatter data and MDX body. */
import type { Metric } from '../extraction/types.ts';
import type { PledgeListEntry } from './pledge-status.ts';

export interface ReportData {
  title: string;
  slug: string;
  city: string | null;
  year: number | null;
  published: string | null;
  /** The seed file the report was read from. */
  source: string;
  /** The outlet that published the text (来源), when the text names it. */
  outlet: string | null;
  /** Where the text was published online; editors add it (the seeds do not say). */
  url?: string | null;
  departments: string[];
  metrics: Metric[];
  /** The figures its text ties together as pledges (see src/model/pledge-status.ts). */
  pledges?: PledgeListEntry[];
  /** Set by an editor who checked every figure of the report. */
  checked?: boolean;
}

export interface ReportDoc {
  data: ReportData;
  body: string;
}

/** What ingest generated last time, kept so a re-ingest can tell an editor's change from its own. */
export interface GeneratedBase extends ReportDoc {
  sourceHash: string;
  extractorVersion: string;
  /** The seed file it was generated from: how ingest finds a seed's report even when an editor mistypes `source`. */
  seed?: string;
}
