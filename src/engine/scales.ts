import { roundCents } from "./money";
import { formatRate } from "./explain";
import type {
  Classification,
  PeriodRate,
  Schedule,
  Unit,
  UnitDerivation,
  WorkRules,
} from "./types";
import { weekMultiple } from "./units";
import { dayPremium, payHoursForDay } from "./workRules";

/** A schedule of a classification together with its figures for the period in force. */
export interface ScheduleInForce {
  schedule: Schedule;
  period: PeriodRate;
}

/** The schedules of a classification in force on `date`, by kind of hire. */
export interface ClassificationInForce {
  daily: ScheduleInForce | undefined;
  weekly: ScheduleInForce | undefined;
  onCall: ScheduleInForce | undefined;
}

export function periodInForce(rates: readonly PeriodRate[], date: string): PeriodRate | undefined {
  for (const rate of rates) {
    if (rate.from <= date && date <= rate.to) return rate;
  }
  return undefined;
}

/** Picks, for each kind of hire, the first schedule the book lists that has figures on `date`. */
export function classificationInForce(
  classification: Classification,
  date: string,
  scheduleLabel?: string,
): ClassificationInForce {
  const found: ClassificationInForce = { daily: undefined, weekly: undefined, onCall: undefined };
  for (const schedule of classification.schedules) {
    if (scheduleLabel !== undefined && schedule.label !== scheduleLabel) continue;
    const period = periodInForce(schedule.rates, date);
    if (!period) continue;
    const slot =
      schedule.hire === "daily" ? "daily" : schedule.hire === "weekly" ? "weekly" : "onCall";
    found[slot] ??= { schedule, period };
  }
  return found;
}

/** How the unit rate was reached, before any estimate factor. */
export interface UnitPricing {
  unitRateCents: number;
  /** The schedule whose figures were used. */
  used: ScheduleInForce;
  /** Hours reported to per-hour benefit plans for one unit. */
  contributionHoursPerUnit: number;
  notes: string[];
  /** For a month or an episode: the week it multiplies (see units.ts). */
  derivedFrom?: UnitDerivation | undefined;
}

export interface PricingOptions {
  unit: Unit;
  hoursPerDay: number | undefined;
  daysPerWeek: number;
  rules: WorkRules;
  /** For flat units: how many weeks a flat fee stands for (estimates only). */
  flatWeeks: number | undefined;
}

/**
 * Why a classification cannot be priced by a unit. This module knows no role or agreement names,
 * so its caller makes the NO_RATE from it (see errors.ts).
 */
export type PricingFailure = { reason: string };

export function isPricingFailure(p: object): p is PricingFailure {
  return "reason" in p;
}

