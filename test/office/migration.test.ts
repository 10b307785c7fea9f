/**
 * A budget made by CrewRate's layout 1 (Department second, money on the right, no subtotals, a
 * department topsheet) is brought up to date in one batch by ensureBudget, keeping every line's
 * choices; a hand-replaced computed cell stops it with the cell named, changing nothing.
 */
import { describe, expect, it } from "vitest";
import {
  BUDGET_TABLE,
  COLUMNS,
  crewLineRow,
  excelWagesFormula,
  WAGES_COLUMN,
  LAYOUT_1_COLUMNS,
  LAYOUT_2_SETTINGS,
  LAYOUT_VERSION,
  settingRow,
  subtotalRow,
  TOPSHEET_COLUMNS,
  TOPSHEET_HEADER_ROW,
  TOPSHEET_SUMS_ROW,
  WorkbookError,
  type CrewLineInput,
} from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel, key } from "../fixtures/fakeExcel";
import { expectTruthfulUnderFaults } from "./faultHarness";

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "2500" },
];

/** Two layout-1 lines as that build wrote them: grip first (insertion order), camera second. */
const V1_LINES: Record<(typeof LAYOUT_1_COLUMNS)[number], string | number>[] = [
  {
    Account: "2501",
    Department: "Grip",
    Role: "Key Grip",
    Person: "Bo",
    Description: "Key Grip, shoot",
    Agreement: "",
    Region: "=Region",
    Tier: "=Tier",
    Qty: "=ShootWeeks",
    Unit: "week",
    Rate: "=CREW.UNITRATE(C5,J5,F5,G5,H5,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
    Subtotal: "=CREW.RATE(C5,I5,J5,F5,G5,H5,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
    Fringe: "=CREW.FRINGE(C5,I5,J5,F5,G5,H5,BudgetDate,0,HoursPerDay,CardVersion,ProductionTables)",
    Total: "=L5+M5",
    Basis: "=CREW.BASIS(C5,J5,F5,G5,H5,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
  },
  {
    Account: "3301",
    Department: "Camera",
    Role: "Director of Photography",
    Person: "",
    Description: "Director of Photography, prep",
    Agreement: "IATSE Local 600",
    Region: "New York",
    Tier: "=Tier",
    Qty: 3,
    Unit: "week",
    Rate: "=CREW.UNITRATE(C6,J6,F6,G6,H6,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
    Subtotal: "=CREW.RATE(C6,I6,J6,F6,G6,H6,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
    Fringe: "=CREW.FRINGE(C6,I6,J6,F6,G6,H6,BudgetDate,0,HoursPerDay,CardVersion,ProductionTables)",
    Total: "=L6+M6",
    Basis: "=CREW.BASIS(C6,J6,F6,G6,H6,BudgetDate,HoursPerDay,CardVersion,ProductionTables)",
  },
];

/** What the migration must make of them: the same choices, in layout 2. */
const EXPECTED: CrewLineInput[] = [
  {
    account: "2501",
    department: "Grip",
    role: "Key Grip",
    person: "Bo",
    description: "Key Grip, shoot",
    quantity: "shoot",
    unit: "week",
  },
  {
    account: "3301",
    department: "Camera",
    role: "Director of Photography",
    description: "Director of Photography, prep",
    agreement: "IATSE Local 600",
    quantity: 3,
    unit: "week",
    region: "New York",
  },
];

/**
 * A workbook as layout 1 left it: today's setup, then turned back into layout 1's shape (the
 * table's header and lines in the old order, no Contingency/Layout version settings or names, the
 * old totals and a department topsheet).
 */
async function layout1Workbook() {
  const book = new FakeExcel({});
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  await workbook.ensureBudget();
  const budget = book.sheetCells("Budget");
  LAYOUT_1_COLUMNS.forEach((name, c) => {
    budget.set(key(4, c), name);
    V1_LINES.forEach((line, i) => {
      // An empty cell holds nothing, as in Excel.
      if (line[name] === "") budget.delete(key(5 + i, c));
      else budget.set(key(5 + i, c), line[name]);
    });
    const total =
      name === "Account"
        ? "Total"
        : name === "Subtotal" || name === "Fringe" || name === "Total"
          ? `=SUM(CrewBudget[${name}])`
          : undefined;
    if (total === undefined) budget.delete(key(7, c));
    else budget.set(key(7, c), total);
  });
  book.table(BUDGET_TABLE)!.dataRows = V1_LINES.length;
  const settings = book.sheetCells("Settings");
  // Layout 1 ended at ProductionTables (row 10): the later settings and their names are new.
  for (const name of LAYOUT_2_SETTINGS) {
    for (let c = 0; c < 3; c++) settings.delete(key(settingRow(name), c));
    book.state.names.delete(name);
  }
  const top = book.sheetCells("Topsheet");
  top.clear();
  const v1Top = [
    ["Account", "Department", "Labor", "Fringe", "Total"],
    ["3300", "Camera", "=SUMIF(Budget!$B:$B,B2,Budget!$L:$L)", "=0", "=C2+D2"],
    ["2500", "Grip", "=SUMIF(Budget!$B:$B,B3,Budget!$L:$L)", "=0", "=C3+D3"],
    ["", "Total", "=SUM(C2:C3)", "=SUM(D2:D3)", "=SUM(E2:E3)"],
  ];
  v1Top.forEach((row, r) => {
    // An empty cell holds nothing, as in Excel.
    row.forEach((v, c) => (v === "" ? top.delete(key(r + 1, c)) : top.set(key(r + 1, c), v)));
  });
  // Layout 1's chart: Total by department, beside the departments.
  book.state.charts = book.state.charts.map((chart) =>
    chart.sheet === "Topsheet"
      ? {
          ...chart,
          source: "Topsheet!E1:E3",
          title: "Crew cost by department",
          xValues: "Topsheet!B2:B3",
          position: "G2:P30",
        }
      : chart,
  );
  return { book, workbook };
}

