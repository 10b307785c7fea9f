/**
 * The preview's HyperFormula workbook as an XlsxWorkbook: every sheet with its values and formulas
 * (each formula with the value HyperFormula computed, which Excel shows until it recalculates), and
 * the named settings as defined names. (HyperFormula is GPL-3.0: preview only, like the workbook.)
 */
import { ACCOUNT_SUMS_MARK } from "../engine";
import type { CellValue, HyperFormula, RawCellContent } from "hyperformula";
import {
  BUDGET_SHEET,
  TOPSHEET_SHEET,
  BUDGET_TITLE,
  cellAlignment,
  cellFormat,
  columnLetter,
  defaultSettings,
  lastPrintedRow,
  printArea,
  rowStyle,
  SETTINGS_SHEET,
  settingRow,
  layoutSheetOf,
  sheetPresentation,
  TITLE_FONT_SIZE,
  topsheetView,
  wrappedHeight,
  type PrintContext,
  type SheetPresentation,
} from "../budget";
import type { XlsxAddIn, XlsxCell, XlsxSheet, XlsxStyle, XlsxValue, XlsxWorkbook } from "./xlsx";

/**
 * CrewRate as the webextension part names it (manifest.xml <Id> and <Version>).
 *
 * The store decides where Excel looks for the add-in when a recipient opens the file. CrewRate is
 * not in AppSource, so "OMEX" (an AppSource asset id) cannot find it. Microsoft's "Automatically
 * open a task pane with a document" lists, for an add-in identified by its manifest GUID:
 * "Registry" with store "developer" (sideloaded on the machine: a developer's own), "FileSystem"
 * with a network-share path (a shared-folder catalog, a path we cannot know), and "EXCatalog" with
 * store "EXCatalog", the row for Centralized Deployment from the Microsoft 365 admin center. That
 * last one is how an organization hands a non-store add-in to the people a budget is shared with,
 * so the file names it.
 */
export const CREWRATE_ADDIN: XlsxAddIn = {
  id: "ac23f15b-7db7-4d93-8a3b-cec76ca3cdd8",
  version: "1.0.0.0",
  storeType: "EXCatalog",
  store: "EXCatalog",
};

/** Widest column the export sets, in characters (long notes overflow into empty cells). */
const MAX_WIDTH = 40;
const MIN_WIDTH = 8;

function xlsxValue(value: CellValue | undefined): XlsxValue {
  if (value === undefined || value === null) return null;
  // DetailedCellError: its value is the error as Excel spells it ("#VALUE!").
  if (typeof value === "object") return { error: value.value };
  return value;
}

function xlsxCell(raw: RawCellContent | undefined, value: CellValue | undefined): XlsxCell {
  if (typeof raw === "string" && raw.startsWith("=")) {
    return { formula: raw.slice(1), value: xlsxValue(value) };
  }
  // A leading apostrophe marks text that would otherwise read as a number ('2026.10).
  if (typeof raw === "string" && raw.startsWith("'")) return { value: raw.slice(1) };
  return { value: xlsxValue(value) };
}

/** A width per column from its longest value, so the file opens readable. */
function columnWidths(rows: readonly XlsxCell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, c) => {
      const v = cell.value;
      const length =
        v === null ||
        typeof v === "object" ||
        (typeof v === "string" && v.startsWith(ACCOUNT_SUMS_MARK))
          ? 0
          : typeof v === "number"
            ? v.toFixed(2).length
            : String(v).length;
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(length + 2, MAX_WIDTH));
    });
  }
  return Array.from(widths, (w) => w ?? MIN_WIDTH);
}

/** A cell's value as text, for reading a header row or a title; "" for anything else. */
function textOf(cell: XlsxCell | undefined): string {
  const v = cell?.value;
  return typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
}

/** The production's title (the Budget's title cell), card version and budget date, as the workbook holds them. */
function printContext(sheets: readonly XlsxSheet[]): PrintContext {
  const rows = (name: string) => sheets.find((s) => s.name === name)?.rows ?? [];
  const setting = (name: Parameters<typeof settingRow>[0]) =>
    textOf(rows(SETTINGS_SHEET)[settingRow(name) - 1]?.[1]);
  const defaults = defaultSettings();
  return {
    title: textOf(rows(BUDGET_SHEET)[0]?.[0]) || BUDGET_TITLE,
    cardVersion: setting("CardVersion") || defaults.cardVersion,
    budgetDate: setting("BudgetDate") || defaults.budgetDate,
  };
}

