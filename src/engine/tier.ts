/**
 * Which budget tier a production falls in by its total budget. The card's tiers carry the bounds
 * (`budgetFromCents`, `budgetToCents`, both inclusive); for the Low Budget tiers they are the IATSE
 * Low Budget Theatrical Agreement 2023-25, Art. I.B (printed page 1, PDF page 3): Ultra-Low "no
 * more than 3.0 million dollars ($3,000,000)", Tier One A "over 3 million dollars and at not more
 * than 6.25 million dollars ($3,000,001 to $6,250,000)", Tier One B over $6.25M to $9M, Tier Two
 * over $9M to $12.5M, Tier Three over $12.5M to $15M. Above $15M the LBT does not apply: the
 * Basic Agreement's (Studio) rates do.
 */
import { RateError, assert, orThrow } from "./errors";
import { dollarsToCents } from "./money";
import type { Tier } from "./types";

/** Larger than any production budget; beyond it a figure is a typing slip, not a budget. */
export const MAX_BUDGET_DOLLARS = 1_000_000_000_000;

/**
 * The budget tier whose range holds a production's total budget. The amount is rounded to the
 * cent first, so $3,000,000.004 is $3,000,000.00 (Ultra-low) and $3,000,000.01 is Tier 1A: the
 * agreement's "over 3 million" starts at the first cent over.
 *
 * The LBT counts "production costs" above and below the line, pre- through post-production, less
 * the completion bond premium and a contingency of up to 10% (Art. I.A), and sets the tier by the
 * budget when principal photography starts (footnote 1); Ultra-low also needs at least fifteen
 * days of scheduled principal photography. Only the amount is read here.
 * @param tiers the card's tiers (`card.meta.tiers`), each with its inclusive budget bounds
 * @param budgetDollars the production's total budget in dollars
 * @returns the tier, e.g. the one named "Tier 1B"; "Studio" above the LBT's ceiling
 * @throws RateError BAD_BUDGET when the amount is not a number of dollars from 0 to MAX_BUDGET_DOLLARS
 */
export function tierForBudget(tiers: readonly Tier[], budgetDollars: number): Tier {
  return orThrow(findTierForBudget(tiers, budgetDollars));
}

/** `tierForBudget`, returning its failure (see errors.ts). */
export function findTierForBudget(tiers: readonly Tier[], budgetDollars: number): Tier | RateError {
  if (!(budgetDollars >= 0 && budgetDollars <= MAX_BUDGET_DOLLARS)) {
    return new RateError("BAD_BUDGET", { input: String(budgetDollars) });
  }
  const cents = dollarsToCents(budgetDollars);
  const found = tiers.find(
    (t) =>
      (t.budgetFromCents !== undefined || t.budgetToCents !== undefined) &&
      (t.budgetFromCents === undefined || cents >= t.budgetFromCents) &&
      (t.budgetToCents === undefined || cents <= t.budgetToCents),
  );
  assert(found, `the card's budget tiers leave ${cents} cents without a tier`);
  return found;
}
