import type { RateEngine } from "./engine";
import { isRateError } from "./errors";
import type { QuoteRequest } from "./types";

/** One budget line whose total changes between two card versions. */
export interface LineChange {
  /** Index of the line in the list given. */
  index: number;
  request: QuoteRequest;
  /** Totals in cents; undefined where that version has no rate for the line. */
  fromCents: number | undefined;
  toCents: number | undefined;
}

export interface UpdateDiff {
  from: string;
  to: string;
  changes: LineChange[];
  /** Budget total before and after, over the lines that price under each version. */
  fromTotalCents: number;
  toTotalCents: number;
}

function totalOf(engine: RateEngine, request: QuoteRequest): number | undefined {
  try {
    return engine.quoteFast(request).totalCents;
  } catch (e) {
    if (isRateError(e)) return undefined;
    throw e;
  }
}

/**
 * What updating a budget from one card version to another would change: each line whose total
 * differs (or that gains or loses a rate), with old and new totals, and the budget-level totals.
 * Nothing is changed; the caller shows this before the user decides.
 */
export function diffCardVersions(
  engine: RateEngine,
  lines: readonly QuoteRequest[],
  from: string,
  to: string,
): UpdateDiff {
  const a = engine.forVersion(from);
  const b = engine.forVersion(to);
  const changes: LineChange[] = [];
  let fromTotalCents = 0;
  let toTotalCents = 0;
  lines.forEach((request, index) => {
    const fromCents = totalOf(a, request);
    const toCents = totalOf(b, request);
    fromTotalCents += fromCents ?? 0;
    toTotalCents += toCents ?? 0;
    if (fromCents !== toCents) changes.push({ index, request, fromCents, toCents });
  });
  return { from, to, changes, fromTotalCents, toTotalCents };
}
