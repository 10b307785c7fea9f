/**
 * A WorkbookPort held in memory, beside the interface it implements: for the pane's tests. It keeps
 * the settings and the crew lines a workbook would hold, validates exactly as the real adapters do
 * (all lines or none), and records every call so tests can assert on what the pane asked for.
 */
import {
  checkTableLine,
  isRateError,
  productionToken,
  tableLineStatus,
  type ProductionTables,
  type RateEngine,
  type TableCell,
} from "../engine";
import {
  COMPARE_SHEET,
  compareSheetResult,
  planCompareSheet,
  type CompareSheetResult,
  type Hiring,
} from "./compare";
import {
  crewLineRow,
  productionRoleRow,
  rateOverrideRow,
  tableLines,
  validateLine,
  type BudgetLine,
  type CrewLineInput,
  type ProductionRoleInput,
  type TableAdditions,
} from "./crewLine";
import {
  blankTableLines,
  FIRST_LINE_ROW,
  HEADER_ROW,
  OVERRIDES_SHEET,
  ROLES_SHEET,
  TABLE_LINES,
} from "./layout";
import {
  RepairableProblem,
  WorkbookError,
  type AppendResult,
  type BudgetRepair,
  type BudgetSettings,
  type SelectedCells,
  type SharedCopy,
  type TableLineWrite,
  type Undoable,
  type WorkbookPort,
  type WriteUndo,
} from "./port";
import { holdsWritten, isBlankOver } from "./undo";
import { selectionProblem } from "./crewList";
import { defaultSettings } from "./settings";
import { SHARED_SHEETS } from "./share";

export interface MemoryWorkbookOptions {
  /** Settings that differ from the defaults. */
  settings?: Partial<BudgetSettings>;
  hostName?: string;
  /** Prices writeCompareSheet's report (the memory workbook writes no formulas). Without it, a Compare call reports the lines and regions with no figures. */
  engine?: RateEngine;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly hostName: string;
  /** The settings as the workbook holds them; tests may change them as a user would. */
  settings: BudgetSettings;
  /** Whether ensureBudget has run (the sheets exist). */
  hasBudget = false;

  /** The Rate Overrides and Production Roles lines; tests may edit them as a user would. */
  tables: { overrides: TableCell[][]; roles: TableCell[][] } = { overrides: [], roles: [] };
  /**
   * What each crew line's Total cell shows, by line index, when a test needs the sheet's numbers
   * (the memory workbook computes nothing itself).
   */
  totals: (number | undefined)[] = [];
  /** What each crew line's Subtotal cell shows, by line index, likewise. */
  subtotals: (number | undefined)[] = [];

