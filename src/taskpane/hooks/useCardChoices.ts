import { useMemo } from "react";
import type { BudgetSettings } from "../../budget";
import type { CardMeta } from "../../engine";
import { canonicalName } from "../quoteDraft";

export interface CardChoices {
  agreementNames: string[];
  regionNames: string[];
  tierNames: string[];
  /** The non-union agreement's name, for the role card's estimate note. */
  estimateAgreement: string | undefined;
  /** The Settings sheet's region and tier as the card names them ("LA" → "Los Angeles"). */
  settingsRegion: string;
  settingsTier: string;
}

/** What the quote form offers, from the card, and the workbook's settings in the card's words. */
export function useCardChoices(meta: CardMeta, settings: BudgetSettings | undefined): CardChoices {
  const agreementNames = useMemo(() => meta.agreements.map((a) => a.name), [meta]);
  const regionNames = useMemo(() => meta.regions.map((r) => r.name), [meta]);
  const tierNames = useMemo(() => meta.tiers.map((t) => t.name), [meta]);
  return {
    agreementNames,
    regionNames,
    tierNames,
    estimateAgreement: meta.agreements.find((a) => a.id === "non-union")?.name,
    settingsRegion: settings ? canonicalName(meta.regions, settings.region) : "",
    settingsTier: settings ? canonicalName(meta.tiers, settings.tier) : "",
  };
}
