/**
 * The preview's workbook: the same budget layout as Excel, computed by HyperFormula with the CREW
 * functions registered. The pane writes to it through the same WorkbookPort, so search → insert →
 * edit quantity → totals works in a browser exactly as in Excel. (HyperFormula is GPL-3.0: this
 * module belongs to the preview, CLI and tests only, never to the add-in bundles.)
 */
import type { CellValue, HyperFormula, RawCellContent } from "hyperformula";
import { quoteInput, type ProductionTables, type RateEngine, type TableCell } from "../engine";
import { buildCrewWorkbook } from "../functions/hyperformula";
import { tablesCellProblem } from "../budget/tablesCell";
import {
  BUDGET_NOTE,
  BUDGET_SHEET,
  BUDGET_TITLE,
  COLUMNS,
  FIRST_LINE_ROW,
  HEADER_ROW,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  SETTINGS_SHEET,
  settingAddress,
  settingRow,
  settingsFromCells,
  settingsRows,
  shareCell,
  SHARED_SHEETS,
  textCell,
  TOPSHEET_SHEET,
  topsheetRows,
  totalsRow,
  validateLine,
  valuesNote,
  previewWagesFormula,
  squeezeFormula,
  WAGES_LABEL,
  chartAccounts,
  placeLines,
  type ChartAccount,
  type CrewLineInput,
  crewLinesFromCells,
  OVERRIDES_SHEET,
  PRODUCTION_SHEETS,
  productionRoleRow,
  productionSheetCells,
  rateOverrideRow,
  tableLines,
  blankTableLines,
  ROLES_SHEET,
  TABLE_FIRST_ROW,
  TABLE_LINES,
  type BudgetLine,
  type ProductionRoleInput,
  type TableAdditions,
  COMPARE_SHEET,
  compareSheetResult,
  planCompareSheet,
  type CompareSheetResult,
  type Hiring,
  topsheetView,
  type TopsheetView,
} from "../budget";
import {
  WorkbookError,
  type AppendResult,
  type BudgetSettings,
  type SelectedCells,
  type SharedCopy,
  type WorkbookPort,
  columnLetter,
  selectionProblem,
} from "../budget";
import {
  RepairableProblem,
  type BudgetRepair,
  type TableLineWrite,
  type Undoable,
  type WriteUndo,
} from "../budget/port";
import {
  crewLinesUndo,
  fingerprint,
  holdsWritten,
  isBlankOver,
  linesUsingRole,
  planCrewLinesUndo,
} from "../budget/undo";

/** Text typed into a cell that Excel reads as a number. */
const TYPED_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A budget-sheet row holding only `cell` in the wages column (WAGES_COLUMN), beside the table. */
function besideBudget(cell: string): (string | null)[] {
  const row: (string | null)[] = Array.from({ length: COLUMNS.length + 1 }, () => null);
  row.push(cell);
  return row;
}

/** A block of cells, 0-based rows and columns, inclusive. */
export interface PreviewRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_ORDER = [
  BUDGET_SHEET,
  TOPSHEET_SHEET,
  SETTINGS_SHEET,
  OVERRIDES_SHEET,
  ROLES_SHEET,
] as const;

export class PreviewWorkbook implements WorkbookPort {
  readonly hostName = "Preview workbook";
  readonly hf: HyperFormula;
  /** Rows between the header and the totals row: crew lines, account subtotals, blank rows. */
  private bodyRows = 0;
  private readonly accounts: ChartAccount[];
  private readonly listeners = new Set<() => void>();
  /**
   * Where the grid should go after the pane's last insert (the first inserted line), as Excel's
   * adapter selects the inserted lines; `serial` tells one insert from the next.
   */
  reveal: { sheet: string; row: number; col: number; serial: number } | undefined;
  /** Prices the Compare sheet's report; its formulas price with the registered CREW functions. */
  private readonly engine: RateEngine;
  /** The view's selection, as it last reported it (setSelection). */
  private selected: ({ sheet: string } & PreviewRange) | undefined;

