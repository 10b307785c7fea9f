/**
 * Which union scale covers a role where and when: a book applies in its regions at its tiers, and a
 * classification covers a date when one of its schedules has figures in force then (in the card
 * version the index was built from, so a pinned workbook sees only the books it shipped with).
 */
import { classificationKey, type CardIndex, type ClassificationRef } from "./cardIndex";
import { periodInForce } from "./scales";
import type { Agreement, Region, Role, ScaleBook, ScaleRef, Tier } from "./types";

/** Whether a book's rates apply in a region at a budget tier. */
export function bookApplies(
  index: CardIndex,
  book: ScaleBook,
  regionId: string,
  tierId: string,
): boolean {
  const tiers = book.tiers ?? [index.card.meta.defaults.tier];
  return (book.regions.includes("*") || book.regions.includes(regionId)) && tiers.includes(tierId);
}

/** Whether a classification has figures in force on a date. */
export function hasRatesOn(cref: ClassificationRef, date: string): boolean {
  return cref.classification.schedules.some((s) => periodInForce(s.rates, date) !== undefined);
}

/** A role's union classification that applies in a region at a tier on a date. */
export interface CoveringScale {
  ref: ScaleRef;
  cref: ClassificationRef;
  agreement: Agreement;
}

/** The role's first scale (card order) that applies in the region and tier and is in force. */
export function coveringScale(
  index: CardIndex,
  role: Role,
  tier: Tier,
  region: Region,
  date: string,
  agreementId?: string,
): CoveringScale | undefined {
  for (const ref of role.scales) {
    const cref = index.classifications.get(classificationKey(ref.agreement, ref.code));
    if (!cref || !bookApplies(index, cref.book, region.id, tier.id)) continue;
    if (agreementId !== undefined && cref.book.agreement !== agreementId) continue;
    if (!hasRatesOn(cref, date)) continue;
    const agreement = index.agreementById.get(cref.book.agreement);
    if (agreementId === undefined && agreement?.chosenOnly) continue;
    if (agreement) return { ref, cref, agreement };
  }
  return undefined;
}

/**
 * The union agreements with a regional scale (not a nationwide one such as the DGA's) in force in
 * a region at a tier on a date, card order: the ones a producer would expect to cover the role.
 */
function agreementsIn(index: CardIndex, tier: Tier, region: Region, date: string): Agreement[] {
  const out: Agreement[] = [];
  for (const book of index.card.scales) {
    if (book.regions.includes("*") && (book.tiers ?? []).length === 0) continue;
    if (!bookApplies(index, book, region.id, tier.id)) continue;
    const agreement = index.agreementById.get(book.agreement);
    if (!agreement || agreement.chosenOnly || out.includes(agreement)) continue;
    const inForce = book.classifications.some((c) =>
      c.schedules.some((s) => periodInForce(s.rates, date) !== undefined),
    );
    if (inForce) out.push(agreement);
  }
  return out;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]!}`;
}

/**
 * The union agreement that covers a role by default in a region at a tier on a date, or why none
 * does (for the line's basis: "no Local 52 scale for this role in New York").
 */
export function unionCoverage(
  index: CardIndex,
  role: Role,
  tier: Tier,
  region: Region,
  date: string,
): { agreement: Agreement; reason?: undefined } | { agreement?: undefined; reason: string } {
  if (!index.card.meta.unionTiers.includes(tier.id)) {
    return {
      reason: `union wages are negotiated at the ${tier.name} tier, so it is priced non-union unless you choose an agreement`,
    };
  }
  const covering = coveringScale(index, role, tier, region, date);
  if (covering) return { agreement: covering.agreement };
  const where =
    tier.id === index.card.meta.defaults.tier ? region.name : `${region.name} at ${tier.name}`;
  const names = agreementsIn(index, tier, region, date).map((a) => a.name);
  if (names.length === 0) return { reason: `no union scale for this role in ${where} on the card` };
  return { reason: `no ${listNames(names)} scale for this role in ${where}` };
}
