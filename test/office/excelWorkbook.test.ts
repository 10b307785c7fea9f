/** The Excel adapter against a fake Excel (test/fixtures/fakeExcel.ts) behind office-addin-mock. */
import { describe, expect, it } from "vitest";
import {
  BUDGET_NOTE,
  BUDGET_TABLE,
  BUDGET_TITLE,
  COLUMNS,
  crewLineRow,
  MONEY_FORMAT,
  settingsRows,
  SETTINGS,
  topsheetLayout,
  HEADER_ROW,
  chartAccounts,
  TOPSHEET_COLUMNS,
  WorkbookError,
  nativeLineSum,
  subtotalRow,
  excelTotalsRow,
  col,
  LAYOUT_VERSION,
  type CrewLineInput,
} from "../../src/budget";
import { rateCard } from "../../src/data";
import type { StartupHost } from "../../src/office/documentStartup";
import { ExcelWorkbook, TOPSHEET_CHART } from "../../src/office/excelWorkbook";
import { colLetters, FakeExcel, key, type Cell } from "../fixtures/fakeExcel";

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "3400" },
];

const LINES: CrewLineInput[] = [
  {
    account: "3301",
    department: "Camera",
    role: "Director of Photography",
    person: "Ana",
    description: "Shoot",
    quantity: "shoot",
    unit: "week",
  },
  {
    account: "3302",
    department: "Camera",
    role: "Camera Operator",
    description: "Shoot",
    agreement: "IATSE Local 600",
    quantity: 8,
    unit: "week",
  },
  {
    account: "3401",
    department: "Grip",
    role: "Key Grip",
    person: "Bo",
    description: "Prep",
    quantity: 5,
    unit: "day",
    region: "New York",
    tier: "Tier 2",
  },
];

const LAST_COL = colLetters(COLUMNS.length - 1);
const MONEY_COLUMNS = ["Rate", "Subtotal", "Fringe", "Total"] as const;

async function budgetWith(lineCount: number) {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  await workbook.ensureBudget();
  if (lineCount > 0) await workbook.appendCrewLines(LINES.slice(0, lineCount));
  return { book, workbook };
}

/** A column's rows as the fake writes an address: "E10" for one row, "E10:E13" for more. */
function span(column: string, rows: { first: number; last: number }): string {
  return rows.first === rows.last
    ? `${column}${rows.first}`
    : `${column}${rows.first}:${column}${rows.last}`;
}

/** How Excel's table lines read their wages spill (by ROW(), the table shifts only its own cells). */
const EXCEL_WAGES = { anchorRow: HEADER_ROW, byIndex: true };

