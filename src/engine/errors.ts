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
  | "BAD_QUANTITY"
  | "BAD_DATE"
  | "BAD_HOURS"
  | "BAD_DAYS"
  | "BAD_WAGES"
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

function didYouMean(suggestions: string[] | undefined): string {
  if (!suggestions || suggestions.length === 0) return "";
  if (suggestions.length === 1) return ` Did you mean ${suggestions[0]}?`;
  return ` Did you mean ${suggestions.slice(0, -1).join(", ")} or ${suggestions.at(-1)}?`;
}

/** One sentence for a RateError, the same everywhere the engine is used from text. */
export function describeRateError(code: RateErrorCode, d: RateErrorDetails): string {
  const input = d.input === undefined ? "" : ` '${d.input}'`;
  switch (code) {
    case "UNKNOWN_ROLE":
      return `Unknown role${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_AGREEMENT":
      return `Unknown agreement${input}.${didYouMean(d.suggestions)}`;
    case "UNKNOWN_UNIT":
      return `Unknown unit${input}: use hour, day, week or flat.`;
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
    case "BAD_QUANTITY":
      return `Quantity${input} must be a number from 0 to 10,000.`;
    case "BAD_DATE":
      return `Date${input} must be a date between 1990 and 2100 (YYYY-MM-DD).`;
    case "BAD_HOURS":
      return `Hours per day${input} must be between 1 and 24.`;
    case "BAD_DAYS":
      return `Days per week${input} must be 5, 6 or 7.`;
    case "BAD_WAGES":
      return `Wages to date${input} must be a number of dollars from 0 up.`;
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
