/** Readable, stable URL slugs for reports: xiangyang-2024-shizhengfu-minsheng. */
import { pinyin } from 'pinyin-pro';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Pinyin of the first words of a Chinese phrase, joined by hyphens, at most `max` characters. */
export function pinyinSlug(phrase: string, max = 28): string {
  const parts: string[] = [];
  let length = 0;
  for (const { segment, isWordLike } of segmenter.segment(phrase)) {
    if (!isWordLike) continue;
    const word = /[\u4e00-\u9fa5]/.test(segment) ? pinyin(segment, { toneType: 'none', type: 'array', v: true }).join('') : segment.toLowerCase();
    const clean = word.replace(/[^a-z0-9]/g, '');
    if (!clean) continue;
    if (length + clean.length > max && parts.length) break;
    parts.push(clean);
    length += clean.length + 1;
  }
  return parts.join('-') || 'report';
}

export function reportSlug(city: { name: string; slug: string } | null, year: number | null, title: string, taken: Set<string>): string {
  // The city and year lead the slug already: leave them out of the title part.
  const cityNames = city ? [city.name, city.name.replace(/市$/, '')] : [];
  let rest = title;
  for (const n of cityNames) rest = rest.split(n).join('');
  if (year) rest = rest.replace(new RegExp(`${year}年?`, 'g'), '');
  const base = [city?.slug ?? 'unknown', year ?? 'undated', pinyinSlug(rest)].join('-');
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