  constructor(engine: RateEngine) {
    this.engine = engine;
    this.accounts = chartAccounts(engine.departments);
    this.hf = buildCrewWorkbook(engine, {
      [BUDGET_SHEET]: [
        [BUDGET_TITLE],
        [BUDGET_NOTE],
        besideBudget(WAGES_LABEL),
        [...COLUMNS, ...besideBudget(previewWagesFormula(FIRST_LINE_ROW)).slice(COLUMNS.length)],
        totalsRow(HEADER_ROW),
      ],
      // The topsheet's ranges run from the budget's header to its totals row (row 5 here).
      [TOPSHEET_SHEET]: topsheetRows(this.accounts, HEADER_ROW + 1),
      [SETTINGS_SHEET]: settingsSheetRows(),
      // Each table line's Status formula is there from the start, as Excel's set-up writes it.
      [OVERRIDES_SHEET]: productionSheetCells(OVERRIDES_SHEET),
      [ROLES_SHEET]: productionSheetCells(ROLES_SHEET),
    });
    for (const s of SETTINGS) {
      this.hf.addNamedExpression(s.name, `=${settingAddress(s.name)}`);
    }
  }

  /** Sheet names in tab order: the budget's, then the Compare sheet and any values copies. */
  get sheetNames(): readonly string[] {
    const made = [COMPARE_SHEET, ...SHARED_SHEETS.map((s) => s.copy)].filter((name) =>
      this.hf.doesSheetExist(name),
    );
    return [...SHEET_ORDER, ...made];
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new WorkbookError(`The preview workbook has no sheet ${name}.`);
    return id;
  }