describe("ExcelWorkbook.ensureBudget", () => {
  it("creates the settings, the CrewBudget table with its totals row and the topsheet in one read and one write", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await workbook.ensureBudget();
    const { summary } = topsheetLayout(chartAccounts(DEPARTMENTS), HEADER_ROW + 2);

    // A look for a layout-1 budget to bring up to date (one read), then the setup's read and write.
    expect(book.syncsPerRun).toEqual([1, 2]);
    expect(book.calls.filter((c) => /^(worksheets|tables|charts)\.add/.test(c))).toEqual([
      "worksheets.add Budget",
      "tables.add Budget!A4:O4",
      "worksheets.add Topsheet",
      `charts.add BarClustered Topsheet!${span("E", summary)} Columns`,
      // The production tables' sheets come before the settings, whose formula reads them.
      "worksheets.add Rate Overrides",
      "worksheets.add Production Roles",
      "worksheets.add Settings",
    ]);
    expect(book.row("Rate Overrides", 3, 5)).toEqual([
      "Role",
      "Agreement",
      "Unit",
      "Amount",
      "Note",
    ]);
    expect(book.row("Production Roles", 3, 7)).toEqual([
      "Title",
      "Department",
      "Account",
      "Description",
      "Unit",
      "Rate",
      "Agreement",
    ]);

    // The budget: title, note, the table's header on row 4, one blank row, the totals row.
    expect(book.cell("Budget", "A1")).toBe(BUDGET_TITLE);
    expect(book.cell("Budget", "A2")).toBe(BUDGET_NOTE);
    expect(book.state.tables).toEqual([
      {
        name: BUDGET_TABLE,
        sheet: "Budget",
        headerRow: 4,
        width: COLUMNS.length,
        dataRows: 1,
        showTotals: true,
      },
    ]);
    expect(book.row("Budget", 4, COLUMNS.length)).toEqual([...COLUMNS]);
    expect(book.row("Budget", 6, COLUMNS.length)).toEqual(
      excelTotalsRow(BUDGET_TABLE).map((v) => v ?? undefined),
    );
    for (const row of [5, 6]) {
      expect(MONEY_COLUMNS.map((c) => book.format("Budget", `${col(c)}${row}`))).toEqual(
        Array(4).fill(MONEY_FORMAT),
      );
      expect(book.format("Budget", `${col("Qty")}${row}`)).not.toBe(MONEY_FORMAT); // Qty is a count
    }

    // Settings: the layout's cells, the date as a real date, the version as text, and the names.
    const rows = settingsRows();
    rows.forEach((row, r) => {
      // A blank default (Production budget) is an empty cell.
      const cells = row.map((v) => (v === "" ? undefined : v));
      expect(book.row("Settings", r + 1, 3)).toEqual(r === 1 ? [row[0], 46236, row[2]] : cells);
    });
    expect(book.format("Settings", "B2")).toBe("yyyy-mm-dd");
    expect(book.format("Settings", "B9")).toBe("@");
    // The production tables cell is a formula over both sheets, so it must not be text-formatted.
    expect(book.cell("Settings", "B10")).toBe(
      "=CREW.TABLES('Rate Overrides'!$A$4:$E$203,'Production Roles'!$A$4:$G$203)",
    );
    expect(book.format("Settings", "B10")).toBeUndefined();
    expect(book.state.names).toEqual(
      new Map(SETTINGS.map((s, i) => [s.name, `=Settings!$B$${i + 2}`])),
    );

    // Topsheet: the layout's rows (its ranges reach the new table's totals row, 6) and a bar
    // chart of the group summary.
    const topsheet = topsheetLayout(chartAccounts(DEPARTMENTS), HEADER_ROW + 2);
    topsheet.rows.forEach((row, r) => {
      const width = TOPSHEET_COLUMNS.length;
      const cells = Array.from({ length: width }, (_, i) => row[i] ?? "");
      expect(book.row("Topsheet", r + 1, width)).toEqual(
        cells.map((v) => (v === "" ? undefined : v)),
      );
    });
    expect(book.state.charts).toEqual([
      {
        name: TOPSHEET_CHART,
        sheet: "Topsheet",
        type: "BarClustered",
        source: `Topsheet!${span("E", topsheet.summary)}`,
        seriesBy: "Columns",
        title: "Crew cost by part of the budget",
        xValues: `Topsheet!${span("B", topsheet.summary)}`,
        position: "G4:N22",
      },
    ]);
    expect(book.cell("Sheet1", "A1")).toBe("Shooting schedule");
  });

  it("leaves a CrewRate budget alone the second time: one read, no writes", async () => {
    const { book, workbook } = await budgetWith(2);
    const before = structuredClone(book.state);
    const callsBefore = book.calls.length;

    await workbook.ensureBudget();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.calls.slice(callsBefore)).toEqual([]);
    expect(book.state).toEqual(before);
    expect(book.state.tables).toHaveLength(1);
  });

  it("adds the settings a later CrewRate introduced below an earlier build's, changing nothing else", async () => {
    const { book, workbook } = await budgetWith(2);
    // The budget as the build before the last setting made it: that row blank, its name absent.
    const last = SETTINGS[SETTINGS.length - 1]!;
    const lastRow = SETTINGS.length + 1;
    const cells = book.sheetCells("Settings");
    for (let c = 0; c < 3; c++) cells.delete(key(lastRow, c));
    book.state.names.delete(last.name);
    const budgetBefore = structuredClone(book.state.cells.get("Budget"));
    const earlier = book.row("Settings", lastRow - 1, 3);

    await workbook.ensureBudget();

    expect(book.row("Settings", lastRow, 3)).toEqual([last.label, last.value, last.note]);
    expect(book.row("Settings", lastRow - 1, 3)).toEqual(earlier);
    expect(book.state.names.get(last.name)).toBe(`=Settings!$B$${lastRow}`);
    expect(book.state.cells.get("Budget")).toEqual(budgetBefore);
    expect(await workbook.readSettings()).toBeDefined();
    // Once added, the next setup leaves the workbook alone.
    const calls = book.calls.length;
    await workbook.ensureBudget();
    expect(book.calls.slice(calls)).toEqual([]);
  });

  it("still refuses a Settings sheet whose later rows hold someone else's cells", async () => {
    const { book, workbook } = await budgetWith(0);
    const last = SETTINGS[SETTINGS.length - 1]!;
    const lastRow = SETTINGS.length + 1;
    const cells = book.sheetCells("Settings");
    cells.set(key(lastRow, 0), "My own note");
    book.state.names.delete(last.name);

    await expect(workbook.ensureBudget()).rejects.toThrow(/already exists with other content/);
    expect(book.cell("Settings", `A${lastRow}`)).toBe("My own note");
  });

  it("refuses to write over a user's Budget sheet with other content where the table goes", async () => {
    const book = new FakeExcel({ Budget: { A1: "My own budget", C4: "Hours", D9: 12 } });
    const before = structuredClone(book.state);
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(
      /A sheet named Budget already exists with other content in A1:O6/,
    );
    expect(book.syncsPerRun).toEqual([1, 1]); // the layout check and the read; no write batch
    expect(book.calls).toEqual([]);
    expect(book.state).toEqual(before);
  });

  it("refuses when a workbook name it needs already points somewhere else", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "x" } });
    book.state.names.set("Region", "=Sheet1!$A$1");
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.ensureBudget()).rejects.toThrow(
      /already has a name Region \(=Sheet1!\$A\$1\)/,
    );
    expect(book.calls).toEqual([]);
  });

  it("builds the budget on an existing, empty Budget sheet instead of adding one", async () => {
    const book = new FakeExcel({ Budget: { P1: "notes beside the budget" } });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await workbook.ensureBudget();

    expect(book.calls).not.toContain("worksheets.add Budget");
    expect(book.table(BUDGET_TABLE)?.sheet).toBe("Budget");
    expect(book.cell("Budget", "P1")).toBe("notes beside the budget");
  });

  it("takes back what landed when the write batch fails, and says nothing was changed", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
    const before = structuredClone(book.state);
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
    // The setup's write: its second run (the first only looks for a layout-1 budget).
    book.failAt(book.runs + 2, 2, "all");

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(
      "Could not set up the budget sheets: An internal error has occurred. Nothing was changed.",
    );
    expect(book.syncsPerRun).toEqual([1, 2, 2]); // the layout check, the failed batch, the undo run
    expect(book.state).toEqual(before);
  });
});

