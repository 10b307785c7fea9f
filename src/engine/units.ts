/**
 * Units a budget counts time in beyond the scale's own hour, day and week: a month and an episode.
 * No book on the card prints a monthly or per-episode figure for crew (the DGA's per-episode
 * minimums are for directors, and the card's DGA book holds UPM and AD weekly salaries only), so
 * both are derived from the week, and say so wherever the rate is shown. When a book on the card
 * prints one, its figure is to be taken before this derivation.
 */
import type { Unit } from "./types";

/** A budget month: 52 weeks ÷ 12 = 4.3333 weeks, an average month (not a calendar month's workdays). */
export const WEEKS_PER_MONTH = 52 / 12;

/**
 * An episode, when a line is budgeted per episode: 8 shoot days of five-day weeks (1.6 weeks), the
 * usual one-hour episode. An assumption, labelled as one: a half-hour episode is usually 5 days
 * (budget it by the week), a streaming hour often 9 or 10.
 */
export const WEEKS_PER_EPISODE = 1.6;

/** How many weeks one unit of a derived unit stands for, and how that is defined. */
export interface WeekMultiple {
  weeks: number;
  /** "52/12 weeks", "1.6 weeks": as it multiplies. */
  factor: string;
  /** The definition in budget words, for the quote's basis and notes. */
  definition: string;
  /** True where the figure rests on an assumption the producer may not share (episode length). */
  isAssumption: boolean;
}

/** The weeks a month or an episode stands for; undefined for the units a scale prices itself. */
export function weekMultiple(unit: Unit): WeekMultiple | undefined {
  switch (unit) {
    case "month":
      return {
        weeks: WEEKS_PER_MONTH,
        factor: "52/12 weeks",
        definition: "a month is 52/12 = 4.3333 weeks of the weekly rate (an average month)",
        isAssumption: false,
      };
    case "episode":
      return {
        weeks: WEEKS_PER_EPISODE,
        factor: `${WEEKS_PER_EPISODE} weeks`,
        definition: `an episode is taken as ${WEEKS_PER_EPISODE} weeks of the weekly rate (8 shoot days of five-day weeks, a one-hour episode; budget another pattern by the week)`,
        isAssumption: true,
      };
    default:
      return undefined;
  }
}
