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
import type { CellContent } from "./layout";
import { WorkbookError } from "./errors";

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
  /** What undoWrite needs to take these lines back; absent where the host cannot. */
  undo?: WriteUndo;
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
  writeCompareSheet(
    regions: readonly string[],
    hiring: Hiring,
  ): Promise<CompareSheetResult & Undoable>;
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
  addProductionRole(role: ProductionRoleInput): Promise<{ line: number } & Undoable>;
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
   * Shows the topsheet's account rows the Topsheet accounts setting asks for and hides the others
   * (accounts without crew lines), where the host hides rows itself: Excel. The preview draws
   * budget/topsheetView.ts's view directly. Never moves the selection or the focus; totals do not
   * depend on it.
   */
  fitSheets?(): Promise<void>;
  /**
   * The values of the cells the user has selected, rows of cells as the host holds them (numbers
   * as numbers), with the selection's address ("Budget!A5:D46"), for "Import a crew list".
   * Refuses (WorkbookError) when nothing usable is selected or the selection is larger than
   * MAX_SELECTION_ROWS × MAX_SELECTION_COLUMNS. Hosts without a selection leave it out.
   */
  readSelection?(): Promise<SelectedCells>;
  /**
   * Puts right what a RepairableProblem names, once the producer asks: gives a renamed budget
   * table its name back (nothing else changes), or makes the Settings sheet again with the default
   * settings and points the settings' workbook names at it, so the crew lines' formulas read it.
   * Refuses (WorkbookError) when the workbook no longer has that problem or a fix would overwrite
   * something; on a failed write, `changed` says what is left, as for every write.
   */
  repair?(repair: BudgetRepair): Promise<void>;
  /**
   * Takes back one write this pane made, exactly (the rows, table lines, sheets or version its
   * result's `undo` names), in one step. Refuses (WorkbookError, nothing changed) when any of it has
   * changed since (a line edited, a copy typed in, rows moved): it never takes away someone's
   * edit. Undoing again what is already undone (a retry after a lost reply) does nothing and
   * succeeds. On a failed write, `changed` says what is left.
   */
  undoWrite?(undo: WriteUndo): Promise<void>;
}

/** Something in the workbook that the pane can put right in one action, with the producer's say. */
export type BudgetRepair =
  /** The budget table was renamed (to `table`): give it back the name CrewRate finds it by. */
  | { kind: "rename-table"; table: string }
  /** The Settings sheet is gone: make it again with the defaults, its names pointing at it. */
  | { kind: "rebuild-settings" };

/** A WorkbookError the pane can offer to fix in one action: `repair` says which (port.repair). */
export class RepairableProblem extends WorkbookError {
  readonly repair: BudgetRepair;

  constructor(message: string, repair: BudgetRepair) {
    super(message);
    this.name = "RepairableProblem";
    this.repair = repair;
  }
}

/** What a write's result carries so the pane can offer to undo it. */
export interface Undoable {
  /** What undoWrite needs to take this write back; absent where the write cannot be undone. */
  undo?: WriteUndo;
}

/** A write as its host recorded it, for WorkbookPort.undoWrite: what it wrote, and where. */
export type WriteUndo = CrewLinesUndo | TableLineUndo | SheetsUndo | CardVersionUndo;

/** A line written to a production table (Rate Overrides, Production Roles), blank before. */
export interface TableLineWrite {
  sheet: string;
  /** 1-based table line. */
  line: number;
  cells: CellContent[];
}

/** Crew lines inserted by appendCrewLines, with the rows and table lines that came with them. */
export interface CrewLinesUndo {
  kind: "crew-lines";
  /** The budget's 1-based header row when they were written: every row below is found from it. */
  headerRow: number;
  /** Body rows (Excel: the table's data rows) right after the write. */
  bodyRows: number;
  /**
   * Every row the write inserted, crew lines and new account subtotal rows: 1-based sheet rows as
   * they stood after the write, top first, with the cells written there.
   */
  inserted: { row: number; cells: CellContent[] }[];
  /** The blank row a new table starts with, which the first line went into: emptied, not deleted. */
  filledBlankRow?: { row: number; cells: CellContent[] };
  /** Existing subtotal rows whose sums the write extended: their row after it, then and before. */
  rewrites: { row: number; cells: CellContent[]; before: unknown[] }[];
  /** Production-table lines written with the crew lines. */
  tableLines: TableLineWrite[];
  /**
   * The Budget sheet's wages spill (label and anchor beside the table) when this write added it
   * (a budget from an earlier build, or Excel's first lines): cleared with the lines it served.
   */
  wages?: { address: string; cells: CellContent[][] };
}

/** A role written by addProductionRole. */
export interface TableLineUndo {
  kind: "production-role";
  line: TableLineWrite;
}

/** Sheets a write made (a values copy, a Compare sheet), each with the fingerprint of its cells. */
export interface SheetsUndo {
  kind: "values-copy" | "compare-sheet";
  sheets: { name: string; fingerprint: string }[];
}

/** The rate card version set by a card update (the pane records it: it knows both). */
export interface CardVersionUndo {
  kind: "card-version";
  from: string;
  to: string;
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
  /** Whether it replaced earlier copies (gone for good, so it cannot be undone). */
  replaced?: boolean;
  /** What undoWrite needs to take the copies back; absent where it cannot. */
  undo?: WriteUndo;
}
