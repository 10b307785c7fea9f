import { classificationKey, type CardIndex } from "./cardIndex";
import { isRateError } from "./errors";
import { describeSource } from "./explain";
import { planRate } from "./quote";
import type { ResolvedTerms } from "./terms";
import { DEFAULT_HEALTH_CONTRIBUTION, type Role, type Unit } from "./types";

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
  kind: "published" | "estimate" | "override";
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
  // The workbook's own rates first: they win over everything below.
  for (const o of index.overrides.get(role.id) ?? []) {
    out.push({
      agreement: o.agreementId
        ? (index.agreementById.get(o.agreementId)?.name ?? o.agreementId)
        : "Any agreement",
      classification:
        o.table === "Production Roles" ? "This production's own role" : "Negotiated rate",
      schedule: o.note,
      unit: o.unit,
      amountCents: o.amountCents,
      region: "all regions",
      tier: "all tiers",
      effectiveFrom: "",
      effectiveTo: "",
      kind: "override",
      source: `${o.table} table in this workbook, line ${o.line}`,
    });
  }
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
            tier: (cref.book.tiers ?? [index.card.meta.defaults.tier])
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
  const { estimate } = role;
  if (!estimate) return out;
  const basis = index.classifications.get(
    classificationKey(estimate.basis.agreement, estimate.basis.code),
  );
  const nonUnion = index.agreementById.get("non-union");
  const region = index.regionById.get(index.card.meta.defaults.region);
  if (!basis || !nonUnion || !region) return out;
  const periods = new Map<string, string>();
  for (const s of basis.classification.schedules)
    for (const p of s.rates) periods.set(p.from, p.to);
  const unit: Unit = role.unit === "flat" && estimate.flatWeeks !== undefined ? "flat" : "week";
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
        healthContribution: DEFAULT_HEALTH_CONTRIBUTION,
      };
      const plan = planRate(index, request);
      if (isRateError(plan) || plan.basis.kind === "override") continue;
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
