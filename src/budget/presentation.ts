/**
 * How CrewRate's sheets look on screen and on paper, host-neutral: column widths and number
 * formats by column name, which rows are bold, the frozen header, and the print setup (landscape,
 * one page wide, the header row on every page, the production's title, the rate card version and
 * page numbers in the page header and footer). The Excel adapter and the preview's .xlsx writer
 * both apply exactly this, so a budget prints the same from either.
 *
 * Columns are looked up by the names in each sheet's header row (COLUMNS, the topsheet's and the
 * production tables' headers), never by letter: a reordered or added column keeps its look, and a
 * column this file does not know gets DEFAULT_COLUMN.
 */
import {
  BUDGET_SHEET,
  BUDGET_TITLE,
  columnLetter,
  COLUMNS,
  HEADER_ROW,
  MONEY_COLUMNS,
  MONEY_FORMAT,
  OVERRIDES_SHEET,
  PRODUCTION_SHEETS,
  ROLES_SHEET,
  SETTINGS_SHEET,
  STATUS_HEADER,
  TABLE_HEADER_ROW,
  TOPSHEET_COLUMNS,
  TOPSHEET_HEADER_ROW,
  TOPSHEET_GRAND_TOTAL_ROW,
  TOPSHEET_SUMS_ROW,
  TOPSHEET_SUMS_COLUMNS,
  HIDDEN_FORMAT,
  TOPSHEET_SHEET,
} from "./layout";
import {
  COMPARE_HEADER_ROW,
  COMPARE_LINE_COLUMNS,
  COMPARE_REGION_COLUMNS,
  COMPARE_SHEET,
} from "./compare";
import { SETTINGS, SETTINGS_FIRST_ROW, settingsRows, type SettingSpec } from "./settings";
import { layoutSheetOf } from "./share";
import { cutText } from "../engine";

/** Quantities: one decimal at least (2.5 weeks, 10.0 days), two at most. */
export const QUANTITY_FORMAT = "#,##0.0#";
/** The budget date: a real date, shown as the ISO date CREW formulas take. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Text as typed: account numbers ("0100") and the rate card version ("2026.10"). */
export const TEXT_FORMAT = "@";

/** One column's look: its width in characters (Excel's unit) and its number format, if any. */
export interface ColumnLook {
  width: number;
  format?: string;
  /** Long text wraps inside the column instead of running across the page. */
  wrap?: boolean;
  /** Horizontal alignment of the column's cells, when not the value's own (numbers right). */
  align?: "left" | "right";
}

/** A column of a sheet, by the name in its header row. */
export interface ColumnPresentation extends ColumnLook {
  name: string;
}

