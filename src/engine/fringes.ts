import { applyPercentBps, roundCents } from "./money";
import { FringeLine, type Fringe, type FringePeriod } from "./types";

/** A fringe and the period of it in force on a date. */
export interface FringeInForce {
  fringe: Fringe;
  period: FringePeriod;
}

/**
 * The fringes that apply to wages under `agreementId` in `regionId` at budget tier `tierId` on
 * `date`, card order. A fringe without `tiers` applies at every tier.
 */
export function fringesInForce(
  fringes: readonly Fringe[],
  agreementId: string,
  regionId: string,
  date: string,
  tierId?: string,
): FringeInForce[] {
  const out: FringeInForce[] = [];
  for (const fringe of fringes) {
    if (!fringe.regions.includes("*") && !fringe.regions.includes(regionId)) continue;
    if (!fringe.agreements.includes("*") && !fringe.agreements.includes(agreementId)) continue;
    if (fringe.tiers && (tierId === undefined || !fringe.tiers.includes(tierId))) continue;
    for (const period of fringe.periods) {
      if (period.from <= date && date <= period.to) {
        out.push({ fringe, period });
        break;
      }
    }
  }
  return out;
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