  private readonly stored: CrewLineInput[] = [];
  private readonly calls: CrewLineInput[][] = [];
  private nextAppendFailure: Error | undefined;
  private appendHold: Promise<void> | undefined;
  private nextReadFailure: Error | undefined;
  private nextShareFailure: Error | undefined;
  private shares = 0;
  private readonly engine: RateEngine | undefined;
  private readonly compares: { regions: string[]; hiring: Hiring }[] = [];
  private nextCompareFailure: Error | undefined;
  /** Whether a Compare sheet has been written (a later one replaces it). */
  hasCompareSheet = false;
  /** The Settings sheet deleted, as a user would: reads refuse, offering to rebuild it. */
  settingsMissing = false;
  /** The budget table renamed to this, as a user would: reads refuse, offering the name back. */
  renamedTable: string | undefined;
  private readonly repairs: BudgetRepair[] = [];
  private readonly undos: WriteUndo[] = [];
  private nextUndoFailure: Error | undefined;
  /** Whether the values copies are there (a later share replaces them). */
  hasValuesCopy = false;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.hostName = options.hostName ?? "Memory workbook";
    this.settings = { ...defaultSettings(), ...options.settings };
    this.engine = options.engine;
  }

  /** Every writeCompareSheet call in order, with its regions and hiring, including failed calls. */
  get compareCalls(): readonly { regions: readonly string[]; hiring: Hiring }[] {
    return this.compares;
  }

  /** Makes the next writeCompareSheet call fail with `error` and change nothing. */
  failNextCompare(
    error: Error = new WorkbookError(
      "Could not write the Compare sheet: An internal error has occurred. Nothing was changed.",
    ),
  ): void {
    this.nextCompareFailure = error;
  }

  /** The crew lines in the budget, in row order. */
  get lines(): readonly CrewLineInput[] {
    return this.stored;
  }

  /** Every appendCrewLines call in order, with the lines it was given, including failed calls. */
  get appendCalls(): readonly (readonly CrewLineInput[])[] {
    return this.calls;
  }

  /**
   * Makes the next appendCrewLines call wait until the returned function is called, so a test can
   * look at the pane while the write is running without racing a timer.
   */
  holdNextAppend(): () => void {
    let release = (): void => undefined;
    this.appendHold = new Promise<void>((resolve) => {
      release = resolve;
    });
    return release;
  }

  /** Makes the next appendCrewLines call fail with `error` and change nothing. */
  failNextAppend(
    error: Error = new WorkbookError(
      "Excel is busy: a cell is being edited. Finish the edit and try again.",
    ),
  ): void {
    this.nextAppendFailure = error;
  }

  /** How many times shareAsValues was called, including failed calls. */
  get shareCalls(): number {
    return this.shares;
  }

  /** Makes the next shareAsValues call fail with `error` and change nothing. */
  failNextShare(
    error: Error = new WorkbookError(
      "Could not make the values copy: An internal error has occurred. Nothing was changed.",
    ),
  ): void {
    this.nextShareFailure = error;
  }

  /** Makes the next readSettings call fail with `error`. */
  failNextRead(error: Error = new WorkbookError("The workbook has no Settings sheet yet.")): void {
    this.nextReadFailure = error;
  }

  /** Every undoWrite call in order, including refused and failed ones. */
  get undoCalls(): readonly WriteUndo[] {
    return this.undos;
  }

  /** Makes the next undoWrite call fail with `error` and change nothing. */
  failNextUndo(
    error: Error = new WorkbookError(
      "Could not undo adding the crew lines: An internal error has occurred.",
    ),
  ): void {
    this.nextUndoFailure = error;
  }

  /** Changes a crew line as a user would type over its cells (by index, top first). */
  editLine(index: number, changes: Partial<CrewLineInput>): void {
    const line = this.stored[index];
    if (line) this.stored[index] = { ...line, ...changes };
  }

  /**
   * Takes back one write, as the real adapters do: refuses, changing nothing, when what it wrote
   * has changed since (here: its lines are not the last ones as written, its table line differs);
   * undoing what is undone already does nothing.
   */
  undoWrite(undo: WriteUndo): Promise<void> {
    this.undos.push(undo);
    const failure = this.nextUndoFailure;
    if (failure) {
      this.nextUndoFailure = undefined;
      return Promise.reject(failure);
    }
    const refuse = (problem: string) =>
      Promise.reject(new WorkbookError(`Could not undo it: ${problem}.`));
    switch (undo.kind) {
      case "crew-lines": {
        const count = undo.inserted.length;
        if (this.stored.length === undo.bodyRows - count) {
          this.clearTableLines(undo.tableLines);
          return Promise.resolve(); // undone already
        }
        if (this.stored.length !== undo.bodyRows)
          return refuse("lines were added or removed since");
        const first = undo.bodyRows - count;
        for (const [i, row] of undo.inserted.entries()) {
          const line = this.stored[first + i];
          if (!line || !holdsWritten(crewLineRow(line, row.row), row.cells)) {
            return refuse(`row ${row.row} has changed since it was added`);
          }
        }
        this.stored.splice(first, count);
        this.clearTableLines(undo.tableLines);
        return Promise.resolve();
      }
      case "production-role": {
        const at = undo.line.line - 1;
        const row = this.tables.roles[at];
        if (isBlankOver(row, undo.line.cells.length)) return Promise.resolve();
        if (!holdsWritten(row, undo.line.cells)) return refuse("the role's line has changed since");
        const title = String(undo.line.cells[0] ?? "").toLowerCase();
        if (this.stored.some((l) => l.role.toLowerCase() === title)) {
          return refuse("crew lines are priced on this role");
        }
        this.tables.roles[at] = undo.line.cells.map(() => "");
        return Promise.resolve();
      }
      case "values-copy":
        this.hasValuesCopy = false;
        return Promise.resolve();
      case "compare-sheet":
        this.hasCompareSheet = false;
        return Promise.resolve();
      case "card-version": {
        const now = this.settings.cardVersion;
        if (now === undo.from) return Promise.resolve();
        if (now !== undo.to) return refuse(`Rate card version says '${now}' now`);
        this.settings = { ...this.settings, cardVersion: undo.from };
        return Promise.resolve();
      }
    }
  }

  private clearTableLines(lines: readonly TableLineWrite[]): void {
    for (const line of lines) {
      const table = line.sheet === OVERRIDES_SHEET ? this.tables.overrides : this.tables.roles;
      const row = table[line.line - 1];
      if (holdsWritten(row, line.cells)) table[line.line - 1] = line.cells.map(() => "");
    }
  }

  /** Every repair call in order, including refused ones. */
  get repairCalls(): readonly BudgetRepair[] {
    return this.repairs;
  }

  ensureBudget(): Promise<void> {
    // As Excel's set-up: a renamed table stops it with the offer, a missing Settings is made.
    if (this.renamedTable !== undefined) return Promise.reject(this.renamedProblem());
    if (this.settingsMissing) this.rebuildSettings();
    this.hasBudget = true;
    return Promise.resolve();
  }

  readSettings(): Promise<BudgetSettings> {
    const failure = this.nextReadFailure;
    if (failure) {
      this.nextReadFailure = undefined;
      return Promise.reject(failure);
    }
    if (this.settingsMissing) {
      return Promise.reject(
        new RepairableProblem("The budget's Settings sheet is gone.", { kind: "rebuild-settings" }),
      );
    }
    return Promise.resolve({ ...this.settings });
  }

  repair(repair: BudgetRepair): Promise<void> {
    this.repairs.push(repair);
    if (repair.kind === "rename-table") {
      if (this.renamedTable !== repair.table) {
        return Promise.reject(new WorkbookError(`There is no table called "${repair.table}".`));
      }
      this.renamedTable = undefined;
      return Promise.resolve();
    }
    if (!this.settingsMissing) {
      return Promise.reject(new WorkbookError("The Settings sheet is there: nothing to rebuild."));
    }
    this.rebuildSettings();
    return Promise.resolve();
  }

  private rebuildSettings(): void {
    this.settings = defaultSettings();
    this.settingsMissing = false;
  }

  private renamedProblem(): RepairableProblem {
    const table = this.renamedTable ?? "";
    return new RepairableProblem(`The budget's table is called "${table}" now.`, {
      kind: "rename-table",
      table,
    });
  }

  async appendCrewLines(
    lines: readonly CrewLineInput[],
    additions: TableAdditions = {},
  ): Promise<AppendResult> {
    this.calls.push(lines.map((line) => ({ ...line })));
    const hold = this.appendHold;
    if (hold) {
      this.appendHold = undefined;
      await hold;
    }
    const failure = this.nextAppendFailure;
    if (failure) {
      this.nextAppendFailure = undefined;
      throw failure;
    }
    // All or nothing: every line is checked before any is stored.
    for (const line of lines) {
      const problem = validateLine(line);
      if (problem) throw new WorkbookError(problem);
    }
    const overrideAt = blankTableLines(
      OVERRIDES_SHEET,
      this.tables.overrides,
      additions.overrides?.length ?? 0,
    );
    const roleAt = blankTableLines(ROLES_SHEET, this.tables.roles, additions.roles?.length ?? 0);
    (additions.overrides ?? []).forEach((o, i) => {
      this.tables.overrides[overrideAt[i]!] = rateOverrideRow(o);
    });
    (additions.roles ?? []).forEach((r, i) => {
      this.tables.roles[roleAt[i]!] = productionRoleRow(r);
    });
    const firstRow = FIRST_LINE_ROW + this.stored.length;
    this.stored.push(...lines.map((line) => ({ ...line })));
    this.hasBudget = true;
    const written = (sheet: string, at: readonly number[], rows: (string | number)[][]) =>
      at.map((i, k) => ({ sheet, line: i + 1, cells: rows[k] ?? [] }));
    return {
      firstRow,
      rowsAdded: lines.length,
      ...tableLines(overrideAt, roleAt),
      // The memory workbook appends in order, without subtotal rows.
      undo: {
        kind: "crew-lines",
        headerRow: HEADER_ROW,
        bodyRows: this.stored.length,
        inserted: lines.map((line, i) => ({
          row: firstRow + i,
          cells: crewLineRow(line, firstRow + i),
        })),
        rewrites: [],
        tableLines: [
          ...written(OVERRIDES_SHEET, overrideAt, (additions.overrides ?? []).map(rateOverrideRow)),
          ...written(ROLES_SHEET, roleAt, (additions.roles ?? []).map(productionRoleRow)),
        ],
      },
    };
  }

  /**
   * What each line's Status cell shows on a production sheet (Rate Overrides or Production
   * Roles), line 1 first, as the Status column set-up writes in Excel and the preview would show
   * it (CREW.TABLECHECK over these tables, at the settings' card version): "", "OK…" or "Fix: …".
   * Needs the `engine` option (the memory workbook computes nothing else).
   */
  tableStatuses(sheet: string): string[] {
    const card = this.engine;
    if (!card) throw new Error("MemoryWorkbook: tableStatuses needs the engine option");
    const engine = card
      .forVersion(this.settings.cardVersion)
      .withProductionToken(productionToken(this.tables));
    const rows = sheet === OVERRIDES_SHEET ? this.tables.overrides : this.tables.roles;
    return rows.map((cells, i) => {
      const check = checkTableLine(engine.production, sheet, i + 1, cells);
      if (isRateError(check)) throw check;
      return tableLineStatus(check, (id) => engine.findRole(id).title);
    });
  }

  readProductionTables(): Promise<ProductionTables> {
    return Promise.resolve({
      overrides: this.tables.overrides.map((r) => [...r]),
      roles: this.tables.roles.map((r) => [...r]),
    });
  }

  addProductionRole(role: ProductionRoleInput): Promise<{ line: number } & Undoable> {
    const row = productionRoleRow(role);
    const added = (line: number) => ({
      line,
      undo: { kind: "production-role" as const, line: { sheet: ROLES_SHEET, line, cells: row } },
    });
    // Check before writing, as the real adapters do: the same row is an earlier attempt that landed.
    const earlier = this.tables.roles.findIndex((r) => row.every((c, i) => r[i] === c));
    if (earlier >= 0) return Promise.resolve(added(earlier + 1));
    const index = this.tables.roles.findIndex((row) => row.every((c) => c === null || c === ""));
    const at = index < 0 ? this.tables.roles.length : index;
    if (at >= TABLE_LINES) {
      return Promise.reject(new WorkbookError(`The ${ROLES_SHEET} sheet is full.`));
    }
    this.tables.roles[at] = productionRoleRow(role);
    return Promise.resolve(added(at + 1));
  }

  readCrewLines(): Promise<BudgetLine[]> {
    if (this.renamedTable !== undefined) return Promise.reject(this.renamedProblem());
    return Promise.resolve(
      this.stored.map((line, i) => ({
        row: FIRST_LINE_ROW + i,
        role: line.role,
        person: line.person ?? "",
        agreement: line.agreement ?? "",
        region: line.region ?? this.settings.region,
        tier: line.tier ?? this.settings.tier,
        quantity:
          typeof line.quantity === "number"
            ? line.quantity
            : this.settings[`${line.quantity}Weeks` as const],
        unit: line.unit,
        subtotal: this.subtotals[i],
        total: this.totals[i],
      })),
    );
  }

  /** The selected cells, as readSelection reads them; tests set it as a user would select. */
  selection: SelectedCells = { address: "Sheet1!A1", rows: [[""]] };

  readSelection(): Promise<SelectedCells> {
    const { address, rows } = this.selection;
    const problem = selectionProblem(rows, address);
    if (problem) return Promise.reject(new WorkbookError(problem));
    return Promise.resolve({ address, rows: rows.map((row) => [...row]) });
  }

  setCardVersion(version: string): Promise<void> {
    this.settings = { ...this.settings, cardVersion: version };
    return Promise.resolve();
  }

  shareAsValues(): Promise<SharedCopy> {
    this.shares += 1;
    const failure = this.nextShareFailure;
    if (failure) {
      this.nextShareFailure = undefined;
      return Promise.reject(failure);
    }
    const sheets = SHARED_SHEETS.map((s) => s.copy);
    const replaced = this.hasValuesCopy;
    this.hasValuesCopy = true;
    if (replaced) return Promise.resolve({ sheets, replaced });
    const undo: WriteUndo = {
      kind: "values-copy",
      sheets: sheets.map((name) => ({ name, fingerprint: "memory" })),
    };
    return Promise.resolve({ sheets, replaced, undo });
  }

  async writeCompareSheet(
    regions: readonly string[],
    hiring: Hiring,
  ): Promise<CompareSheetResult & Undoable> {
    this.compares.push({ regions: [...regions], hiring });
    const failure = this.nextCompareFailure;
    if (failure) {
      this.nextCompareFailure = undefined;
      throw failure;
    }
    const lines = await this.readCrewLines();
    const replaced = this.hasCompareSheet;
    let result: CompareSheetResult;
    if (this.engine) {
      const sheet = planCompareSheet(this.engine, {
        lines,
        settings: this.settings,
        tables: await this.readProductionTables(),
        regions,
        hiring,
      });
      result = compareSheetResult(sheet, replaced);
    } else {
      result = {
        sheet: COMPARE_SHEET,
        lines: lines.length,
        replaced,
        hiring,
        cardVersion: this.settings.cardVersion,
        regions: regions.map((region) => ({
          region,
          isOwn: region === this.settings.region,
          totalCents: 0,
          noUnionScaleLines: 0,
          estimateLines: 0,
          unpricedLines: 0,
        })),
      };
    }
    this.hasCompareSheet = true;
    if (replaced) return result;
    const sheets = [{ name: COMPARE_SHEET, fingerprint: "memory" }];
    return { ...result, undo: { kind: "compare-sheet", sheets } };
  }
}