describe("ExcelWorkbook.appendCrewLines", () => {
  it("inserts each account's lines at its account, bottom up, one rows.add per place, in two syncs", async () => {
    // Rows 5-6: the two camera lines; row 7: the 3300 subtotal.
    const { book, workbook } = await budgetWith(2);
    const addsBefore = book.rowsAddCalls.length;

    const result = await workbook.appendCrewLines(LINES);

    // Camera lines join the camera block (rows 7-8, its subtotal moves to 9); the grip line opens
    // a 3400 block below it (row 10, subtotal 11).
    expect(result).toMatchObject({ firstRow: 7, rowsAdded: 3, lineRows: [7, 8, 10] });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    // Bottom up, each group numbered where it lands at its turn (Excel moves the rows below).
    expect(book.rowsAddCalls.slice(addsBefore)).toEqual([
      {
        index: undefined, // at the end
        // Its block starts below the 3300 subtotal (row 7).
        values: [
          crewLineRow(LINES[2]!, 8, EXCEL_WAGES),
          subtotalRow("3400", "Sound Operations", 9, 8),
        ],
      },
      {
        index: 2,
        values: [crewLineRow(LINES[0]!, 7, EXCEL_WAGES), crewLineRow(LINES[1]!, 8, EXCEL_WAGES)],
      },
    ]);
    // The camera subtotal, pushed down to row 9, reaches its new lines.
    expect(book.row("Budget", 9, COLUMNS.length)).toEqual(
      subtotalRow("3300", "Camera Operations", 9).map((v) => (v === "" ? undefined : v)),
    );
    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(7);
    // The new lines are selected, so Excel shows them, money columns included.
    expect(book.selections.slice(-2)).toEqual(["activate Budget", `Budget!A7:${col("Total")}10`]);
    expect(book.cell("Budget", "A12")).toBe("Total");
    // Crew lines only: the totals skip subtotal rows (no Role) and name an error line's row.
    expect(book.cell("Budget", `${col("Subtotal")}12`)).toBe(
      excelTotalsRow(BUDGET_TABLE)[COLUMNS.indexOf("Subtotal")],
    );
    MONEY_COLUMNS.forEach((c) => {
      expect(book.format("Budget", `${colLetters(COLUMNS.indexOf(c))}10`)).toBe(MONEY_FORMAT);
    });
  });

  it("puts the first line in the blank row Excel gives a new table, the rest in one rows.add", async () => {
    const { book, workbook } = await budgetWith(0);

    const result = await workbook.appendCrewLines(LINES);

    expect(result).toMatchObject({ firstRow: 5, rowsAdded: 3, lineRows: [5, 6, 8] });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.calls).toContain(`formulas Budget!A5:${LAST_COL}5`);
    const rows = [
      crewLineRow(LINES[0]!, 5, EXCEL_WAGES),
      crewLineRow(LINES[1]!, 6, EXCEL_WAGES),
      subtotalRow("3300", "Camera Operations", 7),
      crewLineRow(LINES[2]!, 8, EXCEL_WAGES),
      subtotalRow("3400", "Sound Operations", 9, 8),
    ];
    expect(book.rowsAddCalls).toEqual([{ index: undefined, values: rows.slice(1) }]);
    rows.forEach((cells, i) => {
      expect(book.row("Budget", 5 + i, COLUMNS.length)).toEqual(
        cells.map((v) => (v === "" ? undefined : v)),
      );
    });
    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(5); // no blank row left above the lines
    expect(book.cell("Budget", "A10")).toBe("Total");
  });

  it("rejects a negative quantity before touching Excel", async () => {
    const { book, workbook } = await budgetWith(1);
    const runsBefore = book.runs;
    const addsBefore = book.rowsAddCalls.length;
    const before = structuredClone(book.state);
    const bad: CrewLineInput = { ...LINES[1]!, quantity: -2 };

    const error: unknown = await workbook
      .appendCrewLines([LINES[0]!, bad])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(
      "Quantity for Camera Operator must be between 0 and 10,000.",
    );
    expect(book.runs).toBe(runsBefore); // no Excel.run, so no sync at all
    expect(book.rowsAddCalls).toHaveLength(addsBefore);
    expect(book.state).toEqual(before);
  });

  it.each(["all", "none"] as const)(
    "rolls back when the write sync fails with %s of the batch applied, and says nothing was changed",
    async (applied) => {
      const { book, workbook } = await budgetWith(2);
      const before = structuredClone(book.state);
      const callsBefore = book.calls.length;
      book.failNextRun(2, applied);

      const error: unknown = await workbook.appendCrewLines(LINES).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toBe(
        "Could not add the crew lines: An internal error has occurred. Nothing was changed.",
      );
      expect((error as WorkbookError).cause).toMatchObject({ code: "GeneralException" });
      // The grip block at the end, then the camera lines above the camera subtotal.
      expect(book.calls.slice(callsBefore).filter((c) => c.startsWith("rows.add"))).toEqual([
        "rows.add 2",
        "rows.add 2",
      ]);
      const deletes = book.calls.slice(callsBefore).filter((c) => c.startsWith("row.delete"));
      // The lowest group first (moved down by the one above it), each bottom up; nothing to
      // delete when nothing landed (the undo run then only reads).
      expect(deletes).toEqual(
        applied === "all" ? ["row.delete 6", "row.delete 5", "row.delete 3", "row.delete 2"] : [],
      );
      expect(book.syncsPerRun.slice(-2)).toEqual([2, applied === "all" ? 2 : 1]);
      expect(book.table(BUDGET_TABLE)?.dataRows).toBe(3);
      expect(book.state).toEqual(before);
    },
  );

  it("takes the first line back out of the blank row when a failed batch had put it there", async () => {
    const { book, workbook } = await budgetWith(0);
    const before = structuredClone(book.state);
    book.failNextRun(2, "all");

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(/Nothing was changed\.$/);

    expect(book.state).toEqual(before);
  });

  it("refuses to write into a table that moved above the rows its formulas expect", async () => {
    const { book, workbook } = await budgetWith(1);
    const table = book.table(BUDGET_TABLE)!;
    book.shiftRows("Budget", 0, COLUMNS.length - 1, 1, -2); // someone deleted rows 1-2
    table.headerRow = 2;
    const callsBefore = book.calls.length;

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(
      "The CrewBudget table has moved: CrewRate needs it to start in column A with its header on row 3 or below (it is at A2). Move it back, then try again.",
    );
    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.calls.slice(callsBefore)).toEqual([]);
  });

  it("says so, having changed nothing, when the budget table is missing", async () => {
    const book = new FakeExcel();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(
      "Could not add the crew lines: The requested resource doesn't exist (table CrewBudget). Nothing was changed.",
    );
    expect(book.syncsPerRun).toEqual([1]);
    expect(book.calls).toEqual([]);
  });
});

