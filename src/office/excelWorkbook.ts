/**
 * The WorkbookPort over Excel's JavaScript API: the only code in CrewRate that calls Excel.run.
 *
 * Every operation has the same shape: queue the reads it needs and sync once, decide in plain
 * TypeScript, then queue every write and sync once more. Never a context.sync() in a loop. It
 * refuses (WorkbookError) rather than overwrite a user's cells, and when a write batch fails after
 * Excel may have applied part of it, a second Excel.run undoes what landed before the error is
 * reported.
 */
import {
  normalizeName,
  orList,
  assert,
  isRateError,
  type RateEngine,
  type ProductionTables,
  type TableCell,
  quoteInput,
} from "../engine";
import {
  blockAddress,
  settingFormat,
  sheetPresentation,
  BUDGET_SHEET,
  BUDGET_TABLE,
  BUDGET_TITLE,
  columnLetter,
  COLUMNS,
  crewLinesFromCells,
  HEADER_ROW,
  OVERRIDES_SHEET,
  PRODUCTION_SHEETS,
  productionRoleRow,
  rateOverrideRow,
  tableLines,
  blankTableLines,
  productionSheetRows,
  STATUS_HEADER,
  statusColumn,
  statusColumnBlock,
  ROLES_SHEET,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  SETTINGS_SHEET,
  settingRow,
  settingsFromCells,
  settingsRows,
  SHARED_SHEETS,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LINES,
  tableBlock,
  TOPSHEET_SHEET,
  topsheetLayout,
  TOPSHEET_SUMS_COLUMNS,
  excelWagesFormula,
  isWagesSpillFormula,
  WAGES_COLUMN,
  WAGES_LABEL,
  type WagesSpill,
  TOPSHEET_COLUMNS,
  TOPSHEET_HEADER_ROW,
  validateLine,
  valuesNote,
  valueWrites,
  WorkbookError,
  type AppendResult,
  type BudgetLine,
  type BudgetSettings,
  type CrewLineInput,
  type ProductionRoleInput,
  type SelectedCells,
  selectionProblem,
  type SettingSpec,
  type SharedCopy,
  type TableAdditions,
  type ValueWrite,
  type WorkbookPort,
  chartAccounts,
  LAYOUT_1_NOTE,
  LAYOUT_2_SETTINGS,
  layout1Lines,
  LAYOUT_1_COLUMNS,
  textCell,
  col,
  excelTotalsRow,
  placeLines,
  type ChartAccount,
  cellFormat,
  comparePresentation,
  compareSheetResult,
  COMPARE_HEADER_ROW,
  COMPARE_SHEET,
  planCompareSheet,
  type CompareSheet,
  type CompareSheetResult,
  type Hiring,
  type SheetPresentation,
  topsheetView,
  lastPrintedRow,
  printArea,
  currentFringe,
  isEarlierFringe,
  earlierFringeNote,
} from "../budget";
import { watchSheetChanges } from "./changeEvents";
import { tablesCellProblem } from "../budget/tablesCell";
import {
  RepairableProblem,
  type BudgetRepair,
  type SheetsUndo,
  type Undoable,
  type WriteUndo,
} from "../budget/port";
import { crewLinesUndo, fingerprint } from "../budget/undo";
import { bringAddinAlong, type StartupHost } from "./documentStartup";
import {
  cellText,
  filteredBudget,
  firstRow,
  loadFilter,
  supportsExcelApi,
  TEXT_FORMAT,
} from "./excelCells";
import {
  addDropdown,
  budgetNumberFormats,
  lastBudgetColumn,
  namedCell,
  presentSheet,
  setupPrintContext,
  TOPSHEET_CHART,
  writeBudget,
  writeProductionSheet,
  writeSettings,
  writeStatusColumn,
  writeTopsheet,
} from "./excelSheets";
import {
  takeBackSetup,
  takeOutAppend,
  undoBatch,
  undoCheck,
  undoWhat,
  type AppendUndo,
  type SetupUndo,
} from "./excelUndo";

import type { ExcelRun } from "./excelRun";

export type { ExcelRun } from "./excelRun";
export { TOPSHEET_CHART } from "./excelSheets";

export interface ExcelWorkbookOptions {
  /** The rate card's departments, one topsheet row each. */
  departments: readonly { name: string; account: string }[];
  /** Defaults to the global Excel.run (looked up when first used, so tests need no Excel global). */
  run?: ExcelRun;
  /**
   * The document switches that make the workbook load CrewRate and open its pane for whoever has
   * the add-in; turned on once the budget exists. Omitted: left alone.
   */
  startup?: StartupHost;
  /** Where problems with those switches are reported (they never fail the budget). */
  onStartupProblem?: (problems: string[]) => void;
  /** Makes the id that tags a write's temporary sheets; tests pass a fixed one. */
  operationId?: () => string;
  /** The add-in's engine: prices the Compare sheet's report (its formulas price in Excel). */
  engine?: RateEngine;
}

/** A share's sheet names: the original, its final copy, and the two temporary, tagged names. */
interface ShareNames {
  source: string;
  copy: string;
  /** The new copy while it is built. */
  building: string;
  /** The earlier copy while the new one takes its name. */
  aside: string;
}

/** The tag on a share's temporary sheets ("CrewRate k3x9q2 new 1"). */
const SHARE_TAG = /^CrewRate [a-z0-9]{1,8} (new|old) \d$/;

/** A comparison's sheet names while it is built and swapped ("CrewRate k3x9q2 new compare"). */
interface CompareNames {
  /** The new Compare sheet while it is built. */
  building: string;
  /** The earlier Compare sheet while the new one takes its name. */
  aside: string;
}

/** The tag on a comparison's temporary sheets. */
const COMPARE_TAG = /^CrewRate [a-z0-9]{1,8} (new|old) compare$/;

/** Excel's name for a copy of `sheet` ("Budget (2)"). */
function excelCopyName(sheet: string): RegExp {
  return new RegExp(`^${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+\\)$`);
}

