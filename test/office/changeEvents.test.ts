/**
 * The Excel adapter follows edits on the budget's sheets through worksheets.onChanged, against the
 * fake Excel: which sheets count, what it costs, and that unsubscribing really removes the handler.
 */
import { describe, expect, it, vi } from "vitest";
import { BUDGET_SHEET, OVERRIDES_SHEET, ROLES_SHEET, SETTINGS_SHEET } from "../../src/budget";
import { watchSheetChanges } from "../../src/office/changeEvents";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";

const DEPARTMENTS = [{ name: "Camera", account: "3300" }];

/**
 * The budget's sheets (their contents do not matter here) beside a sheet of the producer's own;
 * made directly, so these tests do not depend on how ensureBudget lays the sheets out.
 */
function budget() {
  const book = new FakeExcel({
    Sheet1: { A1: "Shooting schedule" },
    [SETTINGS_SHEET]: { A1: "Setting" },
    [BUDGET_SHEET]: { A1: "CrewRate budget" },
    [OVERRIDES_SHEET]: { A1: OVERRIDES_SHEET },
    [ROLES_SHEET]: { A1: ROLES_SHEET },
  });
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  return { book, workbook };
}

/** Lets the registration's Excel.run finish. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("ExcelWorkbook.subscribe", () => {
  it("registers one worksheets.onChanged handler in one sync, with the watched sheets' ids", async () => {
    const { book, workbook } = budget();
    const runsBefore = book.runs;
    const unsubscribe = workbook.subscribe(() => undefined);
    await settle();
    expect(book.changedHandlers.size).toBe(1);
    expect(book.runs - runsBefore).toBe(1);
    expect(book.syncsPerRun.at(-1)).toBe(1);
    unsubscribe();
  });

  it.each([SETTINGS_SHEET, BUDGET_SHEET, OVERRIDES_SHEET, ROLES_SHEET])(
    "tells the listener when cells change on %s",
    async (sheet) => {
      const { book, workbook } = budget();
      const listener = vi.fn();
      workbook.subscribe(listener);
      await settle();
      await book.edit(sheet, "A10", "typed");
      expect(listener).toHaveBeenCalledTimes(1);
    },
  );

  it("ignores edits on other sheets, without a lookup per edit", async () => {
    const { book, workbook } = budget();
    const listener = vi.fn();
    workbook.subscribe(listener);
    await settle();
    await book.edit("Sheet1", "B2", "call sheet");
    const runs = book.runs;
    await book.edit("Sheet1", "B3", "more notes");
    expect(listener).not.toHaveBeenCalled();
    // The first edit on an unknown sheet looks its id up once; the next costs nothing.
    expect(book.runs).toBe(runs);
  });

  it("follows a watched sheet created after subscribing (the budget being set up)", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
    const listener = vi.fn();
    workbook.subscribe(listener);
    await settle();
    await book.run(async (context) => {
      context.workbook.worksheets.add(SETTINGS_SHEET);
      await context.sync();
    });
    await book.edit(SETTINGS_SHEET, "B5", 10);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("removes the handler through the context that added it when unsubscribed", async () => {
    const { book, workbook } = budget();
    const listener = vi.fn();
    const unsubscribe = workbook.subscribe(listener);
    await settle();
    unsubscribe();
    await settle();
    expect(book.changedHandlers.size).toBe(0);
    expect(book.calls).toContain("worksheets.onChanged.remove");
    await book.edit(SETTINGS_SHEET, "B5", 10);
    expect(listener).not.toHaveBeenCalled();
  });

  it("removes the handler even when unsubscribed before Excel confirmed it", async () => {
    const { book, workbook } = budget();
    const listener = vi.fn();
    workbook.subscribe(listener)();
    await settle();
    expect(book.changedHandlers.size).toBe(0);
    await book.edit(SETTINGS_SHEET, "B5", 10);
    expect(listener).not.toHaveBeenCalled();
  });

  it("selects, activates and writes nothing", async () => {
    const { book, workbook } = budget();
    workbook.subscribe(() => undefined);
    await settle();
    const calls = book.calls.length;
    await book.edit(SETTINGS_SHEET, "B5", 10);
    await book.edit("Sheet1", "A2", "x");
    expect(book.calls.slice(calls)).toEqual([]);
  });
});

describe("watchSheetChanges", () => {
  it("reports an Excel without worksheet events as a problem and never calls the listener", async () => {
    const onProblem = vi.fn();
    const listener = vi.fn();
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      // An Excel older than ExcelApi 1.9: the worksheet collection has no onChanged.
      batch({
        workbook: {
          worksheets: {
            getItemOrNullObject: () => ({ load: () => undefined, isNullObject: true }),
          },
        },
        sync: () => Promise.resolve(),
      } as unknown as Excel.RequestContext);
    watchSheetChanges(listener, { run, onProblem });
    await settle();
    expect(onProblem).toHaveBeenCalledTimes(1);
    expect(listener).not.toHaveBeenCalled();
  });
});
