import { editDistance, normalizeName } from "./names";
import type { Role } from "./types";

/** A role prepared for search: its spellings as normalized words, made once per card. */
export interface SearchEntry {
  role: Role;
  /** Normalized title and aliases, each whole. */
  names: string[];
  /** Normalized single words of the title, aliases and department name. */
  words: string[];
}

export function buildSearchEntries(roles: readonly Role[], departmentName: (id: string) => string): SearchEntry[] {
  return roles.map((role) => {
    const spellings = [role.title, ...role.aliases];
    const words = new Set<string>();
    for (const text of [...spellings, departmentName(role.department)]) {
      for (const word of text.split(/[\s/()-]+/)) {
        const key = normalizeName(word);
        if (key) words.add(key);
      }
    }
    return { role, names: spellings.map(normalizeName), words: [...words] };
  });
}

/** How well one typed word matches one of the role's words: lower is better, undefined is none. */
function wordScore(typed: string, words: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const word of words) {
    let score: number | undefined;
    if (word === typed) score = 0;
    else if (word.startsWith(typed)) score = 0.5;
    else if (typed.length >= 4) {
      const limit = typed.length >= 7 ? 2 : 1;
      const d = editDistance(typed, word.slice(0, Math.max(typed.length, Math.min(word.length, typed.length + 1))), limit);
      if (d <= limit) score = 1 + d;
    }
    if (score !== undefined && (best === undefined || score < best)) best = score;
  }
  return best;
}

/**
 * Roles matching what is typed, best first: exact title or alias, then titles starting with it,
 * then every typed word matching a word of the role (prefixes count, typos within one or two
 * edits count for longer words: "gafer", "post prod", "cam op").
 */
export function searchRoles(entries: readonly SearchEntry[], query: string, limit = 25): Role[] {
  const whole = normalizeName(query);
  if (!whole) return [];
  const typedWords = query
    .split(/[\s/()-]+/)
    .map(normalizeName)
    .filter(Boolean);
  const scored: { role: Role; score: number }[] = [];
  for (const entry of entries) {
    let score: number | undefined;
    if (entry.names.includes(whole)) score = 0;
    else if (entry.names.some((n) => n.startsWith(whole))) score = 1;
    else {
      let sum = 0;
      for (const typed of typedWords) {
        const s = wordScore(typed, entry.words);
        if (s === undefined) {
          sum = -1;
          break;
        }
        sum += s;
      }
      if (sum >= 0) score = 2 + sum / typedWords.length;
      else if (whole.length >= 4) {
        // One word typed without spaces or with a typo across words ("postprod", "setdresser").
        const d = Math.min(...entry.names.map((n) => editDistance(whole, n.slice(0, whole.length + 1), 2)));
        if (d <= 2) score = 4 + d;
      }
    }
    if (score !== undefined) scored.push({ role: entry.role, score });
  }
  scored.sort((a, b) => a.score - b.score || a.role.title.localeCompare(b.role.title));
  return scored.slice(0, limit).map((s) => s.role);
}