/** A short id, unique enough to tell this write's temporary sheets from any other sheet. */
function operationId(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

type SheetState = "missing" | "empty" | "ours";
type Verdict = SheetState | { problem: string };

/** What a set-up wrote, for a repair's answer. */
interface SetupDone {
  /** Sheets made or filled in. */
  sheets: string[];
  /** Workbook names added or pointed back at the Settings sheet. */
  names: string[];
}

/** What a failed layout-1 migration batch replaced, to put back. */
interface MigrationUndo {
  oldCount: number;
  newCount: number;
  body: unknown[][];
  totals: unknown[];
  note: unknown;
  /** The settings cells layout 2 added (blank before). */
  settings: string;
  /** Workbook names the batch added. */
  names: string[];
  /**
   * The old topsheet: its cells, whether it had CrewRate's chart, and the names of its charts
   * (a chart the batch drew is found as one not among them: Excel names it "Chart 1" until the
   * batch's own rename lands).
   */
  topsheet:
    { block: string; cells: unknown[][]; chart: boolean; chartsBefore: string[] } | undefined;
  /** Rows the new topsheet took. */
  newTopRows: number;
  /** The wages spill's cells, when the batch wrote them. */
  wages?: string;
}

export class ExcelWorkbook implements WorkbookPort {
  readonly hostName = "Excel";
  private readonly departments: readonly { name: string; account: string }[];
  private readonly accounts: readonly ChartAccount[];
  private readonly run: ExcelRun;
  private readonly options: ExcelWorkbookOptions;
  /** What fitSheets last wrote (the topsheet's hidden rows, the print areas), so a repeat writes nothing. */
  private fittedSheets: string | undefined;
  /** Whether the budget's Fringe formulas are known to be today's (refreshEarlierFringes). */
  private fringesCurrent = false;
  /**
   * An insert whose batch failed and whose undo failed too: what may have landed, taken out
   * (where it still holds what was written) before this pane inserts again.
   */
  private unfinishedAppend: AppendUndo | undefined;
  /**
   * The sheet names before a share whose build failed and whose undo failed too: a sheet under
   * Excel's copy name ("Budget (2)") that was not among them is that share's, deleted by the next.
   */
  private unfinishedShare: readonly string[] | undefined;
  /** A layout-1 migration whose batch and undo both failed: put back before the next try. */
  private unfinishedMigration: MigrationUndo | undefined;
  /** A set-up whose batch failed and whose undo failed too: taken back before the next set-up. */
  private unfinishedSetup: SetupUndo | undefined;

  constructor(options: ExcelWorkbookOptions) {
    this.departments = options.departments.map((d) => ({ name: d.name, account: d.account }));
    this.accounts = chartAccounts(this.departments);
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.options = options;
  }

  async ensureBudget(): Promise<void> {
    await this.migrateLayout1();
    await this.setUpBudget();
    await this.refreshEarlierFringes();
    const { startup, onStartupProblem } = this.options;
    if (!startup) return;
    const problems = await bringAddinAlong(startup);
    if (problems.length > 0) onStartupProblem?.(problems);
  }

  /**
   * Brings a budget made by CrewRate's layout 1 (Department second, money on the right, no
   * account subtotals, a department topsheet) up to date in one batch: the crew lines are
   * rewritten money-first in chart-of-accounts order with account subtotals, the settings gain
   * Contingency and Layout version, the topsheet is rebuilt, and a note in Budget!A3 says so.
   * Every line's own choices (role, person, quantity, unit, agreement, region, tier, description)
   * are kept; a computed cell someone replaced by hand stops it, naming the cell. Nothing to do
   * for any other workbook.
   */
  private async migrateLayout1(): Promise<void> {
    const unfinished = this.unfinishedMigration;
    if (unfinished) {
      await this.finishTakeBack(
        (context) => this.putBackLayout1(context, unfinished),
        "Could not bring the budget up to date from CrewRate's layout 1: putting back what an earlier try left failed",
      );
      this.unfinishedMigration = undefined;
    }
    const written: { undo?: MigrationUndo } = {};
    try {
      await this.run(async (context) => {
        const workbook = context.workbook;
        const { table, header, body, filter } = loadBudgetBody(context);
        table.rows.load("count");
        const totals = table.getTotalRowRange();
        totals.load("formulas");
        await context.sync(); // 1: is it layout 1?
        if (table.isNullObject) {
          this.fringesCurrent = true; // set-up makes a new budget: today's formulas only
          return;
        }
        if (!rowMatches(firstRow(header.values), LAYOUT_1_COLUMNS)) {
          // Today's columns: whether a line holds an earlier Fringe (refreshEarlierFringes),
          // looked at once per pane, not before every insert.
          if (!this.fringesCurrent) {
            const stale = earlierFringeRows(header.values, header.rowIndex, body.formulas);
            if (stale !== undefined) this.fringesCurrent = stale.length === 0;
          }
          return;
        }
        // The rewrite adds, deletes and rewrites the table's rows: not into a filtered table.
        if (filter?.isDataFiltered) {
          throw new WorkbookError(
            filteredBudget("bring this budget (made by an earlier CrewRate, layout 1) up to date"),
          );
        }

        const budgetSheet = workbook.worksheets.getItem(BUDGET_SHEET);
        const note = budgetSheet.getRange("A3");
        note.load("formulas");
        // The wages spill the rewritten lines' Fringe formulas read (layout 1 had none).
        const headerRow = header.rowIndex + 1;
        const wagesCells = budgetSheet.getRange(wagesAddress(headerRow));
        wagesCells.load("formulas");
        const settingsSheet = workbook.worksheets.getItem(SETTINGS_SHEET);
        const newSettings = SETTINGS.filter((s) => LAYOUT_2_SETTINGS.includes(s.name));
        const first = settingRow(newSettings[0]!.name);
        const last = settingRow(newSettings[newSettings.length - 1]!.name);
        const settingsCells = settingsSheet.getRange(`A${first}:C${last}`);
        settingsCells.load("formulas");
        const names = newSettings.map((spec) => {
          const item = workbook.names.getItemOrNullObject(spec.name);
          item.load("isNullObject");
          return { spec, item };
        });
        const topsheet = workbook.worksheets.getItemOrNullObject(TOPSHEET_SHEET);
        topsheet.load("isNullObject");
        const oldTopBlock = `A1:E${this.departments.length + 2}`;
        const oldTop = topsheet.getRange(oldTopBlock);
        oldTop.load("formulas");
        const oldChart = topsheet.charts.getItemOrNullObject(TOPSHEET_CHART);
        oldChart.load("isNullObject");
        const charts = topsheet.charts;
        charts.load("items/name");
        await context.sync(); // 2: what the migration replaces

        const bodyCells: unknown[][] = body.formulas;
        const lines = layout1Lines(bodyCells, header.rowIndex + 2);
        if (typeof lines === "string") throw new WorkbookError(lines);
        const taken = (settingsCells.formulas as unknown[][]).some((row) => !isBlankRow(row));
        if (taken) {
          throw new WorkbookError(
            `This budget was made by an earlier CrewRate (layout 1), and bringing it up to date needs ${SETTINGS_SHEET}!A${first}:C${last}, which holds other content. Clear those cells, then open CrewRate again.`,
          );
        }
        const writeWages = wagesSpillNeeded(wagesCells.formulas as unknown[][], headerRow);
        const placement = placeLines([], lines, (account) => this.accountName(account), undefined, {
          anchorRow: headerRow,
          byIndex: true,
        });
        const rows = placement.groups[0]?.rows ?? [];
        const oldCount = table.rows.count;
        const newCount = Math.max(rows.length, 1);
        const undo: MigrationUndo = {
          oldCount,
          newCount,
          body: bodyCells,
          totals: firstRow(totals.formulas),
          note: firstRow(note.formulas)[0] ?? "",
          settings: `A${first}:C${last}`,
          names: names.filter((n) => n.item.isNullObject).map((n) => n.spec.name),
          topsheet: topsheet.isNullObject
            ? undefined
            : {
                block: oldTopBlock,
                cells: oldTop.formulas as unknown[][],
                chart: !oldChart.isNullObject,
                chartsBefore: charts.items.map((c) => c.name),
              },
          newTopRows: 0,
          ...(writeWages ? { wages: wagesAddress(headerRow) } : {}),
        };

        // Write, in one batch: the lines money-first and in chart order, the totals, the note.
        header.values = [[...COLUMNS]];
        if (writeWages) wagesCells.formulas = wagesSpillCells();
        if (newCount > oldCount) {
          table.rows.add(
            undefined,
            Array.from({ length: newCount - oldCount }, () => COLUMNS.map(() => "")),
          );
        }
        for (let i = oldCount - 1; i >= newCount; i--) table.rows.getItemAt(i).delete();
        const blank = COLUMNS.map(() => "");
        table.getDataBodyRange().formulas = rows.length > 0 ? rows : [blank];
        table.getDataBodyRange().numberFormat = Array.from({ length: newCount }, () =>
          budgetNumberFormats(),
        );
        table.getTotalRowRange().formulas = [excelTotalsRow(BUDGET_TABLE)];
        note.values = [[textCell(LAYOUT_1_NOTE)]];
        // The settings layout 2 added, and their names.
        settingsSheet.getRange(`B${first}:B${last}`).numberFormat = newSettings.map((spec) => [
          settingFormat(spec),
        ]);
        settingsSheet.getRange(`A${first}:C${last}`).values = newSettings.map((spec) => [
          spec.label,
          spec.value,
          spec.note,
        ]);
        for (const { spec, item } of names) {
          if (item.isNullObject) {
            workbook.names.add(
              spec.name,
              settingsSheet.getRange(`B${settingRow(spec.name)}`),
              spec.label,
            );
          }
        }
        // The topsheet, rebuilt by account over the budget's new extent.
        if (!topsheet.isNullObject) {
          if (!oldChart.isNullObject) oldChart.delete();
          oldTop.clear("Contents");
          const layout = topsheetLayout(this.accounts, header.rowIndex + 2 + newCount);
          undo.newTopRows = layout.rows.length;
          writeTopsheet(
            topsheet,
            layout.rows,
            this.departments.length > 0 ? layout.summary : undefined,
          );
        }
        written.undo = undo;
        await context.sync(); // 3: write
        this.fringesCurrent = true; // every line rewritten with today's formulas
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (written.undo === undefined) {
        throw new WorkbookError(
          `Could not bring the budget up to date from CrewRate's layout 1: ${reason}. Nothing was changed.`,
          { cause: error },
        );
      }
      await this.undoMigration(written.undo, reason, error);
    }
  }

  /**
   * Rewrites the Fringe formulas an earlier CrewRate wrote (isEarlierFringe: without Settings'
   * Health contribution, so those lines ignored the producer's level, or with wages to date by a
   * quadratic SUMIF) to today's, in one batch, with the wages spill they read; nothing else is
   * touched, and a cell the producer changed is not CrewRate's formula, so it stays. Budget!A3
   * says so when it is free. Left for the next opening, changing nothing, while a filter hides
   * lines or something else holds the spill's cells; a failed batch leaves each line with a
   * working formula (earlier or today's), and the next opening finishes.
   */
  private async refreshEarlierFringes(): Promise<void> {
    // Once the budget is known current, lines the pane writes are today's: no re-read per insert.
    if (this.fringesCurrent) return;
    try {
      await this.refreshFringesRun();
    } catch {
      // Once more, reading afresh: after a lost reply it finds nothing left to do, after a fault
      // it rewrites only what is still earlier (each line holds an earlier formula or today's,
      // both working: the batch writes the spill first, the note last).
      await this.refreshFringesRun().catch((error: unknown) => {
        if (error instanceof WorkbookError) throw error;
        throw new WorkbookError(
          `Could not bring the budget's Fringe formulas up to date (lines made by an earlier CrewRate): ${reasonOf(error)}. Every line still prices; try again to finish.`,
          { cause: error },
        );
      });
    }
  }

  private async refreshFringesRun(): Promise<void> {
    await this.run(async (context) => {
      const { table, header, body, filter } = loadBudgetBody(context);
      await context.sync();
      if (table.isNullObject) return;
      const stale = earlierFringeRows(header.values, header.rowIndex, body.formulas);
      if (stale === undefined) return;
      const headerRow = header.rowIndex + 1;
      const spill: WagesSpill = { anchorRow: headerRow, byIndex: true };
      if (stale.length === 0) {
        this.fringesCurrent = true;
        return;
      }
      if (filter?.isDataFiltered) return;
      const sheet = context.workbook.worksheets.getItem(BUDGET_SHEET);
      const wagesCells = sheet.getRange(wagesAddress(headerRow));
      wagesCells.load("formulas");
      const note = sheet.getRange("A3");
      note.load("formulas");
      await context.sync();
      let writeWages: boolean;
      try {
        writeWages = wagesSpillNeeded(wagesCells.formulas as unknown[][], headerRow);
      } catch {
        return; // something else in the spill's cells: today's formula would misread it
      }
      if (writeWages) wagesCells.formulas = wagesSpillCells();
      const letter = col("Fringe");
      for (const { first, last } of rowRuns(stale)) {
        sheet.getRange(`${letter}${first}:${letter}${last}`).formulas = Array.from(
          { length: last - first + 1 },
          (_, k) => [currentFringe(first + k, spill)],
        );
      }
      if (cellText(firstRow(note.formulas)[0]) === "") {
        note.values = [[textCell(earlierFringeNote(stale.length))]];
      }
      await context.sync();
      this.fringesCurrent = true;
    });
  }

  /** Puts a layout-1 budget back as it was after a failed migration batch, then reports. */
  private async undoMigration(undo: MigrationUndo, reason: string, cause: unknown): Promise<never> {
    const what = `Could not bring the budget up to date from CrewRate's layout 1: ${reason}`;
    try {
      await this.run((context) => this.putBackLayout1(context, undo));
    } catch (undoError) {
      this.unfinishedMigration = undo; // put back before this pane tries again
      throw new WorkbookError(
        `${what}, and putting the budget back failed too (${reasonOf(undoError)}).`,
        {
          cause,
          changed: "unknown",
          check: `Try again from this pane: CrewRate first puts the budget back as it was, then brings it up to date (so do not edit the ${BUDGET_SHEET}, ${TOPSHEET_SHEET} or ${SETTINGS_SHEET} sheets before). Or check them against a saved copy.`,
        },
      );
    }
    throw new WorkbookError(`${what}. Nothing was changed.`, { cause });
  } /** Puts a layout-1 budget back as it was before a failed migration batch (can be done again). */
  private async putBackLayout1(context: Excel.RequestContext, undo: MigrationUndo): Promise<void> {
    const workbook = context.workbook;
    const table = workbook.tables.getItem(BUDGET_TABLE);
    table.rows.load("count");
    const names = undo.names.map((name) => {
      const item = workbook.names.getItemOrNullObject(name);
      item.load("isNullObject");
      return item;
    });
    const topsheet = workbook.worksheets.getItemOrNullObject(TOPSHEET_SHEET);
    topsheet.load("isNullObject");
    const charts = topsheet.charts;
    if (undo.topsheet) charts.load("items/name");
    await context.sync();
    table.getHeaderRowRange().values = [[...LAYOUT_1_COLUMNS]];
    const count = table.rows.count;
    if (undo.oldCount > count) {
      table.rows.add(
        undefined,
        Array.from({ length: undo.oldCount - count }, () => LAYOUT_1_COLUMNS.map(() => "")),
      );
    }
    for (let i = count - 1; i >= undo.oldCount; i--) table.rows.getItemAt(i).delete();
    table.getDataBodyRange().formulas = undo.body;
    table.getTotalRowRange().formulas = [undo.totals];
    workbook.worksheets.getItem(BUDGET_SHEET).getRange("A3").formulas = [[undo.note]];
    if (undo.wages)
      workbook.worksheets.getItem(BUDGET_SHEET).getRange(undo.wages).clear("Contents");
    workbook.worksheets.getItem(SETTINGS_SHEET).getRange(undo.settings).clear("Contents");
    for (const item of names) if (!item.isNullObject) item.delete();
    if (undo.topsheet && !topsheet.isNullObject) {
      // CrewRate's chart, old or new, and any the batch drew: layout 1's is drawn again below.
      const before = undo.topsheet.chartsBefore;
      for (const { name } of charts.items) {
        if (name === TOPSHEET_CHART || !before.includes(name)) charts.getItem(name).delete();
      }
      if (undo.newTopRows > 0) {
        topsheet
          // Its account sums cells in G:I included.
          .getRange(`A1:${TOPSHEET_SUMS_COLUMNS.Total}${undo.newTopRows}`)
          .clear("Contents");
      }
      topsheet.getRange(undo.topsheet.block).formulas = undo.topsheet.cells;
      if (undo.topsheet.chart) {
        // Layout 1's chart: Total by department, beside the departments.
        const lastDepartment = this.departments.length + 1;
        const old = topsheet.charts.add(
          "BarClustered",
          topsheet.getRange(`E1:E${lastDepartment}`),
          "Columns",
        );
        old.name = TOPSHEET_CHART;
        old.title.text = "Crew cost by department";
        old.series.getItemAt(0).setXAxisValues(topsheet.getRange(`B2:B${lastDepartment}`));
        old.setPosition("G2", "P30");
      }
    }
    await context.sync();
  }

  private async setUpBudget(): Promise<SetupDone> {
    const unfinished = this.unfinishedSetup;
    if (unfinished) {
      await this.finishTakeBack(
        (context) => takeBackSetup(context, unfinished),
        "Could not set up the budget sheets: taking back what an earlier set-up left failed",
      );
      this.unfinishedSetup = undefined;
    }
    // Set just before the write sync: from then on, part of the batch may have landed.
    const written: { undo?: SetupUndo } = {};
    const done: SetupDone = { sheets: [], names: [] };
    try {
      await this.run(async (context) => {
        const workbook = context.workbook;
        const settingsBlock = blockAddress(1, settingsRows());
        // The budget's totals row on a new sheet: header, the table's one blank row, totals.
        const topsheet0 = topsheetLayout(this.accounts, HEADER_ROW + 2);
        const topRows = topsheet0.rows;
        const topBlock = blockAddress(1, topRows);
        // The budget's footprint: title, note, a blank row, header, the one blank row Excel gives a
        // new table, and the totals row.
        const budgetBlock = `A1:${lastBudgetColumn()}${HEADER_ROW + 2}`;

        // Read: which sheets, names and table exist, and what the target cells hold. On a sheet
        // that does not exist, getRange returns a null object too; its formulas are never read.
        const settings = probeSheet(workbook, SETTINGS_SHEET, settingsBlock);
        const budget = probeSheet(workbook, BUDGET_SHEET, budgetBlock);
        const topsheet = probeSheet(workbook, TOPSHEET_SHEET, topBlock);
        const production = PRODUCTION_SHEETS.map((spec) => {
          const rows = productionSheetRows(spec.sheet);
          const block = blockAddress(1, rows);
          const probe = probeSheet(workbook, spec.sheet, block);
          // The Status column, header to last line: an earlier build's sheet has none yet.
          const status = probe.sheet.getRange(statusColumnBlock(spec.sheet));
          status.load("formulas, numberFormat");
          return { spec, rows, block, probe, status };
        });
        const table = workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        table.worksheet.load("name");
        const tableHeader = table.getHeaderRowRange();
        tableHeader.load("values");
        const names = SETTINGS.map((spec) => {
          const item = workbook.names.getItemOrNullObject(spec.name);
          item.load("isNullObject, formula");
          return { spec, item };
        });
        // What is on the existing Budget and Topsheet sheets, so an undo can tell its own from them.
        const budgetTables = budget.sheet.tables;
        budgetTables.load("items/name");
        const topsheetCharts = topsheet.sheet.charts;
        topsheetCharts.load("items/name");
        await context.sync();
        const tablesOnBudget = budget.sheet.isNullObject
          ? []
          : budgetTables.items.map((t) => t.name);
        const chartsOnTopsheet = topsheet.sheet.isNullObject
          ? []
          : topsheetCharts.items.map((c) => c.name);

        // A budget table under another name (renamed in Table Design) is found by its columns:
        // offered back its name, never built over.
        if (table.isNullObject && tablesOnBudget.length > 0) {
          const renamed = await budgetTablesByHeader(context, tablesOnBudget);
          if (renamed.length === 1) throw renamedTableProblem(renamed[0]!);
          if (renamed.length > 1) {
            throw new WorkbookError(
              `The ${BUDGET_SHEET} sheet has ${renamed.length} tables with CrewRate's columns (${renamed.join(", ")}) and none is called ${BUDGET_TABLE}. Rename the one that holds your budget to ${BUDGET_TABLE} (Table Design > Table Name), then try again.`,
            );
          }
        }

        // Every reason to refuse, in one message; a sheet with a problem counts as "ours" below,
        // which never matters because any problem stops here.
        const problems: string[] = [];
        const stateOf = (verdict: Verdict): SheetState => {
          if (typeof verdict === "string") return verdict;
          problems.push(verdict.problem);
          return "ours";
        };
        const settingsState = stateOf(
          sheetVerdict(settings, isSettingsSheet, SETTINGS_SHEET, settingsBlock),
        );
        const topsheetState = stateOf(sheetVerdict(topsheet, isTopsheet, TOPSHEET_SHEET, topBlock));
        const productionStates = production.map((p) =>
          stateOf(
            sheetVerdict(
              p.probe,
              (cells) => rowMatches(cells[TABLE_HEADER_ROW - 1], p.spec.columns),
              p.spec.sheet,
              p.block,
            ),
          ),
        );
        // Each production sheet's Status column: there, to add (an earlier build's sheet, or an
        // empty one), or holding the producer's own content, which is never written over.
        const statusStates = production.map((p, i) =>
          productionStates[i] === "missing"
            ? "add"
            : statusVerdict(p.spec.sheet, p.status.formulas as unknown[][], problems),
        );
        let budgetState: SheetState;
        if (table.isNullObject && isBudgetHeader(budgetHeaderCells(budget))) {
          // CrewRate's header where the table goes, but no table: the lines are a plain range now.
          budgetState = stateOf({
            problem: `The ${BUDGET_SHEET} sheet holds a CrewRate budget that is no longer an Excel table named ${BUDGET_TABLE}, so CrewRate cannot add to it. Click in its header (row ${HEADER_ROW}), choose Insert > Table (My table has headers), then Table Design > Table Name: ${BUDGET_TABLE}. Then try again.`,
          });
        } else if (table.isNullObject) {
          budgetState = stateOf(sheetVerdict(budget, () => false, BUDGET_SHEET, budgetBlock));
        } else if (table.worksheet.name !== BUDGET_SHEET) {
          budgetState = stateOf({
            problem: `The ${BUDGET_TABLE} table is on the sheet "${table.worksheet.name}"; CrewRate keeps it on a sheet named ${BUDGET_SHEET}. Rename that sheet back to ${BUDGET_SHEET}, then try again.`,
          });
        } else if (!rowMatches(firstRow(tableHeader.values), COLUMNS)) {
          budgetState = stateOf({
            problem: `The ${BUDGET_TABLE} table's columns are not CrewRate's (${COLUMNS.join(", ")}). Put them back, or rename the table, then try again.`,
          });
        } else {
          budgetState = "ours";
        }
        // Settings rows a later CrewRate added below an earlier build's (their names are missing
        // too, and added with the others below).
        const laterSettings =
          settingsState === "ours" && !settings.sheet.isNullObject
            ? SETTINGS.slice(settingsInPlace(settings.target.formulas) ?? SETTINGS.length)
            : [];
        const missingNames: SettingSpec[] = [];
        // Names left pointing at a deleted Settings sheet (=#REF!$B$2): pointed at the new one.
        const brokenNames: { spec: SettingSpec; item: Excel.NamedItem; formula: string }[] = [];
        for (const { spec, item } of names) {
          if (item.isNullObject) {
            missingNames.push(spec);
          } else if (settingsState !== "ours" && isBrokenReference(item.formula)) {
            brokenNames.push({ spec, item, formula: cellText(item.formula) });
          } else if (normalizeReference(item.formula) !== normalizeReference(namedCell(spec))) {
            problems.push(
              `The workbook already has a name ${spec.name} (${item.formula}); CrewRate needs it for ${namedCell(spec)}. Rename or delete that name (Formulas > Name Manager), then try again.`,
            );
          }
        }
        if (problems.length > 0) throw new WorkbookError(problems.join(" "));
        if (
          settingsState === "ours" &&
          budgetState === "ours" &&
          topsheetState === "ours" &&
          productionStates.every((state) => state === "ours") &&
          statusStates.every((state) => state === "there") &&
          missingNames.length === 0 &&
          brokenNames.length === 0 &&
          laterSettings.length === 0
        ) {
          return; // Everything is there: leave it alone.
        }

        // Write: everything that is missing, in one batch.
        const pending: SetupUndo = {
          addedSheets: [],
          filledRanges: [],
          addedNames: [],
          repointedNames: [],
        };
        const sheetFor = (name: string, probe: SheetProbe, state: SheetState, block: string) => {
          done.sheets.push(name);
          if (state === "missing") {
            pending.addedSheets.push(name);
            return workbook.worksheets.add(name);
          }
          const formats: unknown[][] = probe.target.numberFormat;
          pending.filledRanges.push({ sheet: name, address: block, formats });
          return probe.sheet;
        };

        if (budgetState !== "ours") {
          const sheet = sheetFor(BUDGET_SHEET, budget, budgetState, budgetBlock);
          if (budgetState === "empty") pending.tablesBefore = tablesOnBudget;
          writeBudget(sheet);
        }
        if (topsheetState !== "ours") {
          const sheet = sheetFor(TOPSHEET_SHEET, topsheet, topsheetState, topBlock);
          if (topsheetState === "empty") pending.chartsBefore = chartsOnTopsheet;
          writeTopsheet(
            sheet,
            topRows,
            this.departments.length > 0 ? topsheet0.summary : undefined,
          );
        }
        // Before the settings: their production tables formula refers to these sheets.
        production.forEach((p, i) => {
          const state = productionStates[i]!;
          const statusState = statusStates[i]!;
          if (state === "ours" && statusState === "there") return;
          let sheet = p.probe.sheet;
          if (state === "ours") done.sheets.push(p.spec.sheet);
          else sheet = sheetFor(p.spec.sheet, p.probe, state, p.block);
          if (state !== "missing") {
            // Blank before (checked above): an undo empties the column again.
            const formats: unknown[][] = p.status.numberFormat;
            pending.filledRanges.push({
              sheet: p.spec.sheet,
              address: statusColumnBlock(p.spec.sheet),
              formats,
            });
          }
          if (state === "ours") writeStatusColumn(sheet, p.spec.sheet);
          else writeProductionSheet(sheet, p.spec.sheet, p.rows);
        });
        let settingsSheet = settings.sheet;
        if (settingsState !== "ours") {
          settingsSheet = sheetFor(SETTINGS_SHEET, settings, settingsState, settingsBlock);
          writeSettings(settingsSheet, settingsBlock);
        } else if (laterSettings.length > 0) {
          // Blank before (checked above): an undo empties them again.
          const first = settingRow(laterSettings[0]!.name);
          const address = `A${first}:C${first + laterSettings.length - 1}`;
          const formats: unknown[][] = settings.target.numberFormat;
          pending.filledRanges.push({
            sheet: SETTINGS_SHEET,
            address,
            formats: formats.slice(first - 1, first - 1 + laterSettings.length),
          });
          done.sheets.push(SETTINGS_SHEET);
          settingsSheet.getRange(`B${first}:B${first + laterSettings.length - 1}`).numberFormat =
            laterSettings.map((spec) => [settingFormat(spec)]);
          settingsSheet.getRange(address).values = laterSettings.map((spec) => [
            spec.label,
            spec.value,
            spec.note,
          ]);
          const added = (row: number) => row >= first && row < first + laterSettings.length;
          for (const dropdown of sheetPresentation(SETTINGS_SHEET, setupPrintContext())
            ?.dropdowns ?? []) {
            if (added(dropdown.row)) addDropdown(settingsSheet, dropdown);
          }
        }
        for (const spec of missingNames) {
          workbook.names.add(
            spec.name,
            settingsSheet.getRange(`B${settingRow(spec.name)}`),
            spec.label,
          );
          pending.addedNames.push(spec.name);
          done.names.push(spec.name);
        }
        for (const { spec, item, formula } of brokenNames) {
          item.formula = namedCell(spec);
          // On a Settings sheet the undo deletes, the name breaks again by itself.
          if (settingsState !== "missing")
            pending.repointedNames.push({ name: spec.name, formula });
          done.names.push(spec.name);
        }
        written.undo = pending;
        await context.sync();
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (written.undo === undefined) {
        const message = `Could not set up the budget sheets: ${reason}. Nothing was changed.`;
        throw new WorkbookError(message, { cause: error });
      }
      await this.undoSetup(written.undo, reason, error);
    }
    return done;
  }

  async readSettings(): Promise<BudgetSettings> {
    let cells: unknown[][];
    try {
      cells = await this.run(async (context) => {
        const workbook = context.workbook;
        const sheet = workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
        sheet.load("isNullObject");
        const range = sheet.getRange(settingsValueBlock());
        range.load("values");
        // Without the sheet: is there a budget that needs it, and where do its names point now?
        const table = workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        const region = workbook.names.getItemOrNullObject("Region");
        region.load("isNullObject, formula");
        await context.sync();
        if (sheet.isNullObject) {
          throw missingSettingsProblem(
            !table.isNullObject || !region.isNullObject,
            region.isNullObject ? "" : cellText(region.formula),
          );
        }
        const values: unknown[][] = range.values;
        return values;
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(
        `Could not read the budget settings on the ${SETTINGS_SHEET} sheet: ${reasonOf(error)}.`,
        { cause: error },
      );
    }
    return settingsFromCells(cells);
  }

  /** The chart's name for an account (a new subtotal row's description). */
  private accountName(account: string): string {
    return this.accounts.find((a) => a.account === account)?.name ?? "";
  }

  async appendCrewLines(
    lines: readonly CrewLineInput[],
    additions: TableAdditions = {},
  ): Promise<AppendResult> {
    // All or nothing: every line is checked before anything reaches Excel.
    for (const line of lines) {
      const problem = validateLine(line);
      if (problem) throw new WorkbookError(problem);
    }
    if (this.unfinishedAppend) await this.takeOutUnfinishedAppend(this.unfinishedAppend);
    // Set just before the write sync: from then on, part of the batch may have landed.
    const written: { undo?: AppendUndo } = {};
    try {
      return await this.run(async (context) => {
        const table = context.workbook.tables.getItem(BUDGET_TABLE);
        const header = table.getHeaderRowRange();
        header.load("values, rowIndex, columnIndex");
        table.rows.load("count");
        const filter = loadFilter(table);
        const body = table.getDataBodyRange();
        body.load("formulas");
        // The wages spill's label and anchor (WAGES_COLUMN, the row above the header and the
        // header's): an earlier build's budget has none yet.
        const wagesCells = header
          .getOffsetRange(-1, COLUMNS.length + 1)
          .getResizedRange(1, -(COLUMNS.length - 1));
        wagesCells.load("formulas");
        // The production-table lines that go with these crew lines, and where blank lines are.
        const tableWrites = [
          { sheet: OVERRIDES_SHEET, rows: (additions.overrides ?? []).map(rateOverrideRow) },
          { sheet: ROLES_SHEET, rows: (additions.roles ?? []).map(productionRoleRow) },
        ]
          .filter((t) => t.rows.length > 0)
          .map((t) => {
            const block = context.workbook.worksheets
              .getItem(t.sheet)
              .getRange(tableBlock(t.sheet));
            block.load("values");
            return { ...t, block };
          });
        await context.sync(); // 1: read
        if (filter?.isDataFiltered === true) throw new WorkbookError(filteredBudget("add lines"));
        const placed = tableWrites.map((t) => ({
          ...t,
          at: blankTableLines(t.sheet, t.block.values, t.rows.length),
        }));

        if (!rowMatches(firstRow(header.values), COLUMNS)) {
          throw new WorkbookError(
            `The ${BUDGET_TABLE} table's columns are not CrewRate's (${COLUMNS.join(", ")}). Put them back, then try again.`,
          );
        }
        // Line formulas name their cells by column letter and sum a person's wages from row
        // HEADER_ROW down: the table has to start in column A, with its header no higher.
        const headerRow = header.rowIndex + 1;
        if (header.columnIndex !== 0 || headerRow + 1 < HEADER_ROW) {
          throw new WorkbookError(
            `The ${BUDGET_TABLE} table has moved: CrewRate needs it to start in column A with its header on row ${HEADER_ROW - 1} or below (it is at ${columnLetter(header.columnIndex)}${headerRow}). Move it back, then try again.`,
          );
        }
        const rowCount = table.rows.count;
        const bodyCells: unknown[][] = body.formulas;
        // A new table has one blank row that Excel will not remove: the first line goes there.
        const filledBlankRow = rowCount === 1 && isBlankRow(firstRow(bodyCells));
        const wagesSpill: WagesSpill = { anchorRow: headerRow, byIndex: true };
        const writeWages = lines.length > 0 && wagesSpillNeeded(wagesCells.formulas, headerRow);
        const placement = placeLines(
          filledBlankRow ? [] : bodyCells,
          lines,
          (account) => this.accountName(account),
          headerRow + 1,
          wagesSpill,
        );
        const at = (sheet: string) => placed.find((t) => t.sheet === sheet)?.at ?? [];
        const result: AppendResult = {
          firstRow: Math.min(headerRow + 1 + rowCount, ...placement.lineRows),
          rowsAdded: lines.length,
          lineRows: placement.lineRows,
          ...tableLines(at(OVERRIDES_SHEET), at(ROLES_SHEET)),
        };
        if (lines.length === 0 && placed.length === 0) return result;

        const tableCells: AppendUndo["tableCells"] = [];
        if (writeWages) {
          // Before the lines: their Fringe formulas read it. Taken back with them on a fault.
          wagesCells.formulas = wagesSpillCells();
          tableCells.push({
            sheet: BUDGET_SHEET,
            address: wagesAddress(headerRow),
            cells: wagesSpillCells(),
          });
        }
        for (const t of placed) {
          const sheet = context.workbook.worksheets.getItem(t.sheet);
          t.rows.forEach((cells, i) => {
            const row = TABLE_FIRST_ROW + t.at[i]!;
            const address = `A${row}:${columnLetter(cells.length - 1)}${row}`;
            sheet.getRange(address).values = [cells];
            tableCells.push({ sheet: t.sheet, address, cells: [cells] });
          });
        }
        // Each group lands at its account, from the bottom up (one rows.add each, so a group lands
        // whole or not at all); a subtotal the group moved down is rewritten to reach it.
        const groups: AppendUndo["groups"] = [];
        let blankRow: unknown[] | undefined;
        let count = rowCount;
        for (const group of placement.groups) {
          let rows = group.rows;
          if (filledBlankRow && count === 1 && group.at === 0) {
            body.getRow(0).formulas = rows.slice(0, 1);
            blankRow = rows[0];
            rows = rows.slice(1);
          }
          if (rows.length > 0) {
            const index = filledBlankRow && count === 1 ? 1 : group.at;
            table.rows.add(index >= count ? undefined : index, rows);
            groups.push({ at: index, size: rows.length, cells: rows });
            count += rows.length;
          }
          if (group.rewrite) {
            const original = bodyCells[group.rewrite.index - group.rows.length] ?? [];
            groups[groups.length - 1]!.rewrite = { index: group.rewrite.index, formulas: original };
            table.getDataBodyRange().getRow(group.rewrite.index).formulas = [group.rewrite.cells];
          }
        }
        // Formats for the new rows only: from the first new line to the last one's subtotal
        // (the rows between are the budget's own and hold the same formats).
        if (placement.lineRows.length > 0) {
          const top = Math.min(...placement.lineRows);
          const bottom = Math.min(Math.max(...placement.lineRows) + 1, headerRow + count);
          table.worksheet.getRange(`A${top}:${lastBudgetColumn()}${bottom}`).numberFormat =
            Array.from({ length: bottom - top + 1 }, () => budgetNumberFormats());
        }
        // The new lines selected (and so scrolled into view) once they land: from the first to
        // the last, money columns included.
        if (placement.lineRows.length > 0) {
          const top = Math.min(...placement.lineRows);
          const bottom = Math.max(...placement.lineRows);
          table.worksheet.activate();
          table.worksheet.getRange(`A${top}:${col("Total")}${bottom}`).select();
        }
        written.undo = { rowCount, groups, ...(blankRow ? { blankRow } : {}), tableCells };
        // What the pane's Undo takes back once this lands: the rows where they will stand.
        result.undo = crewLinesUndo({
          placement,
          headerRow,
          body: bodyCells,
          bodyRowsBefore: rowCount,
          filledBlankRow,
          tableLines: placed.flatMap((t) =>
            t.rows.map((cells, i) => ({ sheet: t.sheet, line: t.at[i]! + 1, cells })),
          ),
          ...(writeWages
            ? { wages: { address: wagesAddress(headerRow), cells: wagesSpillCells() } }
            : {}),
        });
        await context.sync(); // 2: write
        return result;
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (written.undo === undefined) {
        throw new WorkbookError(`Could not add the crew lines: ${reason}. Nothing was changed.`, {
          cause: error,
        });
      }
      return this.undoAppend(written.undo, reason, error);
    }
  }

  async readProductionTables(): Promise<ProductionTables> {
    try {
      return await this.run(async (context) => {
        const [overrides, roles] = [OVERRIDES_SHEET, ROLES_SHEET].map((name) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load("isNullObject");
          const range = sheet.getRange(tableBlock(name));
          range.load("values");
          return { sheet, range };
        });
        await context.sync();
        const rows = (t: typeof overrides) =>
          !t || t.sheet.isNullObject ? [] : (t.range.values as ProductionTables["roles"]);
        return { overrides: rows(overrides), roles: rows(roles) };
      });
    } catch (error) {
      throw new WorkbookError(
        `Could not read the ${OVERRIDES_SHEET} and ${ROLES_SHEET} sheets: ${reasonOf(error)}.`,
        { cause: error },
      );
    }
  }

  async addProductionRole(role: ProductionRoleInput): Promise<{ line: number } & Undoable> {
    const cells = productionRoleRow(role);
    // Set just before the write sync: from then on, the row may have landed.
    const written: { row?: number } = {};
    try {
      return await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(ROLES_SHEET);
        sheet.load("isNullObject");
        const titles = sheet.getRange(tableBlock(ROLES_SHEET));
        titles.load("values");
        const overrides = context.workbook.worksheets.getItemOrNullObject(OVERRIDES_SHEET);
        overrides.load("isNullObject");
        const overrideLines = overrides.getRange(tableBlock(OVERRIDES_SHEET));
        overrideLines.load("values");
        await context.sync(); // 1: read
        if (sheet.isNullObject) {
          throw new WorkbookError(
            `The workbook has no ${ROLES_SHEET} sheet: create the budget sheets first.`,
          );
        }
        const values: unknown[][] = titles.values;
        // Check before writing: a retry after a lost reply finds its own row and writes nothing.
        const earlier = values.findIndex((row) => isSameRow(row, cells));
        if (earlier >= 0) return roleWritten(earlier + 1, cells);
        const clash = values.findIndex((row) => titleKey(row[0]) === titleKey(cells[0]));
        if (clash >= 0) {
          throw new WorkbookError(
            `Line ${clash + 1} of the ${ROLES_SHEET} sheet already has a role called ${quoteInput(cellText(values[clash]?.[0]))}: change that line, or give this role another title.`,
          );
        }
        const index = values.findIndex((row) => isBlankRow(row));
        if (index < 0) {
          throw new WorkbookError(
            `The ${ROLES_SHEET} sheet is full (${TABLE_LINES} lines): clear a line you no longer need, then try again.`,
          );
        }
        const roles = values.map((row) => row.map(tableCellOf));
        roles[index] = cells.map(tableCellOf);
        const tooLong = tablesCellProblem({
          overrides: overrides.isNullObject
            ? []
            : (overrideLines.values as unknown[][]).map((row) => row.map(tableCellOf)),
          roles,
        });
        if (tooLong) throw new WorkbookError(tooLong.message);
        const row = TABLE_FIRST_ROW + index;
        sheet.getRange(`A${row}:${columnLetter(cells.length - 1)}${row}`).values = [cells];
        written.row = row;
        await context.sync(); // 2: write (one range: it lands whole or not at all)
        return roleWritten(index + 1, cells);
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (written.row === undefined) {
        throw new WorkbookError(`Could not add the role: ${reason}.`, { cause: error });
      }
      return this.confirmRole(written.row, cells, reason, error);
    }
  }

  /** After a failed role write: reads the line back, so the answer says what the sheet holds. */
  private async confirmRole(
    row: number,
    cells: readonly (string | number)[],
    reason: string,
    cause: unknown,
  ): Promise<{ line: number } & Undoable> {
    const line = row - TABLE_FIRST_ROW + 1;
    let found: unknown[];
    try {
      found = await this.run(async (context) => {
        const range = context.workbook.worksheets
          .getItem(ROLES_SHEET)
          .getRange(`A${row}:${columnLetter(cells.length - 1)}${row}`);
        range.load("values");
        await context.sync();
        return firstRow(range.values);
      });
    } catch (readError) {
      throw new WorkbookError(
        `Could not add the role: ${reason}, and reading line ${line} of the ${ROLES_SHEET} sheet back failed too (${reasonOf(readError)}).`,
        {
          cause,
          changed: "unknown",
          check: `Look at line ${line} of the ${ROLES_SHEET} sheet: if the role is there, it was added. Adding it again will not repeat it.`,
        },
      );
    }
    // The batch landed and only its reply was lost: the role is there, once.
    if (isSameRow(found, cells)) return roleWritten(line, cells);
    if (isBlankRow(found)) {
      throw new WorkbookError(`Could not add the role: ${reason}.`, { cause });
    }
    throw new WorkbookError(
      `Could not add the role: ${reason}. Line ${line} of the ${ROLES_SHEET} sheet now holds something else.`,
      {
        cause,
        changed: "unknown",
        check: `Look at line ${line} of the ${ROLES_SHEET} sheet before adding the role again.`,
      },
    );
  }

  async readCrewLines(): Promise<BudgetLine[]> {
    try {
      return await this.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        const body = table.getDataBodyRange();
        body.load("values, rowIndex");
        const sheet = context.workbook.worksheets.getItemOrNullObject(BUDGET_SHEET);
        sheet.load("isNullObject");
        const header = sheet.getRange(`A${HEADER_ROW}:${lastBudgetColumn()}${HEADER_ROW}`);
        header.load("values");
        const tables = sheet.tables;
        tables.load("items/name");
        await context.sync();
        if (!table.isNullObject) return crewLinesFromCells(body.values, body.rowIndex + 1);
        // No budget yet: no lines. But a budget whose table was renamed, or is a plain range now,
        // is said, rather than read as no lines (a card update's review would trust that).
        if (sheet.isNullObject) return [];
        const renamed = await budgetTablesByHeader(
          context,
          tables.items.map((t) => t.name),
        );
        if (renamed.length === 1) throw renamedTableProblem(renamed[0]!);
        if (renamed.length > 1) {
          throw new WorkbookError(
            `The ${BUDGET_SHEET} sheet has ${renamed.length} tables with CrewRate's columns (${renamed.join(", ")}) and none is called ${BUDGET_TABLE}, so CrewRate cannot tell which holds the budget. Rename that one to ${BUDGET_TABLE} (Table Design > Table Name).`,
          );
        }
        if (!isBudgetHeader(firstRow(header.values))) return [];
        throw new WorkbookError(
          `The ${BUDGET_SHEET} sheet holds a CrewRate budget that is no longer an Excel table named ${BUDGET_TABLE}, so CrewRate cannot read its lines. Click in its header (row ${HEADER_ROW}), choose Insert > Table (My table has headers), then Table Design > Table Name: ${BUDGET_TABLE}. Nothing in the budget is lost.`,
        );
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(`Could not read the budget's crew lines: ${reasonOf(error)}.`, {
        cause: error,
      });
    }
  }

  /**
   * Puts right what a RepairableProblem named. A renamed budget table gets its name back in one
   * write (its header is checked first: nothing else changes). A missing Settings sheet is made
   * again by the set-up, with the default settings, and the settings' names that pointed at the
   * deleted sheet (=#REF!) are pointed at the new one, so the crew lines' formulas read it.
   */
  async repair(repair: BudgetRepair): Promise<void> {
    if (repair.kind === "rename-table") return this.renameBudgetTable(repair.table);
    const done = await this.setUpBudget();
    if (!done.sheets.includes(SETTINGS_SHEET)) {
      throw new WorkbookError(
        `The ${SETTINGS_SHEET} sheet is there, so there is nothing to rebuild: Refresh reads it.`,
      );
    }
  }

  /** Gives the budget table found under `from` its name back: one check, one rename. */
  private async renameBudgetTable(from: string): Promise<void> {
    const failed = `Could not rename the table "${from}" to ${BUDGET_TABLE}`;
    const written: { rename?: true } = {};
    try {
      await this.run(async (context) => {
        const tables = context.workbook.tables;
        const current = tables.getItemOrNullObject(BUDGET_TABLE);
        current.load("isNullObject");
        const table = tables.getItemOrNullObject(from);
        table.load("isNullObject");
        table.worksheet.load("name");
        const header = table.getHeaderRowRange();
        header.load("values");
        await context.sync(); // 1: read
        if (!current.isNullObject) {
          if (table.isNullObject) return; // renamed already (a retry after a lost reply)
          throw new WorkbookError(
            `${failed}: the workbook has a ${BUDGET_TABLE} table already. Rename or delete one of them (Table Design > Table Name), then Refresh.`,
          );
        }
        if (table.isNullObject) {
          throw new WorkbookError(
            `${failed}: there is no table called "${from}" any more. Refresh to look again.`,
          );
        }
        if (table.worksheet.name !== BUDGET_SHEET || !isBudgetHeader(firstRow(header.values))) {
          throw new WorkbookError(
            `${failed}: it is no longer a CrewRate budget table on the ${BUDGET_SHEET} sheet (its columns or its sheet changed). Refresh to look again.`,
          );
        }
        table.name = BUDGET_TABLE;
        written.rename = true;
        await context.sync(); // 2: write (one property: it lands or it does not)
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (!written.rename) throw new WorkbookError(`${failed}: ${reason}.`, { cause: error });
      await this.confirmTableName(from, `${failed}: ${reason}.`, error);
    }
  }

  /** After a failed rename: reads which name the table has, so the answer says what is there. */
  private async confirmTableName(from: string, failed: string, cause: unknown): Promise<void> {
    let renamed: boolean;
    try {
      renamed = await this.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        await context.sync();
        return !table.isNullObject;
      });
    } catch (readError) {
      throw new WorkbookError(`${failed} Reading it back failed too (${reasonOf(readError)}).`, {
        cause,
        changed: "unknown",
        check: `Click in the budget's table: Table Design > Table Name says "${from}" or ${BUDGET_TABLE}.`,
      });
    }
    if (renamed) return; // it landed; only the reply was lost
    throw new WorkbookError(`${failed} Nothing was changed.`, { cause });
  }

  /**
   * The selected cells' values and address, in one sync. Excel refuses a selection of several
   * blocks, or a chart or shape, at that sync: the message asks for one block of cells.
   */
  async readSelection(): Promise<SelectedCells> {
    let read: SelectedCells;
    try {
      read = await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("values, address");
        await context.sync();
        return { address: range.address, rows: range.values };
      });
    } catch (error) {
      throw new WorkbookError(
        `Could not read the selected cells: ${reasonOf(error)}. Select one block of cells (the crew list's rows), then try again.`,
        { cause: error },
      );
    }
    const problem = selectionProblem(read.rows, read.address);
    if (problem) throw new WorkbookError(problem);
    return read;
  }

  /**
   * Keeps the sheets' look in step with their content, in one batch of writes and none when
   * nothing changed since this pane's last call: hides the topsheet's rows of accounts no crew line
   * rolls up to, or shows every row, as the Topsheet accounts setting says (budget/topsheetView.ts),
   * and sets each printed sheet's print area to its own columns through its last line (the
   * production sheets' Status formulas run 200 rows down; the Budget's wages spill and the
   * topsheet's account sums stand beside their columns). A print area the producer set to
   * something else is theirs and stays. Never selects, activates or focuses anything; totals do
   * not depend on it. Sheets that are not there are left out.
   */
  async fitSheets(): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const print = setupPrintContext();
      const canPrint = supportsExcelApi("1.9");
      // On a sheet that does not exist the ranges are null objects too; read only if it does.
      const probe = (name: string, address: string) => {
        const sheet = sheets.getItemOrNullObject(name);
        sheet.load("isNullObject");
        const range = sheet.getRange(address);
        range.load("values");
        const printed = canPrint ? sheet.pageLayout.getPrintAreaOrNullObject() : undefined;
        printed?.load("isNullObject, address");
        return { name, sheet, range, printed };
      };
      const topsheet = probe(TOPSHEET_SHEET, `A1:G${TOPSHEET_READ_ROWS}`);
      const setting = probe(SETTINGS_SHEET, `B${settingRow("TopsheetAccounts")}`);
      const tables = PRODUCTION_SHEETS.map((spec) =>
        probe(
          spec.sheet,
          `A1:${columnLetter(spec.columns.length - 1)}${TABLE_FIRST_ROW + TABLE_LINES - 1}`,
        ),
      );
      const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
      table.load("isNullObject");
      // The whole table, header to totals row (or last line when its totals row is turned off).
      const tableRange = table.getRange();
      tableRange.load("rowIndex, rowCount");
      const budget = probe(BUDGET_SHEET, "A1");
      await context.sync(); // 1: read

      const view = topsheet.sheet.isNullObject
        ? undefined
        : topsheetView(
            topsheet.range.values,
            setting.sheet.isNullObject ? "all" : firstRow(setting.range.values)[0],
          );
      const areas: { sheet: Excel.Worksheet; area: string }[] = [];
      const add = (
        at: ReturnType<typeof probe>,
        lastRow: (p: SheetPresentation) => number | undefined,
      ) => {
        const p = sheetPresentation(at.name, print);
        if (!canPrint || !p || at.sheet.isNullObject) return;
        const last = lastRow(p);
        if (last === undefined) return;
        const area = printArea(p, last);
        // None yet, or one of CrewRate's (A1 to the sheet's last column): a producer's own stays.
        const now = at.printed?.isNullObject === false ? at.printed.address : undefined;
        if (now === undefined || isCrewRateArea(now, area)) areas.push({ sheet: at.sheet, area });
      };
      // The Budget through its table's last row (the title and note rows above it print too);
      // the others through their last line.
      if (!table.isNullObject) add(budget, () => tableRange.rowIndex + tableRange.rowCount);
      for (const at of [topsheet, ...tables]) {
        add(at, (p) => lastPrintedRow(at.name, at.range.values, p.columns.length));
      }
      const state = JSON.stringify([view?.hide, areas.map((a) => a.area)]);
      if (state === this.fittedSheets) return;
      if (view) {
        for (const [rows, hide] of [
          [view.show, false],
          [view.hide, true],
        ] as const) {
          for (const { first, last } of rowRuns(rows)) {
            topsheet.sheet.getRange(`A${first}:A${last}`).rowHidden = hide;
          }
        }
      }
      for (const { sheet, area } of areas) sheet.pageLayout.setPrintArea(area);
      await context.sync(); // 2: write
      this.fittedSheets = state;
    });
  }

  /** Edits on the budget's sheets, through Excel's worksheet change events (changeEvents.ts). */
  subscribe(listener: () => void): () => void {
    return watchSheetChanges(listener, {
      run: this.run,
      onProblem: (error) => {
        console.warn(
          `CrewRate cannot follow edits on the sheets (Refresh re-reads them): ${reasonOf(error)}`,
        );
      },
    });
  }

  async setCardVersion(version: string): Promise<void> {
    const address = `B${settingRow("CardVersion")}`;
    // Set just before the write sync: from then on, the version may have changed.
    const written: { previous?: string } = {};
    try {
      await this.run(async (context) => {
        const cell = context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange(address);
        cell.load("values");
        await context.sync(); // 1: read what it was, to tell a lost reply from a failed write
        const previous = cellText(firstRow(cell.values)[0]);
        if (previous === version) return; // a retry after a lost reply: already set
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[version]];
        written.previous = previous;
        await context.sync(); // 2: write
      });
    } catch (error) {
      const reason = reasonOf(error);
      const failed = `Could not set the rate card version on the ${SETTINGS_SHEET} sheet: ${reason}.`;
      if (written.previous === undefined) throw new WorkbookError(failed, { cause: error });
      await this.confirmCardVersion(address, version, written.previous, failed, error);
    }
  }

  /** After a failed version write: reads the cell back, so the answer says what the sheet holds. */
  private async confirmCardVersion(
    address: string,
    version: string,
    previous: string,
    failed: string,
    cause: unknown,
  ): Promise<void> {
    const check = `Look at Rate card version (${SETTINGS_SHEET}!${address}): it says ${previous} or ${version}.`;
    let now: string;
    try {
      now = await this.run(async (context) => {
        const cell = context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange(address);
        cell.load("values");
        await context.sync();
        return cellText(firstRow(cell.values)[0]);
      });
    } catch (readError) {
      throw new WorkbookError(`${failed} Reading it back failed too (${reasonOf(readError)}).`, {
        cause,
        changed: "unknown",
        check,
      });
    }
    if (now === version) return; // it landed; only the reply was lost
    if (now === previous) throw new WorkbookError(failed, { cause });
    throw new WorkbookError(`${failed} The cell now says ${quoteInput(now)}.`, {
      cause,
      changed: "unknown",
      check,
    });
  }

  /**
   * "Compare locations": reads the settings, the budget's lines and the production tables in one
   * sync, then builds the Compare sheet complete under a temporary name tagged with this
   * operation's id, then swaps it in: an earlier Compare sheet is renamed aside, the new one takes
   * the name, and only then is the earlier one deleted. A fault while building deletes what this
   * operation made (the earlier sheet was never touched); a fault while swapping finishes the
   * swap, since the new sheet is complete by then. The Budget is only read.
   */
  async writeCompareSheet(
    regions: readonly string[],
    hiring: Hiring,
  ): Promise<CompareSheetResult & Undoable> {
    const { engine } = this.options;
    assert(engine, "writeCompareSheet needs the ExcelWorkbook's engine option");
    const op = this.options.operationId?.() ?? operationId();
    const names: CompareNames = {
      building: `CrewRate ${op} new compare`,
      aside: `CrewRate ${op} old compare`,
    };
    const progress: { phase: "read" | "build" | "swap" } = { phase: "read" };
    let planned: { sheet: CompareSheet; replaced: boolean } | undefined;
    try {
      await this.run(async (context) => {
        const workbook = context.workbook;
        const worksheets = workbook.worksheets;
        worksheets.load("items/name");
        const settingsSheet = worksheets.getItemOrNullObject(SETTINGS_SHEET);
        settingsSheet.load("isNullObject");
        const settingsRange = settingsSheet.getRange(settingsValueBlock());
        settingsRange.load("values");
        const table = workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        const body = table.getDataBodyRange();
        body.load("values, rowIndex");
        const production = [OVERRIDES_SHEET, ROLES_SHEET].map((name) => {
          const sheet = worksheets.getItemOrNullObject(name);
          sheet.load("isNullObject");
          const range = sheet.getRange(tableBlock(name));
          range.load("values");
          return { sheet, range };
        });
        const earlier = worksheets.getItemOrNullObject(COMPARE_SHEET);
        earlier.load("isNullObject");
        await context.sync(); // 1: read

        if (settingsSheet.isNullObject || table.isNullObject) {
          throw new WorkbookError(
            `There is no budget to compare yet: insert crew lines first (the pane creates the budget sheets), then compare again.`,
          );
        }
        const settings = settingsFromCells(settingsRange.values);
        const tableRows = (t: (typeof production)[number] | undefined) =>
          !t || t.sheet.isNullObject ? [] : (t.range.values as ProductionTables["roles"]);
        const sheet = planCompareSheet(engine, {
          lines: crewLinesFromCells(body.values, body.rowIndex + 1),
          settings,
          tables: { overrides: tableRows(production[0]), roles: tableRows(production[1]) },
          regions,
          hiring,
        });
        planned = { sheet, replaced: !earlier.isNullObject };
        // Sheets an earlier comparison left behind when even its own recovery failed (by their tag).
        const leftovers = worksheets.items
          .map((s) => s.name)
          .filter((name) => COMPARE_TAG.test(name));

        // Build: the new sheet, complete, under a name no one else uses.
        progress.phase = "build";
        const copy = worksheets.add(names.building);
        const block = blockAddress(1, sheet.rows);
        const presentation = comparePresentation(
          {
            title: BUDGET_TITLE,
            cardVersion: settings.cardVersion,
            budgetDate: settings.budgetDate,
          },
          sheet.rows[COMPARE_HEADER_ROW - 1]?.map(String),
          sheet.percentRows,
        );
        // Formats before formulas: money and percentages below the header, the rest General.
        copy.getRange(block).numberFormat = sheet.rows.map((row, r) =>
          row.map((_, c) => cellFormat(presentation, r + 1, c) ?? null),
        );
        copy.getRange(block).formulas = sheet.rows;
        presentSheet(copy, COMPARE_SHEET, sheet.rows, presentation);
        await context.sync(); // 2: build

        // Swap: the earlier sheet aside, the new one to its name; then the earlier one goes.
        progress.phase = "swap";
        if (!earlier.isNullObject) earlier.name = names.aside;
        copy.name = COMPARE_SHEET;
        await context.sync(); // 3: swap names
        if (!earlier.isNullObject) worksheets.getItem(names.aside).delete();
        for (const name of leftovers) worksheets.getItem(name).delete();
        if (!earlier.isNullObject || leftovers.length > 0) {
          await context.sync(); // 4: the earlier sheet goes
        }
      });
    } catch (error) {
      if (error instanceof WorkbookError || isRateError(error)) throw error;
      const reason = reasonOf(error);
      if (progress.phase === "read" || planned === undefined) {
        throw new WorkbookError(`Could not read the budget to compare: ${reason}.`, {
          cause: error,
        });
      }
      if (progress.phase === "build") return this.undoCompareBuild(names, reason, error);
      await this.finishCompareSwap(names, reason, error);
    }
    assert(planned, "writeCompareSheet planned the sheet before writing it");
    const result = compareSheetResult(planned.sheet, planned.replaced);
    // A sheet that replaced an earlier one cannot be undone: the earlier one is gone.
    if (planned.replaced) return result;
    const undo: SheetsUndo = {
      kind: "compare-sheet",
      sheets: [{ name: COMPARE_SHEET, fingerprint: fingerprint(planned.sheet.rows) }],
    };
    return { ...result, undo };
  }

  /** After a fault while building the Compare sheet: deletes the sheet this operation added. */
  private async undoCompareBuild(
    names: CompareNames,
    reason: string,
    cause: unknown,
  ): Promise<never> {
    const failed = `Could not write the ${COMPARE_SHEET} sheet: ${reason}.`;
    try {
      await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(names.building);
        sheet.load("isNullObject");
        await context.sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await context.sync();
      });
    } catch (undoError) {
      throw new WorkbookError(
        `${failed} Taking back the part that may have landed failed too (${reasonOf(undoError)}).`,
        {
          cause,
          changed: "unknown",
          check: `Delete the sheet "${names.building}" if it is there; your ${BUDGET_SHEET} and any earlier ${COMPARE_SHEET} sheet were not touched. Then compare again.`,
        },
      );
    }
    // The undo found the sheet this operation added, or none, and left the workbook as it was.
    throw new WorkbookError(`${failed} Nothing was changed.`, { cause });
  }

  /**
   * After a fault while swapping: the new Compare sheet is complete, so the swap is finished rather
   * than undone. Reads which sheets are there; while the new one still has its temporary name, the
   * earlier ones go first and then it takes the name, so a Compare sheet, new or old, is always
   * there.
   */
  private async finishCompareSwap(
    names: CompareNames,
    reason: string,
    cause: unknown,
  ): Promise<void> {
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const present = new Set(worksheets.items.map((sheet) => sheet.name));
        const isBuilt = present.has(names.building);
        // Without the temporary name the new sheet is Compare; either way an earlier one goes.
        const earlier = [names.aside, ...(isBuilt ? [COMPARE_SHEET] : [])].filter((n) =>
          present.has(n),
        );
        for (const name of earlier) worksheets.getItem(name).delete();
        if (earlier.length > 0) await context.sync();
        if (!isBuilt) return;
        worksheets.getItem(names.building).name = COMPARE_SHEET;
        await context.sync();
      });
    } catch (finishError) {
      throw new WorkbookError(
        `The ${COMPARE_SHEET} sheet is written, but putting it in place failed: ${reason}, then ${reasonOf(finishError)}.`,
        {
          cause,
          changed: "yes",
          check: `Your ${BUDGET_SHEET} is untouched. The new comparison is complete: it is the sheet "${names.building}" if there is one, otherwise "${COMPARE_SHEET}"; a sheet "${names.aside}" is the earlier one. Compare again to tidy them up, or rename and delete them by hand.`,
        },
      );
    }
  }

  /**
   * Builds the new copies under temporary names tagged with this operation's id, then swaps them
   * in: the earlier copies are renamed aside, the new ones take the final names, and only then are
   * the earlier ones deleted. A fault while building takes away what this operation made (found by
   * its tag, or as Excel's own "Budget (2)" name for a sheet that was not there before); a fault
   * while swapping finishes the swap, since the new copies are complete by then.
   */
  async shareAsValues(): Promise<SharedCopy> {
    const op = this.options.operationId?.() ?? operationId();
    const names = SHARED_SHEETS.map(({ source, copy }, i) => ({
      source,
      copy,
      building: `CrewRate ${op} new ${i + 1}`,
      aside: `CrewRate ${op} old ${i + 1}`,
    }));
    const copies = names.map((n) => n.copy);
    // What the workbook held before the build batch, and how far the write got.
    const progress: { before?: string[]; phase: "read" | "build" | "swap" } = { phase: "read" };
    // What the new copies hold (for the pane's Undo), and whether they replace earlier ones.
    const made: { sheets: SheetsUndo["sheets"]; replaced: boolean } = {
      sheets: [],
      replaced: false,
    };
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        // Read: the sheets to copy (their used ranges' formulas and values), the settings for the
        // note, and earlier copies to replace.
        const sources = names.map((n) => {
          const sheet = worksheets.getItemOrNullObject(n.source);
          sheet.load("isNullObject");
          const used = sheet.getUsedRange();
          used.load("formulas, values, rowIndex, columnIndex");
          const earlier = worksheets.getItemOrNullObject(n.copy);
          earlier.load("isNullObject");
          return { ...n, sheet, used, earlier };
        });
        const settingsSheet = worksheets.getItemOrNullObject(SETTINGS_SHEET);
        settingsSheet.load("isNullObject");
        const settingsRange = settingsSheet.getRange(settingsValueBlock());
        settingsRange.load("values");
        await context.sync(); // 1: read

        const missing = [
          ...sources.map((s) => ({ name: s.source, sheet: s.sheet })),
          { name: SETTINGS_SHEET, sheet: settingsSheet },
        ].filter((s) => s.sheet.isNullObject);
        if (missing.length === 1 && missing[0]?.name === SETTINGS_SHEET) {
          // A budget whose Settings sheet was deleted: the values would be its errors.
          throw missingSettingsProblem(true, "");
        }
        if (missing.length > 0) {
          throw new WorkbookError(
            `There is no ${orList(missing.map((s) => s.name))} sheet to share yet. Insert crew lines first (the pane creates the budget sheets), then try again.`,
          );
        }
        const settings = settingsFromCells(settingsRange.values);
        const plans = sources.map((s) => ({
          ...s,
          writes: valueWrites(s.used.formulas, s.used.values, s.used.rowIndex, s.used.columnIndex),
        }));
        const before = worksheets.items.map((sheet) => sheet.name);
        // Sheets an earlier share left behind when even its own recovery failed: by their tag,
        // or, for a copy the fault left under Excel's name, by this pane's memory of that share.
        const earlierShare = this.unfinishedShare;
        const leftovers = before.filter(
          (name) =>
            SHARE_TAG.test(name) ||
            (earlierShare !== undefined &&
              !earlierShare.includes(name) &&
              names.some((n) => excelCopyName(n.source).test(name))),
        );
        made.replaced = sources.some((s) => !s.earlier.isNullObject);
        made.sheets = plans.map((plan) => ({
          name: plan.copy,
          fingerprint: copyFingerprint(
            plan.used,
            plan.writes,
            plan.source === BUDGET_SHEET ? valuesNote(settings) : undefined,
          ),
        }));

        // Build: the new copies, complete, under names no one else uses.
        progress.before = before;
        progress.phase = "build";
        const built = plans.map((plan) => {
          const copy = plan.sheet.copy("End");
          copy.name = plan.building;
          for (const write of plan.writes) {
            const range = copy.getRange(write.address);
            if (write.kind === "values") range.values = [write.cells];
            else range.formulas = [write.cells];
          }
          if (plan.source === BUDGET_SHEET) copy.getRange("A2").values = [[valuesNote(settings)]];
          return { plan, copy };
        });
        await context.sync(); // 2: build

        // Swap: earlier copies aside, new ones to their names; then the earlier ones go.
        progress.phase = "swap";
        for (const { plan } of built) {
          if (!plan.earlier.isNullObject) plan.earlier.name = plan.aside;
        }
        for (const { plan, copy } of built) copy.name = plan.copy;
        await context.sync(); // 3: swap names
        for (const { plan } of built) {
          if (!plan.earlier.isNullObject) worksheets.getItem(plan.aside).delete();
        }
        for (const name of leftovers) worksheets.getItem(name).delete();
        if (built.some((b) => !b.plan.earlier.isNullObject) || leftovers.length > 0) {
          await context.sync(); // 4: the earlier copies go
        }
        this.unfinishedShare = undefined;
      });
      return sharedCopy(copies, made);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (progress.phase === "read" || progress.before === undefined) {
        throw new WorkbookError(`Could not make the values copy: ${reason}.`, { cause: error });
      }
      if (progress.phase === "build") {
        return this.undoShareBuild(names, progress.before, reason, error);
      }
      await this.finishShareSwap(names, reason, error);
      return sharedCopy(copies, made);
    }
  }

  /**
   * After a fault while building: deletes the sheets this share made, which are the sheets that
   * were not there before and carry its tag or Excel's copy name ("Budget (2)"), then reports.
   */
  private async undoShareBuild(
    names: readonly ShareNames[],
    before: readonly string[],
    reason: string,
    cause: unknown,
  ): Promise<never> {
    const failed = `Could not make the values copy: ${reason}.`;
    const ours = (name: string) =>
      !before.includes(name) &&
      names.some((n) => name === n.building || excelCopyName(n.source).test(name));
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const made = worksheets.items.map((sheet) => sheet.name).filter(ours);
        for (const name of made) worksheets.getItem(name).delete();
        if (made.length > 0) await context.sync();
      });
    } catch (undoError) {
      // The first such share's list: a copy it left is not in it, whatever later shares saw.
      this.unfinishedShare ??= before;
      const look = names.map((n) => `${n.building} or ${n.source} (2)`).join(", ");
      throw new WorkbookError(
        `${failed} Taking back the part that may have landed failed too (${reasonOf(undoError)}).`,
        {
          cause,
          changed: "unknown",
          check: `Share again from this pane and CrewRate deletes what this share left; or delete any sheet named ${look} that was not there before. Your Budget, Topsheet and earlier values copies were not touched.`,
        },
      );
    }
    // The undo read the sheet list and took away exactly what this share made.
    throw new WorkbookError(failed, { cause });
  }

  /**
   * After a fault while swapping: the new copies are complete, so the swap is finished rather
   * than undone. Reads which names are where, then puts each new copy under its final name and
   * deletes the earlier copy it replaces.
   */
  private async finishShareSwap(
    names: readonly ShareNames[],
    reason: string,
    cause: unknown,
  ): Promise<void> {
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const present = new Set(worksheets.items.map((sheet) => sheet.name));
        let changes = 0;
        // The earlier copy goes only where its new copy is there to take its name.
        for (const n of names) {
          if (present.has(n.aside) && (present.has(n.building) || present.has(n.copy))) {
            worksheets.getItem(n.aside).delete();
            changes++;
          }
          if (present.has(n.building) && present.has(n.copy)) {
            worksheets.getItem(n.copy).delete();
            changes++;
          }
        }
        if (changes > 0) await context.sync();
        const renames = names.filter((n) => present.has(n.building));
        for (const n of renames) worksheets.getItem(n.building).name = n.copy;
        if (renames.length > 0) await context.sync();
      });
    } catch (finishError) {
      const building = names.map((n) => `${n.building} → ${n.copy}`).join(", ");
      throw new WorkbookError(
        `The values copy is made, but putting it in place failed: ${reason}, then ${reasonOf(finishError)}.`,
        {
          cause,
          changed: "yes",
          check: `Your Budget and Topsheet are untouched. The new copies are complete: a sheet still named ${orList(names.map((n) => `"${n.building}"`))} is one (${building}), and one named "… old …" is an earlier copy. Share again to tidy them up, or rename and delete them by hand.`,
        },
      );
    }
  }

  /**
   * Takes back one pane write (its result's `undo`): crew lines with the rows and table lines that
   * came with them, a role, a values copy or Compare sheet, a card version. One read checks that
   * all of it still holds what the write left, refusing with nothing changed where someone has
   * changed it; one write takes it back. Every step can be done again, so after a fault in that
   * write a second run reads what is there and finishes the undo, and the answer says what is left.
   */
  async undoWrite(undo: WriteUndo): Promise<void> {
    const failed = `Could not undo ${undoWhat(undo)}`;
    const written: { write?: true } = {};
    try {
      await this.run((context) => undoBatch(context, undo, failed, written));
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (!written.write) throw new WorkbookError(`${failed}: ${reason}.`, { cause: error });
      await this.finishUndo(undo, `${failed}: ${reason}`, error);
    }
  }

  /** After a fault in an undo's write: reads what is there and does the rest. */
  private async finishUndo(undo: WriteUndo, failed: string, cause: unknown): Promise<void> {
    try {
      await this.run((context) => undoBatch(context, undo, failed, {}));
    } catch (finishError) {
      const why =
        finishError instanceof WorkbookError ? finishError.message : reasonOf(finishError);
      throw new WorkbookError(`${failed}, and finishing it failed too (${why}).`, {
        cause,
        changed: "unknown",
        check: undoCheck(undo),
      });
    }
  }

  /** Takes away the rows a failed append may have left, then reports the failure. */
  private async undoAppend(undo: AppendUndo, reason: string, cause: unknown): Promise<never> {
    try {
      await this.run((context) => takeOutAppend(context, undo));
    } catch (undoError) {
      // Taken out before this pane inserts again, where the rows still hold what was written.
      this.unfinishedAppend = undo;
      const why = undoError instanceof WorkbookError ? undoError.message : reasonOf(undoError);
      throw new WorkbookError(
        `Could not add the crew lines: ${reason}, and taking back the part that may have landed failed too (${why}).`,
        {
          cause,
          changed: "unknown",
          check: `Insert again from this pane: CrewRate first takes out what landed of these lines (unless they were edited since). Or check the ${BUDGET_TABLE} table on the ${BUDGET_SHEET} sheet for incomplete lines and delete them.`,
        },
      );
    }
    throw new WorkbookError(`Could not add the crew lines: ${reason}. Nothing was changed.`, {
      cause,
    });
  }

  /**
   * Before an insert: takes out what an earlier insert's failed batch left when its own undo
   * failed too. Lines edited since are left to the producer, and said so.
   */
  private async takeOutUnfinishedAppend(undo: AppendUndo): Promise<void> {
    try {
      await this.run((context) => takeOutAppend(context, undo));
      this.unfinishedAppend = undefined;
    } catch (error) {
      if (error instanceof WorkbookError) {
        this.unfinishedAppend = undefined; // edited since: never taken out, the producer's call
        throw new WorkbookError(
          `Could not add the crew lines: the lines an earlier insert left incomplete were not taken out, because ${error.message}. Delete them by hand if they are not wanted, then insert again. Nothing was changed.`,
          { cause: error },
        );
      }
      throw new WorkbookError(
        `Could not add the crew lines: taking out the lines an earlier insert left incomplete failed (${reasonOf(error)}).`,
        {
          cause: error,
          changed: "unknown",
          check: `Insert again to finish taking them out, or check the ${BUDGET_TABLE} table for incomplete lines.`,
        },
      );
    }
  }

  /**
   * Runs the take-back an earlier try of a write left unfinished (after two faults), before the
   * write tries again. @throws WorkbookError ("changed: unknown") when it fails once more
   */
  private async finishTakeBack(
    takeBack: (context: Excel.RequestContext) => Promise<void>,
    failed: string,
  ): Promise<void> {
    try {
      await this.run(takeBack);
    } catch (error) {
      throw new WorkbookError(`${failed} (${reasonOf(error)}).`, {
        cause: error,
        changed: "unknown",
        check: `Try again; or check the ${BUDGET_SHEET}, ${TOPSHEET_SHEET} and ${SETTINGS_SHEET} sheets against a saved copy.`,
      });
    }
  }

  /** Takes away what a failed ensureBudget may have created, then reports the failure. */
  private async undoSetup(undo: SetupUndo, reason: string, cause: unknown): Promise<never> {
    try {
      await this.run((context) => takeBackSetup(context, undo));
    } catch (undoError) {
      this.unfinishedSetup = undo; // taken back before this pane sets up again
      throw new WorkbookError(
        `Could not set up the budget sheets: ${reason}, and taking back the part that may have landed failed too (${reasonOf(undoError)}).`,
        {
          cause,
          changed: "unknown",
          check: `Try again from this pane: CrewRate first takes back what this set-up left on the ${BUDGET_SHEET}, ${TOPSHEET_SHEET} and ${SETTINGS_SHEET} sheets (so do not type there before), then sets up afresh.`,
        },
      );
    }
    throw new WorkbookError(`Could not set up the budget sheets: ${reason}. Nothing was changed.`, {
      cause,
    });
  }
}

