/**
 * Pricing a crew line: the rate plan for its resolved terms (a workbook override, a published
 * scale or a non-union estimate), then the line's subtotal and fringes.
 */
import { classificationKey, type CardIndex } from "./cardIndex";
import { bookApplies, coveringScale } from "./coverage";
import { quoteInput, RateError } from "./errors";
import { describeSource, formatRate } from "./explain";
import { fringesOnDate, applyFringes, type FringeInForce } from "./fringes";
import { overrideFor } from "./production";
import { formatUsd, roundCents } from "./money";
import { classificationInForce, isPricingFailure, priceUnit, type UnitPricing } from "./scales";
import type { Amounts, ResolvedTerms } from "./terms";
import type { Quote, RateBasis, RateOverride } from "./types";
import { weekMultiple } from "./units";

/** Everything about a rate that does not depend on quantity or wages to date. */
export interface RatePlan {
  unitRateCents: number;
  contributionHoursPerUnit: number;
  /** Days one unit stands for, for per-day benefit amounts. */
  contributionDaysPerUnit: number;
  basis: RateBasis;
  notes: string[];
  fringes: FringeInForce[];
}

function noRate(r: ResolvedTerms, reason: string): RateError {
  return new RateError("NO_RATE", {
    role: r.role.title,
    agreement: r.agreement.name,
    region: r.region.name,
    unit: r.unit,
    date: r.date,
    reason,
  });
}

/** The line's fringes on its date, their notes added to the plan's (see `fringesOnDate`). */
function fringesFor(index: CardIndex, r: ResolvedTerms, notes: string[]): FringeInForce[] {
  const on = fringesOnDate(
    index.card.fringes,
    r.agreement.id,
    r.region.id,
    r.date,
    r.tier.id,
    r.healthContribution,
  );
  notes.push(...on.notes);
  return on.inForce;
}

/**
 * For a month or an episode: how it was derived from the week, for the basis's method. No book
 * prints these units, so such a rate is an estimate even where its weekly figure is published.
 */
function derivationText(priced: UnitPricing): string {
  const d = priced.derivedFrom;
  if (!d) return "";
  return `Per ${d.unit}: derived from the ${kindWord(d.weekKind)} weekly figure ${formatRate(d.weekCents)} × ${d.factor}${d.isAssumption ? " (an assumption)" : ""}, not published.`;
}

function kindWord(kind: "published" | "estimate"): string {
  return kind === "published" ? "published" : "estimated";
}

function coverage(index: CardIndex, bookId: string, code: string): string {
  const ref = index.classifications.get(classificationKey(bookId, code));
  let from = "";
  let to = "";
  for (const s of ref?.classification.schedules ?? []) {
    for (const p of s.rates) {
      if (!from || p.from < from) from = p.from;
      if (p.to > to) to = p.to;
    }
  }
  return from ? `${from} to ${to}` : "no dates";
}

/**
 * The first of the line's agreement's `seeAlso` agreements with a scale for the role in the line's
 * region and tier, by the name a line gives it, or undefined.
 */
function siblingHere(index: CardIndex, r: ResolvedTerms): string | undefined {
  for (const id of r.agreement.seeAlso ?? []) {
    const other = index.agreementById.get(id);
    if (!other) continue;
    const covers = r.role.scales.some((ref) => {
      const book = index.books.get(ref.agreement);
      return book?.agreement === id && bookApplies(index, book, r.region.id, r.tier.id);
    });
    if (covers) return `'${other.aliases[0] ?? other.name}'`;
  }
  return undefined;
}

