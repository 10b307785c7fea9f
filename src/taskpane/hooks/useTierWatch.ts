import { useEffect, useMemo, useRef, useState } from "react";
import type { BudgetSettings } from "../../budget";
import { isRateError, tierForBudget, type RateEngine, type Tier } from "../../engine";

/** The production budget's tier, and what the pane should say about it. */
export interface TierWatch {
  /** The Production budget setting in dollars; undefined when it is blank. */
  totalBudget: number | undefined;
  /** The LBT tier that total falls in ("Studio" above the LBT's ceiling). */
  budgetTier: Tier | undefined;
  /** The Budget tier setting, when it disagrees with the total's tier: crew lines price at it. */
  disagreement: { settingTier: string; budgetTier: Tier; totalBudget: number } | undefined;
  /** The total moved across a tier boundary between two reads of the settings. */
  crossing: TierCrossing | undefined;
  dismissCrossing: () => void;
}

export interface TierCrossing {
  from: { total: number; tier: Tier };
  to: { total: number; tier: Tier };
}

/** "$7.5M", "$950K", "$12,000": short enough for a 320 px pane, exact enough to read a tier by. */
export function shortDollars(dollars: number): string {
  const trim = (n: number) => String(Number(n.toFixed(2)));
  if (dollars >= 1_000_000) return `$${trim(dollars / 1_000_000)}M`;
  if (dollars >= 100_000) return `$${trim(dollars / 1_000)}K`;
  return `$${Math.round(dollars).toLocaleString("en-US")}`;
}

function tierOf(engine: RateEngine, total: number | undefined): Tier | undefined {
  return total === undefined ? undefined : tierForBudget(engine.card.meta.tiers, total);
}

/** The Budget tier setting as the card names it; undefined when the card has no such tier (the pane reports that where it prices). */
function settingTierOf(engine: RateEngine, text: string): Tier | undefined {
  try {
    return engine.findTier(text);
  } catch (e) {
    if (isRateError(e)) return undefined;
    throw e;
  }
}

/**
 * Tier watch: the LBT tier the Production budget setting falls in (tierForBudget), a warning when
 * the Budget tier setting disagrees with it, and a note when the total crosses a tier boundary
 * between two reads of the settings (the last-read total is kept here).
 */
export function useTierWatch(engine: RateEngine, settings: BudgetSettings | undefined): TierWatch {
  const totalBudget = settings?.totalBudget;
  const budgetTier = useMemo(() => tierOf(engine, totalBudget), [engine, totalBudget]);
  const settingTier = useMemo(
    () => (settings ? settingTierOf(engine, settings.tier) : undefined),
    [engine, settings],
  );
  const [crossing, setCrossing] = useState<TierCrossing | undefined>(undefined);
  // The total as last read, to tell a move across a boundary; unset settings keep the last one.
  const lastRead = useRef<{ total: number; tier: Tier } | undefined>(undefined);

  useEffect(() => {
    if (totalBudget === undefined || budgetTier === undefined) return;
    const before = lastRead.current;
    lastRead.current = { total: totalBudget, tier: budgetTier };
    if (before && before.tier.id !== budgetTier.id) {
      setCrossing({ from: before, to: { total: totalBudget, tier: budgetTier } });
    } else if (before && before.total !== totalBudget) {
      // A move within the tier: an earlier crossing note no longer describes the last change.
      setCrossing(undefined);
    }
  }, [totalBudget, budgetTier]);

  const disagreement =
    budgetTier &&
    settings &&
    settingTier &&
    settingTier.id !== budgetTier.id &&
    totalBudget !== undefined
      ? { settingTier: settingTier.name, budgetTier, totalBudget }
      : undefined;

  return {
    totalBudget,
    budgetTier,
    disagreement,
    crossing,
    dismissCrossing: () => {
      setCrossing(undefined);
    },
  };
}