/** One cell's style under the sheet's presentation, or undefined when it keeps the default. */
function styleOf(
  p: SheetPresentation,
  row: number,
  column: number,
  style: ReturnType<typeof rowStyle>,
): XlsxStyle | undefined {
  const numberFormat = cellFormat(p, row, column);
  const bold = style !== "plain";
  const wrap =
    (row > p.headerRow && p.columns[column]?.wrap === true) ||
    p.noteRows.some((n) => n.row === row && column === 0);
  const align = cellAlignment(p, row, column);
  if (numberFormat === undefined && !bold && !wrap && align === undefined) return undefined;
  return {
    ...(align === undefined ? {} : { align }),
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(bold ? { bold } : {}),
    ...(style === "title" ? { fontSize: TITLE_FONT_SIZE } : {}),
    ...(wrap ? { wrap } : {}),
  };
}

/** Heights of rows whose wrapped text needs more than a line (spreadsheets do not always grow them). */
function wrappedRowHeights(
  p: SheetPresentation,
  rows: readonly XlsxCell[][],
): Record<number, number> {
  const heights: Record<number, number> = {};
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const width = p.columns[c]?.width;
      if (cell.style?.wrap !== true || typeof cell.value !== "string" || width === undefined)
        return;
      const height = wrappedHeight(cell.value, width);
      if (height > ONE_LINE) heights[r + 1] = Math.max(heights[r + 1] ?? 0, height);
    });
  });
  return heights;
}

/** A row's default height in points. */
const ONE_LINE = 15;

/** The sheet drawn as its presentation says: formats, bold rows, widths, frozen header, print setup. */
function presented(sheet: XlsxSheet, context: PrintContext): XlsxSheet {
  // The header row's names from column A to the first blank one: what stands beside the table
  // (the Budget's wages column) is not one of its columns.
  const header = (names: number) => {
    const cells = (sheet.rows[names - 1] ?? []).map(textOf);
    const end = cells.indexOf("");
    return end < 0 ? cells : cells.slice(0, end);
  };
  const guess = sheetPresentation(sheet.name, context);
  if (!guess) return sheet;
  // The header as the sheet holds it now: a reordered or added column keeps its look.
  const names = header(guess.headerRow);
  const p = sheetPresentation(sheet.name, context, names.some((n) => n !== "") ? names : undefined);
  if (!p) return sheet;
  const rows = sheet.rows.map((row, r) => {
    const style = rowStyle(
      p,
      r + 1,
      row.map((c) => c.value),
    );
    return row.map((cell, c) => {
      if (cell.value === null && cell.formula === undefined) return cell;
      const cellStyle = styleOf(p, r + 1, c, style);
      return cellStyle ? { ...cell, style: cellStyle } : cell;
    });
  });
  const widths = Array.from(
    { length: Math.max(p.columns.length, sheet.columnWidths?.length ?? 0) },
    (_, c) => p.columns[c]?.width ?? sheet.columnWidths?.[c] ?? MIN_WIDTH,
  );
  const lastColumn = columnLetter(Math.max(p.columns.length, 1) - 1);
  const { print } = p;
  // A production sheet prints its lines, not the Status formulas' blank rows below them; the
  // Budget and the Topsheet print their own columns, not CrewRate's helper cells beside them.
  const lastPrinted = lastPrintedRow(
    sheet.name,
    sheet.rows.map((row) => row.map((c) => c.value)),
    p.columns.length,
  );
  return {
    ...sheet,
    rows,
    columnWidths: widths,
    frozenRows: p.frozenRows,
    merges: p.noteRows.map((n) => `A${n.row}:${lastColumn}${n.row}`),
    dropdowns: (p.dropdowns ?? []).map((d) => ({
      ref: `${columnLetter(d.column)}${d.row}`,
      choices: d.choices,
    })),
    rowHeights: {
      ...wrappedRowHeights(p, rows),
      ...Object.fromEntries(p.noteRows.map((n) => [n.row, n.height])),
    },
    pageSetup: {
      orientation: print.orientation,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      titleRows: print.titleRows,
      ...(lastPrinted === undefined ? {} : { printArea: printArea(p, lastPrinted) }),
      header: print.header,
      footer: print.footer,
      margins: print.margins,
    },
  };
}

