/**
 * The budget tier a total budget falls in: the IATSE Low Budget Theatrical Agreement 2023-25,
 * Art. I.B (printed page 1, PDF page 3) bounds each tier "over" one figure "and at not more than"
 * the next, so a tier ends exactly at its figure and the next starts one cent above it.
 */
import { describe, expect, it } from "vitest";
import { rateCard } from "../../src/data";
import { MAX_BUDGET_DOLLARS, tierForBudget, type Tier } from "../../src/engine";
import { errorOf } from "../fixtures/errorOf";

const tiers = rateCard.meta.tiers;
const tierName = (dollars: number) => tierForBudget(tiers, dollars).name;

/** Each printed ceiling: the tier that ends there, and the one that starts a cent above it. */
const CEILINGS: [number, string, string][] = [
  [3_000_000, "Ultra-low", "Tier 1A"],
  [6_250_000, "Tier 1A", "Tier 1B"],
  [9_000_000, "Tier 1B", "Tier 2"],
  [12_500_000, "Tier 2", "Tier 3"],
  [15_000_000, "Tier 3", "Studio"],
];

describe("tierForBudget", () => {
  it.each(CEILINGS)(
    "puts $%d itself and a cent below it in %s, and a cent above it in %s",
    (ceiling, below, above) => {
      expect(tierName(ceiling - 0.01)).toBe(below);
      expect(tierName(ceiling)).toBe(below);
      expect(tierName(ceiling + 0.01)).toBe(above);
    },
  );

  it("reads $0 as Ultra-low and anything above $15M as Studio (the Basic Agreement)", () => {
    expect(tierName(0)).toBe("Ultra-low");
    expect(tierName(40_000_000)).toBe("Studio");
    expect(tierName(MAX_BUDGET_DOLLARS)).toBe("Studio");
  });

  it("rounds to the cent before comparing, so a fraction of a cent does not cross a line", () => {
    expect(tierName(3_000_000.004)).toBe("Ultra-low");
    expect(tierName(3_000_000.006)).toBe("Tier 1A");
  });

  it("returns the card's own tier, named as the Tier setting and CREW functions name it", () => {
    const t = tierForBudget(tiers, 7_500_000);
    expect(t).toBe(tiers.find((x) => x.id === "tier-1b"));
  });

  it.each([-0.01, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_BUDGET_DOLLARS + 1])(
    "refuses %d as a budget with BAD_BUDGET",
    (bad) => {
      const e = errorOf(() => tierForBudget(tiers, bad));
      expect(e.code).toBe("BAD_BUDGET");
      expect(e.message).toMatch(/^Total budget '.*' must be a number of dollars/);
    },
  );

  it("reads the bounds from the tiers it is given, not from a table of its own", () => {
    const two: Tier[] = [
      { ...tiers[0]!, id: "small", name: "Small", budgetFromCents: undefined, budgetToCents: 100 },
      { ...tiers[0]!, id: "big", name: "Big", budgetFromCents: 101, budgetToCents: undefined },
    ];
    expect(tierForBudget(two, 1).name).toBe("Small");
    expect(tierForBudget(two, 1.01).name).toBe("Big");
  });
});

describe("the card's budget tiers", () => {
  it("cover every amount from $0 up with no gap and no overlap, in cents", () => {
    const bounded = tiers
      .filter((t) => t.budgetFromCents !== undefined || t.budgetToCents !== undefined)
      .sort((a, b) => (a.budgetFromCents ?? 0) - (b.budgetFromCents ?? 0));
    expect(bounded[0]!.budgetFromCents ?? 0).toBe(0);
    for (let i = 1; i < bounded.length; i++) {
      expect(bounded[i]!.budgetFromCents, bounded[i]!.id).toBe(bounded[i - 1]!.budgetToCents! + 1);
    }
    expect(bounded.at(-1)!.budgetToCents).toBeUndefined();
  });
});
