/**
 * Amounts typed as text, read by one rule wherever CrewRate takes them: the Rate Overrides and
 * Production Roles tables, the CREW functions' number arguments, a pasted crew list and the pane's
 * "Add a role" form. So the pane, the import and the sheet never disagree about what a figure is.
 *
 * The rule, for text (a number cell is taken as it is, if it is finite and from 0 up):
 *
 * - Surrounding spaces are dropped, and one leading "$" (spaces after it allowed): a crew list's
 *   columns are often all formatted as money, so it is read before any amount.
 * - Then plain decimal digits 0–9, with an optional decimal point: "1200", "1200.50", ".5", "12.".
 * - Commas only as US thousands separators, in groups of three after a first group of one to
 *   three digits: "1,200", "$1,200.50", "10,000,000". Not "1,2,3", "12,34" or "1,2000".
 * - Dollars take at most two decimal places (cents). "12.345" is refused rather than rounded: it
 *   is a slip, or a thousands point as other locales write it (12.345 = 12,345), and without the
 *   workbook's locale the two cannot be told apart. Quantities and hours take any decimals.
 * - Nothing else: no hex, binary or octal ("0x10"), exponents ("1e3"), signs ("+3", "-5", "(50)"),
 *   Infinity, words, spaces inside ("1 000") or digits other than 0–9 ("１２").
 * - A dollar amount per unit is at most that unit's ceiling (MAX_AMOUNT_DOLLARS).
 *
 * A refusal says what was wrong (`reason`), so each caller can put it in its own sentence;
 * `describeAmount` is the sentence the sheet's tables use, and the pane's form shows the same.
 */
import { quoteInput } from "./errors";
import type { Unit } from "./types";
import { WEEKS_PER_EPISODE, WEEKS_PER_MONTH } from "./units";

/**
 * The most a table line may pay per unit, in dollars: far above any scale on the card (its highest
 * are about $150 an hour, $1,250 a day, $14,000 a week) and any negotiated crew rate, yet low
 * enough that a slipped digit or a cell from the wrong column ("10,000,000 per hour") is caught
 * rather than priced. A day is 10 hours, a week 5 days, a month and an episode the weeks units.ts
 * counts in them; a flat amount is a whole allowance or fee.
 */
const MAX_WEEK_DOLLARS = 250_000;
export const MAX_AMOUNT_DOLLARS: Readonly<Record<Unit, number>> = {
  hour: 5_000,
  day: 50_000,
  week: MAX_WEEK_DOLLARS,
  month: Math.round(MAX_WEEK_DOLLARS * WEEKS_PER_MONTH),
  episode: Math.round(MAX_WEEK_DOLLARS * WEEKS_PER_EPISODE),
  flat: 1_000_000,
};

/**
 * What an amount is: dollars (at most two decimal places when typed; with `per`, held to that
 * unit's ceiling), or a count (a quantity, hours), which takes any decimals.
 */
export type AmountRule = { kind: "dollars"; per?: Unit } | { kind: "count" };

/** What was wrong with an amount. */
export type AmountFault =
  | "empty"
  | "not-a-number"
  | "notation"
  | "digits"
  | "grouping"
  | "sign"
  | "negative"
  | "cents"
  | "too-large";

/** An amount refused, and why. */
export interface AmountRefusal {
  ok: false;
  fault: AmountFault;
  /** What was typed, trimmed, on one line, at most 40 characters (a number cell as its digits). */
  typed: string;
  /** What was wrong, as a predicate: "is hexadecimal", "has an exponent", "is negative"... */
  reason: string;
  /** The rule it was read by. */
  rule: AmountRule;
}

export type AmountReading = { ok: true; value: number } | AmountRefusal;

/** The longest stretch of typed text a message repeats. */
const SHOWN = 40;

