/**
 * The budget workbook as the task pane sees it, in budget words. Implementations: Excel
 * (office/excelWorkbook.ts, the only code that calls Excel.run), the preview's HyperFormula
 * workbook (preview/previewWorkbook.ts) and an in-memory one beside this file for tests
 * (memoryWorkbook.ts).
 */
import type { ProductionTables } from "../engine";
import type { BudgetLine, CrewLineInput, ProductionRoleInput, TableAdditions } from "./crewLine";
import type { CompareSheetResult, Hiring } from "./compare";
import type { BudgetSettings } from "./settings";

export type {
  BudgetLine,
  CrewLineInput,
  ProductionRoleInput,
  RateOverrideInput,
  TableAdditions,
} from "./crewLine";
export type { BudgetSettings } from "./settings";
export type { CompareSheetResult, Hiring } from "./compare";
export { WorkbookError } from "./errors";

export interface AppendResult {
  /** The 1-based sheet row of the first new line (the topmost, in chart-of-accounts order). */
  firstRow: number;
  /** Crew lines added (account subtotal rows made for them are not counted). */
  rowsAdded: number;
  /**
   * The 1-based sheet row of each new line, in the order given: lines land at their accounts,
   * so they need not be adjacent. Absent where a host appends in order (firstRow onwards).
   */
  lineRows?: number[];
  /** The Rate Overrides and Production Roles lines written with them (1-based table lines). */
  overrideLines?: number[];
  roleLines?: number[];
}

export interface WorkbookPort {
  /** Where the budget lives, for messages ("Excel", "Preview workbook"). */
  readonly hostName: string;
  /**
   * Creates the settings sheet, the budget table and the topsheet if they are missing; leaves
   * existing ones alone. Refuses (WorkbookError) rather than overwrite a user's cells.
   */
  ensureBudget(): Promise<void>;
  /** The settings as the workbook holds them now. */
  readSettings(): Promise<BudgetSettings>;
  /**
   * Appends crew lines to the budget table in one batch, with any Rate Overrides and Production
   * Roles lines they need written to the first blank lines of those tables: all of it or, on any
   * failure, none. Validates everything before writing; refuses when a table has too few blank
   * lines.
   */
  appendCrewLines(
    lines: readonly CrewLineInput[],
    additions?: TableAdditions,
  ): Promise<AppendResult>;
  /**
   * "Share as values", for people without the add-in: copies of the Budget and Topsheet sheets
   * whose CREW formulas are their current values (share.ts says what each formula becomes),
   * replacing earlier copies; the original sheets stay as they were.
   * @returns the new sheets' names, budget first
   */
  shareAsValues(): Promise<SharedCopy>;
  /**
   * "Compare locations": writes the Compare sheet (compare.ts), the budget's crew lines priced in
   * each region by live CREW formulas over the Budget's cells, replacing an earlier one in one
   * go: the new sheet is complete before the old one goes. The Budget is never changed.
   * @param regions region names or aliases, in column order (the budget's own is added first)
   * @throws WorkbookError when the budget has no crew lines or the write fails (`changed` says
   *   what is left); RateError UNKNOWN_REGION for a region the card does not know
   */
  writeCompareSheet(regions: readonly string[], hiring: Hiring): Promise<CompareSheetResult>;
  /**
   * The Rate Overrides and Production Roles lines as the workbook holds them (empty tables when
   * the sheets are missing), line 1 first, blank lines kept so line numbers match the sheet.
   */
  readProductionTables(): Promise<ProductionTables>;
  /**
   * Writes a role to the first blank line of the Production Roles sheet (the caller checks it
   * against the card first). Refuses (WorkbookError) when the table is full or missing.
   * @returns the table line it went to
   */
  addProductionRole(role: ProductionRoleInput): Promise<{ line: number }>;
  /** The budget's crew lines as their cells hold them now. */
  readCrewLines(): Promise<BudgetLine[]>;
  /** Sets the Settings sheet's rate card version (updating, or setting it back). */
  setCardVersion(version: string): Promise<void>;
  /**
   * Calls `listener` after the workbook changes (a cell typed, lines inserted), where the host can
   * tell: Excel's worksheet change events on the Settings, Budget and production-table sheets
   * (office/changeEvents.ts), the preview's own edits. Listening never moves the selection or the
   * focus. Returns the unsubscribe. Hosts without it leave the pane's refresh button to the user.
   */
  subscribe?(listener: () => void): () => void;
  /**
   * The values of the cells the user has selected, rows of cells as the host holds them (numbers
   * as numbers), with the selection's address ("Budget!A5:D46"), for "Import a crew list".
   * Refuses (WorkbookError) when nothing usable is selected or the selection is larger than
   * MAX_SELECTION_ROWS × MAX_SELECTION_COLUMNS. Hosts without a selection leave it out.
   */
  readSelection?(): Promise<SelectedCells>;
}

/** What readSelection read. */
export interface SelectedCells {
  address: string;
  rows: unknown[][];
}

/** The largest selection readSelection reads (a crew list is a few hundred rows, a few columns). */
export const MAX_SELECTION_ROWS = 2_000;
export const MAX_SELECTION_COLUMNS = 20;

/** What shareAsValues made. */
export interface SharedCopy {
  sheets: string[];
}
