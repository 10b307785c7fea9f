import { describeRateError, isRateError, type RateErrorCode } from "../engine";

/** The Excel errors CrewRate functions return. Only #VALUE! and #N/A show their message in Excel. */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!";

/** A cell that failed, host-neutral: the Excel and HyperFormula adapters turn it into their error. */
export interface CellFailure {
  readonly error: ExcelErrorCode;
  readonly message: string;
}

const CODE_TO_EXCEL: Record<RateErrorCode, ExcelErrorCode> = {
  UNKNOWN_ROLE: "#VALUE!",
  UNKNOWN_AGREEMENT: "#VALUE!",
  UNKNOWN_UNIT: "#VALUE!",
  UNKNOWN_REGION: "#VALUE!",
  UNKNOWN_TIER: "#VALUE!",
  UNKNOWN_FIELD: "#VALUE!",
  UNKNOWN_DEPARTMENT: "#VALUE!",
  UNKNOWN_VERSION: "#VALUE!",
  UNKNOWN_HEALTH_CONTRIBUTION: "#VALUE!",
  UNKNOWN_CLASSIFICATION: "#VALUE!",
  UNKNOWN_SCHEDULE: "#VALUE!",
  BAD_DATE: "#VALUE!",
  BAD_QUANTITY: "#NUM!",
  BAD_HOURS: "#NUM!",
  BAD_DAYS: "#NUM!",
  BAD_WAGES: "#NUM!",
  // #VALUE! rather than #NUM!: Excel shows a message only with #VALUE! and #N/A.
  BAD_BUDGET: "#VALUE!",
  NO_RATE: "#N/A",
  BAD_TABLE: "#VALUE!",
};

/** Excel caps a custom function's error message; longer ones are cut at a word. */
const MAX_MESSAGE = 255;

function clip(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const cut = message.slice(0, MAX_MESSAGE - 1);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

export function isCellFailure(value: unknown): value is CellFailure {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

export function cellFailure(error: ExcelErrorCode, message: string): CellFailure {
  return { error, message: clip(message) };
}

/**
 * Translates anything a CREW function throws into the Excel error a cell shows: user-fixable
 * problems keep their sentence; anything else is a bug, reported as such rather than swallowed.
 */
export function toExcelError(error: unknown): CellFailure {
  if (isRateError(error)) {
    return cellFailure(CODE_TO_EXCEL[error.code], describeRateError(error.code, error.details));
  }
  if (isCellFailure(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return cellFailure("#VALUE!", `CrewRate internal error (please report it): ${detail}`);
}
