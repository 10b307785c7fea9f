/**
 * A filtered budget table: Excel can misplace rows an add-in writes into a filtered table and will
 * not delete rows from one (office-js issues 224 and 994), so adding lines and undoing them refuse
 * while a filter hides lines, say how to go on, and change nothing.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { BUDGET_TABLE, WorkbookError } from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";
import { crewLine } from "../fixtures/crewLine";

async function budget() {
  const book = new FakeExcel({ Sheet1: {} });
  const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
  await workbook.ensureBudget();
  const setFiltered = (filtered: boolean) => {
    const table = book.state.tables.find((t) => t.name === BUDGET_TABLE);
    if (!table) throw new Error("no budget table");
    table.filtered = filtered;
  };
  return { book, workbook, setFiltered };
}

const FILTERED = /The budget is filtered, so some of its lines are hidden.*Nothing was changed\.$/;

describe("a filtered budget", () => {
  it("refuses to add lines, naming the way on, and writes nothing", async () => {
    const { book, workbook, setFiltered } = await budget();
    setFiltered(true);
    const before = structuredClone(book.state.cells);
    const error = await workbook
      .appendCrewLines([crewLine("Gaffer", 10, "week")])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(FILTERED);
    expect((error as WorkbookError).message).toContain("To add lines, clear the filter first");
    expect(book.state.cells).toEqual(before);

    setFiltered(false);
    const added = await workbook.appendCrewLines([crewLine("Gaffer", 10, "week")]);
    expect(added.rowsAdded).toBe(1);
  });

  it("refuses to undo lines while filtered, and undoes them once the filter is cleared", async () => {
    const { book, workbook, setFiltered } = await budget();
    const added = await workbook.appendCrewLines([crewLine("Gaffer", 10, "week")]);
    const lines = (await workbook.readCrewLines()).length;
    expect(lines).toBe(1);
    setFiltered(true);
    const before = structuredClone(book.state.cells);
    const error = await workbook.undoWrite(added.undo!).catch((e: unknown) => e);
    expect((error as WorkbookError).message).toMatch(FILTERED);
    expect((error as WorkbookError).message).toContain("To take lines out");
    expect(book.state.cells).toEqual(before);

    setFiltered(false);
    await workbook.undoWrite(added.undo!);
    expect(await workbook.readCrewLines()).toHaveLength(0);
  });
});
