/**
 * The budget workbook's geometry, host-neutral: sheet names, the crew-line columns, the production
 * tables' blocks, the totals row and the topsheet. The Excel adapter and the preview adapter both
 * write exactly this, so a budget built in the preview is the budget built in Excel.
 */
import {
  ALL_ACCOUNTS,
  ERROR_MARK,
  OVERRIDE_COLUMNS,
  OVERRIDES_TABLE,
  PRODUCTION_ROLE_COLUMNS,
  PRODUCTION_ROLES_TABLE,
} from "../engine";
import { ACCOUNT_GROUPS, type ChartAccount } from "./accounts";
import { WorkbookError } from "./errors";

export const SETTINGS_SHEET = "Settings";
export const BUDGET_SHEET = "Budget";
export const TOPSHEET_SHEET = "Topsheet";
export const BUDGET_TABLE = "CrewBudget";

/** The budget sheet's title (row 1) and note (row 2). */
export const BUDGET_TITLE = "CrewRate budget";
export const BUDGET_NOTE =
  "Crew lines hold live CREW formulas: edit Qty, Agreement or a setting and the totals follow.";

/**
 * A cell as CrewRate writes it: a number, a formula (text starting with "="), or text. Text that
 * came from a person or from a computed value goes through textCell, so it is never a formula.
 */
export type CellContent = string | number;

/** What makes Excel or HyperFormula read typed text as something else: a formula, or a prefix. */
const NOT_PLAIN_TEXT = /^[\s\p{Cc}]*[=+\-@']/u;

/**
 * Text exactly as a cell must hold it: a leading apostrophe, which both Excel and HyperFormula
 * take as "this is text" and do not keep in the value, before anything that starts like a formula
 * (=, and in Excel + - @) or with an apostrophe of its own.
 */
export function textCell(text: string): string {
  return NOT_PLAIN_TEXT.test(text) ? `'${text}` : text;
}

/**
 * The production's own tables, one sheet each: a title in row 1, a note in row 2, the header in
 * row 3 and up to TABLE_LINES lines below. Line n of a table is sheet row TABLE_FIRST_ROW + n - 1.
 */
export const OVERRIDES_SHEET = OVERRIDES_TABLE;
export const ROLES_SHEET = PRODUCTION_ROLES_TABLE;
export const TABLE_HEADER_ROW = 3;
export const TABLE_FIRST_ROW = TABLE_HEADER_ROW + 1;
export const TABLE_LINES = 200;

export const PRODUCTION_SHEETS = [
  {
    sheet: OVERRIDES_SHEET,
    columns: OVERRIDE_COLUMNS,
    note: `Negotiated rates: a line here wins over the rate card for that role and unit (and agreement, if given; blank means any). Amount is per unit, used as written (no overtime added). Up to ${TABLE_LINES} lines.`,
  },
  {
    sheet: ROLES_SHEET,
    columns: PRODUCTION_ROLE_COLUMNS,
    note: `Roles this production adds (the pane's "Add a role" writes here): priced at their Rate per Unit under their Agreement (blank: Non-union). Up to ${TABLE_LINES} lines.`,
  },
] as const;

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1-style address of a block of rows starting in column A at a 1-based row: "A1:C9". */
export function blockAddress(
  firstRowNumber: number,
  rows: readonly (readonly unknown[])[],
): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return `A${firstRowNumber}:${columnLetter(width - 1)}${firstRowNumber + Math.max(rows.length, 1) - 1}`;
}

function productionSheet(sheet: string): (typeof PRODUCTION_SHEETS)[number] {
  const spec = PRODUCTION_SHEETS.find((p) => p.sheet === sheet);
  if (!spec) throw new Error(`CrewRate invariant failed: no production sheet ${sheet}`);
  return spec;
}

/** The line block of a production table on its sheet: "A4:E203". */
export function tableBlock(sheet: string): string {
  const last = columnLetter(productionSheet(sheet).columns.length - 1);
  return `A${TABLE_FIRST_ROW}:${last}${TABLE_FIRST_ROW + TABLE_LINES - 1}`;
}