function publishedPlan(index: CardIndex, r: ResolvedTerms): RatePlan | RateError {
  const { meta } = index.card;
  // A classification the producer named for the line replaces the role's own.
  const refs = r.pick
    ? [{ agreement: r.pick.book.id, code: r.pick.classification.code }]
    : r.role.scales.filter((ref) => index.books.get(ref.agreement)?.agreement === r.agreement.id);
  if (refs.length === 0) {
    return noRate(
      r,
      `the card has no ${r.agreement.name} scale for this role; use Non-union or a negotiated rate`,
    );
  }
  const atTier = refs.filter((ref) => {
    const book = index.books.get(ref.agreement);
    return book !== undefined && (book.tiers ?? [meta.defaults.tier]).includes(r.tier.id);
  });
  if (atTier.length === 0) {
    const tiers = new Set<string>();
    for (const ref of refs) {
      for (const t of index.books.get(ref.agreement)?.tiers ?? [meta.defaults.tier]) tiers.add(t);
    }
    const names = [...tiers].map((id) => index.tierById.get(id)?.name ?? id).join(", ");
    return noRate(
      r,
      `the card's ${r.agreement.name} scales for this role apply at ${names}, not at ${r.tier.name}; choose the agreement for that tier, Non-union or a negotiated rate`,
    );
  }
  const inRegion = atTier.filter((ref) => {
    const book = index.books.get(ref.agreement);
    return book !== undefined && bookApplies(index, book, r.region.id, r.tier.id);
  });
  if (inRegion.length === 0) {
    const book = index.books.get(atTier[0]!.agreement);
    const where = (book?.regions ?? [])
      .map((id) => index.regionById.get(id)?.name ?? id)
      .join(", ");
    const instead = siblingHere(index, r);
    return noRate(
      r,
      `the ${book?.name ?? "scale"} on this card applies in ${where}; ${instead ? `in ${r.region.name}, name ${instead} for this kind of production, or use` : "use"} Non-union or a negotiated rate`,
    );
  }
  let failure: RateError | undefined;
  for (const ref of inRegion) {
    const cref = index.classifications.get(classificationKey(ref.agreement, ref.code));
    if (!cref) continue;
    // A schedule named with the classification ("Local 600 #1941 C-1") is the only one used.
    const schedule = r.pick?.schedule;
    const inForce = classificationInForce(cref.classification, r.date, schedule);
    if (!inForce.daily && !inForce.weekly && !inForce.onCall) {
      failure ??= noRate(
        r,
        schedule === undefined
          ? `no scale in force on that date (the card covers ${coverage(index, ref.agreement, ref.code)})`
          : `schedule ${schedule} has no figure in force on that date`,
      );
      continue;
    }
    const priced = priceUnit(inForce, {
      unit: r.unit,
      hoursPerDay: r.hoursPerDay,
      daysPerWeek: r.daysPerWeek,
      rules: r.agreement.workRules,
      flatWeeks: undefined,
    });
    if (isPricingFailure(priced)) {
      failure ??= noRate(
        r,
        schedule === undefined ? priced.reason : `schedule ${schedule}: ${priced.reason}`,
      );
      continue;
    }
    const { period } = priced.used;
    const source = period.source ?? cref.book.source;
    const derived = priced.derivedFrom;
    const notes = [...priced.notes];
    return {
      unitRateCents: priced.unitRateCents,
      contributionHoursPerUnit: priced.contributionHoursPerUnit,
      contributionDaysPerUnit: unitDays(r, undefined),
      notes,
      basis: {
        kind: derived ? "estimate" : period.kind,
        agreement: r.agreement,
        book: cref.book,
        classification: cref.classification,
        schedule: priced.used.schedule,
        period,
        factor: 1,
        method: derived
          ? `${derivationText(priced)} The weekly figure is the ${kindWord(period.kind)} minimum for ${cref.classification.title} (occ. ${cref.classification.code}, schedule ${priced.used.schedule.label}, ${period.from} to ${period.to}) in ${describeSource(source, period.page)}.${period.method ? ` ${period.method}` : ""}`
          : period.method,
        source,
        derivedFrom: derived,
        chosen: r.pick?.text,
        chosenSchedule: r.pick?.schedule,
      },
      fringes: fringesFor(index, r, notes),
    };
  }
  return failure ?? noRate(r, "the card's scale for this role could not be found");
}

/**
 * A non-union estimate outside Los Angeles or below Studio, from the union scale that covers the
 * role there (the ASA in Georgia, Local 52 in New York, the LBT at its tiers): non-union crews are
 * budgeted at the local union minimum, not at Los Angeles studio scale.
 */
