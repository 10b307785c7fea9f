/**
 * "Share as values" in the preview workbook, over the real engine and HyperFormula: the copies hold
 * no CREW formula, carry the same numbers as the live budget, and stay put when the budget changes.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_SHEET,
  COLUMNS,
  FIRST_LINE_ROW,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  shareCell,
  SHARED_SHEETS,
  TOPSHEET_SHEET,
  valuesNote,
  nativeLineSum,
  totalsRow,
  type CrewLineInput,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";

const BUDGET_COPY = "Budget (values)";
const TOPSHEET_COPY = "Topsheet (values)";
const TOTAL = COLUMNS.indexOf("Total");
const QTY = COLUMNS.indexOf("Qty");

const LINES: CrewLineInput[] = [
  crewLine("Director of Photography", "shoot", "week", "Pat Lee"),
  crewLine("Director of Photography", "prep", "week", "Pat Lee"),
  crewLine("Gaffer", 10, "week"),
  crewLine("Key Grip", 5, "day"),
  crewLine("Editor", 24, "week"),
];

async function sharedBudget() {
  const wb = new PreviewWorkbook(engine);
  await wb.appendCrewLines(LINES);
  let changes = 0;
  wb.subscribe(() => (changes += 1));
  const result = await wb.shareAsValues();
  return { wb, result, changes: () => changes };
}

function cents(value: unknown): number {
  expect(typeof value).toBe("number");
  return Math.round(Number(value) * 100);
}

/** Budget rows in chart order: 2500 Key Grip, 3200 Gaffer, 3300 two DP lines, 5000 Editor. */
const ROWS = { keyGrip: 5, gaffer: 7, dp: 9, editor: 12, totals: 14 };

/**
 * A column's values from the first line row to the totals row (account subtotals included), in
 * cents.
 */
function column(wb: PreviewWorkbook, sheet: string, col: number): number[] {
  const id = wb.sheetId(sheet);
  return Array.from({ length: ROWS.totals - FIRST_LINE_ROW + 1 }, (_, i) =>
    cents(wb.hf.getCellValue({ sheet: id, row: FIRST_LINE_ROW - 1 + i, col })),
  );
}

function formulas(wb: PreviewWorkbook, sheet: string): string[] {
  return wb.hf
    .getSheetFormulas(wb.sheetId(sheet))
    .flat()
    .filter((f): f is string => typeof f === "string");
}

