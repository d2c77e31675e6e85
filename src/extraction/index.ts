/**
 * The extraction library: pure functions from a text (and the registry, as data) to a
 * report's figures. No file or network I/O happens here; see src/ingest for that.
 */
export { extractReport, findTitle, type ExtractOptions } from './report.ts';
export { extractMetrics, metricId } from './metrics.ts';
export { parseNumber, parseChineseInteger, scanNumbers, toHalfWidth } from './numbers.ts';
export { normalizeView, looksTraditional } from './normalize.ts';
export { cleanText } from './clean.ts';
export { detectCity, findDepartments, resolveDepartment } from './registry.ts';
export { documentTime, findPublished } from './dates.ts';
export type * from './types.ts';