/** An added role, with what the pane's Undo needs to take it back. */
function roleWritten(
  line: number,
  cells: readonly (string | number)[],
): { line: number } & Undoable {
  return {
    line,
    undo: { kind: "production-role", line: { sheet: ROLES_SHEET, line, cells: [...cells] } },
  };
}

/** A share's answer: its sheets, and the undo unless it replaced earlier copies (gone for good). */
function sharedCopy(
  copies: string[],
  made: { sheets: SheetsUndo["sheets"]; replaced: boolean },
): SharedCopy {
  if (made.replaced || made.sheets.length === 0) return { sheets: copies, replaced: made.replaced };
  return { sheets: copies, replaced: false, undo: { kind: "values-copy", sheets: made.sheets } };
}

/**
 * The fingerprint of a values copy as the share leaves it: the original's used range (a copy
 * holds the same cells) with the share's writes over it, and the note in A2 of the budget's.
 */
function copyFingerprint(
  used: { formulas: unknown[][]; rowIndex: number; columnIndex: number },
  writes: readonly ValueWrite[],
  note: string | undefined,
): string {
  const cells = new Map<string, unknown>();
  const at = (row: number, column: number) => `${row}:${column}`;
  used.formulas.forEach((row, r) => {
    row.forEach((cell, c) => cells.set(at(used.rowIndex + r + 1, used.columnIndex + c + 1), cell));
  });
  for (const write of writes) {
    const first = /^([A-Z]+)(\d+)/.exec(write.address);
    if (!first?.[1] || !first[2]) continue;
    const column = columnNumber(first[1]);
    write.cells.forEach((cell, i) => cells.set(at(Number(first[2]), column + i), cell));
  }
  if (note !== undefined) cells.set(at(2, 1), note);
  return fingerprintOf(cells);
}

