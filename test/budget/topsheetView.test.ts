// @vitest-environment jsdom
/**
 * The topsheet shows the accounts that have crew lines (Settings: Topsheet accounts, "with lines" by
 * default) and all of them when asked: in the preview's grid model and its .xlsx (hidden rows), and
 * in Excel through the adapter's row writes. Hiding never changes a total. In Excel the same pass
 * sets the print areas, so a production sheet prints its lines, not 200 rows of Status formulas.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { accountSums } from "../../src/engine";
import {
  BUDGET_SHEET,
  BUDGET_TABLE,
  COLUMNS,
  columnLetter,
  HEADER_ROW,
  OVERRIDES_SHEET,
  PRODUCTION_SHEETS,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  chartAccounts,
  SETTINGS_SHEET,
  settingRow,
  settingsFromCells,
  SETTINGS,
  TOPSHEET_HEADER_ROW,
  TOPSHEET_MONEY_HIDDEN,
  TOPSHEET_ROWS_HIDDEN,
  SHARED_SHEETS,
  TOPSHEET_SHEET,
  topsheetLayout,
  topsheetView,
  topsheetAccountsOf,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { writeXlsx } from "../../src/preview/xlsx";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel, key } from "../fixtures/fakeExcel";
import { crewLine } from "../fixtures/crewLine";

type Cells = unknown[][];

/** The topsheet's A and B columns by 1-based row. */
function labels(cells: Cells): Map<number, string> {
  const out = new Map<number, string>();
  cells.forEach((row, r) => {
    const a = row[0];
    const b = row[1];
    out.set(r + 1, `${typeof a === "string" ? a : ""}|${typeof b === "string" ? b : ""}`);
  });
  return out;
}

/** The topsheet's rows as a new budget writes them, with G3 holding these lines' account sums. */
function topsheetWith(lineAccounts: string[]): Cells {
  const accounts = chartAccounts(engine.departments);
  const cells: Cells = topsheetLayout(accounts, 10).rows.map((row) => [...row]);
  const sums = accountSums(
    lineAccounts,
    lineAccounts.map(() => "A role"),
    lineAccounts.map(() => 100),
    5,
  );
  cells[2]![6] = sums;
  return cells;
}

const rowOf = (cells: Cells, account: string) => cells.findIndex((row) => row[0] === account) + 1;

describe("which topsheet rows show", () => {
  it("shows the accounts with lines and their group's heading and total, and hides the rest", () => {
    const cells = topsheetWith(["3301", "3302"]);
    const camera = rowOf(cells, "3300");
    expect(camera).toBeGreaterThan(TOPSHEET_HEADER_ROW);
    const view = topsheetView(cells, "with lines");
    expect(view.show).toContain(camera);
    expect(view.hide).not.toContain(camera);
    // Every row of the account area is in one list or the other, none in both.
    const area = [...view.show, ...view.hide].sort((a, b) => a - b);
    expect(new Set(area).size).toBe(area.length);
    expect(area[0]).toBe(TOPSHEET_HEADER_ROW + 1);
    // The camera account's group: its heading and total show; the other groups are hidden whole.
    const text = labels(cells);
    const shownLabels = view.show.map((r) => text.get(r));
    expect(shownLabels).toHaveLength(3);
    expect(shownLabels[2]).toMatch(/^\|Total /);
    expect(shownLabels[0]).toMatch(/^\|./);
    // Nothing below the account area (the group summary, contingency, grand total) is ever hidden.
    const summary = cells.findIndex((row, r) => r >= TOPSHEET_HEADER_ROW && row.length === 0) + 1;
    expect(Math.max(...area)).toBe(summary - 1);
  });

  it("shows every row for all, for a setting it cannot read, and when the sums cannot be read", () => {
    const cells = topsheetWith(["3301"]);
    for (const setting of ["all", " All Accounts ", "sometimes", 3]) {
      const view = topsheetView(cells, setting);
      expect(view.hide, String(setting)).toEqual([]);
    }
    const unreadable = cells.map((row) => [...row]);
    unreadable[2]![6] = "#NAME?";
    expect(topsheetView(unreadable, "with lines").hide).toEqual([]);
  });

  it("reads the setting as typed, and names the cell of one it cannot read", () => {
    expect(topsheetAccountsOf("")).toBe("with lines");
    expect(topsheetAccountsOf("Accounts with lines")).toBe("with lines");
    expect(topsheetAccountsOf("ALL")).toBe("all");
    expect(topsheetAccountsOf("some")).toBeUndefined();
    const cells = SETTINGS.map((s) => [s.name === "TopsheetAccounts" ? "some\nthing" : s.value]);
    const budgetDate = SETTINGS.findIndex((s) => s.name === "BudgetDate");
    cells[budgetDate] = ["2026-09-01"];
    expect(() => settingsFromCells(cells)).toThrow(
      `${SETTINGS_SHEET}!B${settingRow("TopsheetAccounts")} (Topsheet accounts) must be with lines (only the accounts that have crew lines) or all (every account of the chart); it holds 'some thing'.`,
    );
  });
});

