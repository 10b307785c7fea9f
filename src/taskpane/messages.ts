/**
 * The one place the task pane's sentences about failures are made. Everything the pane shows in an
 * error bar comes from `messageFor`, so a producer reads the same words for the same problem
 * wherever it happens (live quote, insert, settings).
 */
import {
  didYouMean,
  isRateError,
  quoteInput,
  TABLE_LINE_FIX,
  type RateError,
  type RateErrorCode,
} from "../engine";
import { BUDGET_TABLE, ImportProblem, SETTINGS_SHEET, WorkbookError } from "../budget";
import type { BudgetRepair } from "../budget/port";

/** Something typed in a pane form that cannot be used as it is; the message says what to fix. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputProblem";
  }
}

export interface PaneMessage {
  title: string;
  body: string;
}

function quoted(input: string | undefined): string {
  return input === undefined || input === "" ? "" : ` ${quoteInput(input)}`;
}

/** What went wrong and what to do about it, per error code. */
function rateMessage(error: RateError): PaneMessage {
  const d = error.details;
  const code: RateErrorCode = error.code;
  switch (code) {
    case "UNKNOWN_ROLE":
      return {
        title: "Role not found",
        body: `No crew role matches${quoted(d.input)}.${didYouMean(d.suggestions)}`,
      };
    case "UNKNOWN_AGREEMENT":
      return {
        title: "Unknown agreement",
        body: `The rate card has no agreement called${quoted(d.input)}.${didYouMean(d.suggestions)}`,
      };
    case "UNKNOWN_UNIT":
      return {
        title: "Unknown unit",
        body: `${d.input === undefined ? "That unit" : quoteInput(d.input)} is not a unit: use hour, day, week or flat.`,
      };
    case "UNKNOWN_REGION":
      return {
        title: "Unknown region",
        body: `The rate card has no region called${quoted(d.input)}.${didYouMean(d.suggestions)} Check Region on the Settings sheet.`,
      };
    case "UNKNOWN_TIER":
      return {
        title: "Unknown budget tier",
        body: `The rate card has no budget tier called${quoted(d.input)}.${didYouMean(d.suggestions)} Check Budget tier on the Settings sheet.`,
      };
    case "UNKNOWN_FIELD":
      return {
        title: "Unknown field",
        body: `There is no role field called${quoted(d.input)}.${didYouMean(d.suggestions)}`,
      };
    case "UNKNOWN_DEPARTMENT":
      return {
        title: "Unknown department",
        body: `The rate card has no department called${quoted(d.input)}.${didYouMean(d.suggestions)}`,
      };
    case "UNKNOWN_VERSION":
      return {
        title: "Unknown rate card version",
        body: `The Settings sheet names rate card version${quoted(d.input)}, which this add-in does not hold${d.reason ? ` (${d.reason})` : ""}.${didYouMean(d.suggestions)}`,
      };
    case "UNKNOWN_CLASSIFICATION":
      return {
        title: "Unknown classification",
        body: `${d.agreement ?? "That book"} prints no classification${quoted(d.input)}.${didYouMean(d.suggestions)} Write it as the book's name and the code (Local 728 #5411) or the title as printed (Local 728: Sub-Foreman), or pick it under Scale classification.`,
      };
    case "UNKNOWN_SCHEDULE":
      return {
        title: "Unknown schedule",
        body: `${d.agreement ?? "That classification"} has no schedule${quoted(d.input)}.${didYouMean(d.suggestions)} Write the schedule after the code as the book labels it (Local 600 #1941 C-1), or pick it under Scale classification.`,
      };
    case "UNKNOWN_HEALTH_CONTRIBUTION":
      return {
        title: "Check the health contribution",
        body: `The health contribution${quoted(d.input)} must be independent (a producer that is not a $15M contributor: the MPI premium health rate, the default) or contributor (a "$15 Million Contributor": the basic rate). Fix Health contribution on the Settings sheet.`,
      };
    case "BAD_QUANTITY":
      return {
        title: "Check the quantity",
        body:
          d.input === undefined || d.input.trim() === "" || d.input === "NaN"
            ? "Enter a quantity from 0 to 10,000."
            : `The quantity${quoted(d.input)} must be a number from 0 to 10,000.`,
      };
    case "BAD_DATE":
      return {
        title: "Check the budget date",
        body: `The budget date${quoted(d.input)} must be a date between 1990 and 2100 written YYYY-MM-DD. Fix Budget date on the Settings sheet.`,
      };
    case "BAD_HOURS":
      return {
        title: "Check the hours per day",
        body: `Hours per day${quoted(d.input)} must be between 1 and 24. Fix Hours per day on the Settings sheet.`,
      };
    case "BAD_DAYS":
      return {
        title: "Check the days per week",
        body: `Days per week${quoted(d.input)} must be 5, 6 or 7.`,
      };
    case "BAD_WAGES":
      return {
        title: "Check the wages to date",
        body: `Wages to date${quoted(d.input)} must be a number of dollars from 0 up.`,
      };
    case "NO_RATE": {
      const under = d.agreement ? ` under ${d.agreement}` : "";
      const where = d.region ? ` in ${d.region}` : "";
      const by = d.unit ? (d.unit === "flat" ? " as a flat fee" : ` by the ${d.unit}`) : "";
      const when = d.date ? ` on ${d.date}` : "";
      // The engine's reason already says what to use instead; without one, say it here.
      const why = d.reason ? `: ${d.reason}.` : ". Try another agreement or unit.";
      return {
        title: "No rate for this combination",
        body: `The rate card has no rate for ${d.role ?? "this role"}${under}${where}${by}${when}${why}`,
      };
    }
    case "BAD_TABLE":
      return {
        title: `Check the ${d.table ?? "production"} sheet`,
        body: `${error.message} The crew lines that line prices show this error on the sheet until it is fixed (other lines keep their prices)${d.line === undefined ? "" : `, and its Status column there says "${TABLE_LINE_FIX}"`}; fix it there, or clear the line.`,
      };
    case "BAD_BUDGET":
      return { title: "Check the budget total", body: error.message };
    default: {
      // A code added to the engine but not here: say what the engine says rather than nothing.
      const unhandled: never = code;
      return { title: "Check the inputs", body: `${error.message} (${String(unhandled)})` };
    }
  }
}

