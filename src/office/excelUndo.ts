/**
 * Excel's side of the pane's Undo and of taking back a write that failed part way: each reads
 * what the write made, refuses where someone has changed it since, and otherwise takes it out in
 * one batch. The plans (which rows, which cells) come from the host-neutral `budget/undo.ts`.
 */
import { orList, quoteInput } from "../engine";
import {
  BUDGET_SHEET,
  BUDGET_TABLE,
  COMPARE_SHEET,
  crewLinesFromCells,
  SETTINGS_SHEET,
  settingRow,
  TOPSHEET_SHEET,
  WorkbookError,
} from "../budget";
import type {
  CardVersionUndo,
  CrewLinesUndo,
  SheetsUndo,
  TableLineUndo,
  WriteUndo,
} from "../budget/port";
import {
  fingerprint,
  holdsWritten,
  isBlankOver,
  linesUsingRole,
  planCrewLinesUndo,
  tableLineAddress,
} from "../budget/undo";
import {
  cellText,
  filteredBudget,
  firstRow,
  isGeneralFormat,
  loadFilter,
  TEXT_FORMAT,
} from "./excelCells";

/**
 * What a failed ensureBudget write batch may have left behind, so it can be taken away again.
 * What it adds to sheets that were there is found by difference: a table or chart on them that
 * was not there before is the batch's (Excel names a new table "Table1" until the batch's own
 * rename lands, so a name alone would miss it).
 */
export interface SetupUndo {
  addedSheets: string[];
  /**
   * Ranges on sheets that existed and were empty there: emptied again (contents and formats),
   * then given back the number formats they had.
   */
  filledRanges: { sheet: string; address: string; formats: unknown[][] }[];
  addedNames: string[];
  /** Names the batch pointed at the new Settings sheet on a sheet that stays: what they were. */
  repointedNames: { name: string; formula: string }[];
  /** The tables on the existing Budget sheet before the batch, when it built the budget there. */
  tablesBefore?: string[];
  /** The charts on the existing Topsheet before the batch, when it drew the chart there. */
  chartsBefore?: string[];
}

/** What a failed appendCrewLines write batch may have left behind. */
export interface AppendUndo {
  /** Table rows before the batch. */
  rowCount: number;
  /**
   * The rows.add calls the batch queued, in order: where (0-based table row, as the table stood
   * then) and how many, and the subtotal row each rewrote with what it held before.
   */
  groups: {
    at: number;
    size: number;
    /** The rows it added, as written: an undo takes out only rows that still hold them. */
    cells: unknown[][];
    rewrite?: { index: number; formulas: unknown[] };
  }[];
  /** The line written into the blank row Excel gives a new table, if the first one went there. */
  blankRow?: unknown[];
  /**
   * Cells beside the table written with the crew lines (production-table lines, the wages
   * spill), blank before, with what was written: cleared again where they still hold it.
   */
  tableCells: { sheet: string; address: string; cells: unknown[][] }[];
}

/** What an undo takes back, for its messages. */
export function undoWhat(undo: WriteUndo): string {
  switch (undo.kind) {
    case "crew-lines":
      return "adding the crew lines";
    case "production-role":
      return `adding the role ${quoteInput(cellText(undo.line.cells[0]))}`;
    case "values-copy":
      return "the values copy";
    case "compare-sheet":
      return `the ${COMPARE_SHEET} sheet`;
    case "card-version":
      return `the rate card update to ${undo.to}`;
  }
}