function hourlyOf(s: ScheduleInForce | undefined): number | undefined {
  return s?.period.hourlyCents;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fmtHours(h: number): string {
  return Number(h.toFixed(2)).toString();
}

/** One day of work under daily hire (or the day equivalent of a weekly rate). */
function priceDay(
  inForce: ClassificationInForce,
  opts: PricingOptions,
  notes: string[],
): { cents: number; used: ScheduleInForce; hours: number } | PricingFailure {
  const { daily } = inForce;
  const hourly = hourlyOf(daily);
  if (daily && hourly !== undefined) {
    const minCall = daily.schedule.dailyHours ?? opts.rules.overtimeAfterHours;
    if (opts.hoursPerDay === undefined && daily.period.dailyCents !== undefined) {
      return { cents: daily.period.dailyCents, used: daily, hours: minCall };
    }
    const worked = Math.max(opts.hoursPerDay ?? minCall, minCall);
    const payHours = payHoursForDay(worked, opts.rules);
    if (payHours !== worked) {
      notes.push(`A ${fmtHours(worked)}-hour day pays ${fmtHours(payHours)} straight-time hours.`);
    }
    return { cents: roundCents(hourly * payHours), used: daily, hours: worked };
  }
  if (daily && daily.period.dailyCents !== undefined) {
    // A book that prints day rates only (Local 52): overtime is priced at 1/minimum-call of the
    // day per straight-time hour, since the book prints no hourly rate.
    const dayCents = daily.period.dailyCents;
    const minCall = daily.schedule.dailyHours ?? opts.rules.overtimeAfterHours;
    const worked = Math.max(opts.hoursPerDay ?? minCall, minCall);
    const payHours = payHoursForDay(worked, opts.rules);
    if (payHours === minCall) return { cents: dayCents, used: daily, hours: worked };
    notes.push(
      `A ${fmtHours(worked)}-hour day pays ${fmtHours(payHours)} straight-time hours at 1/${fmtHours(minCall)} of the day rate (the book prints a day rate only).`,
    );
    return { cents: roundCents((dayCents * payHours) / minCall), used: daily, hours: worked };
  }
  const printedDay = [inForce.onCall, inForce.weekly].find(
    (s) => s?.period.dailyCents !== undefined,
  );
  if (printedDay?.period.dailyCents !== undefined) {
    return {
      cents: printedDay.period.dailyCents,
      used: printedDay,
      hours: opts.rules.onCallContributionHoursPerDay,
    };
  }
  const weekly = inForce.onCall ?? inForce.weekly;
  if (weekly?.period.weeklyCents !== undefined) {
    const fraction = opts.rules.dayFractionOfWeek;
    notes.push(`A day is 1/${Math.round(1 / fraction)} of the weekly rate.`);
    const hours =
      weekly.schedule.hire === "on-call"
        ? opts.rules.onCallContributionHoursPerDay
        : (weekly.schedule.weeklyHours ?? 40) / 5;
    return { cents: roundCents(weekly.period.weeklyCents * fraction), used: weekly, hours };
  }
  return { reason: "the scale prints no daily or weekly figure for it" };
}

/** One week: the weekly-hire or on-call figure, else five daily-hire days; then 6th/7th days. */
function priceWeek(
  inForce: ClassificationInForce,
  opts: PricingOptions,
  notes: string[],
): { cents: number; used: ScheduleInForce; hours: number } | PricingFailure {
  let base: { cents: number; used: ScheduleInForce; hours: number };
  const { weekly, onCall } = inForce;
  const dayNotes: string[] = [];
  if (weekly?.period.weeklyCents !== undefined) {
    const guaranteed = weekly.schedule.weeklyHours ?? 40;
    let cents = weekly.period.weeklyCents;
    let hours = guaranteed;
    const hourly = weekly.period.hourlyCents;
    if (opts.hoursPerDay !== undefined && hourly !== undefined && hourly > 0) {
      const workedPayHours = 5 * payHoursForDay(opts.hoursPerDay, opts.rules);
      const coveredPayHours = weekly.period.weeklyCents / hourly;
      hours = Math.max(guaranteed, 5 * opts.hoursPerDay);
      if (workedPayHours > coveredPayHours + 0.005) {
        const extra = workedPayHours - coveredPayHours;
        cents = roundCents(cents + extra * hourly);
        notes.push(
          `Five ${fmtHours(opts.hoursPerDay)}-hour days pay ${fmtHours(workedPayHours)} straight-time hours; the weekly guarantee covers ${fmtHours(coveredPayHours)}, so ${fmtHours(extra)} more are added.`,
        );
      } else {
        notes.push(`The weekly guarantee (${fmtHours(guaranteed)} hours) covers the hours worked.`);
      }
    }
    base = { cents, used: weekly, hours };
  } else if (onCall?.period.weeklyCents !== undefined) {
    base = {
      cents: onCall.period.weeklyCents,
      used: onCall,
      hours: 5 * opts.rules.onCallContributionHoursPerDay,
    };
    notes.push("On-call weekly rate: a flat amount for the week, whatever the hours.");
  } else {
    const day = priceDay(inForce, opts, dayNotes);
    if (isPricingFailure(day)) return day;
    notes.push(...dayNotes);
    notes.push("Daily hire only: a week is five days.");
    base = { cents: day.cents * 5, used: day.used, hours: day.hours * 5 };
  }
  if (opts.daysPerWeek > 5) {
    const day = priceDay(inForce, opts, dayNotes);
    if (isPricingFailure(day)) return day;
    let cents = base.cents;
    let hours = base.hours;
    for (let n = 6; n <= opts.daysPerWeek; n++) {
      const premium = dayPremium(n, opts.rules);
      cents += roundCents(day.cents * premium);
      hours += day.hours;
      notes.push(`Day ${n} of the week is paid at ${premium}x.`);
    }
    base = { cents, used: base.used, hours };
  }
  return base;
}

/**
 * Prices one unit of a classification under the schedules in force.
 * @returns the unit rate with what it used, or why it cannot be priced by that unit
 */
export function priceUnit(
  inForce: ClassificationInForce,
  opts: PricingOptions,
): UnitPricing | PricingFailure {
  const notes: string[] = [];
  switch (opts.unit) {
    case "hour": {
      const used = inForce.daily ?? inForce.weekly;
      const hourly = hourlyOf(used);
      if (used && hourly === undefined && used.period.dailyCents !== undefined) {
        return { reason: "the scale prints a day rate only, not an hourly rate" };
      }
      if (!used || hourly === undefined) {
        return { reason: "it is paid by the week (on call), not by the hour" };
      }
      return { unitRateCents: hourly, used, contributionHoursPerUnit: 1, notes };
    }
    case "day": {
      const day = priceDay(inForce, opts, notes);
      if (isPricingFailure(day)) return day;
      return {
        unitRateCents: day.cents,
        used: day.used,
        contributionHoursPerUnit: day.hours,
        notes,
      };
    }
    case "week": {
      const week = priceWeek(inForce, opts, notes);
      if (isPricingFailure(week)) return week;
      return {
        unitRateCents: week.cents,
        used: week.used,
        contributionHoursPerUnit: week.hours,
        notes,
      };
    }
    case "month":
    case "episode": {
      // No book on the card prints a monthly or per-episode crew figure: both are weeks.
      const multiple = weekMultiple(opts.unit)!;
      const week = priceWeek(inForce, opts, notes);
      if (isPricingFailure(week)) return week;
      const unitRateCents = roundCents(week.cents * multiple.weeks);
      notes.push(
        `${multiple.isAssumption ? `Assumption: ${multiple.definition}` : capitalize(multiple.definition)}, so ${formatRate(week.cents)} a week × ${multiple.factor} = ${formatRate(unitRateCents)}.`,
      );
      return {
        unitRateCents,
        used: week.used,
        contributionHoursPerUnit: week.hours * multiple.weeks,
        notes,
        derivedFrom: {
          unit: opts.unit,
          weekCents: week.cents,
          weekKind: week.used.period.kind,
          weeks: multiple.weeks,
          factor: multiple.factor,
          definition: multiple.definition,
          isAssumption: multiple.isAssumption,
        },
      };
    }
    case "flat": {
      if (opts.flatWeeks === undefined) {
        return { reason: "the card prices it by the hour, day or week, not as a flat fee" };
      }
      const week = priceWeek(inForce, { ...opts, hoursPerDay: undefined, daysPerWeek: 5 }, notes);
      if (isPricingFailure(week)) return week;
      notes.push(`A flat fee is taken as ${opts.flatWeeks} weeks.`);
      return {
        unitRateCents: roundCents(week.cents * opts.flatWeeks),
        used: week.used,
        contributionHoursPerUnit: week.hours * opts.flatWeeks,
        notes,
      };
    }
  }
}