/** A fingerprint over cells keyed "row:column" (1-based), as the sheet's block would give it. */
function fingerprintOf(cells: ReadonlyMap<string, unknown>): string {
  const keys = [...cells.keys()].map((k) => k.split(":").map(Number) as [number, number]);
  if (keys.length === 0) return fingerprint([]);
  const top = Math.min(...keys.map(([r]) => r));
  const left = Math.min(...keys.map(([, c]) => c));
  const rows: unknown[][] = [];
  for (const [r, c] of keys) {
    const row = (rows[r - top] ??= []);
    row[c - left] = cells.get(`${r}:${c}`);
  }
  return fingerprint(
    Array.from(rows, (row) => Array.from(row ?? [])),
    top,
    left,
  );
}

/** "A" → 1, "AA" → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function settingsValueBlock(): string {
  return `B${SETTINGS_FIRST_ROW}:B${SETTINGS_FIRST_ROW + SETTINGS.length - 1}`;
}

interface SheetProbe {
  sheet: Excel.Worksheet;
  target: Excel.Range;
}

function probeSheet(workbook: Excel.Workbook, name: string, address: string): SheetProbe {
  const sheet = workbook.worksheets.getItemOrNullObject(name);
  sheet.load("isNullObject");
  const target = sheet.getRange(address);
  target.load("formulas, numberFormat");
  return { sheet, target };
}

/** The budget probe's header row (row HEADER_ROW of its block), as read. */
function budgetHeaderCells(probe: SheetProbe): unknown[] {
  if (probe.sheet.isNullObject) return [];
  const cells: unknown[][] = probe.target.formulas;
  return cells[HEADER_ROW - 1] ?? [];
}

