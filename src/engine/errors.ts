/**
 * How a failure travels inside the engine. One rule:
 *
 * - Below RateEngine, a failure the user can fix is returned, never thrown. A function that can
 *   fail returns `T | RateError`; its caller checks with `isRateError` and returns the error on,
 *   or a clearer one built from it (a table line, a NO_RATE with the terms). Only scales.ts, which
 *   knows no role or agreement names, returns a bare `PricingFailure` ({ reason }) instead, and its
 *   caller turns it into a NO_RATE.
 * - The public surface throws it: RateEngine's constructor and methods, and the few functions
 *   index.ts exports on their own (`tablesFromToken`, `cardAtVersion`), through `orThrow`. Each
 *   says so in its `@throws`. RateEngine's caches keep a failure as the answer for its key.
 * - A broken invariant is a programmer's error, not a user's: `assert` throws it at once,
 *   anywhere.
 *
 * Returning keeps try/catch off the pricing path and lets the plan cache hold a failure like any
 * other answer.
 */

/** The closed set of things a user can get wrong, or ask for that the card does not hold. */
export type RateErrorCode =
  | "UNKNOWN_ROLE"
  | "UNKNOWN_AGREEMENT"
  | "UNKNOWN_UNIT"
  | "UNKNOWN_REGION"
  | "UNKNOWN_TIER"
  | "UNKNOWN_FIELD"
  | "UNKNOWN_DEPARTMENT"
  | "UNKNOWN_VERSION"
  | "UNKNOWN_HEALTH_CONTRIBUTION"
  | "UNKNOWN_CLASSIFICATION"
  | "UNKNOWN_SCHEDULE"
  | "BAD_QUANTITY"
  | "BAD_DATE"
  | "BAD_HOURS"
  | "BAD_DAYS"
  | "BAD_WAGES"
  | "BAD_BUDGET"
  | "NO_RATE"
  | "BAD_TABLE";

export interface RateErrorDetails {
  /** What the user typed, as received. */
  input?: string;
  /** Closest valid values, best first. */
  suggestions?: string[];
  /** Why no rate exists, in budget words (for NO_RATE). */
  reason?: string;
  role?: string;
  agreement?: string;
  region?: string;
  tier?: string;
  unit?: string;
  date?: string;
  /** For BAD_TABLE: which workbook table, and its line (1 = the first data line). */
  table?: string;
  line?: number;
}

/**
 * A failure the user can fix. Carries a code and structured details; the sentences users read are
 * made from them in exactly two places (functions/toExcelError.ts and taskpane/messages.ts) and in
 * `describeRateError` below, which the CLI uses.
 */
export class RateError extends Error {
  readonly code: RateErrorCode;
  readonly details: RateErrorDetails;

  constructor(code: RateErrorCode, details: RateErrorDetails = {}) {
    super(describeRateError(code, details));
    this.name = "RateError";
    this.code = code;
    this.details = details;
  }
}

export function isRateError(value: unknown): value is RateError {
  return value instanceof RateError;
}

/**
 * The value of a call that can fail, or its RateError thrown: how the public surface hands a
 * failure to its caller.
 * @throws RateError the failure `result` holds
 */
export function orThrow<T>(result: T | RateError): T {
  if (isRateError(result)) throw result;
  return result;
}

/** "A", "A or B", "A, B or C" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1) ?? ""}`;
}

/** " Did you mean A, B or C?", with its leading space; "" when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[] | undefined): string {
  return suggestions && suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : "";
}

/** Longest piece of a user's entry a message repeats: enough to recognise it, never a wall of text. */
const MAX_QUOTED = 60;

/**
 * What the user typed, as a message repeats it: in quotes, on one line (a run of line breaks, tabs
 * or other control characters reads as one space; spaces stay as typed, since a doubled one can be
 * why a name did not match) and cut at MAX_QUOTED characters. A status cell or an Excel
 * error message then stays one readable sentence whatever was pasted into the cell.
 */
export function quoteInput(input: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return `'${cutText(oneLine, MAX_QUOTED)}'`;
}

/** `text` cut to at most `maxLength` characters, the last one an ellipsis when anything was cut. */
export function cutText(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** One sentence for a RateError, the same everywhere the engine is used from text. */
export function describeRateError(code: RateErrorCode, d: RateErrorDetails): string {
  const input = d.input === undefined ? "" : ` ${quoteInput(d.input)}`;
  switch (code) {
    case "UNKNOWN_ROLE":
      return `Unknown role${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_AGREEMENT":
      return `Unknown agreement${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_UNIT":
      return `Unknown unit${input}: use hour, day, week, month, episode or flat.`;
    case "UNKNOWN_REGION":
      return `Unknown region${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_TIER":
      return `Unknown budget tier${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_FIELD":
      return `Unknown field${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_DEPARTMENT":
      return `Unknown department${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_VERSION":
      return `Unknown rate card version${input}${d.reason ? `: ${d.reason}` : ""}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_CLASSIFICATION":
      return `${d.agreement ?? "The book"} has no classification${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_SCHEDULE":
      return `${d.agreement ?? "That classification"} has no schedule${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_HEALTH_CONTRIBUTION":
      return `Unknown health contribution${input}: use independent (a producer that is not a $15M contributor) or contributor (a $15M contributor).`;
    case "BAD_QUANTITY":
      return `Quantity${input} must be a number from 0 to 10,000.`;
    case "BAD_DATE":
      return `Date${input} must be a date between 1990 and 2100, written YYYY-MM-DD (2025-01-15) or month/day/year (1/15/2025).`;
    case "BAD_HOURS":
      return `Hours per day${input} must be between 1 and 24.`;
    case "BAD_DAYS":
      return `Days per week${input} must be 5, 6 or 7.`;
    case "BAD_WAGES":
      return `Wages to date${input} must be a number of dollars from 0 up.`;
    case "BAD_BUDGET":
      return `Total budget${input} must be a number of dollars from 0 to 1,000,000,000,000.`;
    case "NO_RATE":
      return `No rate for ${d.role ?? "this role"}${d.agreement ? ` under ${d.agreement}` : ""}${
        d.region ? ` in ${d.region}` : ""
      }${d.unit ? ` by the ${d.unit}` : ""}${d.date ? ` on ${d.date}` : ""}${
        d.reason ? `: ${d.reason}` : "."
      }`;
    case "BAD_TABLE":
      return `${d.table ?? "Table"}${d.line === undefined ? "" : ` line ${d.line}`}: ${d.reason ?? "cannot be read"}.${didYouMean(d.suggestions)}`;
  }
}

/** Programmer errors: a broken invariant, never a user's mistake. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`CrewRate invariant failed: ${message}`);
}
