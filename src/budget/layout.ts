/**
 * The budget workbook's geometry, host-neutral: sheet names, the crew-line columns, the production
 * tables' blocks, the totals row and the topsheet. The Excel adapter and the preview adapter both
 * write exactly this, so a budget built in the preview is the budget built in Excel.
 */
import {
  OVERRIDE_COLUMNS,
  OVERRIDES_TABLE,
  PRODUCTION_ROLE_COLUMNS,
  PRODUCTION_ROLES_TABLE,
} from "../engine";
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

/** A production sheet's title, note and header rows. */
export function productionSheetRows(sheet: string): CellContent[][] {
  const spec = productionSheet(sheet);
  return [[sheet], [spec.note], [...spec.columns]];
}

export const COLUMNS = [
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
export type Column = (typeof COLUMNS)[number];

export const MONEY_COLUMNS: readonly Column[] = ["Rate", "Subtotal", "Fringe", "Total"];
export const MONEY_FORMAT = "$#,##0.00";

/** Where the budget table starts: a title in row 1, a note in row 2, the header in row 4. */
export const HEADER_ROW = 4;
export const FIRST_LINE_ROW = HEADER_ROW + 1;

/** Column letter of a budget column (A for Account, ...). */
export function col(name: Column): string {
  return columnLetter(COLUMNS.indexOf(name));
}

/** The totals row under `lastLineRow`. */
export function totalsRow(lastLineRow: number): CellContent[] {
  const sum = (name: Column) =>
    lastLineRow < FIRST_LINE_ROW
      ? 0
      : `=SUM(${col(name)}${FIRST_LINE_ROW}:${col(name)}${lastLineRow})`;
  return COLUMNS.map((name) =>
    name === "Account"
      ? "Total"
      : name === "Subtotal" || name === "Fringe" || name === "Total"
        ? sum(name)
        : "",
  );
}

/** Topsheet: one row per department present in the budget, with SUMIFs over the budget sheet. */
export function topsheetRows(
  departments: readonly { name: string; account: string }[],
): CellContent[][] {
  const budget = (name: Column) => `${BUDGET_SHEET}!$${col(name)}:$${col(name)}`;
  const rows: CellContent[][] = [["Account", "Department", "Labor", "Fringe", "Total"]];
  departments.forEach((d, i) => {
    const r = i + 2;
    rows.push([
      d.account,
      d.name,
      `=SUMIF(${budget("Department")},B${r},${budget("Subtotal")})`,
      `=SUMIF(${budget("Department")},B${r},${budget("Fringe")})`,
      `=C${r}+D${r}`,
    ]);
  });
  const last = departments.length + 1;
  rows.push(["", "Total", `=SUM(C2:C${last})`, `=SUM(D2:D${last})`, `=SUM(E2:E${last})`]);
  return rows;
}
