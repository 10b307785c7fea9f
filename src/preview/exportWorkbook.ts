/**
 * The preview's HyperFormula workbook as an XlsxWorkbook: every sheet with its values and formulas
 * (each formula with the value HyperFormula computed, which Excel shows until it recalculates), and
 * the named settings as defined names. (HyperFormula is GPL-3.0: preview only, like the workbook.)
 */
import type { CellValue, HyperFormula, RawCellContent } from "hyperformula";
import type { XlsxAddIn, XlsxCell, XlsxSheet, XlsxValue, XlsxWorkbook } from "./xlsx";

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
        v === null || typeof v === "object"
          ? 0
          : typeof v === "number"
            ? v.toFixed(2).length
            : String(v).length;
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(length + 2, MAX_WIDTH));
    });
  }
  return Array.from(widths, (w) => w ?? MIN_WIDTH);
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
    return Array.from({ length: width }, (_, c) => xlsxCell(rawRow[c], valueRow[c]));
  });
  return { name, rows, columnWidths: columnWidths(rows) };
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

/** The HyperFormula workbook, every sheet in tab order, ready for writeXlsx. */
export function workbookForXlsx(hf: HyperFormula, addIn: XlsxAddIn): XlsxWorkbook {
  const definedNames = hf.listNamedExpressions().map((name) => ({
    name,
    ref: namedRef(hf, name),
  }));
  return {
    sheets: hf.getSheetNames().map((name) => sheetForXlsx(hf, name)),
    definedNames,
    addIn,
    creator: "CrewRate",
  };
}
