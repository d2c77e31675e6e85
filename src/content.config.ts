/** The reports collection: every MDX file under content/reports/, checked against the report schema. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema } from './site/report-schema.ts';

const reports = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/reports' }),
  schema: reportSchema,
});

export const collections = { reports };
