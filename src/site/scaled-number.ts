/**
 * A number in the largest of some units that writes it in at most two decimals, losing nothing:
 * 88000 in 万 is 8.8, 963000000 in million is 963; 14795 fits none of 万 and 亿. Chinese and
 * English figures (format.ts, i18n/format-en.ts) differ only in their units.
 */
export function scaled<W extends string>(value: number, units: ReadonlyArray<readonly [number, W]>): { quotient: number; word: W } | null {
  for (const [size, word] of units) {
    const quotient = value / size;
    if (Math.abs(value) >= size && Math.abs(quotient * 100 - Math.round(quotient * 100)) < 1e-6) return { quotient, word };
  }
  return null;
}