/**
 * Turns anything thrown into a title and a sentence a producer can act on: rate-card problems by
 * code and details, workbook failures as such, and anything else as "Something went wrong".
 * @param error whatever was caught
 * @returns the title and body to show in an error bar
 */
export function messageFor(error: unknown): PaneMessage {
  if (isRateError(error)) return rateMessage(error);
  if (error instanceof InputProblem) return { title: "Check the form", body: error.message };
  if (error instanceof ImportProblem) return { title: "Check this row", body: error.message };
  if (error instanceof WorkbookError) return workbookMessage(error);
  const message =
    error instanceof Error
      ? error.message || error.name
      : typeof error === "string"
        ? error
        : safeString(error);
  return { title: "Something went wrong", body: `Something went wrong: ${message}` };
}

/** An adapter's own words that already say nothing changed (checked by its undo or a read). */
const SAYS_UNCHANGED = /(Nothing was changed|were not changed|was not changed)\.?$/;

/**
 * A workbook failure, with a claim about the budget only as strong as what the adapter knows:
 * "nothing was changed" when it refused or a read proved it, "may have" and where to look when a
 * batch may have landed, "did" when part of it is known to be there.
 */
function workbookMessage(error: WorkbookError): PaneMessage {
  const title = "Problem with the workbook";
  const message = error.message.trim();
  const check = error.check === undefined ? "" : ` ${error.check}`;
  switch (error.changed) {
    case "no":
      return {
        title,
        body: SAYS_UNCHANGED.test(message)
          ? message
          : `${message} Nothing in the budget was changed.`,
      };
    case "unknown":
      return {
        title,
        body: `${message} Part of it may have reached the workbook: CrewRate could not check.${check}`,
      };
    case "yes":
      return { title, body: `${message} Part of it did reach the workbook.${check}` };
    default: {
      const unhandled: never = error.changed;
      return { title, body: `${message} (${String(unhandled)})` };
    }
  }
}

function safeString(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch (e) {
    // A value that cannot be printed (circular, throwing toJSON): name what it is and why.
    return `${Object.prototype.toString.call(value)} (${e instanceof Error ? e.message : "unprintable"})`;
  }
}

/** The button that puts right a problem the pane can fix (RepairableProblem). */
export function repairLabel(repair: BudgetRepair): string {
  switch (repair.kind) {
    case "rename-table":
      return `Rename "${repair.table}" back to ${BUDGET_TABLE}`;
    case "rebuild-settings":
      return `Rebuild the ${SETTINGS_SHEET} sheet`;
  }
}

/** What a repair did, for the bar that follows it. */
export function repairDone(repair: BudgetRepair): PaneMessage {
  switch (repair.kind) {
    case "rename-table":
      return {
        title: `The budget table is called ${BUDGET_TABLE} again`,
        body: `Only its name changed (it was "${repair.table}"): every line is as it was, and CrewRate reads and adds to them again.`,
      };
    case "rebuild-settings":
      return {
        title: `Rebuilt the ${SETTINGS_SHEET} sheet`,
        body: `It holds the default settings, and the crew lines' formulas read it again. If your budget had its own (date, region, tier, hours, weeks), set them again there.`,
      };
  }
}

/** What an undo did, or why there is none, for the bar of the write it belongs to. */
export const UNDO_MESSAGES = {
  done: (what: string): PaneMessage => ({
    title: `Undid ${what}`,
    body: "The workbook is as it was before it.",
  }),
  replaced: (what: string): string =>
    `Undo is not offered: ${what} replaced earlier sheets, which are gone for good (share or compare again to make new ones).`,
} as const;