  /** Called after every change (insert, edit), so views can redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Sets one cell as a user would type it (a number, text, or a formula starting with "="). A
   * number is what Excel reads as one: digits with an optional sign, decimal point and exponent;
   * anything else ("0x10", "Infinity", "1,2,3") stays the text that was typed.
   */
  setCell(sheet: string, row: number, col: number, raw: string): void {
    const trimmed = raw.trim();
    const value: RawCellContent =
      trimmed === "" ? null : TYPED_NUMBER.test(trimmed) ? Number(trimmed) : raw;
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col }, [[value]]);
    this.changed();
  }

  ensureBudget(): Promise<void> {
    // The preview workbook is created with its sheets; only a Settings sheet taken away since is
    // made again (as Excel's set-up does).
    if (!this.hf.doesSheetExist(SETTINGS_SHEET)) this.rebuildSettings();
    return Promise.resolve();
  }

  readSettings(): Promise<BudgetSettings> {
    if (!this.hf.doesSheetExist(SETTINGS_SHEET)) {
      return Promise.reject(
        new RepairableProblem(
          `The budget's ${SETTINGS_SHEET} sheet is gone. Every crew line reads Budget date, Region, Budget tier, Hours per day and the weeks from it, so their formulas show errors until it is back. Rebuild it with the default settings (then set your own again).`,
          { kind: "rebuild-settings" },
        ),
      );
    }
    try {
      return Promise.resolve(this.settingsNow());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new WorkbookError(String(e)));
    }
  }

  /** The preview's budget has no Excel table to be renamed; its Settings sheet can be rebuilt. */
  repair(repair: BudgetRepair): Promise<void> {
    if (repair.kind === "rename-table") {
      return Promise.reject(
        new WorkbookError("The preview workbook's budget has no table to rename."),
      );
    }
    if (this.hf.doesSheetExist(SETTINGS_SHEET)) {
      return Promise.reject(
        new WorkbookError(
          `The ${SETTINGS_SHEET} sheet is there, so there is nothing to rebuild: Refresh reads it.`,
        ),
      );
    }
    this.rebuildSettings();
    return Promise.resolve();
  }

  /**
   * The Settings sheet made again with the defaults, in one batch, and the settings' names
   * pointed at it (they broke when it went), so every crew line's formulas read it again.
   */
  private rebuildSettings(): void {
    this.hf.batch(() => {
      this.hf.addSheet(SETTINGS_SHEET);
      this.hf.setSheetContent(this.sheetId(SETTINGS_SHEET), settingsSheetRows());
      for (const s of SETTINGS) {
        const expression = `=${settingAddress(s.name)}`;
        if (this.hf.getNamedExpression(s.name) === undefined) {
          this.hf.addNamedExpression(s.name, expression);
        } else {
          this.hf.changeNamedExpression(s.name, expression);
        }
      }
    });
    this.changed();
  }

  /**
   * The topsheet's account rows to show and to hide under the Topsheet accounts setting: the grid
   * and the .xlsx leave out the rows Excel's pane hides.
   * @param values the topsheet's values, when the caller has read them already
   */
  topsheetView(
    values: readonly (readonly unknown[])[] = this.hf.getSheetValues(this.sheetId(TOPSHEET_SHEET)),
  ): TopsheetView {
    const setting = this.hf.getCellValue({
      sheet: this.sheetId(SETTINGS_SHEET),
      row: settingRow("TopsheetAccounts") - 1,
      col: 1,
    });
    return topsheetView(values, setting);
  }

  private settingsNow(): BudgetSettings {
    const sheet = this.sheetId(SETTINGS_SHEET);
    return settingsFromCells(
      SETTINGS.map((_, i) => [
        this.hf.getCellValue({ sheet, row: SETTINGS_FIRST_ROW - 1 + i, col: 1 }),
      ]),
    );
  }

  appendCrewLines(
    lines: readonly CrewLineInput[],
    additions: TableAdditions = {},
  ): Promise<AppendResult> {
    try {
      return Promise.resolve(this.append(lines, additions));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new WorkbookError(String(e)));
    }
  }

  private append(lines: readonly CrewLineInput[], additions: TableAdditions): AppendResult {
    for (const line of lines) {
      const problem = validateLine(line);
      if (problem) throw new WorkbookError(problem);
    }
    // Where the table lines go, decided before anything is written.
    const tableWrites = [
      { sheet: OVERRIDES_SHEET, rows: (additions.overrides ?? []).map(rateOverrideRow) },
      { sheet: ROLES_SHEET, rows: (additions.roles ?? []).map(productionRoleRow) },
    ].map(({ sheet, rows }) => {
      const id = this.sheetId(sheet);
      const current = this.hf
        .getSheetValues(id)
        .slice(TABLE_FIRST_ROW - 1, TABLE_FIRST_ROW - 1 + TABLE_LINES);
      return { id, rows, at: blankTableLines(sheet, current, rows.length) };
    });
    const sheet = this.sheetId(BUDGET_SHEET);
    const body = this.hf
      .getSheetValues(sheet)
      .slice(FIRST_LINE_ROW - 1, FIRST_LINE_ROW - 1 + this.bodyRows);
    const placement = placeLines(body, lines, (account) => this.accountName(account));
    const firstRow = Math.min(FIRST_LINE_ROW + this.bodyRows, ...placement.lineRows);
    if (lines.length === 0 && tableWrites.every((t) => t.rows.length === 0)) {
      return { firstRow, rowsAdded: 0, lineRows: [] };
    }
    // What the pane's Undo takes back: the rows where they will stand, and the table lines.
    const undo = crewLinesUndo({
      placement,
      headerRow: HEADER_ROW,
      // Only the subtotal rows the insert rewrites are read (the whole body cost an unparse of
      // every formula per insert: ~15% of an insert into a 5,000-line budget).
      body: this.bodyRowsAt(placement.groups.flatMap((g) => (g.rewrite ? [g.at] : []))),
      bodyRowsBefore: this.bodyRows,
      filledBlankRow: false,
      tableLines: tableWrites.flatMap((t, w) =>
        t.rows.map((cells, i) => ({
          sheet: w === 0 ? OVERRIDES_SHEET : ROLES_SHEET,
          line: t.at[i]! + 1,
          cells,
        })),
      ),
    });
    // The wages spill reads the whole Person and Subtotal columns. HyperFormula re-sets and
    // re-evaluates an array formula for every row insert inside its range (so an insert of N
    // account groups into a budget of M lines cost N × M); taken out for the batch and written
    // back once over the new extent, it is evaluated once. Only CrewRate's own spill, as written.
    const wagesAt = { sheet, row: HEADER_ROW - 1, col: COLUMNS.length + 1 };
    const liftSpill =
      placement.added > 0 &&
      squeezeFormula(String(this.hf.getCellFormula(wagesAt))) ===
        squeezeFormula(previewWagesFormula(FIRST_LINE_ROW + this.bodyRows));
    // One undoable batch: each group inserted above the totals row at its account, from the
    // bottom up, moved subtotals rewritten, and the totals rewritten over the new extent.
    this.hf.batch(() => {
      if (liftSpill) this.hf.setCellContents(wagesAt, null);
      for (const t of tableWrites) {
        t.rows.forEach((cells, i) => {
          this.hf.setCellContents({ sheet: t.id, row: TABLE_FIRST_ROW - 1 + t.at[i]!, col: 0 }, [
            cells,
          ]);
        });
      }
      for (const group of placement.groups) {
        const row0 = FIRST_LINE_ROW - 1 + group.at;
        this.hf.addRows(sheet, [row0, group.rows.length]);
        this.hf.setCellContents({ sheet, row: row0, col: 0 }, group.rows);
        if (group.rewrite) {
          this.hf.setCellContents(
            { sheet, row: FIRST_LINE_ROW - 1 + group.rewrite.index, col: 0 },
            [group.rewrite.cells],
          );
        }
      }
      if (placement.added === 0) return;
      const lastRow = FIRST_LINE_ROW - 1 + this.bodyRows + placement.added;
      this.hf.setCellContents({ sheet, row: lastRow, col: 0 }, [totalsRow(lastRow)]);
      if (liftSpill) this.hf.setCellContents(wagesAt, previewWagesFormula(lastRow + 1));
    });
    this.bodyRows += placement.added;
    if (placement.lineRows.length > 0) {
      this.reveal = {
        sheet: BUDGET_SHEET,
        row: Math.min(...placement.lineRows),
        col: COLUMNS.indexOf("Role"),
        serial: (this.reveal?.serial ?? 0) + 1,
      };
    }
    this.changed();
    const [overrides, roles] = tableWrites;
    return {
      firstRow,
      rowsAdded: lines.length,
      lineRows: placement.lineRows,
      ...tableLines(overrides?.at ?? [], roles?.at ?? []),
      undo,
    };
  }

  /** The budget's body rows as typed (formulas as formulas), each as wide as the columns. */
  private bodyCells(): unknown[][] {
    return this.serializedRows(BUDGET_SHEET, FIRST_LINE_ROW, this.bodyRows, COLUMNS.length);
  }

  /** The body rows at these 0-based indexes as typed, as bodyCells has them; other rows absent. */
  private bodyRowsAt(indexes: readonly number[]): unknown[][] {
    const sheet = this.sheetId(BUDGET_SHEET);
    const rows: unknown[][] = [];
    for (const i of indexes) {
      rows[i] = COLUMNS.map(
        (_, col) => this.hf.getCellSerialized({ sheet, row: FIRST_LINE_ROW - 1 + i, col }) ?? null,
      );
    }
    return rows;
  }

  /** `count` rows of a sheet from a 1-based row, as typed, each `width` cells wide. */
  private serializedRows(sheet: string, first: number, count: number, width: number): unknown[][] {
    const rows = this.hf.getSheetSerialized(this.sheetId(sheet));
    return Array.from({ length: count }, (_, r) =>
      Array.from({ length: width }, (_, c) => rows[first - 1 + r]?.[c] ?? null),
    );
  }

  /**
   * Takes back one pane write (its result's `undo`), after checking that all of it still holds
   * what the write left: refuses, changing nothing, where someone has changed it. One HyperFormula
   * batch, so it lands whole; undoing what is undone already does nothing.
   */
  undoWrite(undo: WriteUndo): Promise<void> {
    try {
      this.undo(undo);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new WorkbookError(String(e)));
    }
  }

  private undo(undo: WriteUndo): void {
    const refuse = (what: string, problem: string) =>
      new WorkbookError(
        `Could not undo ${what}: ${problem}. An undo never takes away an edit: change it back, or remove what the pane added by hand.`,
      );
    switch (undo.kind) {
      case "crew-lines": {
        const width = (line: TableLineWrite) => line.cells.length;
        const plan = planCrewLinesUndo(undo, {
          headerRow: HEADER_ROW,
          body: this.bodyCells(),
          tableLines: undo.tableLines.map(
            (line) =>
              this.serializedRows(line.sheet, TABLE_FIRST_ROW + line.line - 1, 1, width(line))[0],
          ),
        });
        if (plan.problem !== undefined) throw refuse("adding the crew lines", plan.problem);
        if (plan.deletes.length + plan.rewrites.length + plan.clearLines.length === 0) return;
        const sheet = this.sheetId(BUDGET_SHEET);
        this.hf.batch(() => {
          for (const index of plan.deletes) {
            this.hf.removeRows(sheet, [FIRST_LINE_ROW - 1 + index, 1]);
          }
          for (const rewrite of plan.rewrites) {
            this.hf.setCellContents({ sheet, row: FIRST_LINE_ROW - 1 + rewrite.index, col: 0 }, [
              rewrite.cells.map(rawCell),
            ]);
          }
          for (const line of plan.clearLines) {
            this.hf.setCellContents(
              { sheet: this.sheetId(line.sheet), row: TABLE_FIRST_ROW + line.line - 2, col: 0 },
              [line.cells.map(() => null)],
            );
          }
          if (plan.deletes.length === 0) return;
          // The totals row, over the budget's extent as it was.
          const lastRow = FIRST_LINE_ROW - 1 + this.bodyRows - plan.deletes.length;
          this.hf.setCellContents({ sheet, row: lastRow, col: 0 }, [totalsRow(lastRow)]);
        });
        this.bodyRows -= plan.deletes.length;
        break;
      }
      case "production-role": {
        const { line } = undo;
        const what = `adding the role ${quoteInput(String(line.cells[0] ?? ""))}`;
        const row = TABLE_FIRST_ROW + line.line - 1;
        const read = this.serializedRows(line.sheet, row, 1, line.cells.length)[0];
        if (isBlankOver(read, line.cells.length)) return;
        if (!holdsWritten(read, line.cells)) {
          throw refuse(
            what,
            `line ${line.line} of the ${line.sheet} sheet has changed since it was written`,
          );
        }
        const values = this.hf.getSheetValues(this.sheetId(BUDGET_SHEET));
        const users = linesUsingRole(
          crewLinesFromCells(values.slice(FIRST_LINE_ROW - 1), FIRST_LINE_ROW),
          line.cells[0],
        );
        if (users.length > 0) {
          throw refuse(
            what,
            `crew lines are priced on this role (${BUDGET_SHEET} row${users.length === 1 ? "" : "s"} ${users.join(", ")}); taking it away would break them`,
          );
        }
        this.hf.setCellContents({ sheet: this.sheetId(line.sheet), row: row - 1, col: 0 }, [
          line.cells.map(() => null),
        ]);
        break;
      }
      case "values-copy":
      case "compare-sheet": {
        const what = undo.kind === "values-copy" ? "the values copy" : `the ${COMPARE_SHEET} sheet`;
        const present = undo.sheets.filter((s) => this.hf.doesSheetExist(s.name));
        for (const made of present) {
          const now = fingerprint(this.hf.getSheetSerialized(this.sheetId(made.name)));
          if (now !== made.fingerprint) {
            throw refuse(what, `the sheet "${made.name}" has changed since it was made`);
          }
        }
        if (present.length === 0) return;
        this.hf.batch(() => {
          for (const made of present) this.hf.removeSheet(this.sheetId(made.name));
        });
        break;
      }
      case "card-version": {
        const what = `the rate card update to ${undo.to}`;
        const now = this.settingsNow().cardVersion;
        if (now === undo.from) return;
        if (now !== undo.to) throw refuse(what, `Rate card version says '${now}' now`);
        this.hf.setCellContents(
          { sheet: this.sheetId(SETTINGS_SHEET), row: settingRow("CardVersion") - 1, col: 1 },
          [[`'${undo.from}`]],
        );
        break;
      }
    }
    this.changed();
  }

  /** The chart's name for an account (the subtotal row's description). */
  private accountName(account: string): string {
    return this.accounts.find((a) => a.account === account)?.name ?? "";
  }

  readProductionTables(): Promise<ProductionTables> {
    const [overrides, roles] = PRODUCTION_SHEETS.map(({ sheet, columns }) => {
      const id = this.sheetId(sheet);
      const rows: TableCell[][] = [];
      for (let r = 0; r < TABLE_LINES; r++) {
        const row: TableCell[] = [];
        for (let c = 0; c < columns.length; c++) {
          row.push(
            tableCell(this.hf.getCellValue({ sheet: id, row: TABLE_FIRST_ROW - 1 + r, col: c })),
          );
        }
        rows.push(row);
      }
      return rows;
    });
    return Promise.resolve({ overrides: overrides ?? [], roles: roles ?? [] });
  }

  addProductionRole(role: ProductionRoleInput): Promise<{ line: number } & Undoable> {
    const sheet = this.sheetId(ROLES_SHEET);
    const width = PRODUCTION_SHEETS[1].columns.length;
    const cells = productionRoleRow(role);
    const values = this.hf.getSheetValues(sheet);
    const rows = Array.from({ length: TABLE_LINES }, (_, i) =>
      Array.from({ length: width }, (_, c) =>
        tableCell(values[TABLE_FIRST_ROW - 1 + i]?.[c] ?? null),
      ),
    );
    // The same line already there is an earlier attempt that landed: nothing to write again.
    const plain = cells.map((c) => (typeof c === "string" && c.startsWith("'") ? c.slice(1) : c));
    // As the sheet reads them back: "3300" typed as text comes back a number.
    const earlier = rows.findIndex((row) =>
      plain.every((c, i) => String(row[i] ?? "") === String(c)),
    );
    if (earlier >= 0) {
      return Promise.resolve({
        line: earlier + 1,
        undo: { kind: "production-role", line: { sheet: ROLES_SHEET, line: earlier + 1, cells } },
      });
    }
    const at = rows.findIndex((row) => row.every((c) => c === null || c === ""));
    if (at < 0) {
      return Promise.reject(
        new WorkbookError(
          `The ${ROLES_SHEET} sheet is full (${TABLE_LINES} lines): clear a line, then try again.`,
        ),
      );
    }
    // Refused before writing when the tables would no longer fit the production tables cell.
    const overrides = this.hf
      .getSheetValues(this.sheetId(OVERRIDES_SHEET))
      .slice(TABLE_FIRST_ROW - 1, TABLE_FIRST_ROW - 1 + TABLE_LINES)
      .map((row) => row.map((v) => tableCell(v)));
    const after = rows.map((row, i) => (i === at ? plain : row));
    const tooLong = tablesCellProblem({ overrides, roles: after });
    if (tooLong) return Promise.reject(new WorkbookError(tooLong.message));
    this.hf.setCellContents({ sheet, row: TABLE_FIRST_ROW - 1 + at, col: 0 }, [cells]);
    this.changed();
    return Promise.resolve({
      line: at + 1,
      undo: { kind: "production-role", line: { sheet: ROLES_SHEET, line: at + 1, cells } },
    });
  }

  readCrewLines(): Promise<BudgetLine[]> {
    const values = this.hf.getSheetValues(this.sheetId(BUDGET_SHEET));
    return Promise.resolve(crewLinesFromCells(values.slice(FIRST_LINE_ROW - 1), FIRST_LINE_ROW));
  }

  /**
   * The view's selection (0-based rows and columns, inclusive), which the view reports as it
   * moves: the preview's selection lives in the view, readSelection reads what it last said.
   */
  setSelection(sheet: string, range: PreviewRange): void {
    this.selected = { sheet, ...range };
  }

  readSelection(): Promise<SelectedCells> {
    const at = this.selected;
    if (!at || !this.hf.doesSheetExist(at.sheet)) {
      return Promise.reject(
        new WorkbookError(
          "No cells are selected in the preview workbook: select the crew list's rows, then try again.",
        ),
      );
    }
    const sheet = this.sheetId(at.sheet);
    const address = `${at.sheet}!${columnLetter(at.left)}${at.top + 1}${
      at.bottom > at.top || at.right > at.left ? `:${columnLetter(at.right)}${at.bottom + 1}` : ""
    }`;
    const rows = this.hf
      .getRangeValues({
        start: { sheet, row: at.top, col: at.left },
        end: { sheet, row: at.bottom, col: at.right },
      })
      .map((row) => row.map((v) => (typeof v === "object" && v !== null ? v.value : (v ?? ""))));
    const problem = selectionProblem(rows, address);
    if (problem) return Promise.reject(new WorkbookError(problem));
    return Promise.resolve({ address, rows });
  }

  setCardVersion(version: string): Promise<void> {
    this.hf.setCellContents(
      { sheet: this.sheetId(SETTINGS_SHEET), row: settingRow("CardVersion") - 1, col: 1 },
      [[`'${version}`]],
    );
    this.changed();
    return Promise.resolve();
  }

  async writeCompareSheet(
    regions: readonly string[],
    hiring: Hiring,
  ): Promise<CompareSheetResult & Undoable> {
    // Read everything, plan the sheet (refusing before anything is written), then one batch.
    const sheet = planCompareSheet(this.engine, {
      lines: await this.readCrewLines(),
      settings: this.settingsNow(),
      tables: await this.readProductionTables(),
      regions,
      hiring,
    });
    const replaced = this.hf.doesSheetExist(COMPARE_SHEET);
    this.hf.batch(() => {
      if (!replaced) this.hf.addSheet(COMPARE_SHEET);
      this.hf.setSheetContent(this.sheetId(COMPARE_SHEET), sheet.rows);
    });
    this.changed();
    const result = compareSheetResult(sheet, replaced);
    // One that replaced an earlier Compare sheet cannot be undone: the earlier one is gone.
    if (replaced) return result;
    const made = { name: COMPARE_SHEET, fingerprint: fingerprint(sheet.rows) };
    return { ...result, undo: { kind: "compare-sheet", sheets: [made] } };
  }

  shareAsValues(): Promise<SharedCopy> {
    try {
      return Promise.resolve(this.share());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new WorkbookError(String(e)));
    }
  }

  private share(): SharedCopy {
    const note = valuesNote(this.settingsNow());
    // Read everything first, then write the copies in one batch (budget first: the topsheet copy's
    // totals point at it).
    const copies = SHARED_SHEETS.map(({ source, copy }) => {
      const id = this.sheetId(source);
      const values = this.hf.getSheetValues(id);
      const content = this.hf.getSheetSerialized(id).map((row, r) =>
        row.map((raw, c): RawCellContent => {
          const verdict = typeof raw === "string" ? shareCell(raw) : "keep";
          if (verdict === "keep") return raw;
          if (verdict === "value") return plainValue(values[r]?.[c] ?? null);
          return verdict.formula;
        }),
      );
      if (source === BUDGET_SHEET) {
        const noteRow = content[1] ?? [];
        noteRow[0] = note;
        content[1] = noteRow;
      }
      return { copy, content };
    });
    const replaced = copies.some(({ copy }) => this.hf.doesSheetExist(copy));
    this.hf.batch(() => {
      for (const { copy } of copies) {
        if (!this.hf.doesSheetExist(copy)) this.hf.addSheet(copy);
      }
      for (const { copy, content } of copies) this.hf.setSheetContent(this.sheetId(copy), content);
    });
    this.changed();
    const sheets = copies.map((c) => c.copy);
    // Copies that replaced earlier ones cannot be undone: the earlier ones are gone.
    if (replaced) return { sheets, replaced };
    const made = copies.map(({ copy }) => ({
      name: copy,
      fingerprint: fingerprint(this.hf.getSheetSerialized(this.sheetId(copy))),
    }));
    return { sheets, replaced, undo: { kind: "values-copy", sheets: made } };
  }
}

/** A cell read back (getSheetSerialized) as HyperFormula takes it to write it again. */
function rawCell(cell: unknown): RawCellContent {
  return typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean"
    ? cell
    : null;
}

/** The Settings sheet's cells as the preview holds them. */
function settingsSheetRows(): (string | number)[][] {
  // A leading apostrophe keeps the card version text ("2026.10" is not the number 2026.1).
  return settingsRows().map((row, i) =>
    SETTINGS[i - 1]?.name === "CardVersion" ? [row[0]!, `'${String(row[1])}`, row[2]!] : row,
  );
}

/** A computed value as a table cell: an error as its text. */
function tableCell(value: CellValue): TableCell {
  return typeof value === "object" && value !== null ? value.value : value;
}

/** A computed value as a cell can hold it: an error as its text ("#VALUE!"). */
/** A computed value as a values copy stores it: text stays text, even when it looks like a formula. */
function plainValue(value: CellValue): RawCellContent {
  const plain = typeof value === "object" && value !== null ? value.value : value;
  return typeof plain === "string" ? textCell(plain) : plain;
}
