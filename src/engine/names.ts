/**
 * Matching what people type against ids, titles and aliases: case-, space- and
 * punctuation-insensitive, with ordinal words folded ("First AC" = "1st AC"), and typo-tolerant
 * suggestions on a miss.
 */

const ORDINALS: Record<string, string> = {
  first: "1st",
  second: "2nd",
  third: "3rd",
  fourth: "4th",
  assistant: "asst",
  assistants: "asst",
  asst: "asst",
  and: "&",
};

/** The key two spellings share when they mean the same name. */
export function normalizeName(text: string): string {
  const words = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9&]+/);
  let key = "";
  for (const word of words) {
    if (word) key += ORDINALS[word] ?? word;
  }
  return key;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once every cell in a row exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[b.length]!;
}

/** A lookup from any spelling of a name to the thing it names. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly labels: { key: string; label: string; value: T }[] = [];

  /** Adds `value` under each spelling; `label` is what suggestions show (usually its title). */
  add(value: T, label: string, spellings: readonly string[]): void {
    for (const spelling of spellings) {
      const key = normalizeName(spelling);
      if (!key) continue;
      const existing = this.byKey.get(key);
      if (existing !== undefined && existing !== value) {
        throw new Error(`CrewRate invariant failed: '${spelling}' names two different things`);
      }
      this.byKey.set(key, value);
      this.labels.push({ key, label, value });
    }
  }

  /** What exact spellings already looked up resolved to: spreadsheets repeat the same few. */
  private readonly memo = new Map<string, T | undefined>();

  get(text: string): T | undefined {
    if (this.memo.has(text)) return this.memo.get(text);
    const found = this.byKey.get(normalizeName(text));
    if (this.memo.size >= 10_000) this.memo.clear();
    this.memo.set(text, found);
    return found;
  }

  /** Up to `count` distinct labels closest to `text`, best first. */
  suggest(text: string, count = 3): string[] {
    const key = normalizeName(text);
    if (!key) return [];
    const limit = Math.max(2, Math.ceil(key.length / 3));
    const scored: { label: string; score: number }[] = [];
    for (const entry of this.labels) {
      let score: number;
      if (entry.key.startsWith(key) || key.startsWith(entry.key)) {
        score = Math.abs(entry.key.length - key.length) * 0.1;
      } else if (entry.key.includes(key)) {
        score = 0.5 + (entry.key.length - key.length) * 0.05;
      } else {
        score = editDistance(key, entry.key, limit);
        if (score > limit) continue;
      }
      scored.push({ label: entry.label, score });
    }
    scored.sort((x, y) => x.score - y.score || x.label.localeCompare(y.label));
    const out: string[] = [];
    for (const { label } of scored) {
      if (!out.includes(label)) out.push(label);
      if (out.length === count) break;
    }
    return out;
  }
}
