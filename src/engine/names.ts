/**
 * Matching what people type against ids, titles and aliases: case-, space- and
 * punctuation-insensitive, with ordinal words folded ("First AC" = "1st AC"), and typo-tolerant
 * suggestions on a miss. `NameIndex.match` also reads titles the way crew lists and budgets write
 * them (see titles.ts).
 */
import { readTitle, looseKeys, meaningWords, type TitleReading } from "./titles";

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

/** How a title was placed, in the order the steps were taken. */
export type MatchStep =
  "exact" | "numbering" | "note" | "unit" | "qualifier" | "abbreviation" | "typo";

/** A spelling placed on one of the index's values, and how. */
export interface NameMatch<T> {
  value: T;
  /** The index's spelling it was matched to (a title or alias as the card writes it). */
  spelling: string;
  /** What was done to the typed text to place it; ["exact"] when it is a spelling as it stands. */
  steps: MatchStep[];
  /** Unit, phase and hire words taken off the title, and its notes: "2nd unit", "local hire". */
  qualifiers: string[];
}

interface Entry<T> {
  key: string;
  label: string;
  spelling: string;
  value: T;
}

/** The smallest key a typo is forgiven in, and how many edits: more letters allow more. */
function typoLimit(key: string): number {
  if (key.length >= 14) return 2;
  if (key.length >= 7) return 1;
  return 0;
}

/** An id as the card writes one ("key-grip"), which a person would not type as a title. */
function isId(spelling: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(spelling);
}

function digitsOf(key: string): string {
  return key.replace(/[^0-9]/g, "");
}

