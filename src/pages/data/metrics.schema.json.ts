/** The JSON Schema of the JSON downloads. */
import type { APIRoute } from 'astro';
import { download, metricsJsonSchema } from '../../site/export.ts';

export const GET: APIRoute = () => download(JSON.stringify(metricsJsonSchema, null, 2) + '\n', 'json');