describe("ExcelWorkbook.appendCrewLines with production-table lines (crew-list import)", () => {
  const OVERRIDE = {
    role: "Gaffer",
    agreement: "",
    unit: "week" as const,
    amount: 5000,
    note: "From the imported crew list",
  };

  it("writes the lines and the override to the first blank table line in one read and one write", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Rate Overrides").set(key(4, 0), "Key Grip");

    const result = await workbook.appendCrewLines(LINES.slice(0, 1), { overrides: [OVERRIDE] });

    expect(result).toMatchObject({ rowsAdded: 1, overrideLines: [2] });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.row("Rate Overrides", 5, 5)).toEqual([
      "Gaffer",
      undefined,
      "week",
      5000,
      "From the imported crew list",
    ]);
  });

  it.each(["all", "none"] as const)(
    "takes the table lines back too when the write fails with %s of it applied",
    async (applied) => {
      const { book, workbook } = await budgetWith(1);
      const before = structuredClone(book.state);
      book.failNextRun(2, applied);

      await expect(
        workbook.appendCrewLines(LINES.slice(1, 2), { overrides: [OVERRIDE] }),
      ).rejects.toThrow(/Nothing was changed/);
      expect(book.state).toEqual(before);
    },
  );
});

describe("ExcelWorkbook.readSettings", () => {
  it("reads Settings!B2:B15 in one sync and turns an Excel date serial into YYYY-MM-DD", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Settings").set(key(2, 1), 45658); // 2025-01-01
    book.sheetCells("Settings").set(key(7, 1), 10); // shoot weeks

    const settings = await workbook.readSettings();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(settings).toEqual({
      budgetDate: "2025-01-01",
      region: "Los Angeles",
      tier: "Studio",
      hoursPerDay: 12,
      prepWeeks: 4,
      shootWeeks: 10,
      wrapWeeks: 2,
      // A new budget is pinned to the card it was built with.
      cardVersion: rateCard.meta.version,
      contingency: 0.1,
      layoutVersion: LAYOUT_VERSION,
      // Production budget: blank in a new budget, so not set.
      totalBudget: undefined,
      // Health contribution: an independent producer's, by default.
      healthContribution: "independent",
      // Topsheet accounts: only those with lines, by default.
      topsheetAccounts: "with lines",
    });
    expect(Object.keys(settings)).toContain("totalBudget");
  });

  it("accepts a date typed as text and rejects a cell that is not a date", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Settings").set(key(2, 1), "2027-03-15");
    expect((await workbook.readSettings()).budgetDate).toBe("2027-03-15");

    for (const text of ["next spring", "2026-02-30"]) {
      book.sheetCells("Settings").set(key(2, 1), text);
      await expect(workbook.readSettings()).rejects.toThrow(
        `Settings!B2 (Budget date) must be a date (YYYY-MM-DD); it holds '${text}'.`,
      );
    }
  });

  it("reports a missing Settings sheet as a WorkbookError", async () => {
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: new FakeExcel().run });

    await expect(workbook.readSettings()).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe("ExcelWorkbook.shareAsValues", () => {
  const CREW_COLUMNS = ["Rate", "Subtotal", "Fringe"] as const;

  /** A 3-line budget whose formulas "calculate" to distinct numbers, as Excel's would. */
  async function calculatedBudget() {
    const { book } = await budgetWith(3);
    // A fixed id, so the tagged temporary sheet names are known.
    const workbook = new ExcelWorkbook({
      departments: DEPARTMENTS,
      run: book.run,
      operationId: () => "t1",
    });
    for (let row = 5; row <= 10; row++) {
      COLUMNS.forEach((name, c) => {
        const address = `${colLetters(c)}${row}`;
        const formula = book.cell("Budget", address);
        if (typeof formula !== "string" || !formula.startsWith("=")) return;
        const value =
          name === "Region" ? "Los Angeles" : name === "Tier" ? "Studio" : row * 1000 + c + 0.25;
        book.calculated.set(`Budget!${address}`, value);
      });
    }
    return { book, workbook };
  }

  function snapshot(book: FakeExcel, sheet: string): [string, Cell][] {
    return [...book.sheetCells(sheet)];
  }

  it("copies Budget and Topsheet, writes CREW formulas' values over the copy under tagged names, then names them: read, build, swap", async () => {
    const { book, workbook } = await calculatedBudget();
    const budgetBefore = snapshot(book, "Budget");
    const topBefore = snapshot(book, "Topsheet");
    const settings = await workbook.readSettings();
    const callsBefore = book.calls.length;

    const result = await workbook.shareAsValues();

    expect(result).toMatchObject({ sheets: ["Budget (values)", "Topsheet (values)"] });
    expect(book.syncsPerRun.at(-1)).toBe(3); // no earlier copies: nothing to delete
    expect(book.calls.slice(callsBefore).filter((c) => c.startsWith("worksheet."))).toEqual([
      "worksheet.copy Budget End → Budget (2)",
      "worksheet.copy Topsheet End → Topsheet (2)",
      "worksheet.name Budget (2) → CrewRate t1 new 1",
      "worksheet.name Topsheet (2) → CrewRate t1 new 2",
      "worksheet.name CrewRate t1 new 1 → Budget (values)",
      "worksheet.name CrewRate t1 new 2 → Topsheet (values)",
    ]);
    // The originals are untouched; no other sheet appeared or changed.
    expect(snapshot(book, "Budget")).toEqual(budgetBefore);
    expect(snapshot(book, "Topsheet")).toEqual(topBefore);
    expect([...book.state.cells.keys()].sort()).toEqual(
      [
        "Budget",
        "Budget (values)",
        "Settings",
        "Sheet1",
        "Topsheet",
        "Topsheet (values)",
        "Rate Overrides",
        "Production Roles",
      ].sort(),
    );

    const copy = book.sheetCells("Budget (values)");
    expect([...copy.values()].filter((v) => typeof v === "string" && v.includes("CREW."))).toEqual(
      [],
    );
    // The crew lines (rows 5, 6 and 8; 7 and 9 are the account subtotals).
    for (const row of [5, 6, 8]) {
      for (const name of CREW_COLUMNS) {
        const address = `${col(name)}${row}`;
        expect(book.cell("Budget (values)", address)).toBe(
          book.calculated.get(`Budget!${address}`),
        );
        expect(book.format("Budget (values)", address)).toBe(MONEY_FORMAT);
      }
    }
    // Arithmetic over the copy stays: a line's Total, the subtotals, the totals row.
    expect(book.cell("Budget (values)", `${col("Total")}5`)).toBe(
      `=IF(${col("Role")}5="","",${col("Subtotal")}5+${col("Fringe")}5)`,
    );
    // A subtotal's CREW.LINESUM becomes the same checked sum in native functions.
    expect(book.cell("Budget (values)", `${col("Subtotal")}7`)).toBe(
      nativeLineSum(
        String(subtotalRow("3300", "Camera Operations", 7)[COLUMNS.indexOf("Subtotal")]),
      ),
    );
    expect(book.cell("Budget (values)", `${col("Subtotal")}10`)).toBe(
      excelTotalsRow(BUDGET_TABLE)[COLUMNS.indexOf("Subtotal")],
    );
    expect(book.cell("Budget (values)", `${col("Region")}5`)).toBe("Los Angeles"); // =Region
    expect(book.cell("Budget (values)", `${col("Qty")}5`)).toBe(
      book.calculated.get(`Budget!${col("Qty")}5`),
    ); // =ShootWeeks
    expect(book.cell("Budget (values)", "A1")).toBe(BUDGET_TITLE);
    expect(book.cell("Budget (values)", "A2")).toBe(
      `Values from CrewRate rate card ${settings.cardVersion}, budget date ${settings.budgetDate}, shared — no add-in needed to read it.`,
    );
    // The topsheet copy: the account sums (CREW.ACCOUNTSUM cells) are values, and what reads
    // the budget without a CREW function now reads the budget copy.
    const rows = topsheetLayout(chartAccounts(DEPARTMENTS), HEADER_ROW + 2).rows;
    const camera = rows.findIndex((r) => r[0] === "3300") + 1;
    expect(String(rows[camera - 1]?.[2])).toMatch(/^=CREW\.ACCOUNTSUM\(/);
    expect(book.cell("Topsheet (values)", `C${camera}`)).toBe(
      book.calculated.get(`Topsheet!C${camera}`) ?? 0,
    );
    const topCopy = book.sheetCells("Topsheet (values)");
    expect(
      [...topCopy.values()].filter((v) => typeof v === "string" && v.includes("CREW.")),
    ).toEqual([]);
    // What read the whole budget reads the account sums now (CREW): its value, like the accounts.
    const other = rows.findIndex((r) => r[1] === "Accounts not listed above") + 1;
    expect(String(rows[other - 1]?.[2])).toMatch(/CREW\.ACCOUNTSUM\(/);
    expect(book.cell("Topsheet (values)", `C${other}`)).toBe(
      book.calculated.get(`Topsheet!C${other}`) ?? 0,
    );
  });

  it("replaces its own earlier copies only once the new ones have their names, and leaves every other sheet alone", async () => {
    const { book, workbook } = await calculatedBudget();
    await workbook.shareAsValues();
    book.calculated.set("Budget!L5", 1.5);
    const sheet1 = snapshot(book, "Sheet1");
    const callsBefore = book.calls.length;

    await workbook.shareAsValues();

    expect(book.syncsPerRun.at(-1)).toBe(4); // read, build, swap names, delete the earlier copies
    expect(
      book.calls
        .slice(callsBefore)
        .filter((c) => c.startsWith("worksheet.delete") || c.includes("(values)")),
    ).toEqual([
      "worksheet.name Budget (values) → CrewRate t1 old 1",
      "worksheet.name Topsheet (values) → CrewRate t1 old 2",
      "worksheet.name CrewRate t1 new 1 → Budget (values)",
      "worksheet.name CrewRate t1 new 2 → Topsheet (values)",
      "worksheet.delete CrewRate t1 old 1",
      "worksheet.delete CrewRate t1 old 2",
    ]);
    expect(book.state.cells.size).toBe(8); // the budget's five sheets, Sheet1 and two copies
    expect(book.cell("Budget (values)", "L5")).toBe(1.5);
    expect(snapshot(book, "Sheet1")).toEqual(sheet1);
  });

  it("refuses while a CREW formula still shows #BUSY!, having changed nothing", async () => {
    const { book, workbook } = await calculatedBudget();
    book.calculated.set("Budget!L6", "#BUSY!");
    const before = structuredClone(book.state);

    await expect(workbook.shareAsValues()).rejects.toThrow(/still calculating/);
    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.state).toEqual(before);
  });

  it("says there is nothing to share in a workbook without the budget sheets", async () => {
    const book = new FakeExcel();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.shareAsValues()).rejects.toThrow(
      "There is no Budget, Topsheet or Settings sheet to share yet.",
    );
    expect(book.syncsPerRun).toEqual([1]);
    expect(book.calls).toEqual([]);
  });

  it.each(["all", "none"] as const)(
    "deletes the copies when the build sync fails with %s of the batch applied",
    async (applied) => {
      const { book, workbook } = await calculatedBudget();
      const before = structuredClone(book.state);
      book.failNextRun(2, applied);

      const error: unknown = await workbook.shareAsValues().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toBe(
        "Could not make the values copy: An internal error has occurred.",
      );
      expect((error as WorkbookError).changed).toBe("no");
      expect(book.syncsPerRun.slice(-2)).toEqual([2, applied === "all" ? 2 : 1]);
      expect(book.state).toEqual(before);
    },
  );
});