/** A lookup from any spelling of a name to the thing it names. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly labels: Entry<T>[] = [];
  /** Loose keys (abbreviations expanded, plurals folded) → value; undefined where two disagree. */
  private loose: Map<string, { value: T; spelling: string } | undefined> | undefined;

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
      this.labels.push({ key, label, spelling, value });
    }
    this.loose = undefined;
    this.preparedEntries = [];
  }

  /** What exact spellings already looked up resolved to: spreadsheets repeat the same few. */
  private readonly memo = new Map<string, T | undefined>();
  private readonly matchMemo = new Map<string, NameMatch<T> | undefined>();

  get(text: string): T | undefined {
    if (this.memo.has(text)) return this.memo.get(text);
    const found = this.byKey.get(normalizeName(text));
    if (this.memo.size >= 10_000) this.memo.clear();
    this.memo.set(text, found);
    return found;
  }

  private looseIndex(): Map<string, { value: T; spelling: string } | undefined> {
    if (this.loose) return this.loose;
    const loose = new Map<string, { value: T; spelling: string } | undefined>();
    for (const entry of this.labels) {
      for (const key of looseKeys(entry.spelling)) {
        const had = loose.get(key);
        if (!loose.has(key) || (had && had.value === entry.value && isId(had.spelling))) {
          loose.set(key, { value: entry.value, spelling: entry.spelling });
        } else if (had?.value !== entry.value) loose.set(key, undefined);
      }
    }
    this.loose = loose;
    return loose;
  }

  /** The spelling to show for a key: a title or alias rather than an id. */
  private spellingOf(key: string): string {
    const all = this.labels.filter((e) => e.key === key);
    return (all.find((e) => !isId(e.spelling)) ?? all[0])?.spelling ?? key;
  }

  /**
   * Places a title as crew lists write it. A spelling that `get` finds is that, unchanged (so
   * what resolved before still resolves the same). Otherwise numbering ("#3", "(x6)"), notes in
   * parentheses or after a dash, unit and hire words ("2nd Unit", "B Camera", "Local Hire") come
   * off, abbreviations are spelled out and plurals folded; words that change the job (1st, 2nd,
   * Key, Best Boy, Assistant) always stay. Last, a single typo in a long title is forgiven when
   * only one name is that close, if `options.typos` asks for it: formulas leave a typo to
   * "Did you mean", an import shows it to be confirmed.
   * @returns the match, or undefined when nothing can be placed with confidence
   */
  match(text: string, options: { typos?: boolean } = {}): NameMatch<T> | undefined {
    let found: NameMatch<T> | undefined;
    if (this.matchMemo.has(text)) found = this.matchMemo.get(text);
    else {
      found = this.findMatch(text);
      if (this.matchMemo.size >= 10_000) this.matchMemo.clear();
      this.matchMemo.set(text, found);
    }
    if (found || !options.typos) return found;
    // A typo, on the reading with everything taken off, only where one name is that close.
    const last = readTitle(text).at(-1);
    return last ? this.typo(last, this.looseIndex()) : undefined;
  }

  private findMatch(text: string): NameMatch<T> | undefined {
    const key = normalizeName(text);
    const exact = this.byKey.get(key);
    if (exact !== undefined) {
      return { value: exact, spelling: this.spellingOf(key), steps: ["exact"], qualifiers: [] };
    }
    const loose = this.looseIndex();
    for (const reading of readTitle(text)) {
      const found = this.lookUp(reading, loose);
      if (found) return found;
    }
    return undefined;
  }

  private lookUp(
    reading: TitleReading,
    loose: Map<string, { value: T; spelling: string } | undefined>,
  ): NameMatch<T> | undefined {
    const key = normalizeName(reading.core);
    const strict = key ? this.byKey.get(key) : undefined;
    if (strict !== undefined) {
      return {
        value: strict,
        spelling: this.spellingOf(key),
        steps: reading.steps,
        qualifiers: reading.qualifiers,
      };
    }
    for (const k of looseKeys(reading.core)) {
      const hit = loose.get(k);
      if (hit) {
        return {
          value: hit.value,
          spelling: hit.spelling,
          steps: [...reading.steps, "abbreviation"],
          qualifiers: reading.qualifiers,
        };
      }
    }
    return undefined;
  }

  private typo(
    reading: TitleReading,
    loose: Map<string, { value: T; spelling: string } | undefined>,
  ): NameMatch<T> | undefined {
    let best: { value: T; spelling: string; d: number } | undefined;
    let tied = false;
    for (const typed of looseKeys(reading.core)) {
      const limit = typoLimit(typed);
      if (limit === 0) continue;
      for (const [key, hit] of loose) {
        // A typo keeps the start of the word and every number: "Post Accountant" is not "Asst Accountant".
        if (!hit || digitsOf(key) !== digitsOf(typed) || key.slice(0, 2) !== typed.slice(0, 2))
          continue;
        const d = editDistance(typed, key, limit);
        if (d > limit || d === 0) continue;
        if (!best || d < best.d) {
          best = { ...hit, d };
          tied = false;
        } else if (d === best.d && hit.value !== best.value) tied = true;
      }
    }
    if (!best || tied) return undefined;
    return {
      value: best.value,
      spelling: best.spelling,
      steps: [...reading.steps, "typo"],
      qualifiers: reading.qualifiers,
    };
  }

  /** Each spelling's loose keys and meaning words, made once, on the first miss. */
  private preparedEntries: { keys: string[]; words: string[]; kinds: Set<string> }[] = [];

  private prepared(i: number): { keys: string[]; words: string[]; kinds: Set<string> } {
    let p = this.preparedEntries[i];
    if (!p) {
      const spelling = this.labels[i]!.spelling;
      p = {
        keys: looseKeys(spelling),
        words: meaningWords(spelling),
        kinds: new Set(meaningWords(spelling, true)),
      };
      this.preparedEntries[i] = p;
    }
    return p;
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

  /**
   * Up to `count` values a title that could not be placed plausibly means, best first: names
   * that share one of its distinctive words ("Zebra Wrangler" → Animal Wrangler) or are a small
   * typo of it. Only words that say what the job is count; "Key", "Assistant", "Set", ordinals and
   * two-letter shorthand alone never make a suggestion, so there may be none.
   */
  suggestByMeaning(text: string, count = 3): T[] {
    const reading = readTitle(text).at(-1);
    if (!reading) return [];
    const typed = meaningWords(reading.core);
    // "Assistant" alone says nothing about which job.
    const kinds = typed.length ? [] : meaningWords(reading.core, true);
    if (kinds.every((w) => w === "asst")) kinds.length = 0;
    const typedKeys = looseKeys(reading.core);
    const scored = new Map<T, number>();
    for (const [i, entry] of this.labels.entries()) {
      const prepared = this.prepared(i);
      let score = 0;
      for (const k of typedKeys) {
        // A suggestion forgives a little more than a match does: it is only offered.
        const limit = k.length >= 4 ? typoLimit(k) + 1 : 0;
        if (limit === 0) continue;
        for (const ek of prepared.keys) {
          const d = editDistance(k, ek, limit);
          if (d <= limit) score = Math.max(score, 10 - d);
        }
      }
      if (typed.length) {
        const entryWords = prepared.words;
        const words = new Set(entryWords);
        const shared = typed.filter((w) => words.has(w)).length;
        // The last word names the job ("Zebra Wrangler" is a wrangler, a "Grip Truck" is a truck):
        // a name is suggested only where it names the same kind of job.
        const head = typed[typed.length - 1] === entryWords[entryWords.length - 1];
        // Share of the typed words found, less a little for the entry's words not typed.
        if (shared && head) {
          score = Math.max(score, shared / typed.length - 0.01 * (words.size - shared));
        } else if (shared === typed.length) {
          // Every typed word, in another order ("Best Boy" in "Best Boy Grip"): a weaker hint.
          score = Math.max(score, 0.4 - 0.01 * words.size);
        }
      } else if (kinds.length) {
        // Only kind-of-job words typed ("Asst. Directors"): names that have every one of them.
        const words = prepared.kinds;
        if (kinds.every((w) => words.has(w))) score = Math.max(score, 0.5 - 0.01 * words.size);
      }
      if (score > 0 && score > (scored.get(entry.value) ?? 0)) scored.set(entry.value, score);
    }
    return [...scored.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([value]) => value);
  }
}