/**
 * The range a formula's result spills into ("Q4:Q90"), or undefined for a one-cell result: the
 * cells right of and below it that HyperFormula fills from it (part of an array, no formula of
 * their own).
 */
function spillOf(
  hf: HyperFormula,
  sheet: number,
  serialized: readonly (readonly RawCellContent[])[],
  row: number,
  col: number,
): string | undefined {
  const filled = (r: number, c: number) => {
    const raw = serialized[r]?.[c];
    const ownFormula = typeof raw === "string" && raw.startsWith("=");
    return hf.isCellPartOfArray({ sheet, row: r, col: c }) && !ownFormula;
  };
  if (!hf.isCellPartOfArray({ sheet, row, col })) return undefined;
  let bottom = row;
  while (filled(bottom + 1, col)) bottom++;
  let right = col;
  while (filled(row, right + 1)) right++;
  if (bottom === row && right === col) return undefined;
  return `${columnLetter(col)}${row + 1}:${columnLetter(right)}${bottom + 1}`;
}

function sheetForXlsx(hf: HyperFormula, name: string): XlsxSheet {
  const id = hf.getSheetId(name);
  if (id === undefined) throw new Error(`The preview workbook has no sheet ${name}.`);
  const serialized = hf.getSheetSerialized(id);
  const values = hf.getSheetValues(id);
  const rowCount = Math.max(serialized.length, values.length);
  const rows = Array.from({ length: rowCount }, (_, r) => {
    const rawRow = serialized[r] ?? [];
    const valueRow = values[r] ?? [];
    const width = Math.max(rawRow.length, valueRow.length);
    return Array.from({ length: width }, (_, c) => {
      const cell = xlsxCell(rawRow[c], valueRow[c]);
      const spill = cell.formula === undefined ? undefined : spillOf(hf, id, serialized, r, c);
      return spill === undefined ? cell : { ...cell, spill };
    });
  });
  const sheet: XlsxSheet = { name, rows, columnWidths: columnWidths(rows) };
  if (layoutSheetOf(name) !== TOPSHEET_SHEET) return sheet;
  // The topsheet's accounts without lines, hidden as the pane hides them in Excel; its values copy
  // from its own copied sums, so its note ("the others are hidden") holds there too.
  const settings = hf.getSheetId(SETTINGS_SHEET);
  const setting =
    settings === undefined
      ? undefined
      : hf.getCellValue({ sheet: settings, row: settingRow("TopsheetAccounts") - 1, col: 1 });
  return { ...sheet, hiddenRows: topsheetView(values, setting).hide };
}

/** A workbook name's definition without "=": a formula (=Settings!$B$4) or a constant. */
function namedRef(hf: HyperFormula, name: string): string {
  const formula = hf.getNamedExpressionFormula(name);
  if (formula !== undefined) return formula.startsWith("=") ? formula.slice(1) : formula;
  const constant = hf.getNamedExpression(name)?.expression;
  if (typeof constant === "string") return `"${constant.replace(/"/g, '""')}"`;
  if (typeof constant === "boolean") return constant ? "TRUE" : "FALSE";
  return String(constant ?? 0);
}

/**
 * The HyperFormula workbook, every sheet in tab order, ready for writeXlsx: CrewRate's sheets as
 * src/budget/presentation.ts draws them (money formats, bold headers and totals, frozen header,
 * landscape pages one page wide with the header row, title, card version and page numbers).
 */
export function workbookForXlsx(hf: HyperFormula, addIn: XlsxAddIn): XlsxWorkbook {
  const definedNames = hf.listNamedExpressions().map((name) => ({
    name,
    ref: namedRef(hf, name),
  }));
  const sheets = hf.getSheetNames().map((name) => sheetForXlsx(hf, name));
  const context = printContext(sheets);
  return {
    sheets: sheets.map((sheet) => presented(sheet, context)),
    definedNames,
    addIn,
    creator: "CrewRate",
  };
}
