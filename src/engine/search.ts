import { editDistance, normalizeName } from "./names";
import { looseKeys } from "./titles";
import type { Role } from "./types";

/**
 * What a bare word or abbreviation means on a crew list when it names no role by itself: "the
 * AD" is the 1st AD, "the coordinator" the production office coordinator, "the mixer" the
 * production sound mixer. Ranking only: typed into a formula, these stay unknown (with these
 * roles first among the suggestions' neighbours in search).
 */
const COMMON_MEANINGS: Readonly<Record<string, string>> = {
  ad: "first-assistant-director",
  ac: "first-assistant-camera",
  coordinator: "production-coordinator",
  coord: "production-coordinator",
  mixer: "production-sound-mixer",
  script: "script-supervisor",
  props: "property-master",
  casting: "casting-director",
  locations: "location-manager",
  electric: "lighting-technician",
  camera: "camera-operator",
  sound: "production-sound-mixer",
  wardrobe: "costume-supervisor",
  transpo: "transportation-coordinator",
};

/** A role prepared for search, made once per card. */
interface SearchEntry {
  role: Role;
  /** Normalized title and aliases, each whole. */
  names: string[];
  /** The same with shorthand spelled out and plurals folded (see titles.ts). */
  looseNames: Set<string>;
  /** Indexes into the vocabulary of the normalized words of its title, aliases and department. */
  words: number[];
  /** For each of `words`: 0 when it is a word of the title, a small penalty when it is not. */
  penalties: number[];
}

/**
 * The most characters of a search that are read: five times the card's longest title (39), so no
 * title or crew-list line is cut, while a pasted page costs no more than a few titles (each typed
 * word is scored against the whole vocabulary). The rest is ignored; CREW.ROLES refuses a longer
 * search.
 */
export const MAX_SEARCH_LENGTH = 200;

/** A match on an alias or the department name ranks below the same match on the title. */
const NOT_IN_TITLE = 0.3;

function splitWords(text: string): string[] {
  return text
    .split(/[\s/(),.-]+/)
    .map(normalizeName)
    .filter(Boolean);
}

/**
 * Typo-tolerant search over the roles of a card. Each typed word is scored once against the card's
 * vocabulary (a few hundred distinct words), not once per role, so a keystroke costs about the same
 * whatever the catalog's size.
 */
export class RoleSearch {
  private readonly entries: SearchEntry[];
  private readonly vocabulary: string[] = [];

  constructor(roles: readonly Role[], departmentName: (id: string) => string) {
    const wordIds = new Map<string, number>();
    const idOf = (word: string): number => {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = this.vocabulary.length;
        this.vocabulary.push(word);
        wordIds.set(word, id);
      }
      return id;
    };
    this.entries = roles.map((role) => {
      const spellings = [role.title, ...role.aliases];
      const penalty = new Map<number, number>();
      for (const word of splitWords(role.title)) penalty.set(idOf(word), 0);
      for (const text of [...role.aliases, departmentName(role.department)]) {
        for (const word of splitWords(text)) {
          const id = idOf(word);
          if (!penalty.has(id)) penalty.set(id, NOT_IN_TITLE);
        }
      }
      return {
        role,
        names: spellings.map(normalizeName),
        looseNames: new Set(spellings.flatMap(looseKeys)),
        words: [...penalty.keys()],
        penalties: [...penalty.values()],
      };
    });
  }

  /** How well a typed word matches each vocabulary word: lower is better, Infinity is no match. */
  private scoreWord(typed: string): Float64Array {
    const scores = new Float64Array(this.vocabulary.length).fill(Number.POSITIVE_INFINITY);
    const limit = typed.length >= 7 ? 2 : typed.length >= 4 ? 1 : 0;
    this.vocabulary.forEach((word, i) => {
      if (word === typed) scores[i] = 0;
      else if (word.startsWith(typed)) scores[i] = 0.5;
      else if (limit > 0) {
        // Compare with the word's start, so a typo in a prefix ("gafe", "locaton") still matches.
        const d = editDistance(typed, word.slice(0, typed.length + 1), limit);
        const whole = d > limit ? editDistance(typed, word, limit) : d;
        const best = Math.min(d, whole);
        if (best <= limit) scores[i] = 1 + best;
      }
    });
    return scores;
  }

  /**
   * Roles matching what is typed, best first: an exact title or alias (or the role a bare word
   * means on a crew list: "AD", "coordinator"), then a title or alias once shorthand is spelled
   * out ("Prod Coord"), then titles starting with it, then roles where every typed word matches one of their words (prefixes count; typos within
   * one edit for words of 4+ letters, two for 7+: "gafer", "post prod", "locaton manager").
   * Only the first `MAX_SEARCH_LENGTH` characters of `query` are read.
   */
  search(text: string, limit = 25, filter?: (role: Role) => boolean): Role[] {
    const query = text.length > MAX_SEARCH_LENGTH ? text.slice(0, MAX_SEARCH_LENGTH) : text;
    const whole = normalizeName(query);
    if (!whole) return [];
    const typed = splitWords(query);
    const wordScores = typed.map((w) => this.scoreWord(w));
    const common = COMMON_MEANINGS[whole];
    const loose = looseKeys(query);
    const scored: { role: Role; score: number }[] = [];
    for (const entry of this.entries) {
      if (filter && !filter(entry.role)) continue;
      let score: number | undefined;
      if (entry.names.includes(whole)) score = 0;
      else if (entry.role.id === common) score = 0;
      else if (loose.some((k) => entry.looseNames.has(k))) score = 0.5;
      // Two or three letters start too many names ("PA": "Paramedic"); they count as words below.
      else if (whole.length >= 4 && entry.names.some((n) => n.startsWith(whole))) score = 1;
      else {
        let sum = 0;
        for (const scores of wordScores) {
          let best = Number.POSITIVE_INFINITY;
          entry.words.forEach((w, i) => {
            best = Math.min(best, scores[w]! + entry.penalties[i]!);
          });
          sum += best;
          if (sum === Number.POSITIVE_INFINITY) break;
        }
        if (sum !== Number.POSITIVE_INFINITY) score = 2 + sum / typed.length;
      }
      if (score !== undefined) scored.push({ role: entry.role, score });
    }
    // Ties go to the shorter title: "Location Manager" before "Key Assistant Location Manager".
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        a.role.title.length - b.role.title.length ||
        a.role.title.localeCompare(b.role.title),
    );
    return scored.slice(0, limit).map((s) => s.role);
  }
}
