import { classificationKey, type CardIndex } from "./cardIndex";
import { isRateError } from "./errors";
import { describeSource } from "./explain";
import { planRate, type ResolvedTerms } from "./quote";
import type { Role, Unit } from "./types";

/** One rate the card holds for a role. */
export interface RateListing {
  agreement: string;
  classification: string;
  schedule: string;
  unit: Unit;
  amountCents: number;
  region: string;
  tier: string;
  effectiveFrom: string;
  effectiveTo: string;
  kind: "published" | "estimate";
  source: string;
}

const FIGURES = [
  ["hourlyCents", "hour"],
  ["dailyCents", "day"],
  ["weeklyCents", "week"],
] as const;

/**
 * Every rate the card holds for a role: each printed figure of each union scale that covers it,
 * then its non-union estimate by the week for each tier and each period of the estimate's basis.
 */
export function listRates(index: CardIndex, role: Role): RateListing[] {
  const out: RateListing[] = [];
  for (const ref of role.scales) {
    const cref = index.classifications.get(classificationKey(ref.agreement, ref.code));
    if (!cref) continue;
    const agreement = index.agreementById.get(cref.book.agreement);
    const region = cref.book.regions
      .map((id) => (id === "*" ? "all regions" : (index.regionById.get(id)?.name ?? id)))
      .join(", ");
    for (const schedule of cref.classification.schedules) {
      for (const period of schedule.rates) {
        for (const [field, unit] of FIGURES) {
          const amountCents = period[field];
          if (amountCents === undefined) continue;
          out.push({
            agreement: agreement?.name ?? cref.book.agreement,
            classification: `${cref.book.name}: ${cref.classification.title} (${cref.classification.code})`,
            schedule: `${schedule.label} (${schedule.hire})`,
            unit,
            amountCents,
            region,
            tier: index.card.meta.unionTiers
              .map((t) => index.tierById.get(t)?.name ?? t)
              .join(", "),
            effectiveFrom: period.from,
            effectiveTo: period.to,
            kind: period.kind,
            source:
              period.kind === "estimate" && period.method
                ? `${period.method} From: ${describeSource(period.source ?? cref.book.source)}`
                : describeSource(period.source ?? cref.book.source, period.page),
          });
        }
      }
    }
  }
  const basis = index.classifications.get(
    classificationKey(role.estimate.basis.agreement, role.estimate.basis.code),
  );
  const nonUnion = index.agreementById.get("non-union");
  const region = index.regionById.get(index.card.meta.defaults.region);
  if (!basis || !nonUnion || !region) return out;
  const periods = new Map<string, string>();
  for (const s of basis.classification.schedules)
    for (const p of s.rates) periods.set(p.from, p.to);
  const unit: Unit =
    role.unit === "flat" && role.estimate.flatWeeks !== undefined ? "flat" : "week";
  for (const tier of index.card.meta.tiers) {
    for (const [from, to] of [...periods].sort()) {
      const request: ResolvedTerms = {
        role,
        unit,
        agreement: nonUnion,
        region,
        tier,
        date: from,
        hoursPerDay: undefined,
        daysPerWeek: 5,
      };
      const plan = planRate(index, request);
      if (isRateError(plan)) continue;
      out.push({
        agreement: nonUnion.name,
        classification: `estimate from ${basis.book.name}: ${basis.classification.title} (${basis.classification.code})`,
        schedule: plan.basis.schedule.label,
        unit,
        amountCents: plan.unitRateCents,
        region: "all regions",
        tier: tier.name,
        effectiveFrom: from,
        effectiveTo: to,
        kind: "estimate",
        source: plan.basis.method ?? "",
      });
    }
  }
  return out;
}