function regionalEstimatePlan(index: CardIndex, r: ResolvedTerms): RatePlan | undefined {
  const { defaults } = index.card.meta;
  if (r.region.id === defaults.region && r.tier.id === defaults.tier) return undefined;
  // Below the union tiers (Ultra-low) wages are negotiated: the book's floor is no estimate.
  if (!index.card.meta.unionTiers.includes(r.tier.id)) return undefined;
  const covering = coveringScale(index, r.role, r.tier, r.region, r.date);
  if (!covering) return undefined;
  const { cref } = covering;
  const priced = priceUnit(classificationInForce(cref.classification, r.date), {
    unit: r.unit,
    hoursPerDay: r.hoursPerDay,
    daysPerWeek: r.daysPerWeek,
    rules: r.agreement.workRules,
    flatWeeks: r.role.estimate?.flatWeeks,
  });
  if (isPricingFailure(priced)) return undefined;
  const { schedule, period } = priced.used;
  const kind = period.kind === "published" ? "published" : "derived";
  const notes = [...priced.notes];
  const derived = priced.derivedFrom ? ` ${derivationText(priced)}` : "";
  return {
    unitRateCents: priced.unitRateCents,
    contributionHoursPerUnit: priced.contributionHoursPerUnit,
    contributionDaysPerUnit: unitDays(r, r.role.estimate?.flatWeeks),
    notes,
    basis: {
      kind: "estimate",
      agreement: r.agreement,
      book: cref.book,
      classification: cref.classification,
      schedule,
      period,
      factor: 1,
      method: `Estimate: the ${kind} ${cref.book.name} minimum for ${cref.classification.title} (${cref.classification.code}), schedule ${schedule.label}, ${formatUsd(priced.unitRateCents)} per ${r.unit} in force on ${r.date}, used as the non-union rate in ${r.region.name} at ${r.tier.name} (a non-union crew is budgeted at the local union minimum, without union benefits).${derived}`,
      source: period.source ?? cref.book.source,
      nonUnionReason: r.nonUnionReason,
      derivedFrom: priced.derivedFrom,
    },
    fringes: fringesFor(index, r, notes),
  };
}

function estimatePlan(index: CardIndex, r: ResolvedTerms): RatePlan | RateError {
  const regional = regionalEstimatePlan(index, r);
  if (regional) return regional;
  const { estimate } = r.role;
  if (!estimate) return noRate(r, "the role has no non-union estimate on the card");
  const cref = index.classifications.get(
    classificationKey(estimate.basis.agreement, estimate.basis.code),
  );
  if (!cref) return noRate(r, "the estimate's basis is not on the card");
  const inForce = classificationInForce(cref.classification, r.date);
  if (!inForce.daily && !inForce.weekly && !inForce.onCall) {
    return noRate(
      r,
      `the estimate follows a published scale that is not in force on that date (it covers ${coverage(index, estimate.basis.agreement, estimate.basis.code)})`,
    );
  }
  const priced = priceUnit(inForce, {
    unit: r.unit,
    hoursPerDay: r.hoursPerDay,
    daysPerWeek: r.daysPerWeek,
    rules: r.agreement.workRules,
    flatWeeks: estimate.flatWeeks,
  });
  if (isPricingFailure(priced)) return noRate(r, priced.reason);
  const factor = estimate.factor * r.tier.nonUnionFactor;
  const { schedule, period } = priced.used;
  const parts = [
    `Estimate: ${cref.book.name}, ${cref.classification.title} (${cref.classification.code}), schedule ${schedule.label}, ${formatUsd(priced.unitRateCents)} per ${r.unit} in force on ${r.date}`,
  ];
  if (estimate.factor !== 1) parts.push(`× ${estimate.factor} (${estimate.note})`);
  else parts.push(`(${estimate.note})`);
  if (r.tier.nonUnionFactor !== 1) {
    parts.push(`× ${r.tier.nonUnionFactor} for the ${r.tier.name} tier (${r.tier.nonUnionMethod})`);
  }
  if (!cref.book.regions.includes("*") && !cref.book.regions.includes(r.region.id)) {
    parts.push(
      `(the card has no scale for this role in ${r.region.name}, so this is the Los Angeles figure)`,
    );
  }
  const notes = [...priced.notes];
  const derived = priced.derivedFrom ? ` ${derivationText(priced)}` : "";
  return {
    unitRateCents: roundCents(priced.unitRateCents * factor),
    contributionHoursPerUnit: priced.contributionHoursPerUnit,
    contributionDaysPerUnit: unitDays(r, estimate.flatWeeks),
    notes,
    basis: {
      kind: "estimate",
      agreement: r.agreement,
      book: cref.book,
      classification: cref.classification,
      schedule,
      period,
      factor,
      method: `${parts.join(" ")}.${derived}`,
      source: period.source ?? cref.book.source,
      nonUnionReason: r.nonUnionReason,
      derivedFrom: priced.derivedFrom,
    },
    fringes: fringesFor(index, r, notes),
  };
}

/** The card's rate plan: a published scale, or the role's non-union estimate. */
function cardPlan(index: CardIndex, r: ResolvedTerms): RatePlan | RateError {
  return r.agreement.id === "non-union" ? estimatePlan(index, r) : publishedPlan(index, r);
}

/** Days a unit stands for (per-day benefit amounts): an hour is 1/8 of a day, by the 8-hour call. */
function unitDays(r: ResolvedTerms, flatWeeks: number | undefined): number {
  switch (r.unit) {
    case "hour":
      return 1 / 8;
    case "day":
      return 1;
    case "week":
      return r.daysPerWeek;
    case "month":
    case "episode":
      return r.daysPerWeek * weekMultiple(r.unit)!.weeks;
    case "flat":
      return flatWeeks === undefined ? 0 : 5 * flatWeeks;
  }
}

