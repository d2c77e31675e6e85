/** The reports collection: every report under content/reports/, checked against the report schema. */
import { defineCollection } from 'astro:content';
import { reportSchema } from './model/report-schema.ts';
import { reportsLoader } from './site/reports-loader.ts';

const reports = defineCollection({ loader: reportsLoader(), schema: reportSchema });

export const collections = { reports };
