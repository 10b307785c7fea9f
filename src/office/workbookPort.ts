/**
 * The budget workbook as the task pane sees it, in budget words. Implementations: Excel
 * (excelWorkbook.ts, the only code that calls Excel.run), the preview's HyperFormula workbook
 * (previewWorkbook.ts) and an in-memory one for tests (memoryWorkbook.ts).
 */
import type { ProductionTables } from "../engine";
import type { BudgetLine, CrewLineInput, ProductionRoleInput } from "./budgetLayout";

export type { BudgetLine, CrewLineInput, ProductionRoleInput } from "./budgetLayout";

/** The workbook-wide settings, as the settings sheet holds them. */
export interface BudgetSettings {
  budgetDate: string;
  region: string;
  tier: string;
  hoursPerDay: number;
  prepWeeks: number;
  shootWeeks: number;
  wrapWeeks: number;
  cardVersion: string;
}

export interface AppendResult {
  /** 1-based sheet rows the new lines occupy. */
  firstRow: number;
  rowsAdded: number;
}

/** A failure writing to the workbook; nothing was changed when this is thrown. */
export class WorkbookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookError";
  }
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
   * Appends crew lines to the budget table in one batch: all of them or, on any failure, none.
   * Validates every line before writing.
   */
  appendCrewLines(lines: readonly CrewLineInput[]): Promise<AppendResult>;
  /**
   * "Share as values", for people without the add-in: copies the Budget and Topsheet sheets to
   * "Budget (values)" and "Topsheet (values)" (replacing earlier copies of those names, which are
   * CrewRate's; no other sheet is touched), keeping layout and number formats. In the copies every
   * formula containing "CREW." becomes its current value, and so does any formula reading another
   * sheet or a workbook name (=Region, =ShootWeeks); plain sums and arithmetic over the copy's own
   * cells stay formulas, and the topsheet's SUMIFs point at "Budget (values)". Row 2 of the budget
   * copy says which card version and budget date the values come from (see budgetLayout's
   * shareCell and valuesNote). The original sheets stay as they were.
   * @returns the new sheets' names, budget first
   */
  shareAsValues(): Promise<SharedCopy>;
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
   * tell; returns the unsubscribe. Hosts without it leave the pane's refresh button to the user.
   */
  subscribe?(listener: () => void): () => void;
}

/** What shareAsValues made. */
export interface SharedCopy {
  sheets: string[];
}
