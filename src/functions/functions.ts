/*
 * The CREW custom functions as Excel sees them. The JSDoc on each `function` below is the single
 * source of Excel's metadata: CustomFunctionsMetadataPlugin turns it into functions.json and
 * registers each function with CustomFunctions.associate. Function ids are stored in workbooks:
 * never rename them. Each signature lists the parameters of params.ts in its order (the metadata
 * test checks names, order and optional-ness) and passes them on in that order.
 *
 * Omitted arguments arrive as null; ranges as rows of columns. Defaults come from the arguments and
 * the rate card only (never today's date), so everyone who opens a workbook gets the same values.
 */
import { engine } from "../data";
import { cellArg, cellInput, type CellArg } from "./args";
import { createCrewFunctions, type CellOutput, type CellResult } from "./crewFunctions";
import type { CrewFunctionId } from "./params";
import { isCellFailure, type CellFailure } from "./toExcelError";

const crew = createCrewFunctions(engine);

function cells(...values: unknown[]): CellArg[] {
  return values.map(cellArg);
}

// Parameters and results are typed `unknown` in each signature: the metadata generator reads the
// written types literally (it maps `unknown` to Excel's "any" and rejects aliases and parenthesized
// unions), and cellArg() narrows what Excel passes before anything uses it.

function toExcelCode(failure: CellFailure): CustomFunctions.ErrorCode {
  switch (failure.error) {
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

function toExcelCell(value: CellOutput): number | string | CustomFunctions.Error {
  if (!isCellFailure(value)) return value;
  const code = toExcelCode(value);
  // Excel shows a message only with #VALUE! and #N/A.
  return code === CustomFunctions.ErrorCode.invalidNumber
    ? new CustomFunctions.Error(code)
    : new CustomFunctions.Error(code, value.message);
}

/** A single failure throws (so the cell shows the error and its message); arrays carry errors per cell. */
function toExcel(result: CellResult): unknown[][] {
  if (Array.isArray(result)) return result.map((row) => row.map(toExcelCell));
  const cell = toExcelCell(result);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a cell error only when a CustomFunctions.Error (not an Error subclass) is thrown
  if (cell instanceof CustomFunctions.Error) throw cell;
  return [[cell]];
}

/**
 * Labor cost of a crew role before fringes: quantity × the rate per unit. Default 1 week.
 * @customfunction RATE
 * @param role Role title, alias or id, e.g. "Gaffer", "1st AC", "Post Producer". A range gives a range of results.
 * @param [quantity] How many units. Default 1.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's union agreement at the studio tier, else Non-union.
 * @param [region] Los Angeles, New York, Georgia, New Mexico, Maryland or Other US. Default Los Angeles.
 * @param [tier] Budget tier: Studio, Tier 3, Tier 2, Tier 1B, Tier 1A or Ultra-low. Default Studio.
 * @param [date] Budget date; picks the scale period in force. Default: the rate card's own date (2026-08-02), never today.
 * @param [hoursPerDay] Hours worked a day; overtime beyond the scale's guarantee is added. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @returns Labor cost in dollars.
 */
function rate(
  role: unknown[][],
  quantity?: unknown[][],
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
): unknown[][] {
  return toExcel(
    crew.rate(
      ...cells(
        role,
        quantity,
        unit,
        agreement,
        region,
        tier,
        date,
        hoursPerDay,
        cardVersion,
        production,
      ),
    ),
  );
}

/**
 * Employer fringes on the labor of a crew role: payroll taxes (with yearly wage caps), union plans, workers' comp and payroll fee.
 * @customfunction FRINGE
 * @param role Role title, alias or id. A range gives a range of results.
 * @param [quantity] How many units. Default 1.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's customary agreement.
 * @param [region] Region, for state payroll taxes. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [wagesToDate] Wages already budgeted this year for the same person, in dollars, so yearly caps hold across lines. Default 0.
 * @param [hoursPerDay] Hours worked a day. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @param [healthContribution] The producer's MPI health contribution level (its Settings sheet's HealthContribution): independent (a producer that is not a $15M contributor: the MPI premium health rate and the Retired Employees Fund add-on) or contributor (a "$15 Million Contributor": the basic rate). Default: independent.
 * @returns Fringe amount in dollars.
 */
function fringe(
  role: unknown[][],
  quantity?: unknown[][],
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  wagesToDate?: unknown[][],
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
  healthContribution?: unknown,
): unknown[][] {
  return toExcel(
    crew.fringe(
      ...cells(
        role,
        quantity,
        unit,
        agreement,
        region,
        tier,
        date,
        wagesToDate,
        hoursPerDay,
        cardVersion,
        production,
        healthContribution,
      ),
    ),
  );
}

/**
 * Labor plus fringes for a crew role.
 * @customfunction TOTAL
 * @param role Role title, alias or id. A range gives a range of results.
 * @param [quantity] How many units. Default 1.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's customary agreement.
 * @param [region] Region. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [wagesToDate] Wages already budgeted this year for the same person, in dollars. Default 0.
 * @param [hoursPerDay] Hours worked a day. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @param [healthContribution] The producer's MPI health contribution level (its Settings sheet's HealthContribution): independent (a producer that is not a $15M contributor: the MPI premium health rate and the Retired Employees Fund add-on) or contributor (a "$15 Million Contributor": the basic rate). Default: independent.
 * @returns Total cost in dollars.
 */
function total(
  role: unknown[][],
  quantity?: unknown[][],
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  wagesToDate?: unknown[][],
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
  healthContribution?: unknown,
): unknown[][] {
  return toExcel(
    crew.total(
      ...cells(
        role,
        quantity,
        unit,
        agreement,
        region,
        tier,
        date,
        wagesToDate,
        hoursPerDay,
        cardVersion,
        production,
        healthContribution,
      ),
    ),
  );
}

/**
 * The rate for one unit of a crew role.
 * @customfunction UNITRATE
 * @param role Role title, alias or id. A range gives a range of results.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's customary agreement.
 * @param [region] Region. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [hoursPerDay] Hours worked a day. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @returns Dollars per unit.
 */
function unitRate(
  role: unknown[][],
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
): unknown[][] {
  return toExcel(
    crew.unitRate(
      ...cells(role, unit, agreement, region, tier, date, hoursPerDay, cardVersion, production),
    ),
  );
}

/**
 * Where a crew line's rate comes from: Published (with the union book), Estimate, Override (with its Rate Overrides line) or Production role.
 * @customfunction BASIS
 * @param role Role title, alias or id. A range gives a range of results.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's customary agreement.
 * @param [region] Region. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [hoursPerDay] Hours worked a day. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @returns The rate's basis, e.g. "Override (Rate Overrides line 2)".
 */
function basis(
  role: unknown[][],
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
): unknown[][] {
  return toExcel(
    crew.basis(
      ...cells(role, unit, agreement, region, tier, date, hoursPerDay, cardVersion, production),
    ),
  );
}

/**
 * The production tables cell: the workbook's Rate Overrides and Production Roles rows as one text that crew lines pass on, so editing either table recalculates the budget. Shows the first bad row as an error.
 * @customfunction TABLES
 * @param overrides The Rate Overrides rows: Role, Agreement, Unit, Amount, Note (no header).
 * @param roles The Production Roles rows: Title, Department, Account, Description, Unit, Rate, Agreement (no header).
 * @returns A summary of the tables followed by their rows.
 */
function tables(overrides: unknown[][], roles: unknown[][]): unknown[][] {
  return toExcel(crew.tables(cellArg(overrides), cellArg(roles)));
}

/**
 * Every account's sums over a budget's crew lines, in one pass, as one text cell for CREW.ACCOUNTSUM to read (the topsheet's account rows): one pass over the budget instead of one per account.
 * @customfunction ACCOUNTSUMS
 * @param lineAccounts The budget lines' Account column.
 * @param lineRoles The budget lines' Role column: lines without a role (subtotal rows) are not counted.
 * @param amounts The column to add, as IFERROR(range,"#ERROR") so a line showing an error is named.
 * @param [firstRow] The sheet row of the columns' first cell, for the row a message names. Default 1.
 * @returns The sums, as text for CREW.ACCOUNTSUM.
 */
function accountSums(
  lineAccounts: unknown[][],
  lineRoles: unknown[][],
  amounts: unknown[][],
  firstRow?: unknown,
): unknown[][] {
  return toExcel(
    crew.accountSums(
      cellArg(lineAccounts),
      cellArg(lineRoles),
      cellArg(amounts),
      cellArg(firstRow),
    ),
  );
}

/**
 * One account's checked sum from a CREW.ACCOUNTSUMS cell: "3300" takes every line whose account starts with 33, "*" every crew line, another account its own lines. A sum that includes a line showing an error names the line's row instead.
 * @customfunction ACCOUNTSUM
 * @param sums A CREW.ACCOUNTSUMS cell.
 * @param account The account, e.g. "3300". A range gives a range of results.
 * @returns The sum in dollars, or the row of a line showing an error.
 */
function accountSum(sums: unknown, account: unknown[][]): unknown[][] {
  return toExcel(crew.accountSum(...cells(sums, account)));
}

/**
 * A checked sum over a budget's crew lines, in one pass: the lines of one account ("3300" takes every line whose account starts with 33) or, with no account, every line. A sum that includes a line showing an error names the line's row instead. The budget's subtotal and totals rows.
 * @customfunction LINESUM
 * @param lineAccounts The budget lines' Account column.
 * @param lineRoles The budget lines' Role column: lines without a role (subtotal rows) are not counted.
 * @param amounts The column to add, as IFERROR(range,"#ERROR") so a line showing an error is named.
 * @param [firstRow] The sheet row of the columns' first cell, for the row a message names. Default 1.
 * @param [lineAccount] The account whose lines to add, e.g. "3300". Default: every crew line.
 * @returns The sum in dollars, or the row of a line showing an error.
 */
function linesSum(
  lineAccounts: unknown[][],
  lineRoles: unknown[][],
  amounts: unknown[][],
  firstRow?: unknown,
  lineAccount?: unknown,
): unknown[][] {
  return toExcel(
    crew.linesSum(
      cellArg(lineAccounts),
      cellArg(lineRoles),
      cellArg(amounts),
      cellArg(firstRow),
      cellArg(lineAccount),
    ),
  );
}

/**
 * A spilled column: each budget line's wages to date for its person, the Subtotals of the lines above it that name the same person (ignoring case), in one pass. The Fringe formulas read it so yearly caps hold across a person's lines.
 * @customfunction WAGESBEFORE
 * @param persons The budget lines' Person column.
 * @param subtotals The budget lines' Subtotal column, as IFERROR(range,"#ERROR").
 * @returns One amount in dollars per line.
 */
function wagesBefore(persons: unknown[][], subtotals: unknown[][]): unknown[][] {
  return toExcel(crew.wagesBefore(cellArg(persons), cellArg(subtotals)));
}

/**
 * A fact about a crew role from the rate card, or from the workbook's own roles.
 * @customfunction INFO
 * @param role Role title, alias or id. A range gives a range of results.
 * @param field title, department, account, description, responsibilities, skills, agreements, source, aliases, unit or id.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell), so the production's own roles are known. Default: none.
 * @returns The field's text.
 */
function info(role: unknown[][], field: unknown, production?: unknown): unknown[][] {
  return toExcel(crew.info(...cells(role, field, production)));
}

/**
 * A spilled column of crew role titles.
 * @customfunction ROLES
 * @param [department] Department name or account, e.g. "Camera" or "3300". Default: every department.
 * @param [search] Words to search for; typos are tolerated. Default: every role.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell), so the production's own roles are listed too. Default: none.
 * @returns One role title per row.
 */
function roles(department?: unknown, search?: unknown, production?: unknown): unknown[][] {
  return toExcel(crew.roles(cellInput(department), cellInput(search), cellInput(production)));
}

/**
 * A spilled table of the classifications a line of the role can be priced at where it shoots, for its Agreement: a header row, then each classification's Agreement text (type it in the line's Agreement, or a CREW function's agreement argument, to price on it), title and code, book, and "yes" where the card gives it to the role.
 * @customfunction CLASSES
 * @param role Role title, alias or id.
 * @param [search] Words the classification's title, code or book must all contain, e.g. "foreman". Default: every classification.
 * @param [region] Region. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion). Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell), so the production's own roles are known. Default: none.
 * @returns Rows of Agreement text, classification, book and whether it is the role's own.
 */
function classes(
  role: unknown,
  search?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  cardVersion?: unknown,
  production?: unknown,
): unknown[][] {
  return toExcel(
    crew.classes(...[role, search, region, tier, date, cardVersion, production].map(cellInput)),
  );
}

/**
 * A spilled two-column breakdown of a crew line: rate, subtotal, each fringe with its rate and cap, total and sources.
 * @customfunction EXPLAIN
 * @param role Role title, alias or id.
 * @param [quantity] How many units. Default 1.
 * @param [unit] hour, day, week, month (52/12 weeks), episode (1.6 weeks, an assumption) or flat. Default week.
 * @param [agreement] Non-union, IATSE, Teamsters or DGA. Default: the role's customary agreement.
 * @param [region] Region. Default Los Angeles.
 * @param [tier] Budget tier. Default Studio.
 * @param [date] Budget date. Default: the rate card's own date, never today.
 * @param [wagesToDate] Wages already budgeted this year for the same person, in dollars. Default 0.
 * @param [hoursPerDay] Hours worked a day. Default: 12, the Settings sheet's Hours per day default (the functions and inserted lines price alike).
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so everyone gets the same numbers. Default: this add-in's newest card.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), so its rate overrides and the production's own roles apply. Default: none.
 * @param [healthContribution] The producer's MPI health contribution level (its Settings sheet's HealthContribution): independent (a producer that is not a $15M contributor: the MPI premium health rate and the Retired Employees Fund add-on) or contributor (a "$15 Million Contributor": the basic rate). Default: independent.
 * @returns Rows of label and value.
 */
function explain(
  role: unknown,
  quantity?: unknown,
  unit?: unknown,
  agreement?: unknown,
  region?: unknown,
  tier?: unknown,
  date?: unknown,
  wagesToDate?: unknown,
  hoursPerDay?: unknown,
  cardVersion?: unknown,
  production?: unknown,
  healthContribution?: unknown,
): unknown[][] {
  const args = [
    role,
    quantity,
    unit,
    agreement,
    region,
    tier,
    date,
    wagesToDate,
    hoursPerDay,
    cardVersion,
    production,
    healthContribution,
  ].map(cellInput);
  return toExcel(crew.explain(...args));
}

/**
 * Straight-time-equivalent pay hours for one day's work: 1.5x after 8 hours, 2x after 12 (12 worked = 14 paid).
 * @customfunction PAYHOURS
 * @param hoursWorked Hours worked in the day. A range gives a range of results.
 * @param [agreement] Whose overtime rules: Non-union, IATSE, Teamsters or DGA. Default Non-union.
 * @returns Pay hours.
 */
function payHours(hoursWorked: unknown[][], agreement?: unknown): unknown[][] {
  return toExcel(crew.payHours(...cells(hoursWorked, agreement)));
}

/**
 * The budget tier a production's total budget falls in, by the IATSE Low Budget Theatrical Agreement's bounds (Art. I.B): Ultra-low up to $3,000,000, Tier 1A to $6,250,000, Tier 1B to $9,000,000, Tier 2 to $12,500,000, Tier 3 to $15,000,000, Studio above.
 * @customfunction TIER
 * @param total The production's total budget in dollars (above and below the line, less the completion bond and up to 10% contingency). A range gives a range of results.
 * @returns The tier's name as the Tier setting and the CREW functions spell it, e.g. "Tier 1B".
 */
function tier(total: unknown[][]): unknown[][] {
  return toExcel(crew.tier(...cells(total)));
}

/**
 * The Status of one Rate Overrides or Production Roles line, checked against both tables as the crew lines see them: blank for a blank line, OK for a good one (an override says the role it prices, "OK: Gaffer"), or "Fix: " and what to fix, in the words the Settings sheet's production tables cell and the pane use.
 * @customfunction TABLECHECK
 * @param tableLine The line's cells on its sheet, e.g. A4:E4 on Rate Overrides or A4:G4 on Production Roles.
 * @param lineNumber The line's number in its table, 1 for the first line below the header; the Status column writes ROW(A4)-ROW($A$3).
 * @param [table] The table the line belongs to: Rate Overrides or Production Roles. Default Rate Overrides.
 * @param [production] The workbook's production tables (its Settings sheet's ProductionTables cell, made by CREW.TABLES), which hold both tables, so an override naming a production role is checked against the Production Roles table. Default: none.
 * @param [cardVersion] The rate-card version the workbook was built with (its Settings sheet's CardVersion), so the line is checked against the card its crew lines price with. Default: this add-in's newest card.
 * @returns The line's status text.
 */
function tableCheck(
  tableLine: unknown[][],
  lineNumber: unknown,
  table?: unknown,
  production?: unknown,
  cardVersion?: unknown,
): unknown[][] {
  return toExcel(
    crew.tableCheck(
      cellArg(tableLine),
      ...[lineNumber, table, production, cardVersion].map(cellInput),
    ),
  );
}

/** For tests: the Excel-facing functions by id, one for each function in params.ts. */
export const excelFunctions = {
  RATE: rate,
  FRINGE: fringe,
  TOTAL: total,
  UNITRATE: unitRate,
  BASIS: basis,
  TABLES: tables,
  ACCOUNTSUMS: accountSums,
  LINESUM: linesSum,
  ACCOUNTSUM: accountSum,
  WAGESBEFORE: wagesBefore,
  INFO: info,
  ROLES: roles,
  CLASSES: classes,
  EXPLAIN: explain,
  PAYHOURS: payHours,
  TIER: tier,
  TABLECHECK: tableCheck,
} satisfies Record<CrewFunctionId, (...args: never[]) => unknown[][]>;