/** Where to look when an undo may have stopped part way. */
export function undoCheck(undo: WriteUndo): string {
  switch (undo.kind) {
    case "crew-lines": {
      const rows = undo.inserted.map((r) => r.row);
      const where =
        rows.length > 0 ? `rows ${Math.min(...rows)}–${Math.max(...rows)}` : "the new rows";
      return `Some of the lines may still be in the ${BUDGET_SHEET} sheet (${where} as they were added). Undo again to finish: it takes only what is still as it was added.`;
    }
    case "production-role":
      return `Look at line ${undo.line.line} of the ${undo.line.sheet} sheet: the role is there or the line is blank.`;
    case "values-copy":
    case "compare-sheet":
      return `Look for the sheet${undo.sheets.length === 1 ? "" : "s"} ${orList(undo.sheets.map((s) => `"${s.name}"`))}: undo again, or delete any that is left by hand.`;
    case "card-version":
      return `Look at Rate card version (${SETTINGS_SHEET}!B${settingRow("CardVersion")}): it says ${undo.from} or ${undo.to}.`;
  }
}

/**
 * Takes out what a failed insert batch landed: its groups (they land whole and in order, so the
 * rows added tell how many), the subtotals they rewrote, the blank row's line and the cells
 * beside the table. Each only where it still holds what was written.
 * @throws WorkbookError (nothing written) when a landed row holds something else
 */
export async function takeOutAppend(
  context: Excel.RequestContext,
  undo: AppendUndo,
): Promise<void> {
  const table = context.workbook.tables.getItem(BUDGET_TABLE);
  table.rows.load("count");
  const body = table.getDataBodyRange();
  body.load("formulas, rowIndex");
  const beside = undo.tableCells.map((cell) => {
    const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
    range.load("formulas");
    return { ...cell, range };
  });
  await context.sync();
  const rows = body.formulas as unknown[][];
  let extra = Math.max(table.rows.count - undo.rowCount, 0);
  const landed: AppendUndo["groups"] = [];
  for (const group of undo.groups) {
    if (group.size > extra) break;
    landed.push(group);
    extra -= group.size;
  }
  if (extra > 0) {
    throw new WorkbookError("rows were added to or deleted from the budget since");
  }
  // Lowest group first: the groups above it (inserted after it) are still in, so it sits
  // their sizes further down; deleting it moves nothing above.
  const starts = landed.map(
    (group, j) => group.at + landed.slice(j + 1).reduce((n, g) => n + g.size, 0),
  );
  landed.forEach((group, j) => {
    group.cells.forEach((cells, i) => {
      const index = starts[j]! + i;
      if (!holdsWritten(rows[index], cells)) {
        throw new WorkbookError(
          `row ${body.rowIndex + index + 1} of the ${BUDGET_SHEET} sheet has changed since it was added`,
        );
      }
    });
  });
  const blankRow = undo.blankRow && holdsWritten(rows[0], undo.blankRow);
  const clear = beside.filter((cell) =>
    cell.cells.every((row, r) => holdsWritten((cell.range.formulas as unknown[][])[r], row)),
  );
  landed.forEach((group, j) => {
    for (let i = starts[j]! + group.size - 1; i >= starts[j]!; i--) {
      table.rows.getItemAt(i).delete();
    }
  });
  // Subtotal rows a landed group rewrote are back where they were: their formulas too.
  for (const group of landed) {
    if (!group.rewrite) continue;
    const index = group.rewrite.index - group.size;
    table.getDataBodyRange().getRow(index).formulas = [group.rewrite.formulas];
  }
  if (blankRow) table.getDataBodyRange().getRow(0).clear("Contents");
  for (const cell of clear) cell.range.clear("Contents");
  if (landed.length > 0 || blankRow || clear.length > 0) await context.sync();
}

