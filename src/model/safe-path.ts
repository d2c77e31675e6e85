/**
 * Paths built from content. Every file name that comes from a report or the registry (a slug) is
 * checked to be a slug, and every resolved path to stay inside its folder, before anything is read
 * or written: a slug such as ../../x must never reach the file system.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isSlug, SLUG_FORM_HINT } from './slugs.ts';

export class UnsafePathError extends Error {}

/** `dir/name` when it stays inside `dir`; throws UnsafePathError otherwise. */
export function inside(dir: string, name: string): string {
  const path = join(dir, name);
  const rel = relative(resolve(dir), resolve(path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UnsafePathError(`"${name}" would be outside ${dir}`);
  return path;
}

/** `root/dir/SLUG.ext` for a slug that is a slug; throws UnsafePathError naming what to fix. */
export function contentFile(root: string, dir: string, slug: unknown, ext: string): string {
  if (!isSlug(slug)) throw new UnsafePathError(`slug ${JSON.stringify(slug)} is not a slug: it must be ${SLUG_FORM_HINT}`);
  return inside(join(root, dir), `${slug}${ext}`);
}