/** The same block as an absolute reference for formulas: 'Rate Overrides'!$A$4:$E$203. */
export function tableRange(sheet: string): string {
  const absolute = tableBlock(sheet).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet}'!${absolute}`;
}

/** Whether a table line holds nothing. */
export function isBlankLine(cells: readonly unknown[] | undefined): boolean {
  return (cells ?? []).every((cell) => cell === "" || cell === null || cell === undefined);
}

/**
 * The first `count` blank lines of a production table (0-based), given its lines as read.
 * @throws WorkbookError when the table has fewer blank lines than that
 */
export function blankTableLines(
  sheet: string,
  rows: readonly (readonly unknown[])[],
  count: number,
): number[] {
  const blank: number[] = [];
  for (let i = 0; i < TABLE_LINES && blank.length < count; i++) {
    if (isBlankLine(rows[i])) blank.push(i);
  }
  if (blank.length < count) {
    throw new WorkbookError(
      `The ${sheet} sheet has ${blank.length} blank line${blank.length === 1 ? "" : "s"} of the ${count} needed (it holds ${TABLE_LINES}): clear lines you no longer need, then try again. Nothing was changed.`,
    );
  }
  return blank;
}

/**
 * The header of the column right after a production table's own columns, where each line says
 * whether it checks out (CREW.TABLECHECK): blank, "OK", or "Fix: " and the reason.
 */
export const STATUS_HEADER = "Status";

/** A production sheet's title, note and header rows (the table's columns, then Status). */
export function productionSheetRows(sheet: string): CellContent[][] {
  const spec = productionSheet(sheet);
  return [[sheet], [spec.note], [...spec.columns, STATUS_HEADER]];
}

/** 0-based column of a production sheet's Status column: right after its table's last column. */
export function statusColumn(sheet: string): number {
  return productionSheet(sheet).columns.length;
}

/** The Status column from its header to the last line: "F3:F203". */
export function statusColumnBlock(sheet: string): string {
  const letter = columnLetter(statusColumn(sheet));
  return `${letter}${TABLE_HEADER_ROW}:${letter}${TABLE_FIRST_ROW + TABLE_LINES - 1}`;
}

/**
 * The Status formula of the line on a 1-based sheet row: its own cells (so the dependency graph
 * sees the row), its line number from its row (rows inserted above or inside the table keep it
 * right, as they do the tables cell's range), and the tables cell, which holds both tables: an
 * override that names a production role is checked against the Production Roles table. The
 * tables cell is passed rather than both ranges: one parse per edit serves every line (it is
 * the cell the crew lines read, so the status and the prices cannot disagree), where 400
 * formulas over both whole tables would each read and serialize 2,400 cells.
 */
export function tableStatusFormula(sheet: string, row: number): string {
  const last = columnLetter(productionSheet(sheet).columns.length - 1);
  return `=CREW.TABLECHECK(A${row}:${last}${row},ROW(A${row})-ROW($A$${TABLE_HEADER_ROW}),${formulaText(sheet)},ProductionTables,CardVersion)`;
}

/** The Status column as set-up writes it, header first, then one formula per line row. */
export function statusColumnCells(sheet: string): CellContent[][] {
  return [
    [STATUS_HEADER],
    ...Array.from({ length: TABLE_LINES }, (_, i) => [
      tableStatusFormula(sheet, TABLE_FIRST_ROW + i),
    ]),
  ];
}

/**
 * A production sheet whole, as a host that builds it from nothing holds it (the preview): title,
 * note, header with Status, and each line row's Status formula after its blank table cells.
 */
export function productionSheetCells(sheet: string): (CellContent | null)[][] {
  const at = statusColumn(sheet);
  const lines = Array.from({ length: TABLE_LINES }, (_, i) => [
    ...Array<null>(at).fill(null),
    tableStatusFormula(sheet, TABLE_FIRST_ROW + i),
  ]);
  return [...productionSheetRows(sheet), ...lines];
}

/**
 * The crew-line columns, in reading order: what the line is and who, how much, the money, then
 * what it is priced under and the notes.
 */
