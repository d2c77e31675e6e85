/**
 * Finds any of many fixed phrases in a text in one pass: phrases are grouped by their first
 * two characters, longest first, so each position costs at most one map lookup (a regular
 * expression with hundreds of alternatives tries them all at every position).
 */
export interface PhraseHit {
  start: number;
  end: number;
  phrase: string;
}

export class PhraseMatcher {
  /** Phrases of two or more characters by their first two UTF-16 codes, longest first. */
  private readonly byPair = new Map<number, string[]>();
  /** One-character phrases by their code. */
  private readonly singles = new Set<number>();
  /** 1 for each UTF-16 code a phrase starts with: most characters are rejected without a map lookup. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(phrases: Iterable<string>) {
    for (const p of new Set(phrases)) {
      if (!p) continue;
      this.starts[p.charCodeAt(0)] = 1;
      if (p.length === 1) {
        this.singles.add(p.charCodeAt(0));
        continue;
      }
      const key = p.charCodeAt(0) * 0x10000 + p.charCodeAt(1);
      const list = this.byPair.get(key);
      if (list) list.push(p);
      else this.byPair.set(key, [p]);
    }
    for (const list of this.byPair.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Leftmost-longest, non-overlapping hits, like a regular expression's global search. */
  find(text: string, from = 0, to = text.length): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = from; i < to; i++) {
      const phrase = this.longestAt(text, i, to);
      if (phrase === undefined) continue;
      hits.push({ start: i, end: i + phrase.length, phrase });
      i += phrase.length - 1;
    }
    return hits;
  }

  /** The longest phrase that starts at `i` and ends by `to`, if any. */
  longestAt(text: string, i: number, to = text.length): string | undefined {
    const first = text.charCodeAt(i);
    if (this.starts[first] !== 1) return undefined; // also past the end (NaN)
    const candidates = i + 1 < to ? this.byPair.get(first * 0x10000 + text.charCodeAt(i + 1)) : undefined;
    if (candidates !== undefined) {
      for (const p of candidates) if (i + p.length <= to && text.startsWith(p, i)) return p;
    }
    return this.singles.has(first) ? text[i]! : undefined;
  }
}
