/** The Excel adapter's readSelection, against the fake Excel: the selected cells in one sync. */
import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";

const DEPARTMENTS = [{ name: "Grip", account: "3400" }];

function workbookOver(book: FakeExcel): ExcelWorkbook {
  return new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
}

describe("ExcelWorkbook.readSelection", () => {
  it("returns the selected cells' values and address, in one Excel.run with one sync", async () => {
    const book = new FakeExcel({
      Budget: {
        A5: "Title",
        B5: "Qty",
        C5: "Rate",
        A6: "Gaffer",
        B6: 8,
        C6: 4500,
        A7: "Set PA #3",
        C7: 250,
        D7: "outside the selection",
      },
    });
    book.selection = "Budget!A5:C7";
    const selected = await workbookOver(book).readSelection();
    expect(selected).toEqual({
      address: "Budget!A5:C7",
      rows: [
        ["Title", "Qty", "Rate"],
        ["Gaffer", 8, 4500],
        ["Set PA #3", "", 250],
      ],
    });
    expect(book.syncsPerRun).toEqual([1]);
    expect(book.calls).toEqual(["getSelectedRange"]);
  });

  it("refuses an empty selection, saying what to select", async () => {
    const book = new FakeExcel({ Budget: { A1: "Title" } });
    book.selection = "Budget!C3:D9";
    const error: unknown = await workbookOver(book)
      .readSelection()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(
      /The selected cells \(Budget!C3:D9\) are empty: select the crew list's rows/,
    );
    expect(book.syncsPerRun).toEqual([1]);
  });

  it("refuses a selection wider than 20 columns or longer than 2,000 rows", async () => {
    const book = new FakeExcel({ Budget: { A1: "Title" } });
    book.selection = "Budget!A1:U3";
    await expect(workbookOver(book).readSelection()).rejects.toThrow(
      /is 3 rows × 21 columns: select at most 2,000 rows × 20 columns/,
    );
    book.selection = "Budget!A1:B2001";
    await expect(workbookOver(book).readSelection()).rejects.toThrow(/is 2001 rows × 2 columns/);
    book.selection = "Budget!A1:T2000";
    await expect(workbookOver(book).readSelection()).resolves.toMatchObject({
      address: "Budget!A1:T2000",
    });
  });

  it("turns Excel's refusal (a selection of several blocks, a chart) into a WorkbookError", async () => {
    const book = new FakeExcel({ Budget: { A1: "Title" } });
    book.selection = "Budget!A1";
    book.failNextRun(1, "none");
    await expect(workbookOver(book).readSelection()).rejects.toThrow(
      /Could not read the selected cells: An internal error has occurred\. Select one block of cells/,
    );
  });
});
