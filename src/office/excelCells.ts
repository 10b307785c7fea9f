/**
 * Small helpers every part of Excel's adapter shares: the API-version guard, reading a cell as
 * text, Excel's default number format, and the budget table's filter check.
 */
import { BUDGET_SHEET } from "../budget";

/**
 * Whether this Excel has an ExcelApi requirement set. The manifest asks for none, so freezing
 * panes (1.7) and the page layout (1.9) are guarded: an older Excel gets the budget without them.
 * Without Office (the tests' fake Excel behind an injected run) everything is there.
 */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined") return true;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

export const TEXT_FORMAT = "@";

/** Excel's default number format, which a cell has when no one set one. */
export function isGeneralFormat(format: unknown): boolean {
  return format === null || format === undefined || format === "" || format === "General";
}

/**
 * The budget table's filter, loaded to see whether it hides lines (ExcelApi 1.9; older Excel has
 * no Table.autoFilter: undefined). Excel may misplace rows written into a filtered table and does
 * not delete rows from one (office-js issues 224 and 994), so writes refuse while it filters.
 */
export function loadFilter(table: Excel.Table): Excel.AutoFilter | undefined {
  if (!supportsExcelApi("1.9")) return undefined;
  const filter = table.autoFilter;
  filter.load("isDataFiltered");
  return filter;
}

export function filteredBudget(what: string): string {
  return `The budget is filtered, so some of its lines are hidden, and Excel can put rows in the wrong place when an add-in changes a filtered table. To ${what}, clear the filter first (Data > Clear, or the filter buttons in the ${BUDGET_SHEET} header) and try again; you can filter again afterwards. Nothing was changed.`;
}

export function firstRow(cells: unknown[][]): unknown[] {
  return cells[0] ?? [];
}

/** A cell as text: what a header or label comparison needs. */
export function cellText(cell: unknown): string {
  return typeof cell === "string"
    ? cell.trim()
    : typeof cell === "number" || typeof cell === "boolean"
      ? String(cell)
      : "";
}