describe("the preview's topsheet", () => {
  it("draws only the accounts with lines, says so, and keeps the totals", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([crewLine("Gaffer", 10, "week"), crewLine("Editor", 20, "week")]);
    const top = wb.sheetId(TOPSHEET_SHEET);
    const cells = wb.hf.getSheetValues(top);
    const view = wb.topsheetView();
    const gaffer = engine.findRole("Gaffer").account;
    const shownAccounts = view.show
      .map((r) => cells[r - 1]?.[0])
      .filter((a) => a !== null && a !== "");
    expect(shownAccounts.length).toBeGreaterThanOrEqual(2);
    expect(shownAccounts.some((a) => String(a).slice(0, 2) === gaffer.slice(0, 2))).toBe(true);
    // Each shown account has money; every hidden account has none.
    for (const r of view.hide) {
      const total = cells[r - 1]?.[4];
      expect(total === undefined || total === null || total === 0, `row ${r}`).toBe(true);
    }
    expect(cells[2]?.[1]).toBe(TOPSHEET_ROWS_HIDDEN);
    const grand = cells[1]?.[4];

    // The toggle: all accounts, and the note goes; the grand total is the same.
    wb.setCell(SETTINGS_SHEET, settingRow("TopsheetAccounts") - 1, 1, "all");
    expect(wb.topsheetView().hide).toEqual([]);
    const after = wb.hf.getSheetValues(top);
    expect(after[2]?.[1]).toBe("");
    expect(after[1]?.[4]).toBe(grand);
    expect(TOPSHEET_MONEY_HIDDEN).toMatch(/hidden account row holds money/);
  });

  it("writes the hidden rows into the .xlsx, and none when all accounts show", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([crewLine("Gaffer", 10, "week")]);
    await wb.shareAsValues();
    const hiddenRows = (sheet: string = TOPSHEET_SHEET): number[] => {
      const files = unzipSync(writeXlsx(workbookForXlsx(wb.hf, CREWRATE_ADDIN)));
      const workbookXml = strFromU8(files["xl/workbook.xml"]!);
      const sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      const index = sheetNames.indexOf(sheet) + 1;
      const xml = strFromU8(files[`xl/worksheets/sheet${index}.xml`]!);
      return [...xml.matchAll(/<row r="(\d+)"[^>]*hidden="1"/g)].map((m) => Number(m[1]));
    };
    expect(hiddenRows()).toEqual(wb.topsheetView().hide);
    expect(hiddenRows().length).toBeGreaterThan(10);
    // The values copy says the others are hidden too, so it hides them (from its own copied sums).
    const copy = SHARED_SHEETS[1].copy;
    expect(hiddenRows(copy)).toEqual(wb.topsheetView().hide);
    wb.setCell(SETTINGS_SHEET, settingRow("TopsheetAccounts") - 1, 1, "all");
    expect(hiddenRows()).toEqual([]);
    expect(hiddenRows(copy)).toEqual([]);
  });
});