/** Takes away what a failed set-up batch may have created (every step can be done again). */
export async function takeBackSetup(context: Excel.RequestContext, undo: SetupUndo): Promise<void> {
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
  // Tables and charts on the sheets that stay: the ones that were not there before are ours.
  const tables = undo.tablesBefore ? workbook.worksheets.getItem(BUDGET_SHEET).tables : null;
  tables?.load("items/name");
  const topsheet = undo.chartsBefore ? workbook.worksheets.getItem(TOPSHEET_SHEET) : null;
  topsheet?.charts.load("items/name");
  await context.sync();

  for (const item of names) if (!item.isNullObject) item.delete();
  for (const { name, formula } of undo.repointedNames) {
    workbook.names.getItem(name).formula = formula;
  }
  for (const { name } of tables?.items ?? []) {
    if (!undo.tablesBefore?.includes(name)) workbook.tables.getItem(name).delete();
  }
  for (const { name } of topsheet?.charts.items ?? []) {
    if (!undo.chartsBefore?.includes(name)) topsheet?.charts.getItem(name).delete();
  }
  // These cells were empty before the failed batch: emptied of what it wrote and drew, then
  // given back the number formats they had.
  for (const { sheet, address, formats } of undo.filledRanges) {
    const range = workbook.worksheets.getItem(sheet).getRange(address);
    range.clear("All");
    const own = formats.map((row) => row.map((f) => (isGeneralFormat(f) ? null : f)));
    if (own.some((row) => row.some((f) => f !== null))) range.numberFormat = own;
  }
  for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
  await context.sync();
}

/**
 * One undo's read and write, in one Excel.run: reads what the write made, refuses (WorkbookError)
 * where it has changed, otherwise queues what takes it back and syncs. Does nothing where it is
 * undone already. `written.write` is set just before the write sync.
 */
export async function undoBatch(
  context: Excel.RequestContext,
  undo: WriteUndo,
  failed: string,
  written: { write?: true },
): Promise<void> {
  const refuse = (problem: string) =>
    new WorkbookError(
      `${failed}: ${problem}. An undo never takes away an edit: change it back, or remove what the pane added by hand.`,
    );
  switch (undo.kind) {
    case "crew-lines":
      return undoCrewLines(context, undo, refuse, written);
    case "production-role":
      return undoRole(context, undo, refuse, written);
    case "values-copy":
    case "compare-sheet":
      return undoSheets(context, undo, refuse, written);
    case "card-version":
      return undoCardVersion(context, undo, refuse, written);
  }
}

async function undoCrewLines(
  context: Excel.RequestContext,
  undo: CrewLinesUndo,
  refuse: (problem: string) => WorkbookError,
  written: { write?: true },
): Promise<void> {
  const workbook = context.workbook;
  const table = workbook.tables.getItemOrNullObject(BUDGET_TABLE);
  table.load("isNullObject");
  const header = table.getHeaderRowRange();
  header.load("rowIndex");
  const body = table.getDataBodyRange();
  body.load("formulas");
  const filter = loadFilter(table);
  const lines = undo.tableLines.map((line) => {
    const range = workbook.worksheets
      .getItemOrNullObject(line.sheet)
      .getRange(tableLineAddress(line));
    range.load("formulas");
    return range;
  });
  const wages = undo.wages
    ? workbook.worksheets.getItem(BUDGET_SHEET).getRange(undo.wages.address)
    : undefined;
  wages?.load("formulas");
  await context.sync(); // 1: read
  if (table.isNullObject) throw refuse(`the ${BUDGET_TABLE} table is not there any more`);
  if (filter?.isDataFiltered === true) throw new WorkbookError(filteredBudget("take lines out"));
  const plan = planCrewLinesUndo(undo, {
    headerRow: header.rowIndex + 1,
    body: body.formulas as unknown[][],
    tableLines: lines.map((range) => firstRow(range.formulas as unknown[][])),
  });
  if (plan.problem !== undefined) throw refuse(plan.problem);
  // The wages spill this write added goes with its lines, unless someone changed it since.
  const wagesNow = (wages?.formulas ?? []) as unknown[][];
  const clearWages =
    undo.wages !== undefined &&
    undo.wages.cells.every((cells, r) => holdsWritten(wagesNow[r] ?? [], cells));
  const work =
    plan.deletes.length + plan.rewrites.length + plan.clearLines.length + (clearWages ? 1 : 0);
  if (work === 0 && !plan.clearBlankRow) return; // undone already
  for (const index of plan.deletes) table.rows.getItemAt(index).delete();
  for (const rewrite of plan.rewrites) {
    table.getDataBodyRange().getRow(rewrite.index).formulas = [rewrite.cells];
  }
  if (plan.clearBlankRow) table.getDataBodyRange().getRow(0).clear("Contents");
  for (const line of plan.clearLines) {
    workbook.worksheets.getItem(line.sheet).getRange(tableLineAddress(line)).clear("Contents");
  }
  if (clearWages) wages?.clear("Contents");
  written.write = true;
  await context.sync(); // 2: write
}

