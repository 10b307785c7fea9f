/**
 * A budget whose lines an earlier CrewRate wrote: their Fringe formulas do not pass Settings'
 * Health contribution (so they ignored the producer's level) or read wages to date by SUMIF.
 * Opening it rewrites exactly those cells to today's formula, with the wages spill they read, and
 * nothing else; a filtered budget waits; a second opening writes nothing.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_TABLE,
  col,
  COLUMNS,
  currentFringe,
  earlierFringeNote,
  HEADER_ROW,
  WAGES_COLUMN,
  type WagesSpill,
} from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel, key } from "../fixtures/fakeExcel";
import { crewLine } from "../fixtures/crewLine";

const EXCEL: WagesSpill = { anchorRow: HEADER_ROW, byIndex: true };
const FRINGE = COLUMNS.indexOf("Fringe");

/** Today's budget of three lines (rows 5 to 7, one account), then made to look like an earlier build's. */
async function earlierBudget() {
  const book = new FakeExcel({ Sheet1: {} });
  const first = new ExcelWorkbook({ departments: engine.departments, run: book.run });
  await first.ensureBudget();
  await first.appendCrewLines([
    crewLine("Gaffer", 10, "week"),
    crewLine("Best Boy Electric", 10, "week"),
    crewLine("Lighting Technician", 10, "week"),
  ]);
  const budget = book.sheetCells("Budget");
  const rows = [5, 6, 7];
  for (const r of rows)
    expect(book.cell("Budget", `${col("Fringe")}${r}`)).toBe(currentFringe(r, EXCEL));
  // Row 5: before the health argument. Row 6: wages by SUMIF too. Row 7: the producer's number.
  budget.set(key(5, FRINGE), currentFringe(5, EXCEL).replace(",HealthContribution", ""));
  const c = (name: Parameters<typeof col>[0]) => `${col(name)}6`;
  const above = (name: Parameters<typeof col>[0]) => `${col(name)}$${HEADER_ROW}:${col(name)}5`;
  const sumif = `IF(${c("Person")}="",0,SUMIF(${above("Person")},"="&${c("Person")},${above("Subtotal")}))`;
  budget.set(
    key(6, FRINGE),
    `=IF(${c("Role")}="","",CREW.FRINGE(${c("Role")},${c("Qty")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate,${sumif},HoursPerDay,CardVersion,ProductionTables))`,
  );
  budget.set(key(7, FRINGE), 1234.5);
  // An earlier build had no wages spill.
  budget.delete(key(HEADER_ROW - 1, COLUMNS.length + 1));
  budget.delete(key(HEADER_ROW, COLUMNS.length + 1));
  // A new pane (another opening) over it.
  const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
  return { book, workbook };
}

describe("opening a budget an earlier CrewRate wrote", () => {
  it("rewrites its earlier Fringe formulas to today's, adds the wages spill, and leaves the producer's cells", async () => {
    const { book, workbook } = await earlierBudget();
    const before = structuredClone(book.state.cells);

    await workbook.ensureBudget();

    expect(book.cell("Budget", `${col("Fringe")}5`)).toBe(currentFringe(5, EXCEL));
    expect(book.cell("Budget", `${col("Fringe")}6`)).toBe(currentFringe(6, EXCEL));
    expect(book.cell("Budget", `${col("Fringe")}7`)).toBe(1234.5);
    expect(String(book.cell("Budget", `${WAGES_COLUMN}${HEADER_ROW}`))).toMatch(
      /^=CREW\.WAGESBEFORE\(/,
    );
    expect(book.cell("Budget", "A3")).toBe(earlierFringeNote(2));
    // Every other cell of the workbook is as it was.
    const changed = (sheet: string) =>
      [...book.sheetCells(sheet).entries()]
        .filter(([k, v]) => before.get(sheet)?.get(k) !== v)
        .map(([k]) => k);
    expect(changed("Budget").sort()).toEqual(
      [
        key(3, 0),
        key(5, FRINGE),
        key(6, FRINGE),
        key(HEADER_ROW - 1, COLUMNS.length + 1),
        key(HEADER_ROW, COLUMNS.length + 1),
      ].sort(),
    );
    for (const sheet of book.state.cells.keys())
      if (sheet !== "Budget") expect(changed(sheet)).toEqual([]);

    // Opened again, nothing is left to do: no write.
    const again = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    const snapshot = structuredClone(book.state.cells);
    await again.ensureBudget();
    expect(book.state.cells).toEqual(snapshot);
  });

  it("waits while a filter hides lines, changing nothing, and refreshes once it is cleared", async () => {
    const { book, workbook } = await earlierBudget();
    book.table(BUDGET_TABLE)!.filtered = true;
    const before = structuredClone(book.state.cells);
    await workbook.ensureBudget();
    expect(book.state.cells).toEqual(before);

    book.table(BUDGET_TABLE)!.filtered = false;
    await workbook.ensureBudget();
    expect(book.cell("Budget", `${col("Fringe")}5`)).toBe(currentFringe(5, EXCEL));
  });

  /** Which run of an opening is the refresh: the last one (counted on a twin budget). */
  async function refreshRun(): Promise<number> {
    const twin = await earlierBudget();
    const runsBefore = twin.book.runs;
    await twin.workbook.ensureBudget();
    return twin.book.runs - runsBefore;
  }

  it.each(["none", "all"] as const)(
    "retries once, reading afresh, when the write batch fails with %s of it applied",
    async (applied) => {
      const at = await refreshRun();
      const { book, workbook } = await earlierBudget();
      book.failAt(book.runs + at, 3, applied);
      await workbook.ensureBudget();
      expect(book.hasPendingFailure).toBe(false);
      for (const r of [5, 6]) {
        expect(book.cell("Budget", `${col("Fringe")}${r}`)).toBe(currentFringe(r, EXCEL));
      }
      expect(book.cell("Budget", `${col("Fringe")}7`)).toBe(1234.5);
      expect(book.cell("Budget", "A3")).toBe(earlierFringeNote(2));
    },
  );

  it("says what is true when the retry fails too, and the next opening finishes", async () => {
    const at = await refreshRun();
    const { book, workbook } = await earlierBudget();
    const before = structuredClone(book.state.cells);
    book.failAt(book.runs + at, 3, "none");
    book.failAt(book.runs + at + 1, 3, "none");
    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Could not bring the budget's Fringe formulas up to date .*Every line still prices; try again to finish\.$/,
    );
    expect(book.hasPendingFailure).toBe(false);
    expect(book.state.cells).toEqual(before);

    await workbook.ensureBudget();
    expect(book.cell("Budget", `${col("Fringe")}5`)).toBe(currentFringe(5, EXCEL));
  });

  it("keeps a note the producer wrote in A3", async () => {
    const { book, workbook } = await earlierBudget();
    book.sheetCells("Budget").set(key(3, 0), "Draft 3 for the studio");
    await workbook.ensureBudget();
    expect(book.cell("Budget", "A3")).toBe("Draft 3 for the studio");
    expect(book.cell("Budget", `${col("Fringe")}6`)).toBe(currentFringe(6, EXCEL));
  });
});