describe("Excel's topsheet", () => {
  it("hides the rows of accounts without lines in one batch, and writes nothing when unchanged", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    await workbook.ensureBudget();
    // The fake does not calculate: G3 holds what CREW.ACCOUNTSUMS would for one camera line.
    book.calculated.set(`${TOPSHEET_SHEET}!G3`, accountSums(["3301"], ["Camera Operator"], [1], 5));
    await workbook.fitSheets();
    const look = book.look(TOPSHEET_SHEET);
    const cells: Cells = [];
    for (let r = 1; r <= 200; r++)
      cells.push([book.cell(TOPSHEET_SHEET, `A${r}`), book.cell(TOPSHEET_SHEET, `B${r}`)]);
    const camera = rowOf(cells, "3300");
    expect(look.hiddenRows.size).toBeGreaterThan(10);
    expect(look.hiddenRows.has(camera)).toBe(false);
    // The account above it has no lines; the camera's group heading shows.
    expect(look.hiddenRows.has(camera - 1)).toBe(true);
    const heading = cells.findIndex((row) => row[1] === "Below the line: production") + 1;
    expect(heading).toBeGreaterThan(0);
    expect(look.hiddenRows.has(heading)).toBe(false);
    const syncs = book.syncsPerRun.length;
    const writes = book.calls.filter((c) => c.startsWith("rowHidden")).length;
    // Runs of rows, one write each: far fewer writes than rows.
    expect(writes).toBeLessThan(look.hiddenRows.size);

    await workbook.fitSheets();
    expect(book.calls.filter((c) => c.startsWith("rowHidden")).length).toBe(writes);
    expect(book.syncsPerRun.slice(syncs)).toEqual([1]);
    expect(book.selections).toEqual([]);

    book.state.cells.get(SETTINGS_SHEET)!.set(key(settingRow("TopsheetAccounts"), 1), "all");
    await workbook.fitSheets();
    expect(look.hiddenRows.size).toBe(0);
  });

  it("prints each sheet's own columns through its last line, and follows a typed line", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    await workbook.ensureBudget();
    await workbook.fitSheets();
    const area = (sheet: string) => book.look(sheet).page.printArea;
    // A new budget: title to the totals row, the table's columns only (not the wages column).
    expect(area(BUDGET_SHEET)).toBe(`A1:${columnLetter(COLUMNS.length - 1)}${HEADER_ROW + 2}`);
    // Rate Overrides: its columns and Status, through the header while it has no line.
    const lastColumn = columnLetter(PRODUCTION_SHEETS[0].columns.length);
    expect(area(OVERRIDES_SHEET)).toBe(`A1:${lastColumn}${TABLE_HEADER_ROW}`);
    // The topsheet: A to E (not the account sums in G:I), through its grand total.
    expect(area(TOPSHEET_SHEET)).toMatch(/^A1:E\d+$/);

    const line = TABLE_FIRST_ROW + 4;
    await book.edit(OVERRIDES_SHEET, `A${line}`, "Gaffer");
    await workbook.fitSheets();
    expect(area(OVERRIDES_SHEET)).toBe(`A1:${lastColumn}${line}`);
    expect(book.selections).toEqual([]);

    // A print area the producer set is theirs: left as it is.
    book.look(OVERRIDES_SHEET).page.printArea = "A1:C9";
    await book.edit(OVERRIDES_SHEET, `A${line + 1}`, "Key Grip");
    await workbook.fitSheets();
    expect(area(OVERRIDES_SHEET)).toBe("A1:C9");

    // A producer who turns the table's totals row off: the budget prints through its last line.
    const table = book.state.tables.find((t) => t.name === BUDGET_TABLE)!;
    table.showTotals = false;
    await workbook.fitSheets();
    expect(area(BUDGET_SHEET)).toBe(`A1:${columnLetter(COLUMNS.length - 1)}${HEADER_ROW + 1}`);
  });
});
