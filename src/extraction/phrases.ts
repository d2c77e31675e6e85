/**
 * Finds any of many fixed phrases in a text in one pass: phrases are grouped by their first
 * character, longest first, so each position costs one map lookup (a regular expression with
 * hundreds of alternatives tries them all at every position).
 */
export interface PhraseHit { start: number; end: number; phrase: string }

export class PhraseMatcher {
  private readonly byFirst = new Map<number, string[]>();

  constructor(phrases: Iterable<string>) {
    for (const p of new Set(phrases)) {
      if (!p) continue;
      const list = this.byFirst.get(p.charCodeAt(0)) ?? [];
      list.push(p);
      this.byFirst.set(p.charCodeAt(0), list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Leftmost-longest, non-overlapping hits, like a regular expression's global search. */
  find(text: string, from = 0, to = text.length): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = from; i < to; i++) {
      const candidates = this.byFirst.get(text.charCodeAt(i));
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (i + p.length <= to && text.startsWith(p, i)) {
          hits.push({ start: i, end: i + p.length, phrase: p });
          i += p.length - 1;
          break;
        }
      }
    }
    return hits;
  }
}