/** Whether a header row is a CrewRate budget's: this layout's columns, or layout 1's. */
function isBudgetHeader(cells: readonly unknown[]): boolean {
  return rowMatches(cells, COLUMNS) || rowMatches(cells, LAYOUT_1_COLUMNS);
}

/**
 * The tables among `tables` (names) whose header row is a CrewRate budget's, read in one sync:
 * the budget table under another name.
 */
async function budgetTablesByHeader(
  context: Excel.RequestContext,
  tables: readonly string[],
): Promise<string[]> {
  const headers = tables.map((name) => {
    const header = context.workbook.tables.getItem(name).getHeaderRowRange();
    header.load("values");
    return { name, header };
  });
  await context.sync();
  return headers.filter((h) => isBudgetHeader(firstRow(h.header.values))).map((h) => h.name);
}

/** The budget table found under another name: what happened, and the one action that fixes it. */
function renamedTableProblem(table: string): RepairableProblem {
  return new RepairableProblem(
    `The budget's table on the ${BUDGET_SHEET} sheet is called "${table}" now; CrewRate finds its crew lines by the name ${BUDGET_TABLE}, so it cannot read them or add to them. Give it its name back (only the name changes: every line stays as it is), with the pane's button or in Table Design > Table Name.`,
    { kind: "rename-table", table },
  );
}