async function undoRole(
  context: Excel.RequestContext,
  undo: TableLineUndo,
  refuse: (problem: string) => WorkbookError,
  written: { write?: true },
): Promise<void> {
  const { line } = undo;
  const sheet = context.workbook.worksheets.getItemOrNullObject(line.sheet);
  sheet.load("isNullObject");
  const range = sheet.getRange(tableLineAddress(line));
  range.load("formulas");
  const table = context.workbook.tables.getItemOrNullObject(BUDGET_TABLE);
  table.load("isNullObject");
  const body = table.getDataBodyRange();
  body.load("values, rowIndex");
  await context.sync(); // 1: read
  if (sheet.isNullObject) throw refuse(`the ${line.sheet} sheet is not there any more`);
  const read = firstRow(range.formulas as unknown[][]);
  if (isBlankOver(read, line.cells.length)) return; // undone already
  if (!holdsWritten(read, line.cells)) {
    throw refuse(`line ${line.line} of the ${line.sheet} sheet has changed since it was written`);
  }
  const users = table.isNullObject
    ? []
    : linesUsingRole(crewLinesFromCells(body.values, body.rowIndex + 1), line.cells[0]);
  if (users.length > 0) {
    throw refuse(
      `crew lines are priced on this role (${BUDGET_SHEET} row${users.length === 1 ? "" : "s"} ${users.join(", ")}); taking it away would break them`,
    );
  }
  range.clear("Contents");
  written.write = true;
  await context.sync(); // 2: write (one range: it lands whole or not at all)
}

async function undoSheets(
  context: Excel.RequestContext,
  undo: SheetsUndo,
  refuse: (problem: string) => WorkbookError,
  written: { write?: true },
): Promise<void> {
  const sheets = undo.sheets.map((made) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(made.name);
    sheet.load("isNullObject");
    const used = sheet.getUsedRange(true);
    used.load("formulas, rowIndex, columnIndex");
    return { made, sheet, used };
  });
  await context.sync(); // 1: read
  const present = sheets.filter((s) => !s.sheet.isNullObject);
  for (const { made, used } of present) {
    const now = fingerprint(used.formulas as unknown[][], used.rowIndex + 1, used.columnIndex + 1);
    if (now !== made.fingerprint) {
      throw refuse(`the sheet "${made.name}" has changed since it was made`);
    }
  }
  if (present.length === 0) return; // undone already
  for (const { sheet } of present) sheet.delete();
  written.write = true;
  await context.sync(); // 2: write
}

async function undoCardVersion(
  context: Excel.RequestContext,
  undo: CardVersionUndo,
  refuse: (problem: string) => WorkbookError,
  written: { write?: true },
): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load("isNullObject");
  const cell = sheet.getRange(`B${settingRow("CardVersion")}`);
  cell.load("values");
  await context.sync(); // 1: read
  if (sheet.isNullObject) throw refuse(`the ${SETTINGS_SHEET} sheet is not there any more`);
  const now = cellText(firstRow(cell.values as unknown[][])[0]);
  if (now === undo.from) return; // undone already
  if (now !== undo.to) throw refuse(`Rate card version says '${now}' now`);
  cell.numberFormat = [[TEXT_FORMAT]];
  cell.values = [[undo.from]];
  written.write = true;
  await context.sync(); // 2: write
}
