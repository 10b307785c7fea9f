/**
 * The WorkbookPort over Excel's JavaScript API: the only code in CrewRate that calls Excel.run.
 *
 * Every operation has the same shape: queue the reads it needs and sync once, decide in plain
 * TypeScript, then queue every write and sync once more. Never a context.sync() in a loop. It
 * refuses (WorkbookError) rather than overwrite a user's cells, and when a write batch fails after
 * Excel may have applied part of it, a second Excel.run undoes what landed before the error is
 * reported.
 */
import { isoToSerial, orList, type ProductionTables } from "../engine";
import {
  blockAddress,
  BUDGET_NOTE,
  BUDGET_SHEET,
  BUDGET_TABLE,
  BUDGET_TITLE,
  columnLetter,
  COLUMNS,
  crewLineRow,
  crewLinesFromCells,
  HEADER_ROW,
  MONEY_COLUMNS,
  MONEY_FORMAT,
  OVERRIDES_SHEET,
  PRODUCTION_SHEETS,
  productionRoleRow,
  rateOverrideRow,
  tableLines,
  blankTableLines,
  productionSheetRows,
  ROLES_SHEET,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  SETTINGS_SHEET,
  settingAddress,
  settingRow,
  settingsFromCells,
  settingsRows,
  SHARED_SHEETS,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LINES,
  tableBlock,
  TOPSHEET_SHEET,
  topsheetRows,
  validateLine,
  valuesNote,
  valueWrites,
  WorkbookError,
  type AppendResult,
  type BudgetLine,
  type BudgetSettings,
  type CrewLineInput,
  type ProductionRoleInput,
  type SettingSpec,
  type SharedCopy,
  type TableAdditions,
  type WorkbookPort,
} from "../budget";
import { bringAddinAlong, type StartupHost } from "./documentStartup";

/** Excel.run's batch form; `Excel.run` itself fits, and tests pass an office-addin-mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
}

export const TOPSHEET_CHART = "CrewRateSpend";
const TOPSHEET_HEADER_ROWS = 1;
const SETTINGS_DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";

type SheetState = "missing" | "empty" | "ours";
type Verdict = SheetState | { problem: string };

/** What a failed ensureBudget write batch may have left behind, so it can be taken away again. */
interface SetupUndo {
  addedSheets: string[];
  /** Ranges on sheets that existed and were empty there: emptied again. */
  filledRanges: { sheet: string; address: string }[];
  addedNames: string[];
  tableOnExistingSheet: boolean;
  chartOnExistingSheet: boolean;
}

/** What a failed appendCrewLines write batch may have left behind. */
interface AppendUndo {
  /** Table rows before the batch. */
  rowCount: number;
  /** Rows the batch asked rows.add for. */
  rowsAdded: number;
  /** Whether the first line went into the blank row Excel gives a new table. */
  filledBlankRow: boolean;
  /** Production-table lines written with the crew lines (blank before): cleared again. */
  tableCells: { sheet: string; address: string }[];
}

export class ExcelWorkbook implements WorkbookPort {
  readonly hostName = "Excel";
  private readonly departments: readonly { name: string; account: string }[];
  private readonly run: ExcelRun;
  private readonly options: ExcelWorkbookOptions;

  constructor(options: ExcelWorkbookOptions) {
    this.departments = options.departments.map((d) => ({ name: d.name, account: d.account }));
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.options = options;
  }

  async ensureBudget(): Promise<void> {
    await this.setUpBudget();
    const { startup, onStartupProblem } = this.options;
    if (!startup) return;
    const problems = await bringAddinAlong(startup);
    if (problems.length > 0) onStartupProblem?.(problems);
  }