/** Digits with US thousands separators or none, an optional decimal point and fraction. */
const DECIMAL = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/;
/** Digits and commas, but not in groups of three: "1,2,3", "12,34", "1,2000.5". */
const BAD_GROUPING = /^\d[\d,]*(?:\.\d*)?$/;
const HEX = /^0x[0-9a-f]+$/i;
const BINARY = /^0b[01]+$/i;
const OCTAL = /^0o[0-7]+$/i;
const EXPONENT = /^(?:\d[\d,]*(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;
/** A decimal digit of any script other than 0–9 (full-width, Arabic-Indic...). */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;

const usd = (dollars: number) => `$${dollars.toLocaleString("en-US")}`;

function refuse(
  rule: AmountRule,
  typed: string,
  fault: AmountFault,
  reason: string,
): AmountRefusal {
  // Shown on one line: a line break inside a cell would split the sentence that names it.
  return { ok: false, fault, typed: typed.replace(/\s+/g, " ").slice(0, SHOWN), reason, rule };
}

/** The body of a text amount after its one "$", if any. */
function withoutDollarSign(text: string): string {
  return text.startsWith("$") ? text.slice(1).trimStart() : text;
}

/**
 * A signed amount taken apart: "-5", "-$5", "$-5" and "(5)" (an accountant's negative) give "-"
 * and "$5" or "5"; "+5" gives "+". Undefined when the text has no sign.
 */
function signOf(typed: string): { sign: "+" | "-"; rest: string } | undefined {
  if (typed.startsWith("(") && typed.endsWith(")")) {
    return { sign: "-", rest: typed.slice(1, -1).trim() };
  }
  const dollar = typed.startsWith("$") ? "$" : "";
  const signed = /^([+-])\s*(.*)$/.exec(withoutDollarSign(typed));
  if (!signed) return undefined;
  return { sign: signed[1] === "-" ? "-" : "+", rest: dollar + (signed[2] ?? "") };
}

/** Why text that is not a plain decimal is not one. */
function whyNot(rule: AmountRule, typed: string): AmountRefusal {
  const signed = signOf(typed);
  if (signed && DECIMAL.test(withoutDollarSign(signed.rest))) {
    return signed.sign === "-"
      ? refuse(rule, typed, "negative", "is negative")
      : refuse(rule, typed, "sign", "has a + sign");
  }
  const body = withoutDollarSign(typed);
  if (HEX.test(body)) return refuse(rule, typed, "notation", "is hexadecimal");
  if (BINARY.test(body)) return refuse(rule, typed, "notation", "is binary");
  if (OCTAL.test(body)) return refuse(rule, typed, "notation", "is octal");
  if (EXPONENT.test(body)) return refuse(rule, typed, "notation", "has an exponent");
  if (OTHER_DIGIT.test(typed)) {
    return refuse(rule, typed, "digits", "uses digits other than 0 to 9");
  }
  if (body.includes(",") && BAD_GROUPING.test(body)) {
    return refuse(rule, typed, "grouping", "has commas that are not in groups of three");
  }
  return refuse(rule, typed, "not-a-number", "is not a number");
}

/** A number from 0 up, held to the ceiling of the unit a dollar amount is per. */
function checked(rule: AmountRule, typed: string, value: number): AmountReading {
  if (!Number.isFinite(value)) return refuse(rule, typed, "too-large", "is too large");
  const per = rule.kind === "dollars" ? rule.per : undefined;
  if (per !== undefined && value > MAX_AMOUNT_DOLLARS[per]) {
    return refuse(
      rule,
      typed,
      "too-large",
      `is more than ${usd(MAX_AMOUNT_DOLLARS[per])} per ${per}, the most a line may pay; check the amount and the unit`,
    );
  }
  // -0 reads as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Reads an amount by the one rule (see the module's comment): a number cell as it is, text only
 * when it is a plain decimal as a US budget writes it.
 * @param value the cell's number, or its text as typed
 * @param rule dollars (per a unit, for its ceiling) or a count
 * @returns the amount, in dollars for dollars, or a refusal saying what was wrong
 */
export function readAmount(value: string | number, rule: AmountRule): AmountReading {
  if (typeof value === "number") {
    const typed = String(value);
    if (Number.isNaN(value)) return refuse(rule, typed, "not-a-number", "is not a number");
    if (value < 0) return refuse(rule, typed, "negative", "is negative");
    return checked(rule, typed, value);
  }
  const typed = value.trim();
  if (typed === "") return refuse(rule, typed, "empty", "is empty");
  const body = withoutDollarSign(typed);
  const match = DECIMAL.exec(body);
  if (!match) return whyNot(rule, typed);
  const fraction = match[1] ?? match[2] ?? "";
  if (rule.kind === "dollars" && fraction.length > 2) {
    return refuse(rule, typed, "cents", "has more than two decimal places (cents)");
  }
  return checked(rule, typed, Number(body.replace(/,/g, "")));
}

/**
 * The sentence the production tables give for a refused amount (without a closing period), which
 * the pane's "Add a role" form shows too: "Rate '0x10' must be an amount in dollars from 0 up,
 * written as 1250 or $1,250.00; it is hexadecimal".
 * @param label how the amount is named: its column ("Amount", "Rate") or argument
 */
export function describeAmount(label: string, refusal: AmountRefusal): string {
  const { rule, typed, fault, reason } = refusal;
  const dollars = rule.kind === "dollars";
  if (fault === "empty") {
    return dollars
      ? `${label} is empty: give it in dollars${rule.per ? ` per ${rule.per}` : ""}, as 1250 or $1,250.00`
      : `${label} is empty: give a number, as 12 or 2.5`;
  }
  if (fault === "too-large") return `${label} ${quoteInput(typed)} ${reason}`;
  const shape = dollars
    ? "an amount in dollars from 0 up, written as 1250 or $1,250.00"
    : "a number from 0 up, written as 12 or 2.5";
  return `${label} ${quoteInput(typed)} must be ${shape}; it ${reason}`;
}
