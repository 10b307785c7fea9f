import { useEffect, useRef, useState } from "react";
import { requestForLine, type BudgetLine, type BudgetSettings } from "../../budget";
import { unionChange, type RateEngine, type UnionChange } from "../../engine";

/** A settings change that moved lines between union scales and estimates, for the pane's note. */
export interface UnionChangeNote {
  /** "Region to Georgia", "Budget tier to Tier 2". */
  what: string;
  change: UnionChange;
}

function describeChange(before: BudgetSettings, after: BudgetSettings): string | undefined {
  const parts = [
    before.region !== after.region ? `Region to ${after.region}` : "",
    before.tier !== after.tier ? `Budget tier to ${after.tier}` : "",
    before.budgetDate !== after.budgetDate ? `Budget date to ${after.budgetDate}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : undefined;
}

/**
 * Watches the Settings sheet: when Region, Budget tier or Budget date changes, says how many of the
 * lines that follow those settings moved from a union scale to a non-union estimate (or back) and
 * what that did to their fringes, so a switch from Los Angeles to Georgia is never silent.
 */
export function useUnionChange(
  engine: RateEngine | undefined,
  settings: BudgetSettings | undefined,
  lines: readonly BudgetLine[],
): { note: UnionChangeNote | undefined; dismiss: () => void } {
  const [note, setNote] = useState<UnionChangeNote | undefined>(undefined);
  const previous = useRef<BudgetSettings | undefined>(undefined);

  useEffect(() => {
    const before = previous.current;
    if (!settings) return;
    previous.current = settings;
    if (!engine || !before) return;
    const what = describeChange(before, settings);
    if (!what) return;
    // The lines that follow the settings: their Region and Tier cells show the settings (the new
    // ones, or the old ones when the lines were read just before the settings).
    const follows = (cell: string, from: string, to: string) =>
      cell === "" || cell === from || cell === to;
    const following = lines.filter(
      (l) =>
        follows(l.region, before.region, settings.region) &&
        follows(l.tier, before.tier, settings.tier),
    );
    const requests = following.map((l) =>
      requestForLine({ ...l, region: before.region, tier: before.tier }, before),
    );
    const change = unionChange(engine, requests, {
      region: settings.region,
      tier: settings.tier,
      date: settings.budgetDate,
    });
    setNote(change.toEstimate.length + change.toUnion.length > 0 ? { what, change } : undefined);
  }, [engine, settings, lines]);

  return {
    note,
    dismiss: () => {
      setNote(undefined);
    },
  };
}
