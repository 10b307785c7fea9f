/**
 * The CREW functions' parameters, declared once. `CREW_PARAMS` gives each function's parameters in
 * order; `PARAMS` says what each parameter is, the same in every function that takes it. From here
 * the implementations read arguments by name (`argsOf` in args.ts), HyperFormula takes each
 * function's arity (hyperformula.ts), and the metadata test holds the JSDoc in functions.ts, which
 * Excel's metadata is generated from, to the same names, order and optional-ness.
 */

/**
 * How an argument is read: text (a number counts as its text), a number (text that reads as one
 * counts), a date (a date serial or YYYY-MM-DD text), or the whole rows of a table.
 */
export type ParamType = "text" | "number" | "date" | "rows";

interface ParamBase {
  /** How messages name it: "Hours per day must be a number, not 'ten'." */
  readonly label: string;
  /** A blank or omitted required argument is a #VALUE! error ("Role is empty."). */
  readonly optional: boolean;
}

/**
 * One parameter. `default` is what the functions pass on for a blank or omitted argument; without
 * one the engine decides (the card's unit, region, tier and date), as the JSDoc says.
 */
export type Param =
  | (ParamBase & { readonly type: "text"; readonly default?: string })
  | (ParamBase & { readonly type: "number"; readonly default?: number })
  | (ParamBase & { readonly type: "date" | "rows" });

export const PARAMS = {
  role: { label: "Role", type: "text", optional: false },
  // UNITRATE and BASIS take no quantity: they quote this one unit.
  quantity: { label: "Quantity", type: "number", optional: true, default: 1 },
  unit: { label: "Unit", type: "text", optional: true },
  agreement: { label: "Agreement", type: "text", optional: true },
  region: { label: "Region", type: "text", optional: true },
  tier: { label: "Tier", type: "text", optional: true },
  date: { label: "Date", type: "date", optional: true },
  wagesToDate: { label: "Wages to date", type: "number", optional: true },
  hoursPerDay: { label: "Hours per day", type: "number", optional: true },
  cardVersion: { label: "Card version", type: "text", optional: true },
  production: { label: "Production tables", type: "text", optional: true },
  // The engine's default (independent) when blank: the Settings sheet's Health contribution.
  healthContribution: { label: "Health contribution", type: "text", optional: true },
  field: { label: "Field", type: "text", optional: false },
  department: { label: "Department", type: "text", optional: true },
  search: { label: "Search", type: "text", optional: true, default: "" },
  hoursWorked: { label: "Hours worked", type: "number", optional: false },
  // CREW.TABLECHECK: one production table line's cells, its number, and which table.
  tableLine: { label: "Line", type: "rows", optional: false },
  lineNumber: { label: "Line number", type: "number", optional: false },
  table: { label: "Table", type: "text", optional: true, default: "Rate Overrides" },
  overrides: { label: "Rate Overrides", type: "rows", optional: false },
  roles: { label: "Production Roles", type: "rows", optional: false },
  total: { label: "Total budget", type: "number", optional: false },
  // CREW.ACCOUNTSUMS and CREW.WAGESBEFORE: whole columns of the budget, read in one pass.
  lineAccounts: { label: "Line accounts", type: "rows", optional: false },
  lineRoles: { label: "Line roles", type: "rows", optional: false },
  amounts: { label: "Amounts", type: "rows", optional: false },
  firstRow: { label: "First row", type: "number", optional: true, default: 1 },
  persons: { label: "Persons", type: "rows", optional: false },
  subtotals: { label: "Subtotals", type: "rows", optional: false },
  sums: { label: "Account sums", type: "text", optional: false },
  account: { label: "Account", type: "text", optional: false },
  // CREW.LINESUM: blank sums every crew line.
  lineAccount: { label: "Account", type: "text", optional: true, default: "" },
} as const satisfies Record<string, Param>;

export type ParamName = keyof typeof PARAMS;

/** Each function's parameters in order, by id (`CREW.<id>`; ids are stored in workbooks). */
export const CREW_PARAMS = {
  RATE: [
    "role",
    "quantity",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "hoursPerDay",
    "cardVersion",
    "production",
  ],
  FRINGE: [
    "role",
    "quantity",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "wagesToDate",
    "hoursPerDay",
    "cardVersion",
    "production",
    "healthContribution",
  ],
  TOTAL: [
    "role",
    "quantity",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "wagesToDate",
    "hoursPerDay",
    "cardVersion",
    "production",
    "healthContribution",
  ],
  UNITRATE: [
    "role",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "hoursPerDay",
    "cardVersion",
    "production",
  ],
  BASIS: [
    "role",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "hoursPerDay",
    "cardVersion",
    "production",
  ],
  TABLES: ["overrides", "roles"],
  ACCOUNTSUMS: ["lineAccounts", "lineRoles", "amounts", "firstRow"],
  ACCOUNTSUM: ["sums", "account"],
  LINESUM: ["lineAccounts", "lineRoles", "amounts", "firstRow", "lineAccount"],
  WAGESBEFORE: ["persons", "subtotals"],
  INFO: ["role", "field", "production"],
  ROLES: ["department", "search", "production"],
  CLASSES: ["role", "search", "region", "tier", "date", "cardVersion", "production"],
  EXPLAIN: [
    "role",
    "quantity",
    "unit",
    "agreement",
    "region",
    "tier",
    "date",
    "wagesToDate",
    "hoursPerDay",
    "cardVersion",
    "production",
    "healthContribution",
  ],
  PAYHOURS: ["hoursWorked", "agreement"],
  TIER: ["total"],
  TABLECHECK: ["tableLine", "lineNumber", "table", "production", "cardVersion"],
} as const satisfies Record<string, readonly ParamName[]>;

export type CrewFunctionId = keyof typeof CREW_PARAMS;

export function isCrewFunctionId(id: string): id is CrewFunctionId {
  return Object.hasOwn(CREW_PARAMS, id);
}

/** Every CREW function's id, in the table's order. */
export const CREW_FUNCTION_IDS: readonly CrewFunctionId[] =
  Object.keys(CREW_PARAMS).filter(isCrewFunctionId);