describe("ExcelWorkbook: the production tables and the card version", () => {
  it("reads both tables' line blocks in one sync, blank lines kept in place", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Rate Overrides").set(key(4, 0), "Gaffer");
    book.sheetCells("Rate Overrides").set(key(4, 2), "week");
    book.sheetCells("Rate Overrides").set(key(4, 3), 4200);
    book.sheetCells("Rate Overrides").set(key(6, 0), "Key Grip");

    const tables = await workbook.readProductionTables();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(tables.overrides).toHaveLength(200);
    expect(tables.overrides[0]?.slice(0, 4)).toEqual(["Gaffer", "", "week", 4200]);
    expect(tables.overrides[1]?.every((c) => c === "")).toBe(true);
    expect(tables.overrides[2]?.[0]).toBe("Key Grip");
    expect(tables.roles.every((row) => row.every((c) => c === ""))).toBe(true);
  });

  it("writes an added role on the first blank line in one read and one write", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Production Roles").set(key(4, 0), "Local Fixer");

    const { line } = await workbook.addProductionRole({
      title: "Drone Pilot",
      department: "Camera",
      account: "",
      description: "Flies the drone.",
      unit: "day",
      rate: 1200,
      agreement: "",
    });

    expect(line).toBe(2);
    expect(book.syncsPerRun.at(-1)).toBe(2);
    // The fake keeps written blanks as empty cells.
    expect(book.row("Production Roles", 5, 7)).toEqual([
      "Drone Pilot",
      "Camera",
      undefined,
      "Flies the drone.",
      "day",
      1200,
      undefined,
    ]);
  });

  it("refuses, having changed nothing, when the Production Roles table is full", async () => {
    const { book, workbook } = await budgetWith(0);
    for (let r = 4; r < 204; r++) book.sheetCells("Production Roles").set(key(r, 0), `Role ${r}`);
    const before = new Map(book.sheetCells("Production Roles"));

    await expect(
      workbook.addProductionRole({
        title: "Drone Pilot",
        department: "Camera",
        account: "",
        description: "",
        unit: "day",
        rate: 1,
        agreement: "",
      }),
    ).rejects.toThrow("The Production Roles sheet is full (200 lines)");
    expect(book.sheetCells("Production Roles")).toEqual(before);
  });

  it("sets the card version as text, so 2026.10 stays 2026.10", async () => {
    const { book, workbook } = await budgetWith(0);

    await workbook.setCardVersion("2026.10");

    expect(book.cell("Settings", "B9")).toBe("2026.10");
    expect(book.format("Settings", "B9")).toBe("@");
    expect((await workbook.readSettings()).cardVersion).toBe("2026.10");
  });

  it("reads the budget's crew lines with their cells' values", async () => {
    const { workbook } = await budgetWith(2);

    const lines = await workbook.readCrewLines();

    expect(lines.map((l) => [l.row, l.role])).toEqual([
      [5, LINES[0]!.role],
      [6, LINES[1]!.role],
    ]);
  });
});