/**
 * Why there is no Settings sheet to read, and what fixes it: a budget whose Settings sheet was
 * deleted is offered a rebuild; one renamed is told to rename it back (its names followed it);
 * a workbook with no budget yet is told how to make one.
 * @param hasBudget whether the workbook has the budget table or the settings' names
 * @param region what the Region name refers to now ("" when there is no such name)
 */
function missingSettingsProblem(hasBudget: boolean, region: string): WorkbookError {
  if (!hasBudget) {
    return new WorkbookError(
      `There is no ${SETTINGS_SHEET} sheet yet: create the budget sheets (inserting a crew line does it too).`,
    );
  }
  const moved = /^=?'?(.+?)'?!/.exec(region)?.[1];
  if (moved !== undefined && !isBrokenReference(region)) {
    return new WorkbookError(
      `The ${SETTINGS_SHEET} sheet is called "${moved.replace(/''/g, "'")}" now. Every crew line reads its settings from a sheet named ${SETTINGS_SHEET}: rename that sheet back to ${SETTINGS_SHEET}, then Refresh.`,
    );
  }
  return new RepairableProblem(
    `The budget's ${SETTINGS_SHEET} sheet is gone (deleted?). Every crew line reads Budget date, Region, Budget tier, Hours per day and the weeks from it, so their formulas show errors until it is back. Rebuild it with the default settings (then set your own again), or bring it back from a saved copy.`,
    { kind: "rebuild-settings" },
  );
}