  private async setUpBudget(): Promise<void> {
    // Set just before the write sync: from then on, part of the batch may have landed.
    const written: { undo?: SetupUndo } = {};
    try {
      await this.run(async (context) => {
        const workbook = context.workbook;
        const settingsBlock = blockAddress(1, settingsRows());
        const topRows = topsheetRows(this.departments);
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
          return { spec, rows, block, probe: probeSheet(workbook, spec.sheet, block) };
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
        await context.sync();

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
        let budgetState: SheetState;
        if (table.isNullObject) {
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
        const missingNames: SettingSpec[] = [];
        for (const { spec, item } of names) {
          if (item.isNullObject) {
            missingNames.push(spec);
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
          missingNames.length === 0
        ) {
          return; // Everything is there: leave it alone.
        }

        // Write: everything that is missing, in one batch.
        const pending: SetupUndo = {
          addedSheets: [],
          filledRanges: [],
          addedNames: [],
          tableOnExistingSheet: false,
          chartOnExistingSheet: false,
        };
        const sheetFor = (name: string, probe: SheetProbe, state: SheetState, block: string) => {
          if (state === "missing") {
            pending.addedSheets.push(name);
            return workbook.worksheets.add(name);
          }
          pending.filledRanges.push({ sheet: name, address: block });
          return probe.sheet;
        };

        if (budgetState !== "ours") {
          const sheet = sheetFor(BUDGET_SHEET, budget, budgetState, budgetBlock);
          pending.tableOnExistingSheet = budgetState === "empty";
          writeBudget(sheet);
        }
        if (topsheetState !== "ours") {
          const sheet = sheetFor(TOPSHEET_SHEET, topsheet, topsheetState, topBlock);
          pending.chartOnExistingSheet = topsheetState === "empty" && this.departments.length > 0;
          writeTopsheet(sheet, topRows, this.departments.length);
        }
        // Before the settings: their production tables formula refers to these sheets.
        production.forEach((p, i) => {
          const state = productionStates[i]!;
          if (state === "ours") return;
          writeProductionSheet(sheetFor(p.spec.sheet, p.probe, state, p.block), p.rows);
        });
        let settingsSheet = settings.sheet;
        if (settingsState !== "ours") {
          settingsSheet = sheetFor(SETTINGS_SHEET, settings, settingsState, settingsBlock);
          writeSettings(settingsSheet, settingsBlock);
        }
        for (const spec of missingNames) {
          workbook.names.add(
            spec.name,
            settingsSheet.getRange(`B${settingRow(spec.name)}`),
            spec.label,
          );
          pending.addedNames.push(spec.name);
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
  }

  async readSettings(): Promise<BudgetSettings> {
    let cells: unknown[][];
    try {
      cells = await this.run(async (context) => {
        const range = context.workbook.worksheets
          .getItem(SETTINGS_SHEET)
          .getRange(settingsValueBlock());
        range.load("values");
        await context.sync();
        const values: unknown[][] = range.values;
        return values;
      });
    } catch (error) {
      throw new WorkbookError(
        `Could not read the budget settings on the ${SETTINGS_SHEET} sheet: ${reasonOf(error)}.`,
        { cause: error },
      );
    }
    return settingsFromCells(cells);
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
    // Set just before the write sync: from then on, part of the batch may have landed.
    const written: { undo?: AppendUndo } = {};
    try {
      return await this.run(async (context) => {
        const table = context.workbook.tables.getItem(BUDGET_TABLE);
        const header = table.getHeaderRowRange();
        header.load("values, rowIndex, columnIndex");
        table.rows.load("count");
        const firstBodyRow = table.getDataBodyRange().getRow(0);
        firstBodyRow.load("formulas");
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
        // A new table has one blank row that Excel will not remove: the first line goes there.
        const filledBlankRow = rowCount === 1 && isBlankRow(firstRow(firstBodyRow.formulas));
        const first = headerRow + 1 + (filledBlankRow ? 0 : rowCount);
        const rows = lines.map((line, i) => crewLineRow(line, first + i));
        const at = (sheet: string) => placed.find((t) => t.sheet === sheet)?.at ?? [];
        const result: AppendResult = {
          firstRow: first,
          rowsAdded: rows.length,
          ...tableLines(at(OVERRIDES_SHEET), at(ROLES_SHEET)),
        };
        if (rows.length === 0 && placed.length === 0) return result;

        const tableCells: { sheet: string; address: string }[] = [];
        for (const t of placed) {
          const sheet = context.workbook.worksheets.getItem(t.sheet);
          t.rows.forEach((cells, i) => {
            const row = TABLE_FIRST_ROW + t.at[i]!;
            const address = `A${row}:${columnLetter(cells.length - 1)}${row}`;
            sheet.getRange(address).values = [cells];
            tableCells.push({ sheet: t.sheet, address });
          });
        }
        const added = filledBlankRow ? rows.slice(1) : rows;
        if (filledBlankRow && rows.length > 0) firstBodyRow.formulas = rows.slice(0, 1);
        if (added.length > 0) table.rows.add(undefined, added);
        if (rows.length > 0) {
          const last = first + rows.length - 1;
          table.worksheet.getRange(`A${first}:${lastBudgetColumn()}${last}`).numberFormat =
            rows.map(() => budgetNumberFormats());
        }
        written.undo = { rowCount, rowsAdded: added.length, filledBlankRow, tableCells };
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

  async addProductionRole(role: ProductionRoleInput): Promise<{ line: number }> {
    try {
      return await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(ROLES_SHEET);
        sheet.load("isNullObject");
        const titles = sheet.getRange(tableBlock(ROLES_SHEET));
        titles.load("values");
        await context.sync(); // 1: read
        if (sheet.isNullObject) {
          throw new WorkbookError(
            `The workbook has no ${ROLES_SHEET} sheet: create the budget sheets first.`,
          );
        }
        const values: unknown[][] = titles.values;
        const index = values.findIndex((row) => isBlankRow(row));
        if (index < 0) {
          throw new WorkbookError(
            `The ${ROLES_SHEET} sheet is full (${TABLE_LINES} lines): clear a line you no longer need, then try again.`,
          );
        }
        const row = TABLE_FIRST_ROW + index;
        const cells = productionRoleRow(role);
        sheet.getRange(`A${row}:${columnLetter(cells.length - 1)}${row}`).values = [cells];
        await context.sync(); // 2: write (one range: it lands whole or not at all)
        return { line: index + 1 };
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(`Could not add the role: ${reasonOf(error)}. Nothing was changed.`, {
        cause: error,
      });
    }
  }

  async readCrewLines(): Promise<BudgetLine[]> {
    try {
      return await this.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
        table.load("isNullObject");
        const body = table.getDataBodyRange();
        body.load("values, rowIndex");
        await context.sync();
        if (table.isNullObject) return [];
        return crewLinesFromCells(body.values, body.rowIndex + 1);
      });
    } catch (error) {
      throw new WorkbookError(`Could not read the budget's crew lines: ${reasonOf(error)}.`, {
        cause: error,
      });
    }
  }

  async setCardVersion(version: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const cell = context.workbook.worksheets
          .getItem(SETTINGS_SHEET)
          .getRange(`B${settingRow("CardVersion")}`);
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[version]];
        await context.sync();
      });
    } catch (error) {
      throw new WorkbookError(
        `Could not set the rate card version on the ${SETTINGS_SHEET} sheet: ${reasonOf(error)}. Nothing was changed.`,
        { cause: error },
      );
    }
  }

  async shareAsValues(): Promise<SharedCopy> {
    // Set just before the write sync: from then on, part of the batch may have landed.
    const written: { copies?: string[]; replaced?: string[] } = {};
    try {
      return await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        // Read: the sheets to copy (their used ranges' formulas and values), the settings for the
        // note, and earlier copies to replace.
        const sources = SHARED_SHEETS.map(({ source, copy }) => {
          const sheet = worksheets.getItemOrNullObject(source);
          sheet.load("isNullObject");
          const used = sheet.getUsedRange();
          used.load("formulas, values, rowIndex, columnIndex");
          const earlier = worksheets.getItemOrNullObject(copy);
          earlier.load("isNullObject");
          return { source, copy, sheet, used, earlier };
        });
        const settingsSheet = worksheets.getItemOrNullObject(SETTINGS_SHEET);
        settingsSheet.load("isNullObject");
        const settingsRange = settingsSheet.getRange(settingsValueBlock());
        settingsRange.load("values");
        await context.sync(); // 1: read

        const missing = [
          ...sources.map((s) => ({ name: s.source, sheet: s.sheet })),
          {
            name: SETTINGS_SHEET,
            sheet: settingsSheet,
          },
        ].filter((s) => s.sheet.isNullObject);
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

        // Write: replace earlier copies, copy, and turn the chosen cells into values, in one batch.
        const replaced: string[] = [];
        for (const plan of plans) {
          if (!plan.earlier.isNullObject) {
            plan.earlier.delete();
            replaced.push(plan.copy);
          }
        }
        for (const plan of plans) {
          const copy = plan.sheet.copy("End");
          copy.name = plan.copy;
          for (const write of plan.writes) {
            const range = copy.getRange(write.address);
            if (write.kind === "values") range.values = [write.cells];
            else range.formulas = [write.cells];
          }
          if (plan.source === BUDGET_SHEET) copy.getRange("A2").values = [[valuesNote(settings)]];
        }
        const copies = plans.map((p) => p.copy);
        written.copies = copies;
        written.replaced = replaced;
        await context.sync(); // 2: write
        return { sheets: copies };
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const reason = reasonOf(error);
      if (written.copies === undefined) {
        throw new WorkbookError(`Could not make the values copy: ${reason}. Nothing was changed.`, {
          cause: error,
        });
      }
      return this.undoShare(written.copies, written.replaced ?? [], reason, error);
    }
  }

  /** Deletes the copies a failed shareAsValues may have made (they are CrewRate's), then reports. */
  private async undoShare(
    copies: readonly string[],
    replaced: readonly string[],
    reason: string,
    cause: unknown,
  ): Promise<never> {
    try {
      await this.run(async (context) => {
        const sheets = copies.map((name) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load("isNullObject");
          return sheet;
        });
        await context.sync();
        const landed = sheets.filter((sheet) => !sheet.isNullObject);
        for (const sheet of landed) sheet.delete();
        if (landed.length > 0) await context.sync();
      });
    } catch (undoError) {
      throw new WorkbookError(
        `Could not make the values copy: ${reason}, and taking back the part that may have landed failed too (${reasonOf(undoError)}). Delete the sheets ${copies.join(" and ")} if they are there, then try again.`,
        { cause },
      );
    }
    const earlier =
      replaced.length > 0 ? ` The earlier ${replaced.join(" and ")} may be gone: share again.` : "";
    throw new WorkbookError(
      `Could not make the values copy: ${reason}. Your Budget and Topsheet were not changed.${earlier}`,
      { cause },
    );
  }

  /** Takes away the rows a failed append may have left, then reports the failure. */
  private async undoAppend(undo: AppendUndo, reason: string, cause: unknown): Promise<never> {
    try {
      await this.run(async (context) => {
        const table = context.workbook.tables.getItem(BUDGET_TABLE);
        table.rows.load("count");
        await context.sync();
        const landed = Math.min(Math.max(table.rows.count - undo.rowCount, 0), undo.rowsAdded);
        // Bottom up, so each index still names the row it named when this batch was queued.
        for (let i = undo.rowCount + landed - 1; i >= undo.rowCount; i--) {
          table.rows.getItemAt(i).delete();
        }
        if (undo.filledBlankRow) table.getDataBodyRange().getRow(0).clear("Contents");
        for (const cell of undo.tableCells) {
          context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).clear("Contents");
        }
        if (landed > 0 || undo.filledBlankRow || undo.tableCells.length > 0) await context.sync();
      });
    } catch (undoError) {
      throw new WorkbookError(
        `Could not add the crew lines: ${reason}, and taking back the part that may have landed failed too (${reasonOf(undoError)}). Check the end of the ${BUDGET_TABLE} table on the ${BUDGET_SHEET} sheet for incomplete lines.`,
        { cause },
      );
    }
    throw new WorkbookError(`Could not add the crew lines: ${reason}. Nothing was changed.`, {
      cause,
    });
  }

  /** Takes away what a failed ensureBudget may have created, then reports the failure. */
  private async undoSetup(undo: SetupUndo, reason: string, cause: unknown): Promise<never> {
    try {
      await this.run(async (context) => {
        const workbook = context.workbook;
        const sheets = undo.addedSheets.map((name) => {
          const sheet = workbook.worksheets.getItemOrNullObject(name);
          sheet.load("isNullObject");
          return sheet;
        });
        const names = undo.addedNames.map((name) => {
          const item = workbook.names.getItemOrNullObject(name);
          item.load("isNullObject");
          return item;
        });
        const table = undo.tableOnExistingSheet
          ? workbook.tables.getItemOrNullObject(BUDGET_TABLE)
          : undefined;
        table?.load("isNullObject");
        const chart = undo.chartOnExistingSheet
          ? workbook.worksheets.getItem(TOPSHEET_SHEET).charts.getItemOrNullObject(TOPSHEET_CHART)
          : undefined;
        chart?.load("isNullObject");
        await context.sync();

        for (const item of names) if (!item.isNullObject) item.delete();
        if (table !== undefined && !table.isNullObject) table.delete();
        if (chart !== undefined && !chart.isNullObject) chart.delete();
        // These cells were empty before the failed batch.
        for (const { sheet, address } of undo.filledRanges) {
          workbook.worksheets.getItem(sheet).getRange(address).clear("Contents");
        }
        for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
        await context.sync();
      });
    } catch (undoError) {
      throw new WorkbookError(
        `Could not set up the budget sheets: ${reason}, and taking back the part that may have landed failed too (${reasonOf(undoError)}). Check the ${BUDGET_SHEET}, ${TOPSHEET_SHEET} and ${SETTINGS_SHEET} sheets.`,
        { cause },
      );
    }
    throw new WorkbookError(`Could not set up the budget sheets: ${reason}. Nothing was changed.`, {
      cause,
    });
  }
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
  target.load("formulas");
  return { sheet, target };
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
  const expected = settingsRows();
  return expected.every((row, r) =>
    r === 0 ? rowMatches(cells[r], row) : rowMatches(cells[r]?.slice(0, 1), row.slice(0, 1)),
  );
}

function isTopsheet(cells: unknown[][]): boolean {
  const header = topsheetRows([])[0] ?? [];
  return rowMatches(cells[0], header);
}

function writeSettings(sheet: Excel.Worksheet, block: string): void {
  const first = SETTINGS_FIRST_ROW;
  const last = SETTINGS_FIRST_ROW + SETTINGS.length - 1;
  // Formats before values: a text cell keeps "2026.10" as typed, and the date is a real date
  // (a serial shown as YYYY-MM-DD) that CREW formulas and sorting understand.
  sheet.getRange(`B${first}:B${last}`).numberFormat = SETTINGS.map((s) => [
    s.name === "BudgetDate"
      ? SETTINGS_DATE_FORMAT
      : typeof s.value === "string" && !s.value.startsWith("=")
        ? TEXT_FORMAT
        : null,
  ]);
  sheet.getRange(block).values = settingsRows().map((row, r) => {
    const spec = SETTINGS[r - 1];
    return spec?.name === "BudgetDate" && typeof spec.value === "string"
      ? [row[0] ?? "", isoToSerial(spec.value), row[2] ?? ""]
      : row;
  });
}

/** A production table's sheet: its title, note and header row. */
function writeProductionSheet(sheet: Excel.Worksheet, rows: (string | number)[][]): void {
  const width = rows[TABLE_HEADER_ROW - 1]?.length ?? 1;
  sheet.getRange(blockAddress(1, rows)).values = rows.map((row) =>
    Array.from({ length: width }, (_, i) => row[i] ?? ""),
  );
}

function writeBudget(sheet: Excel.Worksheet): void {
  sheet.getRange("A1:A2").values = [[BUDGET_TITLE], [BUDGET_NOTE]];
  const table = sheet.tables.add(`A${HEADER_ROW}:${lastBudgetColumn()}${HEADER_ROW}`, true);
  table.name = BUDGET_TABLE;
  table.getHeaderRowRange().values = [[...COLUMNS]];
  table.showTotals = true;
  // Structured references, so the totals follow the table as lines are added.
  table.getTotalRowRange().formulas = [
    COLUMNS.map((name) =>
      name === "Account"
        ? "Total"
        : name === "Subtotal" || name === "Fringe" || name === "Total"
          ? `=SUM(${BUDGET_TABLE}[${name}])`
          : null,
    ),
  ];
  // A new table has exactly one (blank) data row.
  table.getDataBodyRange().numberFormat = [budgetNumberFormats()];
  table.getTotalRowRange().numberFormat = [budgetNumberFormats()];
}

function writeTopsheet(
  sheet: Excel.Worksheet,
  rows: (string | number)[][],
  departmentCount: number,
): void {
  const last = rows.length;
  // Accounts stay text ("0100" keeps its zero); Labor, Fringe and Total are money.
  sheet.getRange(`A${TOPSHEET_HEADER_ROWS + 1}:E${last}`).numberFormat = rows
    .slice(TOPSHEET_HEADER_ROWS)
    .map(() => [TEXT_FORMAT, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT]);
  sheet.getRange(blockAddress(1, rows)).formulas = rows;
  if (departmentCount === 0) return;
  // Total by department; the grand-total row stays out of the chart.
  const lastDepartment = TOPSHEET_HEADER_ROWS + departmentCount;
  const chart = sheet.charts.add(
    "BarClustered",
    sheet.getRange(`E1:E${lastDepartment}`),
    "Columns",
  );
  chart.name = TOPSHEET_CHART;
  chart.title.text = "Crew cost by department";
  chart.series.getItemAt(0).setXAxisValues(sheet.getRange(`B2:B${lastDepartment}`));
  chart.setPosition("G2", "P30");
}

/** One budget row's number formats: money in the money columns, the rest left as they are. */
function budgetNumberFormats(): (string | null)[] {
  return COLUMNS.map((name) => (MONEY_COLUMNS.includes(name) ? MONEY_FORMAT : null));
}

function lastBudgetColumn(): string {
  return columnLetter(COLUMNS.length - 1);
}

/** What the setting's workbook name refers to ("=Settings!$B$2"). */
function namedCell(spec: SettingSpec): string {
  return `=${settingAddress(spec.name)}`;
}

/** "=Settings!$B$2", "='Settings'!B2" and "Settings!$B$2" name the same cell. */
function normalizeReference(formula: unknown): string {
  return cellText(formula).replace(/^=/, "").replace(/['$]/g, "").toUpperCase();
}

function firstRow(cells: unknown[][]): unknown[] {
  return cells[0] ?? [];
}

function rowMatches(
  cells: readonly unknown[] | undefined,
  expected: readonly (string | number)[],
): boolean {
  return cells !== undefined && expected.every((value, i) => cellText(cells[i]) === String(value));
}

/** A cell as text: what a header or label comparison needs. */
function cellText(cell: unknown): string {
  return typeof cell === "string"
    ? cell.trim()
    : typeof cell === "number" || typeof cell === "boolean"
      ? String(cell)
      : "";
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