describe("ExcelWorkbook: the workbook brings the add-in along", () => {
  function fakeStartup(opts: { opensPane?: boolean; failLoad?: boolean } = {}) {
    const calls: string[] = [];
    const host: StartupHost = {
      loadWithDocument: () => {
        calls.push("load");
        return opts.failLoad
          ? Promise.reject(new Error("SharedRuntime 1.1 is not supported"))
          : Promise.resolve();
      },
      opensPane: () => opts.opensPane ?? false,
      openPaneWithDocument: () => {
        calls.push("autoshow");
        return Promise.resolve();
      },
    };
    return { host, calls };
  }

  it("sets the document to load CrewRate and open its pane once the budget exists", async () => {
    const book = new FakeExcel();
    const { host, calls } = fakeStartup();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run, startup: host });
    await workbook.ensureBudget();
    expect(calls).toEqual(["load", "autoshow"]);
  });

  it("does not save the pane setting again when the document has it", async () => {
    const { host, calls } = fakeStartup({ opensPane: true });
    const workbook = new ExcelWorkbook({
      departments: DEPARTMENTS,
      run: new FakeExcel().run,
      startup: host,
    });
    await workbook.ensureBudget();
    expect(calls).toEqual(["load"]);
  });

  it("reports a platform that refuses, without failing the budget", async () => {
    const book = new FakeExcel();
    const { host } = fakeStartup({ failLoad: true });
    const problems: string[][] = [];
    const workbook = new ExcelWorkbook({
      departments: DEPARTMENTS,
      run: book.run,
      startup: host,
      onStartupProblem: (p) => problems.push(p),
    });
    await workbook.ensureBudget();
    expect(book.table(BUDGET_TABLE)).toBeDefined();
    expect(problems).toEqual([["loading with the document: SharedRuntime 1.1 is not supported"]]);
  });

  it("leaves the switches alone when budget setup fails", async () => {
    const book = new FakeExcel({ Budget: { A1: "My own notes" } });
    const { host, calls } = fakeStartup();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run, startup: host });
    await expect(workbook.ensureBudget()).rejects.toBeInstanceOf(WorkbookError);
    expect(calls).toEqual([]);
  });
});