export const COLUMNS = [
  "Account",
  "Role",
  "Person",
  "Qty",
  "Unit",
  "Rate",
  "Subtotal",
  "Fringe",
  "Total",
  "Agreement",
  "Region",
  "Tier",
  "Basis",
  "Description",
  "Department",
] as const;
export type Column = (typeof COLUMNS)[number];

/** The columns before CrewRate's layout 2 (money-first order): a budget built so is layout 1. */
export const LAYOUT_1_COLUMNS = [
  "Account",
  "Department",
  "Role",
  "Person",
  "Description",
  "Agreement",
  "Region",
  "Tier",
  "Qty",
  "Unit",
  "Rate",
  "Subtotal",
  "Fringe",
  "Total",
  "Basis",
] as const;

/** The workbook layout this build writes (the Settings sheet's Layout version holds it). */
export const LAYOUT_VERSION = 2;

export const MONEY_COLUMNS: readonly Column[] = ["Rate", "Subtotal", "Fringe", "Total"];
/** The columns that add up: account subtotals, the totals row and the topsheet sum them. */
export const SUM_COLUMNS = ["Subtotal", "Fringe", "Total"] as const satisfies readonly Column[];
export const MONEY_FORMAT = "$#,##0.00";

/** Where the budget table starts: a title in row 1, a note in row 2, the header in row 4. */
export const HEADER_ROW = 4;
export const FIRST_LINE_ROW = HEADER_ROW + 1;

/** Column letter of a budget column (A for Account, ...). */
export function col(name: Column): string {
  return columnLetter(COLUMNS.indexOf(name));
}

/** Text inside a formula's string literal: quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A sum that names its errors instead of becoming one (CREW.LINESUM): the crew lines (rows with
 * a Role) of `account` ("3300" takes 3301 and 3304; none: every line) in the range, or, where a
 * line it adds shows an error, which row ("Error in row 12 and 1 more"). One pass over the rows,
 * where the same sum in native functions (nativeCheckedSum) reads them five times per cell and
 * costs HyperFormula most of a recalculation at 20,000 lines (it evaluates both branches of IF).
 * @param range the cells of a budget column over the summed rows
 * @param firstRow the sheet row of the range's first cell
 */
function checkedSum(
  range: (c: Column) => string,
  summed: Column,
  firstRow: number,
  account?: string,
): string {
  const args = [range("Account"), range("Role"), errorsMarked(range(summed)), String(firstRow)];
  if (account !== undefined) args.push(formulaText(account));
  return `=CREW.LINESUM(${args.join(",")})`;
}

/**
 * The same checked sum in native functions, for a program without the add-in: Excel's table
 * totals row (structured references, which a values copy keeps as they are) and the values
 * copies Share as values makes (nativeLineSum).
 * @param values the summed cells (a range)
 * @param selects a 1/0 array expression over the same rows: which of them the sum adds
 * @param firstRow an expression for the sheet row of `values`' first cell
 */
function nativeCheckedSum(values: string, selects: string, firstRow: string): string {
  const errors = `SUMPRODUCT(ISERROR(${values})*${selects})`;
  const first = `MATCH(1,ISERROR(${values})*${selects},0)+${firstRow}-1`;
  const sum = `SUMPRODUCT(${selects},IFERROR(${values},0))`;
  return `=IF(${errors}>0,"Error in row "&(${first})&IF(${errors}>1," and "&(${errors}-1)&" more",""),${sum})`;
}

