import { useMemo } from "react";
import type { BudgetLine, BudgetSettings } from "../../budget";
import type { Role } from "../../engine";
import { draftRequest, type QuoteInputs, type QuoteResult } from "../quoteDraft";
import type { EngineResult } from "./usePricingEngines";

export interface LiveQuote {
  /** The drafted line's price, or why it has none; undefined until a role and settings exist. */
  result: QuoteResult | undefined;
  /** The agreement the line gets when none is chosen, to label that option. */
  customaryAgreement: string | undefined;
}

/** The drafted line priced as its formulas will price it, recomputed as the producer types. */
export function useLiveQuote(
  pricing: EngineResult,
  role: Role | undefined,
  inputs: QuoteInputs,
  settings: BudgetSettings | undefined,
  lines: readonly BudgetLine[],
): LiveQuote {
  const result = useMemo((): QuoteResult | undefined => {
    if (!role || !settings) return undefined;
    if (!pricing.ok) return pricing;
    try {
      return { ok: true, quote: pricing.engine.quote(draftRequest(role, inputs, settings, lines)) };
    } catch (error) {
      // Shown in the live quote in place of a number.
      return { ok: false, error };
    }
  }, [pricing, role, inputs, settings, lines]);

  const { region, tier } = inputs;
  const customaryAgreement = useMemo(() => {
    if (!role || !settings || !pricing.ok) return undefined;
    try {
      return pricing.engine.defaultAgreement({
        role: role.title,
        region: region ?? settings.region,
        tier: tier ?? settings.tier,
      }).name;
    } catch {
      // Only the option's label depends on this; the live quote reports any error itself.
      return undefined;
    }
  }, [pricing, role, region, tier, settings]);

  return { result, customaryAgreement };
}