/** Hours a unit stands for when no scale says (per-hour plan contributions on a workbook rate). */
function unitHours(r: ResolvedTerms): number {
  const day = r.hoursPerDay ?? 8;
  switch (r.unit) {
    case "hour":
      return 1;
    case "day":
      return day;
    case "week":
      return day * r.daysPerWeek;
    case "month":
    case "episode":
      return day * r.daysPerWeek * weekMultiple(r.unit)!.weeks;
    case "flat":
      return 0;
  }
}

/**
 * A workbook rate: used as written for the unit it names (no overtime or premiums are added),
 * with the fringes of its agreement and region.
 */
function overridePlan(index: CardIndex, r: ResolvedTerms, o: RateOverride): RatePlan {
  const card = r.role.production ? undefined : cardPlan(index, r);
  const fromCard = card && !(card instanceof RateError) ? card : undefined;
  const where =
    o.table === "Production Roles"
      ? `${o.table} line ${o.line} (this production's own role)`
      : `${o.table} line ${o.line}${o.note ? `: ${quoteInput(o.note)}` : ""}`;
  const notes: string[] = [];
  if (r.hoursPerDay !== undefined && (r.unit === "day" || r.unit === "week")) {
    notes.push(
      `The workbook's rate is used as written for ${r.hoursPerDay}-hour days: no overtime is added.`,
    );
  }
  if (r.unit === "week" && r.daysPerWeek > 5) {
    notes.push("No sixth- or seventh-day premium is added to the workbook's weekly rate.");
  }
  return {
    unitRateCents: o.amountCents,
    contributionHoursPerUnit: fromCard?.contributionHoursPerUnit ?? unitHours(r),
    contributionDaysPerUnit: fromCard?.contributionDaysPerUnit ?? unitDays(r, undefined),
    notes,
    basis: {
      kind: "override",
      agreement: r.agreement,
      table: o.table,
      line: o.line,
      note: o.note,
      cardRateCents: fromCard?.unitRateCents,
      factor: 1,
      method: `Set in this workbook's ${where}.`,
      source: {
        title: `${o.table} table in this workbook`,
        section: `line ${o.line}`,
        ...(o.note ? { note: o.note } : {}),
      },
    },
    fringes: fringesFor(index, r, notes),
  };
}

/**
 * The rate plan for a resolved request: the workbook's override for these terms if it has one,
 * else a published scale or the role's non-union estimate.
 */
export function planRate(index: CardIndex, r: ResolvedTerms): RatePlan | RateError {
  const o = overrideFor(index.overrides, r.role.id, r.agreement.id, r.unit);
  if (o) return overridePlan(index, r, o);
  const own = r.role.production;
  if (own) {
    const agreement = index.agreementById.get(own.agreement)?.name ?? own.agreement;
    return noRate(
      r,
      `${r.role.title} is this production's own role, with a rate per ${own.unit} under ${agreement} only (Production Roles line ${own.line}); use that, or add a Rate Overrides line for these terms`,
    );
  }
  return cardPlan(index, r);
}

/** Prices a crew line from its resolved terms, its amounts and its rate plan. */
export function priceLine(
  r: ResolvedTerms,
  amounts: Amounts,
  plan: RatePlan,
  index: CardIndex,
): Quote {
  const { quantity, wagesToDateCents } = amounts;
  const subtotalCents = roundCents(plan.unitRateCents * quantity);
  const contributionHours = plan.contributionHoursPerUnit * quantity;
  const contributionDays = plan.contributionDaysPerUnit * quantity;
  const fringes = applyFringes(
    plan.fringes,
    subtotalCents,
    contributionHours,
    wagesToDateCents,
    contributionDays,
  );
  let fringeCents = 0;
  for (const line of fringes) fringeCents += line.amountCents;
  const department = index.departmentById.get(r.role.department)!;
  return {
    role: r.role,
    department,
    quantity,
    unit: r.unit,
    agreement: r.agreement,
    region: r.region,
    tier: r.tier,
    date: r.date,
    hoursPerDay: r.hoursPerDay,
    daysPerWeek: r.daysPerWeek,
    wagesToDateCents,
    healthContribution: r.healthContribution,
    unitRateCents: plan.unitRateCents,
    subtotalCents,
    fringes,
    fringeCents,
    totalCents: subtotalCents + fringeCents,
    contributionHours,
    contributionDays,
    basis: plan.basis,
    notes: plan.notes,
  };
}