/** A CREW.LINESUM formula as checkedSum writes it (plain ranges), in its parts. */
const LINE_SUM =
  /^=CREW\.LINESUM\(([A-Z$]+\d*:[A-Z$]+\d*),([A-Z$]+\d*:[A-Z$]+\d*),IFERROR\(([A-Z$]+\d*:[A-Z$]+\d*),"#ERROR"\),(\d+)(?:,("(?:[^"]|"")*"))?\)$/i;

/**
 * The native checked sum a CrewRate CREW.LINESUM cell stands for (a subtotal or the preview's
 * totals row), for a values copy that must add up without the add-in; undefined for every other
 * formula (a producer's own LINESUM is copied as its value).
 */
export function nativeLineSum(formula: string): string | undefined {
  const m = LINE_SUM.exec(formula.trim());
  if (!m) return undefined;
  const [, accounts = "", roles = "", values = "", firstRow = "", quoted] = m;
  const account = quoted?.slice(1, -1).replace(/""/g, '"');
  const lines = `(${roles}<>"")`;
  const selects = account ? `${inAccount(accounts, account)}*${lines}` : `${lines}*1`;
  return nativeCheckedSum(values, selects, firstRow);
}

/**
 * A 1/0 array over an Account range: which cells roll up to `account` ("3300" takes 3301, 3304 and
 * "3300", whether the cells hold numbers or text), as CREW.LINESUM reads an account.
 */
function inAccount(range: string, account: string): string {
  return /^\d\d00$/.test(account)
    ? `(LEFT(TRIM(${range}),2)&"00"=${formulaText(account)})`
    : `(TRIM(${range}&"")=${formulaText(account)})`;
}

/**
 * Wages to date, beside the budget: one CREW.WAGESBEFORE spill in column Q (one column clear of
 * the table, which cannot hold a spill) from the header row down, so sheet row r holds the wages
 * the lines above row r budget for row r's person. Each line's Fringe reads its own row of it:
 * one pass for the whole budget instead of a SUMIF over the rows above each line (quadratic).
 */
export const WAGES_COLUMN = columnLetter(COLUMNS.length + 1);
/** The label above the spill (the row above the header). */
export const WAGES_LABEL = "Wages to date (for the Fringe column)";

/** How a budget's Fringe formulas reach their row of the wages spill. */
export interface WagesSpill {
  /** The spill's anchor row: the budget's header row. */
  anchorRow: number;
  /**
   * Excel's table shifts only its own cells when lines are inserted, so a line finds its row of
   * the spill by ROW() (INDEX); the preview inserts whole sheet rows, so a plain reference moves
   * with its line (HyperFormula's INDEX reads the whole column: quadratic).
   */
  byIndex: boolean;
}

export const PREVIEW_WAGES: WagesSpill = { anchorRow: HEADER_ROW, byIndex: false };

/** The wages spill's formula over the budget's Person and Subtotal columns (header to totals). */
export function wagesSpillFormula(persons: string, subtotals: string): string {
  return `=CREW.WAGESBEFORE(${persons},${errorsMarked(subtotals)})`;
}

/** The spill for a plain-rows budget (the preview): header row to totals row. */
export function previewWagesFormula(totalsRowNumber: number): string {
  const range = (c: Column) => `$${col(c)}$${HEADER_ROW}:$${col(c)}$${totalsRowNumber}`;
  return wagesSpillFormula(range("Person"), range("Subtotal"));
}

/** The spill for Excel's table: its whole Person and Subtotal columns, header and totals included. */
export function excelWagesFormula(table: string): string {
  return wagesSpillFormula(`${table}[[#All],[Person]]`, `${table}[[#All],[Subtotal]]`);
}

/**
 * A line's wages to date: its row of the spill, or the spill's own error when it cannot spill
 * (something typed in its way), so a blocked spill shows on every Fringe instead of pricing them
 * as if nobody had been paid yet.
 */
export function wagesOfRow(row: number, spill: WagesSpill): string {
  const anchor = `$${WAGES_COLUMN}$${spill.anchorRow}`;
  const own = spill.byIndex
    ? `INDEX($${WAGES_COLUMN}:$${WAGES_COLUMN},ROW())`
    : `$${WAGES_COLUMN}${row}`;
  return `IF(ISERROR(${anchor}),${anchor},${own})`;
}

/** Whether a cell holds CrewRate's wages spill formula (either host's). */
export function isWagesSpillFormula(cell: unknown): boolean {
  return typeof cell === "string" && /^=\s*CREW\.WAGESBEFORE\(/i.test(cell);
}

/** What an account subtotal row's Account cell says: "3300 total". */
export function subtotalLabel(account: string): string {
  return `${account} total`;
}

/** The account an Account cell's subtotal label names, or undefined for any other cell. */
export function subtotalAccount(cell: unknown): string | undefined {
  const match = typeof cell === "string" ? /^(.+) total$/.exec(cell.trim()) : null;
  return match?.[1];
}

/**
 * An account's subtotal row at a 1-based sheet row: each money column sums the account's lines in
 * its block, from `blockStart` (the row below the subtotal row above, or the first line row) down
 * to the row above it, naming the row of any line that shows an error. Role stays blank: a
 * subtotal is not a crew line. Block-local, so the budget's subtotals together read each line
 * once: their cost grows with the budget, not with its square. (The topsheet counts every line
 * of an account wherever it stands.)
 */
export function subtotalRow(
  account: string,
  name: string,
  row: number,
  blockStart: number = FIRST_LINE_ROW,
): CellContent[] {
  // Never its own row: a block with no line above the subtotal reads the row above it.
  const end = row - 1;
  const start = Math.min(Math.max(blockStart, FIRST_LINE_ROW), end);
  const range = (c: Column) => `${col(c)}${start}:${col(c)}${end}`;
  const cells: Partial<Record<Column, CellContent>> = {
    Account: textCell(subtotalLabel(account)),
    Description: textCell(name),
  };
  for (const c of SUM_COLUMNS) cells[c] = checkedSum(range, c, start, account);
  return COLUMNS.map((c) => cells[c] ?? "");
}

/**
 * The totals row under `lastLineRow` (the preview's; Excel's table has its own totals row, made
 * by excelTotalsRow): crew lines only (rows with a Role), so account subtotals are not counted
 * twice, and an error line is named rather than spread.
 */
export function totalsRow(lastLineRow: number): CellContent[] {
  const end = Math.max(lastLineRow, HEADER_ROW);
  const range = (c: Column) => `${col(c)}$${HEADER_ROW}:${col(c)}${end}`;
  return COLUMNS.map((name) =>
    name === "Account"
      ? "Total"
      : (SUM_COLUMNS as readonly Column[]).includes(name)
        ? checkedSum(range, name, HEADER_ROW)
        : "",
  );
}

/**
 * The same totals for an Excel table's own totals row, in structured references and native
 * functions: Excel sums a column natively faster than a custom function's round trip, and a values
 * copy keeps a totals row that names its own table (Excel renames the references in a copied
 * sheet's table; a rewritten formula would still name the original).
 */
export function excelTotalsRow(table: string): (string | null)[] {
  const selects = `(${table}[Role]<>"")*1`;
  return COLUMNS.map((name) =>
    name === "Account"
      ? "Total"
      : (SUM_COLUMNS as readonly Column[]).includes(name)
        ? nativeCheckedSum(`${table}[${name}]`, selects, `ROW(${table}[#Headers])+1`)
        : null,
  );
}

export const TOPSHEET_COLUMNS = ["Account", "Description", "Labor", "Fringe", "Total"] as const;
/** The topsheet's title in row 1, the grand total in row 2, its header in row 4. */
export const TOPSHEET_HEADER_ROW = 4;
/** The row that repeats the grand total above everything (Total column, E). */
export const TOPSHEET_GRAND_TOTAL_ROW = 2;
export const TOPSHEET_TITLE = "Topsheet: crew labor and fringes by account";

/** The budget column each topsheet money column adds up. */
const TOPSHEET_SUMS = { Labor: "Subtotal", Fringe: "Fringe", Total: "Total" } as const;

/** What a summed column's error cells become for CREW.SUMBYACCOUNT and CREW.WAGESBEFORE. */
function errorsMarked(range: string): string {
  return `IFERROR(${range},${formulaText(ERROR_MARK)})`;
}

/**
 * The topsheet's account sums row (between the grand total and the header): for each money
 * column, one CREW.ACCOUNTSUMS cell (in G:I) that groups the budget's lines by account in one pass; each
 * account row reads its sum from it with CREW.ACCOUNTSUM. Per-account SUMPRODUCTs read the budget
 * once per account (quadratic as a budget grows by accounts and lines); a spill would do it too,
 * but other spreadsheets recalculate array formulas on opening and cannot run CREW, so plain cells
 * keep every program showing the saved sums. Its number format hides the text (";;;").
 */
export const TOPSHEET_SUMS_ROW = 3;
/**
 * Where the account sums cells sit in that row: Labor's, Fringe's and Total's, right of the
 * printed columns (A:E), so a program that cannot run CREW never prints what it shows there.
 */
export const TOPSHEET_SUMS_COLUMNS = { Labor: "G", Fringe: "H", Total: "I" } as const;
/** The number format that hides a cell's text: the account sums cells. */
export const HIDDEN_FORMAT = ";;;";

function accountSumsFormula(
  budget: (c: Column) => string,
  name: keyof typeof TOPSHEET_SUMS,
): string {
  const lines = [budget("Account"), budget("Role"), errorsMarked(budget(TOPSHEET_SUMS[name]))];
  return `=CREW.ACCOUNTSUMS(${lines.join(",")},${HEADER_ROW})`;
}

/**
 * The topsheet: every account of the chart in order, grouped above the line, production, post and
 * other with a total each, then the crew total, contingency (the Contingency setting's share) and
 * the grand total, which row 2 repeats so it shows above everything. Each account sums the Budget
 * sheet's crew lines that roll up to it (3301, 3304 → 3300) wherever they stand, so a producer's
 * sorting or inserted rows do not matter, and names the Budget row of a line showing an error.
 * @param budgetLastRow the Budget sheet's totals row when the topsheet is written: the ranges run
 *   from the header to it, so lines inserted between them are counted
 */
export function topsheetRows(
  accounts: readonly ChartAccountRow[],
  budgetLastRow: number,
): CellContent[][] {
  return topsheetLayout(accounts, budgetLastRow).rows;
}

/** The topsheet's rows, and where its group summary (the chart's data) sits: 1-based rows. */
export function topsheetLayout(
  accounts: readonly ChartAccountRow[],
  budgetLastRow: number,
): { rows: CellContent[][]; summary: { first: number; last: number } } {
  const budget = (c: Column) =>
    `${BUDGET_SHEET}!$${col(c)}$${HEADER_ROW}:$${col(c)}$${budgetLastRow}`;
  const rows: CellContent[][] = [];
  const push = (cells: CellContent[]) => {
    rows.push(cells);
    return rows.length; // its 1-based row
  };
  const money = ["Labor", "Fringe", "Total"] as const;
  const colOf = (name: (typeof money)[number]) => columnLetter(TOPSHEET_COLUMNS.indexOf(name));
  push([TOPSHEET_TITLE]);
  push(["", "Grand total"]); // TOPSHEET_GRAND_TOTAL_ROW, filled in at the end
  // TOPSHEET_SUMS_ROW: the account sums cells in G:I.
  push(["", "", "", "", "", "", ...money.map((name) => accountSumsFormula(budget, name))]);
  push([...TOPSHEET_COLUMNS]);
  const checkedTotal = (cellsOf: (name: (typeof money)[number]) => string) =>
    money.map(
      (name) =>
        `=IF(COUNTIF(${cellsOf(name)},"Error*")>0,"Error: see the rows above",SUM(${cellsOf(name)}))`,
    );
  const groupTotals: (number | undefined)[] = [];
  for (const { group, label } of ACCOUNT_GROUPS) {
    const inGroup = accounts.filter((a) => a.group === group);
    if (inGroup.length === 0) {
      groupTotals.push(undefined);
      continue;
    }
    push(["", label]);
    const first = rows.length + 1;
    for (const a of inGroup) {
      const at = rows.length + 1;
      push([
        textCell(a.account),
        textCell(a.name),
        ...money.map(
          (name) =>
            `=CREW.ACCOUNTSUM($${TOPSHEET_SUMS_COLUMNS[name]}$${TOPSHEET_SUMS_ROW},$A${at})`,
        ),
      ]);
    }
    const last = rows.length;
    groupTotals.push(
      push([
        "",
        `Total ${label.toLowerCase()}`,
        ...checkedTotal((n) => `${colOf(n)}${first}:${colOf(n)}${last}`),
      ]),
    );
  }
  // The summary, one contiguous block (the topsheet chart draws it): each group's total again,
  // lines whose account the chart does not list (a production's own account), the crew total.
  push([]);
  const summaryFirst = rows.length + 1;
  ACCOUNT_GROUPS.forEach(({ label }, g) => {
    const at = groupTotals[g];
    if (at === undefined) return;
    push(["", `Total ${label.toLowerCase()}`, ...money.map((name) => `=${colOf(name)}${at}`)]);
  });
  const groupsLast = rows.length;
  // Every crew line's sum, or the Budget row of one showing an error: from the account sums.
  const budgetTotal = (name: (typeof money)[number]) =>
    `CREW.ACCOUNTSUM($${TOPSHEET_SUMS_COLUMNS[name]}$${TOPSHEET_SUMS_ROW},"${ALL_ACCOUNTS}")`;
  const otherRow = push([
    "",
    "Accounts not listed above",
    // Blank where the budget's own total is an error: the account rows above name its row.
    ...money.map(
      (name) =>
        `=IFERROR(ROUND(${budgetTotal(name)}-SUM(${colOf(name)}${summaryFirst}:${colOf(name)}${groupsLast}),2),"")`,
    ),
  ]);
  const crewRow = push([
    "",
    "Total crew labor and fringes",
    // Names the Budget row of a line showing an error, else adds up the summary above.
    ...money.map(
      (name) =>
        `=IF(ISNUMBER(${budgetTotal(name)}),SUM(${colOf(name)}${summaryFirst}:${colOf(name)}${otherRow}),${budgetTotal(name)})`,
    ),
  ]);
  const total = colOf("Total");
  const contingencyRow = push([
    "",
    `="Contingency ("&ROUND(Contingency*100,2)&"% of the crew total)"`,
    "",
    "",
    `=IF(ISNUMBER(${total}${crewRow}),ROUND(${total}${crewRow}*Contingency,2),${total}${crewRow})`,
  ]);
  const grandRow = push([
    "",
    "Grand total",
    "",
    "",
    `=IF(ISNUMBER(${total}${contingencyRow}),${total}${crewRow}+${total}${contingencyRow},${total}${crewRow})`,
  ]);
  rows[TOPSHEET_GRAND_TOTAL_ROW - 1] = ["", "Grand total", "", "", `=${total}${grandRow}`];
  rows[TOPSHEET_SUMS_ROW - 1]![1] = hiddenAccountsNote(
    `${total}${TOPSHEET_HEADER_ROW + 1}:${total}${summaryFirst - 2}`,
  );
  return { rows, summary: { first: summaryFirst, last: groupsLast } };
}

/**
 * The topsheet's line under the grand total that says which accounts it shows: rows the pane hid
 * (the Topsheet accounts setting) are named as hidden, and if a hidden row holds money (lines
 * typed while the pane was closed) it says so, since SUBTOTAL leaves hidden rows out and SUM
 * does not. The totals never depend on which rows are hidden.
 */
function hiddenAccountsNote(totals: string): string {
  return `=IF(SUBTOTAL(109,${totals})<>SUM(${totals}),${formulaText(TOPSHEET_MONEY_HIDDEN)},IF(LEFT(TRIM(TopsheetAccounts),3)="all","",${formulaText(TOPSHEET_ROWS_HIDDEN)}))`;
}

export const TOPSHEET_ROWS_HIDDEN =
  "Showing the accounts that have crew lines; the others are hidden (Settings: Topsheet accounts).";
export const TOPSHEET_MONEY_HIDDEN =
  "A hidden account row holds money: open CrewRate to show it, or unhide the rows. The totals include it.";

/** A topsheet account row's account, name and group (chartAccounts makes them). */
export type ChartAccountRow = ChartAccount;