describe("ExcelWorkbook: bringing a layout-1 budget up to date", () => {
  it("rewrites the lines money-first in chart order with subtotals, adds the new settings and rebuilds the topsheet", async () => {
    const { book, workbook } = await layout1Workbook();

    await workbook.ensureBudget();

    expect(book.row("Budget", 4, COLUMNS.length)).toEqual([...COLUMNS]);
    // 2501 before 3301 (chart order), each block closed by its account's subtotal.
    // Excel's lines read the wages spill by ROW(); the migration writes the spill beside them.
    const excelWages = { anchorRow: 4, byIndex: true };
    const expected = [
      crewLineRow(EXPECTED[0]!, 5, excelWages),
      subtotalRow("2500", "Set Operations", 6),
      crewLineRow(EXPECTED[1]!, 7, excelWages),
      subtotalRow("3300", "Camera Operations", 8, 7),
    ];
    expected.forEach((cells, i) => {
      expect(book.row("Budget", 5 + i, COLUMNS.length)).toEqual(
        cells.map((v) => (v === "" ? undefined : v)),
      );
    });
    expect(book.cell("Budget", `${WAGES_COLUMN}4`)).toBe(excelWagesFormula(BUDGET_TABLE));
    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(4);
    expect(book.cell("Budget", "A9")).toBe("Total");
    expect(String(book.cell("Budget", "A3"))).toMatch(/^Brought up to date from CrewRate layout 1/);
    // The settings layout 2 added, with their names.
    expect(book.cell("Settings", "A11")).toBe("Contingency");
    expect(book.cell("Settings", "B12")).toBe(LAYOUT_VERSION);
    expect(book.state.names.get("Contingency")).toBe("=Settings!$B$11");
    // The topsheet by account, ranges reaching the budget's new totals row.
    expect(book.row("Topsheet", TOPSHEET_HEADER_ROW, 5)).toEqual([...TOPSHEET_COLUMNS]);
    expect(String(book.cell("Topsheet", `G${TOPSHEET_SUMS_ROW}`))).toContain("Budget!$G$4:$G$9");

    // Now it is a layout-2 budget: opening CrewRate again changes nothing.
    const calls = book.calls.length;
    await workbook.ensureBudget();
    expect(
      book.calls.slice(calls).filter((c) => !c.startsWith("load") && !c.startsWith("sync")),
    ).toEqual([]);
  });

  it("waits, changing nothing, while a filter hides lines, and brings the budget up to date once it is cleared", async () => {
    const { book, workbook } = await layout1Workbook();
    book.table(BUDGET_TABLE)!.filtered = true;
    const before = structuredClone(book.state);

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(
      /^The budget is filtered.*To bring this budget \(made by an earlier CrewRate, layout 1\) up to date, clear the filter first.*Nothing was changed\.$/,
    );
    expect(book.state).toEqual(before);

    book.table(BUDGET_TABLE)!.filtered = false;
    await workbook.ensureBudget();
    expect(book.row("Budget", 4, COLUMNS.length)).toEqual([...COLUMNS]);
  });

  it("stops, changing nothing and naming the cell, when a computed cell was replaced by hand", async () => {
    const { book, workbook } = await layout1Workbook();
    book.sheetCells("Budget").set(key(6, LAYOUT_1_COLUMNS.indexOf("Rate")), 5000);
    const before = structuredClone(book.state);

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/Budget row 6's Rate holds '5000'/);
    expect(book.state).toEqual(before);
  });

  it.each(["all", "none"] as const)(
    "puts the budget back when the write batch fails with %s of it applied",
    async (applied) => {
      const { book, workbook } = await layout1Workbook();
      const before = structuredClone(book.state);
      book.failNextRun(3, applied);

      const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toMatch(/Nothing was changed\.$/);
      expect(book.table(BUDGET_TABLE)?.dataRows).toBe(2);
      expect(book.row("Budget", 4, LAYOUT_1_COLUMNS.length)).toEqual([...LAYOUT_1_COLUMNS]);
      const now = book.state.cells.get("Budget")!;
      const was = before.cells.get("Budget")!;
      const diff = [...new Set([...now.keys(), ...was.keys()])].filter(
        (k) => now.get(k) !== was.get(k),
      );
      expect(diff.map((k) => [k, was.get(k), now.get(k)])).toEqual([]);
      expect(book.state.cells.get("Settings")).toEqual(before.cells.get("Settings"));
      expect(book.state.names).toEqual(before.names);
    },
  );

  it("is truthful under every fault (one or two), and a retry ends like a clean migration", async () => {
    await expectTruthfulUnderFaults({
      name: "layout-1 migration",
      prepare: async () => {
        const made = await layout1Workbook();
        return { ...made, act: () => made.workbook.ensureBudget() };
      },
    });
  });
});
