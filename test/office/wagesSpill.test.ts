/**
 * The Excel adapter's wages-to-date spill (issue 16, scale): written beside the table with the
 * first lines, read by each line's Fringe through ROW() (Excel's table shifts only its own cells),
 * refused when someone's content is in its place, and taken back by the pane's Undo with them.
 */
import { describe, expect, it } from "vitest";
import {
  BUDGET_TABLE,
  excelWagesFormula,
  HEADER_ROW,
  WAGES_COLUMN,
  WAGES_LABEL,
  WorkbookError,
  type CrewLineInput,
} from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";

const DEPARTMENTS = [{ name: "Camera", account: "3300" }];
const LINE: CrewLineInput = {
  account: "3301",
  department: "Camera",
  role: "Director of Photography",
  person: "Ana",
  description: "Shoot",
  quantity: 4,
  unit: "week",
};

async function emptyBudget(cells: Record<string, string> = {}) {
  // The producer's own cells beside the budget are on the Budget sheet before set-up.
  const book = new FakeExcel({
    Sheet1: { A1: "Schedule" },
    ...(Object.keys(cells).length > 0 ? { Budget: cells } : {}),
  });
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  await workbook.ensureBudget();
  return { book, workbook };
}

const label = `${WAGES_COLUMN}${HEADER_ROW - 1}`;
const anchor = `${WAGES_COLUMN}${HEADER_ROW}`;

describe("the wages spill in Excel", () => {
  it("lands with the first lines, and every Fringe reads its own row of it", async () => {
    const { book, workbook } = await emptyBudget();
    expect(book.cell("Budget", anchor)).toBeUndefined();
    await workbook.appendCrewLines([LINE, { ...LINE, quantity: 6 }]);
    expect(book.cell("Budget", label)).toBe(WAGES_LABEL);
    expect(book.cell("Budget", anchor)).toBe(excelWagesFormula(BUDGET_TABLE));
    expect(excelWagesFormula(BUDGET_TABLE)).toBe(
      `=CREW.WAGESBEFORE(${BUDGET_TABLE}[[#All],[Person]],IFERROR(${BUDGET_TABLE}[[#All],[Subtotal]],"#ERROR"))`,
    );
    for (const row of [HEADER_ROW + 1, HEADER_ROW + 2]) {
      expect(String(book.cell("Budget", `H${row}`))).toContain(
        `IF(ISERROR($${WAGES_COLUMN}$${HEADER_ROW}),$${WAGES_COLUMN}$${HEADER_ROW},INDEX($${WAGES_COLUMN}:$${WAGES_COLUMN},ROW()))`,
      );
    }
    // A second insert finds it there and writes it no more.
    const writesBefore = book.calls.filter((c) => c.includes(`${WAGES_COLUMN}${HEADER_ROW - 1}:`));
    await workbook.appendCrewLines([{ ...LINE, person: "Bo" }]);
    expect(book.calls.filter((c) => c.includes(`${WAGES_COLUMN}${HEADER_ROW - 1}:`))).toEqual(
      writesBefore,
    );
  });

  it("refuses, changing nothing, when the producer's own content holds its cell", async () => {
    const { book, workbook } = await emptyBudget({ [anchor]: "my notes" });
    const error = await workbook.appendCrewLines([LINE]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toContain(
      `Cell ${anchor} of the Budget sheet holds 'my notes'`,
    );
    expect(book.cell("Budget", anchor)).toBe("my notes");
    expect(book.cell("Budget", "C5")).toBeUndefined();
  });

  it("is taken back by the pane's Undo of the lines that brought it", async () => {
    const { book, workbook } = await emptyBudget();
    const result = await workbook.appendCrewLines([LINE]);
    expect(result.undo?.kind).toBe("crew-lines");
    await workbook.undoWrite(result.undo!);
    expect(book.cell("Budget", anchor) ?? "").toBe("");
    expect(book.cell("Budget", label) ?? "").toBe("");
  });
});