/** Page-header or page-footer text in Excel's codes (&P page, &N pages, &A sheet, && an "&"). */
export interface HeaderFooterText {
  left: string;
  center: string;
  right: string;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** Pages across: 1, so no column ever prints on a page of its own. */
  fitToWidth: number;
  /** Pages down: 0 means as many as the rows need. */
  fitToHeight: number;
  /** 1-based sheet rows printed at the top of every page. */
  titleRows: { first: number; last: number };
  header: HeaderFooterText;
  footer: HeaderFooterText;
  /** Page margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

/**
 * How many rows a production sheet prints: through its last line with something in the table's
 * own columns, or through its header when it has none. Its Status column holds a formula on
 * every line row, which a spreadsheet prints, blank, to the last one without a print area.
 * @param sheet the sheet's name
 * @param rows its cells' values, row 1 first
 * @returns the last 1-based row to print; undefined for a sheet that is not a production table
 */
export function printedTableRows(
  sheet: string,
  rows: readonly (readonly unknown[])[],
): number | undefined {
  const spec = PRODUCTION_SHEETS.find((p) => p.sheet === sheet);
  if (!spec) return undefined;
  const filled = (cell: unknown) => cell !== null && cell !== undefined && cell !== "";
  let last = TABLE_HEADER_ROW;
  rows.forEach((row, r) => {
    if (r + 1 > TABLE_HEADER_ROW && row.slice(0, spec.columns.length).some(filled)) last = r + 1;
  });
  return last;
}

/**
 * The last row a sheet prints: a production sheet's last line (printedTableRows), the Budget's and
 * the Topsheet's (and their values copies') last row with something in their own columns
 * (`columns` from column A): what stands beside them is CrewRate's helper cells (the wages spill,
 * the account sums), which other programs cannot compute. Undefined for the other sheets, which
 * print as they are.
 */
export function lastPrintedRow(
  sheet: string,
  rows: readonly (readonly unknown[])[],
  columns: number,
): number | undefined {
  const table = printedTableRows(sheet, rows);
  if (table !== undefined) return table;
  // A values copy prints as its source does: its own columns, not the helper cells copied with it.
  const source = layoutSheetOf(sheet);
  if (source !== BUDGET_SHEET && source !== TOPSHEET_SHEET) return undefined;
  const filled = (cell: unknown) => cell !== null && cell !== undefined && cell !== "";
  let last = 1;
  rows.forEach((row, r) => {
    if (row.slice(0, columns).some(filled)) last = r + 1;
  });
  return last;
}

/** The block a sheet prints through `lastRow`: "A1:P14", its presentation's columns only. */
export function printArea(p: SheetPresentation, lastRow: number): string {
  return `A1:${columnLetter(Math.max(p.columns.length, 1) - 1)}${lastRow}`;
}

/** A row whose first cell holds a note that spans every column, wrapped, at a set height. */
export interface NoteRow {
  row: number;
  /** Row height in points, enough for the note at the sheet's width. */
  height: number;
}

export interface SheetPresentation {
  sheet: string;
  /** The sheet's columns, column A first, named as in its header row. */
  columns: readonly ColumnPresentation[];
  /** 1-based row of the sheet's title (bold, larger), if it has one. */
  titleRow?: number;
  /** 1-based header row: bold, frozen, printed on every page; column formats apply below it. */
  headerRow: number;
  /** Whether rows below the header can be totals (bold): the budget and the topsheet. */
  hasTotals: boolean;
  noteRows: readonly NoteRow[];
  /** Formats of single cells, over their column's (the Settings values, one kind per row). */
  cellFormats: readonly { row: number; column: number; format: string }[];
  /**
   * Cells with a dropdown of suggested values (the Settings choices): 1-based row, 0-based
   * column. Suggestions only: other text is taken, and CrewRate's reader checks it.
   */
  dropdowns?: readonly Dropdown[];
  /** Rows kept in view when scrolling: through the header. */
  frozenRows: number;
  print: PrintSetup;
}

export interface Dropdown {
  row: number;
  column: number;
  choices: readonly string[];
}

/** What goes into the page header and footer: the production as the workbook names it. */
export interface PrintContext {
  /** The production's title: the Budget sheet's title cell (BUDGET_TITLE until someone edits it). */
  title: string;
  cardVersion: string;
  budgetDate?: string;
}

/** How a row of a sheet is drawn. */
export type RowStyle = "title" | "header" | "total" | "heading" | "plain";

/** The size of the title row's font, in points (the rest of the sheet is the default 11). */
export const TITLE_FONT_SIZE = 14;
/** Width of a column this file has no entry for. */
export const DEFAULT_COLUMN: ColumnLook = { width: 12 };

const money = (width: number): ColumnLook => ({ width, format: MONEY_FORMAT });

/** The budget's crew-line columns. Money columns (MONEY_COLUMNS) get MONEY_FORMAT whatever this says. */
const BUDGET_LOOK: Record<string, ColumnLook> = {
  // Account numbers read as labels, left, whether the cell holds text or a number.
  Account: { width: 11, align: "left" },
  // Wide enough for the longest department ("Director & Assistant Directors") and a classification
  // pick with its schedule ("Local 600 #1941 C-1", "DGA #upm distant location"): a clipped cell
  // prints as if it said less.
  Department: { width: 30 },
  Role: { width: 24 },
  Person: { width: 16 },
  Description: { width: 24 },
  Agreement: { width: 26 },
  Region: { width: 11 },
  Tier: { width: 8 },
  Qty: { width: 7, format: QUANTITY_FORMAT },
  Unit: { width: 6 },
  Rate: money(12),
  Subtotal: money(13),
  Fringe: money(12),
  Total: money(14),
  // "Estimate (IATSE Basic Agreement, derived)", "Estimate (DGA, class upm chosen, derived)".
  Basis: { width: 42 },
};

const TOPSHEET_LOOK: Record<string, ColumnLook> = {
  Account: { width: 10, format: TEXT_FORMAT, align: "left" },
  Description: { width: 40 },
  Labor: money(16),
  Fringe: money(16),
  Total: money(16),
};

const SETTINGS_LOOK: Record<string, ColumnLook> = {
  Setting: { width: 20 },
  Value: { width: 16 },
  "What it does": { width: 80, wrap: true },
};

const OVERRIDES_LOOK: Record<string, ColumnLook> = {
  Role: { width: 26 },
  Agreement: { width: 28 },
  Unit: { width: 8 },
  Amount: money(14),
  Note: { width: 44, wrap: true },
  Status: { width: 44, wrap: true },
};

const ROLES_LOOK: Record<string, ColumnLook> = {
  Title: { width: 26 },
  Department: { width: 18 },
  Account: { width: 9, format: TEXT_FORMAT, align: "left" },
  Description: { width: 36, wrap: true },
  Unit: { width: 8 },
  Rate: money(14),
  Agreement: { width: 28 },
  Status: { width: 44, wrap: true },
};

/** The Compare sheet's columns: the line's, then Rate, Labor, Total and Basis per region. */
const COMPARE_LOOK: Record<string, ColumnLook> = {
  "Budget row": { width: 8, align: "left" },
  Department: { width: 14 },
  Role: { width: 24 },
  Person: { width: 14 },
  Qty: { width: 7, format: QUANTITY_FORMAT },
  Unit: { width: 6 },
  "Hired in": { width: 11 },
  Rate: money(12),
  Labor: money(14),
  Total: money(14),
  Basis: { width: 26 },
};

function columnsOf(
  names: readonly string[],
  look: Record<string, ColumnLook>,
  moneyNames: readonly string[] = [],
): ColumnPresentation[] {
  return names.map((name) => {
    const base = look[name] ?? DEFAULT_COLUMN;
    return moneyNames.includes(name) ? { name, ...base, format: MONEY_FORMAT } : { name, ...base };
  });
}

/** One budget row's number formats by column (null: General), for a row of crew lines or totals. */
export function budgetColumnFormats(): (string | null)[] {
  return budgetColumns().map((c) => c.format ?? null);
}

function budgetColumns(names: readonly string[] = COLUMNS): ColumnPresentation[] {
  return columnsOf(names, BUDGET_LOOK, MONEY_COLUMNS);
}

/** Shares of a whole (10% contingency). */
export const PERCENT_FORMAT = "0%";
const PERCENT_SETTINGS: readonly string[] = ["Contingency"];

/** A Settings value's number format, set before its value: dates as dates, text as text. */
export function settingFormat(spec: SettingSpec): string | null {
  if (spec.name === "BudgetDate") return DATE_FORMAT;
  if (PERCENT_SETTINGS.includes(spec.name)) return PERCENT_FORMAT;
  // Blank until the producer types the budget, then dollars ($7,500,000.00), never text.
  if (spec.name === "TotalBudget") return MONEY_FORMAT;
  return typeof spec.value === "string" && !spec.value.startsWith("=") ? TEXT_FORMAT : null;
}

/** Text for a page header or footer: "&" is Excel's code character, so a literal one doubles. */
export function headerFooterText(text: string, maxLength = 80): string {
  return cutText(text.replace(/\s+/g, " ").trim(), maxLength).replace(/&/g, "&&");
}

const PAGE_NUMBERS = "Page &P of &N";

function printSetup(titleRow: number, context: PrintContext): PrintSetup {
  const title = headerFooterText(context.title.trim() === "" ? BUDGET_TITLE : context.title);
  const date = context.budgetDate ? `Budget date ${headerFooterText(context.budgetDate, 20)}` : "";
  return {
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: titleRow, last: titleRow },
    // &B turns bold on and off; &A is the sheet's name.
    header: {
      left: `&B${title}&B`,
      center: "&A",
      right: `Rate card ${headerFooterText(context.cardVersion, 20)}`,
    },
    footer: { left: date, center: "", right: PAGE_NUMBERS },
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Height in points of text wrapped across `width` characters of columns (15 pt a line). */
export function wrappedHeight(text: string, width: number): number {
  // Proportional text averages a little under one character width per letter; keep a margin.
  const lines = Math.max(1, Math.ceil((text.length * 0.95) / Math.max(width - 2, 1)));
  return Math.min(lines, 8) * 15;
}

const totalWidth = (columns: readonly ColumnPresentation[]) =>
  columns.reduce((sum, c) => sum + c.width, 0);

function budgetPresentation(
  sheet: string,
  context: PrintContext,
  names?: readonly string[],
): SheetPresentation {
  return {
    sheet,
    columns: budgetColumns(names),
    titleRow: 1,
    headerRow: HEADER_ROW,
    hasTotals: true,
    noteRows: [],
    cellFormats: [],
    frozenRows: HEADER_ROW,
    print: printSetup(HEADER_ROW, context),
  };
}

function topsheetPresentation(
  sheet: string,
  context: PrintContext,
  names?: readonly string[],
): SheetPresentation {
  return {
    sheet,
    columns: columnsOf(names ?? TOPSHEET_COLUMNS, TOPSHEET_LOOK),
    titleRow: 1,
    headerRow: TOPSHEET_HEADER_ROW,
    hasTotals: true,
    noteRows: [],
    // The grand total, repeated above the header, is money too.
    cellFormats: [
      {
        row: TOPSHEET_GRAND_TOTAL_ROW,
        column: TOPSHEET_COLUMNS.indexOf("Total"),
        format: MONEY_FORMAT,
      },
      // The account sums cells the account rows read: their text is not for reading.
      ...Object.values(TOPSHEET_SUMS_COLUMNS).map((letter) => ({
        row: TOPSHEET_SUMS_ROW,
        column: letter.charCodeAt(0) - 65,
        format: HIDDEN_FORMAT,
      })),
    ],
    frozenRows: TOPSHEET_HEADER_ROW,
    // Five columns read best upright; the topsheet is one page.
    print: { ...printSetup(TOPSHEET_HEADER_ROW, context), orientation: "portrait" },
  };
}

function settingsPresentation(context: PrintContext, names?: readonly string[]): SheetPresentation {
  const header = names ?? (settingsRows()[0] ?? []).map(String);
  const value = header.indexOf("Value");
  return {
    sheet: SETTINGS_SHEET,
    columns: columnsOf(header, SETTINGS_LOOK),
    headerRow: 1,
    hasTotals: false,
    noteRows: [],
    cellFormats: SETTINGS.flatMap((spec, i) => {
      const format = settingFormat(spec);
      return format === null || value < 0
        ? []
        : [{ row: SETTINGS_FIRST_ROW + i, column: value, format }];
    }),
    dropdowns: SETTINGS.flatMap((spec, i) =>
      spec.choices === undefined || value < 0
        ? []
        : [{ row: SETTINGS_FIRST_ROW + i, column: value, choices: spec.choices }],
    ),
    frozenRows: 1,
    print: printSetup(1, context),
  };
}

function productionPresentation(
  sheet: string,
  names: readonly string[],
  look: Record<string, ColumnLook>,
  note: string,
  context: PrintContext,
): SheetPresentation {
  const columns = columnsOf(names, look);
  return {
    sheet,
    columns,
    titleRow: 1,
    headerRow: TABLE_HEADER_ROW,
    hasTotals: false,
    noteRows: [{ row: 2, height: wrappedHeight(note, totalWidth(columns)) }],
    cellFormats: [],
    frozenRows: TABLE_HEADER_ROW,
    print: printSetup(TABLE_HEADER_ROW, context),
  };
}

/**
 * The Compare sheet's look: money in each region's Rate, Labor and Total, the header (row
 * COMPARE_HEADER_ROW) bold and frozen, the totals bold, the note across the sheet, and the
 * fraction rows (fringe %, difference %) as percentages in the region Total columns.
 * @param columnNames the sheet's header row (its width says how many regions); default four
 * @param percentRows 1-based rows of fractions (CompareSheet.percentRows), when known
 */
export function comparePresentation(
  context: PrintContext,
  columnNames?: readonly string[],
  percentRows: readonly number[] = [],
): SheetPresentation {
  const names = columnNames ?? [
    ...COMPARE_LINE_COLUMNS,
    ...[0, 1, 2, 3].flatMap(() => COMPARE_REGION_COLUMNS),
  ];
  const columns = columnsOf(names, COMPARE_LOOK);
  const totals = names.flatMap((name, i) => (name === "Total" ? [i] : []));
  return {
    sheet: COMPARE_SHEET,
    columns,
    titleRow: 1,
    headerRow: COMPARE_HEADER_ROW,
    hasTotals: true,
    noteRows: [{ row: 2, height: 30 }],
    cellFormats: percentRows.flatMap((row) =>
      totals.map((column) => ({ row, column, format: PERCENT_ONE_DECIMAL })),
    ),
    frozenRows: COMPARE_HEADER_ROW,
    print: printSetup(COMPARE_HEADER_ROW, context),
  };
}

/** A comparison's fractions: 23.4%. */
export const PERCENT_ONE_DECIMAL = "0.0%";

/**
 * How a CrewRate sheet is presented, by its name: the Budget, Topsheet, Settings, the two
 * production tables, and the values copies "Share as values" makes (each looks like its source).
 * @param sheet the sheet's name
 * @param context the production's title and rate card version, for the page header
 * @param columnNames the sheet's header row as it is now, when the caller has read it (a budget
 *   whose columns were reordered, a table that gained a column); otherwise CrewRate's own header
 * @returns undefined for a sheet CrewRate did not make
 */
export function sheetPresentation(
  sheet: string,
  context: PrintContext,
  columnNames?: readonly string[],
): SheetPresentation | undefined {
  const source = layoutSheetOf(sheet);
  switch (source) {
    case BUDGET_SHEET:
      return budgetPresentation(sheet, context, columnNames);
    case TOPSHEET_SHEET:
      return topsheetPresentation(sheet, context, columnNames);
    case SETTINGS_SHEET:
      return settingsPresentation(context, columnNames);
    case COMPARE_SHEET:
      return comparePresentation(context, columnNames);
    case OVERRIDES_SHEET:
    case ROLES_SHEET: {
      const spec = PRODUCTION_SHEETS.find((p) => p.sheet === source);
      if (!spec) return undefined;
      const look = source === OVERRIDES_SHEET ? OVERRIDES_LOOK : ROLES_LOOK;
      // The table's columns, then the Status column set-up writes after them.
      const names = columnNames ?? [...spec.columns, STATUS_HEADER];
      return productionPresentation(sheet, names, look, spec.note, context);
    }
    default:
      return undefined;
  }
}

/** Every presented sheet CrewRate makes in a new budget, in tab order. */
export const PRESENTED_SHEETS = [
  BUDGET_SHEET,
  TOPSHEET_SHEET,
  SETTINGS_SHEET,
  OVERRIDES_SHEET,
  ROLES_SHEET,
] as const;

/**
 * Whether a row of cells is a total or subtotal: its first non-empty cell is text such as
 * "Total", "Subtotal Camera" or "Camera total". Crew lines start with an account number.
 */
export function isTotalRow(cells: readonly unknown[]): boolean {
  const first = cells.find((c) => c !== "" && c !== null && c !== undefined);
  return typeof first === "string" && /^\s*(sub)?total\b|\btotal\s*$/i.test(first);
}

/** A group heading ("Above the line"): one text cell, after a blank Account, and nothing else. */
export function isHeadingRow(cells: readonly unknown[]): boolean {
  const filled = cells.filter((c) => c !== "" && c !== null && c !== undefined);
  const first = cells[0];
  const blankFirst = first === "" || first === null || first === undefined;
  return blankFirst && filled.length === 1 && typeof filled[0] === "string";
}

/**
 * How one row is drawn: the title row large and bold; the header, totals and group headings bold.
 * @param row 1-based sheet row
 * @param cells the row's values (or formulas' results), column A first
 */
export function rowStyle(
  presentation: SheetPresentation,
  row: number,
  cells: readonly unknown[],
): RowStyle {
  if (row === presentation.titleRow) return "title";
  if (row === presentation.headerRow) return "header";
  // Totals can sit above the header too (the topsheet repeats its grand total in row 2).
  if (!presentation.hasTotals) return "plain";
  if (isTotalRow(cells)) return "total";
  return isHeadingRow(cells) ? "heading" : "plain";
}

const NUMBER_FORMATS: readonly string[] = [
  MONEY_FORMAT,
  QUANTITY_FORMAT,
  PERCENT_FORMAT,
  PERCENT_ONE_DECIMAL,
];

/**
 * A cell's horizontal alignment, when not its value's own: a column's own alignment, and a
 * number column's header right, over its numbers.
 */
export function cellAlignment(
  presentation: SheetPresentation,
  row: number,
  column: number,
): "left" | "right" | undefined {
  const spec = presentation.columns[column];
  if (!spec || row < presentation.headerRow) return undefined;
  if (spec.align) return spec.align;
  const isNumber = spec.format !== undefined && NUMBER_FORMATS.includes(spec.format);
  return row === presentation.headerRow && isNumber ? "right" : undefined;
}

/** The number format of a cell (1-based row, 0-based column), or undefined for General. */
export function cellFormat(
  presentation: SheetPresentation,
  row: number,
  column: number,
): string | undefined {
  const own = presentation.cellFormats.find((f) => f.row === row && f.column === column);
  if (own) return own.format;
  return row > presentation.headerRow ? presentation.columns[column]?.format : undefined;
}

/** A column width in characters as Excel's API takes it, in points (7 px a character + padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
