import { applyPercentBps, roundCents } from "./money";
import {
  DEFAULT_HEALTH_CONTRIBUTION,
  FringeLine,
  type Fringe,
  type FringePeriod,
  type HealthContribution,
} from "./types";

/** A fringe and the period of it in force on a date. */
export interface FringeInForce {
  fringe: Fringe;
  period: FringePeriod;
  /**
   * Set when the card has no figure on the date and `period` is its last one carried forward
   * unchanged (then labelled an estimate, with the method): the card's figure it came from.
   */
  carriedFrom?: FringePeriod | undefined;
}

/** The fringes of a crew line on its date, and what the card says about the ones it lacks. */
export interface FringesOnDate {
  inForce: FringeInForce[];
  /** Plain-words notes: each fringe carried past its last figure, or no longer charged. */
  notes: string[];
}

/** The terms that decide whether a fringe is charged on a line at all. */
export interface FringeTerms {
  agreementId: string;
  regionId: string;
  /** Undefined: only fringes for every tier apply. */
  tierId?: string | undefined;
  /** Default: the independent producer's level. */
  healthContribution?: HealthContribution | undefined;
}

/**
 * Whether a fringe is charged under these terms: its regions, agreements, tiers (absent: every
 * tier) and health contribution levels (absent: every level) all take them in.
 */
export function fringeApplies(fringe: Fringe, terms: FringeTerms): boolean {
  const { agreementId, regionId, tierId } = terms;
  if (!fringe.regions.includes("*") && !fringe.regions.includes(regionId)) return false;
  if (!fringe.agreements.includes("*") && !fringe.agreements.includes(agreementId)) return false;
  if (fringe.tiers && (tierId === undefined || !fringe.tiers.includes(tierId))) return false;
  const level = terms.healthContribution ?? DEFAULT_HEALTH_CONTRIBUTION;
  return !fringe.healthContributions || fringe.healthContributions.includes(level);
}

function lastTo(fringe: Fringe): string {
  return fringe.periods.reduce((m, p) => (p.to > m ? p.to : m), "");
}

/**
 * The fringes that apply to wages under `agreementId` in `regionId` at budget tier `tierId` on
 * `date`, card order, at the producer's health contribution level. A fringe without `tiers` applies
 * at every tier; one without `healthContributions` at every level (the MPI health and Retired
 * Employees Fund rates are two fringes each, one for each level).
 *
 * A date past a fringe's last figure is never dropped in silence. The card itself carries a figure
 * it has no successor for forward unchanged, as a labelled estimate ("2026 wage base carried
 * forward"), through the last date it covers; a fringe whose figures stop before the others that
 * apply here is one the card ends (the Georgia assessment repealed from 2027), so it is not
 * charged, with a note saying so. Past the last date any of them covers, the same rule the card
 * uses is applied here: each fringe's last figure is carried forward unchanged as an estimate, and
 * the note says from when. (A date before a fringe's first figure is refused: see terms.ts.)
 */
export function fringesOnDate(
  fringes: readonly Fringe[],
  agreementId: string,
  regionId: string,
  date: string,
  tierId?: string,
  healthContribution: HealthContribution = DEFAULT_HEALTH_CONTRIBUTION,
): FringesOnDate {
  const terms: FringeTerms = { agreementId, regionId, tierId, healthContribution };
  const applying = fringes.filter((f) => fringeApplies(f, terms));
  const horizon = applying.reduce((m, f) => (lastTo(f) > m ? lastTo(f) : m), "");
  const inForce: FringeInForce[] = [];
  const notes: string[] = [];
  const carried = new Map<string, string[]>();
  for (const fringe of applying) {
    const period = fringe.periods.find((p) => p.from <= date && date <= p.to);
    if (period) {
      inForce.push({ fringe, period });
      continue;
    }
    // The latest figure before the date; none means the date is before the fringe starts.
    const before = fringe.periods
      .filter((p) => p.to < date)
      .reduce<FringePeriod | undefined>(
        (m, p) => (m === undefined || p.to > m.to ? p : m),
        undefined,
      );
    if (!before) continue;
    const ends = lastTo(fringe);
    if (ends < horizon && date > ends) {
      notes.push(
        `${fringe.label} is not charged: the card's figures for it end ${ends}, while the other fringes here run to ${horizon}, so the card treats it as ended (${before.source.title}).`,
      );
      continue;
    }
    const method = `Estimate: the card's last figure (${before.from} to ${before.to}, ${before.kind}) carried forward unchanged to ${date}: the card has no later figure${before.method ? ` (${before.method})` : ""}.`;
    inForce.push({ fringe, period: { ...before, kind: "estimate", method }, carriedFrom: before });
    const labels = carried.get(before.to) ?? [];
    carried.set(before.to, [...labels, fringe.label]);
  }
  for (const [to, labels] of carried) {
    notes.push(
      `The card's figures for ${labels.join(", ")} end ${to}: each is carried forward unchanged to ${date} as an estimate.`,
    );
  }
  return { inForce, notes };
}

/**
 * Applies fringes to one crew line. A wage cap is a yearly cap on one person's wages: only the
 * part of this line's wages that falls under the cap, after the wages already paid to the same
 * person this year (`wagesToDateCents`), is charged.
 * @param wagesCents the line's gross wages
 * @param hours the hours worked or guaranteed on the line, for per-hour plan contributions
 * @param days the days worked or guaranteed on the line, for per-day benefit amounts
 */
export function applyFringes(
  inForce: readonly FringeInForce[],
  wagesCents: number,
  hours: number,
  wagesToDateCents: number,
  days = 0,
): FringeLine[] {
  const lines: FringeLine[] = [];
  for (const { fringe, period } of inForce) {
    let appliedTo: number;
    let amountCents: number;
    if (period.percentBps !== undefined) {
      appliedTo =
        period.capCents === undefined
          ? wagesCents
          : Math.max(0, Math.min(wagesCents, period.capCents - wagesToDateCents));
      amountCents = applyPercentBps(appliedTo, period.percentBps);
    } else if (period.centsPerDay !== undefined) {
      appliedTo = days;
      amountCents = roundCents(days * period.centsPerDay);
    } else {
      appliedTo = hours;
      amountCents = roundCents(hours * (period.centsPerHour ?? 0));
    }
    lines.push(new FringeLine(fringe, period, appliedTo, amountCents));
  }
  return lines;
}
