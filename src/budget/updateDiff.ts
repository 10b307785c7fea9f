/**
 * What moving a budget to a newer rate card would change, line by line, priced exactly as the
 * sheet's formulas price each line under each version.
 */
import { isRateError, type QuoteRequest, type RateEngine } from "../engine";
import { requestForLine, RunningWages, type BudgetLine } from "./crewLine";
import type { BudgetSettings } from "./settings";

/** A budget line as the diff needs it: its request, and who it pays (yearly caps run per person). */
export type DiffLine = QuoteRequest & { person?: string | undefined };

/** The diff's view of a budget line: the request its formulas make, with the workbook's settings. */
export function diffLine(line: BudgetLine, settings: BudgetSettings): DiffLine {
  return { ...requestForLine(line, settings), person: line.person };
}

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

/**
 * Prices lines in order as the budget does: a named person's wages budgeted on the lines above
 * count toward that person's yearly caps (the sheet's wages spill over Subtotal).
 */
function totalsOf(engine: RateEngine, lines: readonly DiffLine[]): (number | undefined)[] {
  const wages = new RunningWages();
  return lines.map(({ person, ...request }) => {
    const before = wages.before(person);
    try {
      const q = engine.quoteFast(
        before === undefined ? request : { ...request, wagesToDate: before },
      );
      wages.add(person, q.subtotalCents);
      return q.totalCents;
    } catch (e) {
      if (isRateError(e)) return undefined;
      throw e;
    }
  });
}

/**
 * What updating a budget from one card version to another would change: each line whose total
 * differs (or that gains or loses a rate), with old and new totals, and the budget-level totals.
 * Nothing is changed; the caller shows this before the user decides.
 */
export function diffCardVersions(
  engine: RateEngine,
  lines: readonly DiffLine[],
  from: string,
  to: string,
): UpdateDiff {
  const before = totalsOf(engine.forVersion(from), lines);
  const after = totalsOf(engine.forVersion(to), lines);
  const changes: LineChange[] = [];
  let fromTotalCents = 0;
  let toTotalCents = 0;
  lines.forEach((request, index) => {
    const fromCents = before[index];
    const toCents = after[index];
    fromTotalCents += fromCents ?? 0;
    toTotalCents += toCents ?? 0;
    if (fromCents !== toCents) changes.push({ index, request, fromCents, toCents });
  });
  return { from, to, changes, fromTotalCents, toTotalCents };
}
