/** The rate engine's public surface: the only import path the rest of CrewRate uses. */
export { RateEngine, type ExplainedQuote } from "./engine";
export { RateError, isRateError, describeRateError, assert } from "./errors";
export type { RateErrorCode, RateErrorDetails } from "./errors";
export { centsToDollars, dollarsToCents, formatUsd, formatBps, roundCents } from "./money";
export { explainQuote, describeFringeRate, describeSource } from "./explain";
export { normalizeName, editDistance } from "./names";
export { payHoursForDay } from "./workRules";
export { isoToSerial, LAST_EXCEL_SERIAL, serialToIso } from "./excelDates";
export { MAX_QUANTITY } from "./quote";
export { belongsToVersion, compareVersions, cardAtVersion } from "./versions";
export { diffCardVersions, type UpdateDiff, type LineChange, type DiffLine } from "./updateDiff";
export type { RateListing } from "./describe";
export * from "./types";
export {
  productionToken,
  tablesFromToken,
  OVERRIDES_TABLE,
  PRODUCTION_ROLES_TABLE,
  OVERRIDE_COLUMNS,
  PRODUCTION_ROLE_COLUMNS,
  type ProductionTables,
  type TableCell,
  type TableRows,
  type RateOverride,
} from "./production";