/** A workbook name whose sheet was deleted: "=#REF!$B$2". */
function isBrokenReference(formula: unknown): boolean {
  return cellText(formula).includes("#REF!");
}

/** Missing, empty in the target range, ours, or why CrewRate will not write there. */
function sheetVerdict(
  probe: SheetProbe,
  isOurs: (cells: unknown[][]) => boolean,
  name: string,
  address: string,
): Verdict {
  if (probe.sheet.isNullObject) return "missing";
  const cells: unknown[][] = probe.target.formulas;
  if (isOurs(cells)) return "ours";
  if (cells.every(isBlankRow)) return "empty";
  return {
    problem: `A sheet named ${name} already exists with other content in ${address}, where CrewRate puts its ${name.toLowerCase()}. Rename that sheet (or clear those cells), then try again.`,
  };
}

function isSettingsSheet(cells: unknown[][]): boolean {
  return settingsInPlace(cells) !== undefined;
}

/**
 * How many of the settings a CrewRate Settings sheet holds, in order: all of them, or the first
 * ones when a later CrewRate added rows below (Health contribution) and those rows are still
 * blank. Undefined when the sheet is not CrewRate's Settings sheet.
 */
function settingsInPlace(cells: unknown[][]): number | undefined {
  const expected = settingsRows();
  if (!rowMatches(cells[0], expected[0] ?? [])) return undefined;
  let present = 0;
  while (
    present < SETTINGS.length &&
    rowMatches(cells[present + 1]?.slice(0, 1), expected[present + 1]?.slice(0, 1) ?? [])
  ) {
    present++;
  }
  const rest = cells.slice(present + 1, expected.length);
  return present > 0 && rest.every(isBlankRow) ? present : undefined;
}