describe("PreviewWorkbook.shareAsValues", () => {
  it("copies Budget and Topsheet with no CREW formula left, and tells the views", async () => {
    const { wb, result, changes } = await sharedBudget();

    expect(result).toMatchObject({ sheets: [BUDGET_COPY, TOPSHEET_COPY] });
    expect(wb.sheetNames).toEqual([
      "Budget",
      "Topsheet",
      "Settings",
      "Rate Overrides",
      "Production Roles",
      BUDGET_COPY,
      TOPSHEET_COPY,
    ]);
    expect(changes()).toBe(1);
    expect(formulas(wb, BUDGET_SHEET).some((f) => f.includes("CREW."))).toBe(true);
    for (const sheet of [BUDGET_COPY, TOPSHEET_COPY]) {
      expect(formulas(wb, sheet).filter((f) => f.toUpperCase().includes("CREW."))).toEqual([]);
    }
    // The totals row stays a checked sum over the copy, in native functions (CREW.LINESUM in
    // the budget).
    const totals = totalsRow(ROWS.totals - 1)[TOTAL];
    expect(totals).toMatch(/^=CREW\.LINESUM\(/);
    expect(formulas(wb, BUDGET_COPY)).toContain(nativeLineSum(String(totals)));
    // The topsheet copy is its values and the sums over its own rows: nothing reads a budget.
    expect(formulas(wb, TOPSHEET_COPY).some((f) => f.includes("SUM("))).toBe(true);
    expect(formulas(wb, TOPSHEET_COPY).some((f) => /Budget/.test(f))).toBe(false);
  });

  it("holds the original's totals to the cent, lines, totals row and topsheet", async () => {
    const { wb } = await sharedBudget();

    for (const name of ["Subtotal", "Fringe", "Total"] as const) {
      const col = COLUMNS.indexOf(name);
      expect(column(wb, BUDGET_COPY, col)).toEqual(column(wb, BUDGET_SHEET, col));
    }
    const top = wb.hf.getSheetValues(wb.sheetId(TOPSHEET_SHEET));
    const copy = wb.hf.getSheetValues(wb.sheetId(TOPSHEET_COPY));
    expect(copy).toEqual(top);
    // The crew total (before contingency) is the budget's own total.
    const crewTotal = top.at(-3)?.[4];
    expect(cents(crewTotal)).toBe(column(wb, BUDGET_SHEET, TOTAL).at(-1));
  });

  it("writes the note in row 2 and keeps the labels", async () => {
    const { wb } = await sharedBudget();
    const sheet = wb.sheetId(BUDGET_COPY);
    const settings = await wb.readSettings();

    expect(wb.hf.getCellValue({ sheet, row: 1, col: 0 })).toBe(valuesNote(settings));
    expect(valuesNote(settings)).toBe(
      `Values from CrewRate rate card ${settings.cardVersion}, budget date ${settings.budgetDate}, shared — no add-in needed to read it.`,
    );
    expect(wb.hf.getCellValue({ sheet, row: 0, col: 0 })).toBe("CrewRate budget");
    expect(wb.hf.getCellValue({ sheet, row: ROWS.dp - 1, col: COLUMNS.indexOf("Role") })).toBe(
      "Director of Photography",
    );
    // =ShootWeeks reads the Settings sheet: the copy holds the number.
    expect(wb.hf.getCellFormula({ sheet, row: ROWS.dp - 1, col: QTY })).toBeUndefined();
    expect(wb.hf.getCellValue({ sheet, row: ROWS.dp - 1, col: QTY })).toBe(8);
  });

  it("does not follow later edits to the budget or its settings", async () => {
    const { wb } = await sharedBudget();
    const before = column(wb, BUDGET_COPY, TOTAL);
    const topBefore = wb.hf.getSheetValues(wb.sheetId(TOPSHEET_COPY));
    const liveBefore = column(wb, BUDGET_SHEET, TOTAL);

    wb.setCell(BUDGET_SHEET, ROWS.gaffer - 1, QTY, "20"); // the Gaffer's weeks
    wb.setCell("Settings", 6, 1, "12"); // shoot weeks

    expect(column(wb, BUDGET_SHEET, TOTAL)).not.toEqual(liveBefore);
    expect(column(wb, BUDGET_COPY, TOTAL)).toEqual(before);
    expect(wb.hf.getSheetValues(wb.sheetId(TOPSHEET_COPY))).toEqual(topBefore);
  });

  it("replaces its own copies when shared again, with the new numbers", async () => {
    const { wb } = await sharedBudget();
    wb.setCell(BUDGET_SHEET, ROWS.gaffer - 1, QTY, "20");

    await wb.shareAsValues();

    expect(wb.sheetNames.filter((n) => n.includes("(values)"))).toEqual([
      BUDGET_COPY,
      TOPSHEET_COPY,
    ]);
    expect(column(wb, BUDGET_COPY, TOTAL)).toEqual(column(wb, BUDGET_SHEET, TOTAL));
  });
});

describe("shareCell", () => {
  it.each([
    ["=CREW.RATE(C5,I5,J5,F5,G5,H5,BudgetDate)", "value"],
    ["=crew.fringe(C5)", "value"],
    ["=Region", "value"],
    ["=ShootWeeks", "value"],
    ["=VLOOKUP(A5,Rates!A:B,2,FALSE)", "value"],
    ["=SUM(OtherTable[Cost])", "value"],
    ["=L5+M5", "keep"],
    ["=SUM($N$5:N9)", "keep"],
    ["=SUM(CrewBudget[Total])", "keep"],
    ["=C2+D2*1E3", "keep"],
    ['=IF(A5="Region!",1,0)', "keep"],
    ["Total", "keep"],
    [
      "=SUMIF(Budget!$B:$B,B2,Budget!$L:$L)",
      { formula: "=SUMIF('Budget (values)'!$B:$B,B2,'Budget (values)'!$L:$L)" },
    ],
    ["=SUMIF('Budget'!$B:$B,B2,Settings!$B:$B)", "value"],
  ])("%s → %j", (formula, expected) => {
    expect(shareCell(formula)).toEqual(expected);
  });

  it("names CrewRate's copies", () => {
    expect(SHARED_SHEETS.map((s) => s.copy)).toEqual([BUDGET_COPY, TOPSHEET_COPY]);
  });
});

describe("PreviewWorkbook.readSettings", () => {
  const row = (name: string) => SETTINGS_FIRST_ROW - 1 + SETTINGS.findIndex((s) => s.name === name);

  it("reads the settings sheet as typed, with the card version as text", async () => {
    const wb = new PreviewWorkbook(engine);
    wb.setCell("Settings", row("ShootWeeks"), 1, "10");
    const settings = await wb.readSettings();
    expect(settings.shootWeeks).toBe(10);
    expect(settings.cardVersion).toBe(engine.card.meta.version);
    expect(settings.budgetDate).toBe(engine.card.meta.defaultDate);
  });

  it("names the cell when a setting is not a number or not a date, instead of reading 0", async () => {
    const wb = new PreviewWorkbook(engine);
    wb.setCell("Settings", row("HoursPerDay"), 1, "ten");
    await expect(wb.readSettings()).rejects.toThrow(
      /Settings!B5 \(Hours per day\) must be a number/,
    );
    wb.setCell("Settings", row("HoursPerDay"), 1, "12");
    wb.setCell("Settings", row("BudgetDate"), 1, "2026-02-30");
    await expect(wb.readSettings()).rejects.toThrow(/Settings!B2 \(Budget date\) must be a date/);
  });
});

describe("a person's yearly caps in the sheet", () => {
  it("hold for any name, even one with the characters SUMIF reads as operators", async () => {
    const wb = new PreviewWorkbook(engine);
    const dp = crewLine("Director of Photography", 30, "week", "Pat <DP> >=");
    await wb.appendCrewLines([dp, { ...dp, quantity: 10 }]);
    const hours = Number(SETTINGS.find((s) => s.name === "HoursPerDay")?.value);
    const first = engine.quoteFast({ role: dp.role, quantity: 30, hoursPerDay: hours });
    const second = engine.quoteFast({
      role: dp.role,
      quantity: 10,
      hoursPerDay: hours,
      wagesToDate: first.subtotalCents / 100,
    });
    const fringe = (i: number) =>
      cents(
        wb.hf.getCellValue({
          sheet: wb.sheetId(BUDGET_SHEET),
          row: FIRST_LINE_ROW - 1 + i,
          col: COLUMNS.indexOf("Fringe"),
        }),
      );
    expect(fringe(0)).toBe(first.fringeCents);
    expect(fringe(1)).toBe(second.fringeCents);
  });
});
