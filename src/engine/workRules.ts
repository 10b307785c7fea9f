import type { WorkRules } from "./types";

/**
 * Straight-time-equivalent pay hours for one day's work: straight time up to the overtime
 * threshold, time and a half to the double-time threshold, double time after. Under the usual
 * 8/12 rule a 12-hour day pays 8 + 4 × 1.5 = 14 hours.
 * @param hoursWorked hours worked that day (≥ 0)
 * @param rules the agreement's thresholds
 * @returns pay hours
 */
export function payHoursForDay(hoursWorked: number, rules: WorkRules): number {
  const straight = Math.min(hoursWorked, rules.overtimeAfterHours);
  const timeAndHalf = Math.max(
    0,
    Math.min(hoursWorked, rules.doubleTimeAfterHours) - rules.overtimeAfterHours,
  );
  const double = Math.max(0, hoursWorked - rules.doubleTimeAfterHours);
  return straight + timeAndHalf * 1.5 + double * 2;
}

/** Premium multiplier for the nth consecutive day of a week (6th, 7th), 1 otherwise. */
export function dayPremium(dayNumber: number, rules: WorkRules): number {
  if (dayNumber === 6) return rules.sixthDayMultiplier;
  if (dayNumber === 7) return rules.seventhDayMultiplier;
  return 1;
}