/** The topsheet rows fitSheets reads: every chart account and group heading, with room to spare. */
const TOPSHEET_READ_ROWS = 400;

/**
 * Whether a sheet's print area ("Budget!$A$1:$P$14") is one CrewRate set: from A1 to the same
 * last column as `area` ("A1:P20"), whatever its last row.
 */
function isCrewRateArea(address: string, area: string): boolean {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const column = (a: string) => /^A1:([A-Z]+)\d+$/.exec(a)?.[1];
  return column(local) !== undefined && column(local) === column(area);
}

/** Sorted 1-based rows as runs of consecutive rows, for one write each. */
function rowRuns(rows: readonly number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && row === run.last + 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

function isTopsheet(cells: unknown[][]): boolean {
  return rowMatches(cells[TOPSHEET_HEADER_ROW - 1], TOPSHEET_COLUMNS);
}

/** What a production sheet's Status column needs: nothing, to be written. */
type StatusState = "there" | "add";

/**
 * Whether a production sheet's Status column (its cells from the header down, as formulas) is
 * there, can be added (header and lines blank, or lines holding CrewRate's own status formulas),
 * or holds the producer's own content: then it is left alone, and `problems` says where.
 */
function statusVerdict(name: string, cells: unknown[][], problems: string[]): StatusState {
  const [header, ...lines] = cells.map((row) => row[0]);
  if (cellText(header) === STATUS_HEADER) return "there";
  const isOwn = (cell: unknown) =>
    cellText(cell) === "" ||
    (typeof cell === "string" && /^=\s*CREW\.TABLECHECK\(/i.test(cell.trim()));
  const taken = cellText(header) !== "" ? -1 : lines.findIndex((cell) => !isOwn(cell));
  if (cellText(header) === "" && taken < 0) return "add";
  const letter = columnLetter(statusColumn(name));
  const at = taken < 0 ? `${letter}${TABLE_HEADER_ROW}` : `${letter}${TABLE_FIRST_ROW + taken}`;
  const held = taken < 0 ? header : lines[taken];
  problems.push(
    `The ${name} sheet's column ${letter} is where CrewRate shows whether each line checks out (a Status column, ${statusColumnBlock(name)}), but ${at} holds "${cellText(held).slice(0, 40)}". CrewRate leaves it as it is: move that to another column (or clear ${statusColumnBlock(name)}), then try again.`,
  );
  return "there";
}

/** Where the wages spill's label and anchor sit for a table whose header is on `headerRow`. */
function wagesAddress(headerRow: number): string {
  return `${WAGES_COLUMN}${headerRow - 1}:${WAGES_COLUMN}${headerRow}`;
}

/** Queues the loads both opening checks read: the budget table, its header, body formulas and filter. */
function loadBudgetBody(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
  table.load("isNullObject");
  const header = table.getHeaderRowRange();
  header.load("values, rowIndex");
  const body = table.getDataBodyRange();
  body.load("formulas");
  return { table, header, body, filter: loadFilter(table) };
}

/**
 * The 1-based sheet rows of the budget's crew lines whose Fringe holds an earlier CrewRate's
 * formula (isEarlierFringe), from the table's header and body as loaded; undefined when the
 * header is not today's columns.
 */
function earlierFringeRows(
  headerValues: unknown[][],
  headerRowIndex: number,
  bodyFormulas: unknown[][],
): number[] | undefined {
  if (!rowMatches(firstRow(headerValues), COLUMNS)) return undefined;
  const spill: WagesSpill = { anchorRow: headerRowIndex + 1, byIndex: true };
  const fringe = COLUMNS.indexOf("Fringe");
  const role = COLUMNS.indexOf("Role");
  const rows: number[] = [];
  bodyFormulas.forEach((cells, i) => {
    const row = headerRowIndex + 2 + i;
    if (cellText(cells[role]) !== "" && isEarlierFringe(cells[fringe], row, spill)) rows.push(row);
  });
  return rows;
}

/** The wages spill's label and anchor as Excel's table writes them. */
function wagesSpillCells(): string[][] {
  return [[WAGES_LABEL], [excelWagesFormula(BUDGET_TABLE)]];
}

/**
 * Whether the budget still needs its wages spill (a budget from an earlier build): true when the
 * label and anchor cells are empty, false when the spill is there.
 * @throws WorkbookError when something else holds them: the lines' Fringe would misread it
 */
function wagesSpillNeeded(cells: unknown[][], headerRow: number): boolean {
  const [label, anchor] = [cells[0]?.[0], cells[1]?.[0]];
  if (isWagesSpillFormula(anchor)) return false;
  if (cellText(anchor) === "" && (cellText(label) === "" || label === WAGES_LABEL)) return true;
  throw new WorkbookError(
    `Cell ${WAGES_COLUMN}${headerRow} of the ${BUDGET_SHEET} sheet holds ${quoteInput(cellText(anchor))}: CrewRate keeps each line's wages to date there, beside the table (the Fringe column reads it). Move that content elsewhere, then try again.`,
  );
}

/** "=Settings!$B$2", "='Settings'!B2" and "Settings!$B$2" name the same cell. */
function normalizeReference(formula: unknown): string {
  return cellText(formula).replace(/^=/, "").replace(/['$]/g, "").toUpperCase();
}

function rowMatches(
  cells: readonly unknown[] | undefined,
  expected: readonly (string | number)[],
): boolean {
  return cells !== undefined && expected.every((value, i) => cellText(cells[i]) === String(value));
}

/**
 * Whether a line read back holds the row CrewRate wrote: text compared without the apostrophe
 * that keeps it text (Excel does not keep that in the value), numbers as numbers.
 */
function isSameRow(read: readonly unknown[], written: readonly (string | number)[]): boolean {
  return written.every((cell, i) => {
    const value = read[i];
    if (typeof cell === "number") return typeof value === "number" && value === cell;
    const text = cell.startsWith("'") ? cell.slice(1) : cell;
    return (typeof value === "string" ? value : cellText(value)) === text;
  });
}

/** A role title as a clash check compares it: case, spacing and a text apostrophe ignored. */
function titleKey(cell: unknown): string {
  const text = typeof cell === "string" ? cell.replace(/^'/, "") : cellText(cell);
  return normalizeName(text) || text.trim().toLowerCase();
}

/** A cell read from a table as the production tables text holds it. */
function tableCellOf(cell: unknown): TableCell {
  if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") {
    return cell;
  }
  return null;
}

function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((cell) => cell === "" || cell === null || cell === undefined);
}

function reasonOf(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message || error.name
      : typeof error === "object" && error !== null && "message" in error
        ? String(error.message)
        : String(error);
  return message.trim().replace(/\.$/, "");
}

/** The settings from the values of Settings!B2:B9. @throws WorkbookError naming a bad cell */
