/** The rate engine's public surface: the only import path the rest of CrewRate uses. */
export { RateEngine, type ExplainedQuote, type TitleMatch } from "./engine";
export {
  RateError,
  isRateError,
  describeRateError,
  assert,
  didYouMean,
  orList,
  quoteInput,
  cutText,
} from "./errors";
export type { RateErrorCode, RateErrorDetails } from "./errors";
export { centsToDollars, dollarsToCents, formatUsd, formatBps, roundCents } from "./money";
export {
  COPY_HOSTS,
  explainQuote,
  describeFringeRate,
  describeHealthContribution,
  describeSource,
  fringeLabel,
} from "./explain";
export { normalizeName, editDistance, type MatchStep } from "./names";
export { payHoursForDay } from "./workRules";
export { isoToSerial, LAST_EXCEL_SERIAL, serialToIso } from "./excelDates";
export { MAX_QUANTITY } from "./terms";
export {
  MAX_AMOUNT_DOLLARS,
  describeAmount,
  readAmount,
  type AmountFault,
  type AmountReading,
  type AmountRefusal,
  type AmountRule,
} from "./amounts";
export { MAX_SEARCH_LENGTH } from "./search";
export { WEEKS_PER_EPISODE, WEEKS_PER_MONTH, weekMultiple, type WeekMultiple } from "./units";
export { hireOf, type Hiring } from "./titles";
export { MAX_BUDGET_DOLLARS, tierForBudget } from "./tier";
export { DEFAULT_HOURS_PER_DAY } from "./defaults";
export { belongsToVersion, compareVersions, cardAtVersion } from "./versions";
export type { ClassificationChoice, ClassificationGroup, RateListing } from "./describe";
export { unionChange, type UnionChange, type MovedLine, type SettingsChange } from "./unionChange";
// The card's and the quote's vocabulary, and the production tables' (ProductionTables, TableCell,
// TableRows, RateOverride, OVERRIDES_TABLE, PRODUCTION_ROLES_TABLE and their column orders).
export * from "./types";
export {
  checkTableLine,
  productionToken,
  TABLE_LINE_FIX,
  tableLineStatus,
  tablesFromToken,
  tablesText,
  type TableLineCheck,
} from "./production";
export {
  ACCOUNT_SUMS_MARK,
  accountHasLines,
  accountSum,
  accountSums,
  ALL_ACCOUNTS,
  ERROR_MARK,
  linesSum,
  MAX_ROLLUP_LINES,
  personKey,
  wagesBefore,
  type RollupCell,
} from "./rollup";
