/**
 * writeCompareSheet through the ports: in the preview, a 40-line feature crew's Compare sheet
 * totals are the CREW functions' own totals region by region, to the cent; writing again replaces
 * the sheet and never touches the Budget. In Excel (the fake behind office-addin-mock), one read
 * sync, the sheet built under a tagged name, then swapped in; a fault at the swap leaves the old
 * Compare sheet or the new one, never none, and the message says which.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  COMPARE_HEADER_ROW,
  COMPARE_LINE_COLUMNS,
  COMPARE_REGION_COLUMNS,
  COMPARE_SHEET,
  DEFAULT_COMPARE_REGIONS,
  HIRING_LABELS,
  MONEY_FORMAT,
  SETTINGS_SHEET,
  BUDGET_SHEET,
  parseCrewList,
  planImport,
  planCompareSheet,
  settingRow,
  WorkbookError,
  type Hiring,
} from "../../src/budget";
import { engine } from "../../src/data";
import { dollarsToCents } from "../../src/engine";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { FakeExcel, type Applied } from "../fixtures/fakeExcel";

const FEATURE = readFileSync(
  fileURLToPath(new URL("../fixtures/feature-crew-40.csv", import.meta.url)),
  "utf8",
);

/** The feature crew as the pane's import would insert it: lines, rate overrides, own roles. */
async function featureBudget() {
  const wb = new PreviewWorkbook(engine);
  const plan = planImport(engine, parseCrewList(FEATURE), await wb.readSettings());
  expect(plan.ready).toBe(true);
  await wb.appendCrewLines(plan.lines, { overrides: plan.overrides, roles: plan.roles });
  return wb;
}

/** 0-based column of region i's `name` column. */
function regionCol(i: number, name: (typeof COMPARE_REGION_COLUMNS)[number]): number {
  return (
    COMPARE_LINE_COLUMNS.length +
    i * COMPARE_REGION_COLUMNS.length +
    COMPARE_REGION_COLUMNS.indexOf(name)
  );
}

function compareCell(wb: PreviewWorkbook, row: number, col: number) {
  return wb.hf.getCellValue({ sheet: wb.sheetId(COMPARE_SHEET), row: row - 1, col });
}

/** The row (1-based) whose first cell is `label`. */
function rowLabelled(wb: PreviewWorkbook, label: string): number {
  const values = wb.hf.getSheetValues(wb.sheetId(COMPARE_SHEET));
  const i = values.findIndex((row) => row[0] === label);
  expect(i, `a row labelled ${label}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function budgetSnapshot(wb: PreviewWorkbook) {
  const id = wb.sheetId(BUDGET_SHEET);
  return { formulas: wb.hf.getSheetSerialized(id), values: wb.hf.getSheetValues(id) };
}

/** The Budget's own total, in cents: the sum of its crew lines' Total cells (CREW.RATE + CREW.FRINGE). */
async function budgetTotalCents(wb: PreviewWorkbook): Promise<number> {
  const lines = await wb.readCrewLines();
  expect(lines.every((l) => l.total !== undefined)).toBe(true);
  return lines.reduce((sum, l) => sum + dollarsToCents(l.total ?? NaN), 0);
}

describe("PreviewWorkbook.writeCompareSheet", () => {
  it("writes a Compare sheet whose totals are the CREW functions' own, region by region, to the cent", async () => {
    const wb = await featureBudget();
    const result = await wb.writeCompareSheet(DEFAULT_COMPARE_REGIONS, "all-local");
    expect(result.lines).toBe(40);
    expect(result.regions.map((r) => r.region)).toEqual(DEFAULT_COMPARE_REGIONS);
    expect(wb.sheetNames).toContain(COMPARE_SHEET);

    const totalRow = rowLabelled(wb, "Total");
    const settings = wb.sheetId(SETTINGS_SHEET);
    for (const [i, region] of DEFAULT_COMPARE_REGIONS.entries()) {
      // The Budget priced in `region` by its own formulas, live beside the Compare sheet.
      wb.hf.setCellContents({ sheet: settings, row: settingRow("Region") - 1, col: 1 }, [[region]]);
      const sheetTotal = compareCell(wb, totalRow, regionCol(i, "Total"));
      expect(typeof sheetTotal).toBe("number");
      const own = await budgetTotalCents(wb);
      expect(dollarsToCents(sheetTotal as number), region).toBe(own);
      // And the report the pane shows says the same.
      expect(result.regions[i]?.totalCents, region).toBe(own);
    }
  });

  it("says which card version and budget date it used, and the hiring it compares", async () => {
    const wb = await featureBudget();
    await wb.writeCompareSheet(["LA", "GA"], "keep-home");
    const note = String(compareCell(wb, 2, 0));
    expect(note).toContain(`Rate card ${engine.card.meta.version}`);
    expect(note).toContain(`budget date ${engine.card.meta.defaultDate}`);
    expect(compareCell(wb, 3, 1)).toBe(HIRING_LABELS["keep-home"]);
  });

  it("replaces the sheet when run again (one Compare sheet) and never changes the Budget", async () => {
    const wb = await featureBudget();
    const before = budgetSnapshot(wb);
    const first = await wb.writeCompareSheet(DEFAULT_COMPARE_REGIONS, "keep-home");
    const second = await wb.writeCompareSheet(["NY", "GA"], "all-local");

    expect([first.replaced, second.replaced]).toEqual([false, true]);
    expect(wb.hf.getSheetNames().filter((n) => n === COMPARE_SHEET)).toHaveLength(1);
    expect(wb.sheetNames.filter((n) => n === COMPARE_SHEET)).toHaveLength(1);
    // The second sheet's regions: the budget's own (Los Angeles) first, then the two asked.
    expect(compareCell(wb, COMPARE_HEADER_ROW - 1, regionCol(0, "Rate"))).toBe("Los Angeles");
    expect(compareCell(wb, COMPARE_HEADER_ROW - 1, regionCol(1, "Rate"))).toBe("New York");
    expect(compareCell(wb, COMPARE_HEADER_ROW - 1, regionCol(3, "Rate"))).toBe(null);
    expect(compareCell(wb, 3, 1)).toBe(HIRING_LABELS["all-local"]);
    expect(budgetSnapshot(wb)).toEqual(before);
  });

  it("refuses a budget with no crew lines, and a region the card does not know, writing nothing", async () => {
    const wb = new PreviewWorkbook(engine);
    await expect(wb.writeCompareSheet(["LA", "GA"], "keep-home")).rejects.toThrow(
      /no crew lines to compare/,
    );
    const full = await featureBudget();
    await expect(full.writeCompareSheet(["LA", "Atlantis"], "keep-home")).rejects.toMatchObject({
      code: "UNKNOWN_REGION",
    });
    expect(wb.sheetNames).not.toContain(COMPARE_SHEET);
    expect(full.sheetNames).not.toContain(COMPARE_SHEET);
  });
});

// ---- Excel ---------------------------------------------------------------------------------------

const DEPARTMENTS = engine.departments.map((d) => ({ name: d.name, account: d.account }));
const REGIONS = ["LA", "GA", "NY"];
const BUILDING = "CrewRate t1 new compare";
const ASIDE = "CrewRate t1 old compare";

async function excelBudget() {
  const book = new FakeExcel({ Sheet1: {} });
  const workbook = new ExcelWorkbook({
    departments: DEPARTMENTS,
    run: book.run,
    engine,
    operationId: () => "t1",
  });
  await workbook.ensureBudget();
  const plan = planImport(
    engine,
    parseCrewList(FEATURE).slice(0, 6),
    await workbook.readSettings(),
  );
  await workbook.appendCrewLines(plan.lines, { overrides: plan.overrides, roles: plan.roles });
  return { book, workbook };
}

function sheets(book: FakeExcel): string[] {
  return [...book.state.cells.keys()];
}

/** Writes a first Compare sheet (keep home agreements), so the next write replaces it. */
async function withEarlierCompare() {
  const setup = await excelBudget();
  await setup.workbook.writeCompareSheet(REGIONS, "keep-home");
  return setup;
}

function hiringOnSheet(book: FakeExcel, sheet: string): unknown {
  return book.cell(sheet, "B3");
}

describe("ExcelWorkbook.writeCompareSheet", () => {
  it("reads in one sync, builds the sheet under a tagged name, then swaps it in", async () => {
    const { book, workbook } = await excelBudget();
    const budget = structuredClone(book.state.cells.get(BUDGET_SHEET));
    const callsBefore = book.calls.length;

    const result = await workbook.writeCompareSheet(REGIONS, "keep-home");

    // Read, build, swap: no earlier sheet to delete.
    expect(book.syncsPerRun.at(-1)).toBe(3);
    expect(book.calls.slice(callsBefore).filter((c) => /^worksheet/.test(c))).toEqual([
      `worksheets.add ${BUILDING}`,
      `worksheet.name ${BUILDING} → ${COMPARE_SHEET}`,
    ]);
    expect(sheets(book).filter((n) => n === COMPARE_SHEET || n.startsWith("CrewRate"))).toEqual([
      COMPARE_SHEET,
    ]);
    expect(result).toMatchObject({ sheet: COMPARE_SHEET, lines: 6, replaced: false });
    // Exactly the planned formulas, over the Budget's cells; the Budget itself untouched.
    const planned = planCompareSheet(engine, {
      lines: await workbook.readCrewLines(),
      settings: await workbook.readSettings(),
      tables: await workbook.readProductionTables(),
      regions: REGIONS,
      hiring: "keep-home",
    });
    const firstLine = COMPARE_HEADER_ROW + 1;
    expect(book.cell(COMPARE_SHEET, `A${firstLine}`)).toBe(planned.rows[firstLine - 1]?.[0]);
    expect(String(book.cell(COMPARE_SHEET, `H${firstLine}`))).toMatch(/CREW\.UNITRATE\(Budget!/);
    expect(book.state.cells.get(BUDGET_SHEET)).toEqual(budget);
    // Money formatted, the header bold.
    expect(book.format(COMPARE_SHEET, `I${firstLine}`)).toBe(MONEY_FORMAT);
    expect(book.isBold(COMPARE_SHEET, `A${COMPARE_HEADER_ROW}`)).toBe(true);
  });

  it("replaces an earlier Compare sheet only once the new one is complete", async () => {
    const { book, workbook } = await withEarlierCompare();
    const callsBefore = book.calls.length;
    const result = await workbook.writeCompareSheet(REGIONS, "all-local");

    expect(book.syncsPerRun.at(-1)).toBe(4);
    expect(book.calls.slice(callsBefore).filter((c) => /^worksheet/.test(c))).toEqual([
      `worksheets.add ${BUILDING}`,
      `worksheet.name ${COMPARE_SHEET} → ${ASIDE}`,
      `worksheet.name ${BUILDING} → ${COMPARE_SHEET}`,
      `worksheet.delete ${ASIDE}`,
    ]);
    expect(result.replaced).toBe(true);
    expect(sheets(book).filter((n) => n === COMPARE_SHEET || n.startsWith("CrewRate"))).toEqual([
      COMPARE_SHEET,
    ]);
    expect(hiringOnSheet(book, COMPARE_SHEET)).toBe(HIRING_LABELS["all-local"]);
  });

  it.each<[number, Applied]>([
    [3, "none"],
    [3, 1],
    [3, "all"],
    [4, "none"],
    [4, "all"],
  ])(
    "a fault at swap sync %i (%s applied) finishes the swap: the new sheet, once",
    async (sync, applied) => {
      const { book, workbook } = await withEarlierCompare();
      book.failNextRun(sync, applied);

      const result = await workbook.writeCompareSheet(REGIONS, "all-local");

      expect(result.replaced).toBe(true);
      expect(sheets(book).filter((n) => n === COMPARE_SHEET || n.startsWith("CrewRate"))).toEqual([
        COMPARE_SHEET,
      ]);
      expect(hiringOnSheet(book, COMPARE_SHEET)).toBe(HIRING_LABELS["all-local"]);
    },
  );

  it.each<Applied>(["none", 1])(
    "when finishing the swap fails too (%s applied), a Compare sheet is still there and the message says where",
    async (applied) => {
      const { book, workbook } = await withEarlierCompare();
      book.failNextRun(3, applied);
      // The finishing run's first sync (reading the sheet list) fails as well.
      book.failAt(book.runs + 2, 1, "none");

      const error = await workbook.writeCompareSheet(REGIONS, "all-local").catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      const e = error as WorkbookError;
      expect(e.changed).toBe("yes");
      expect(e.message).toMatch(/Compare sheet is written, but putting it in place failed/);
      const present = sheets(book);
      // The new sheet is complete, under its temporary name or as Compare; never no comparison.
      expect(present.includes(BUILDING) || present.includes(COMPARE_SHEET)).toBe(true);
      const newSheet = present.includes(BUILDING) ? BUILDING : COMPARE_SHEET;
      expect(hiringOnSheet(book, newSheet)).toBe(HIRING_LABELS["all-local"]);
      expect(e.check).toContain(`"${BUILDING}" if there is one`);
      expect(e.check).toContain(`"${ASIDE}" is the earlier one`);
    },
  );

  it.each<Applied>(["none", 1, 3, "all"])(
    "a fault while building (%s applied) takes the new sheet away and keeps the old one",
    async (applied) => {
      const { book, workbook } = await withEarlierCompare();
      const before = structuredClone(book.state);
      book.failNextRun(2, applied);

      await expect(workbook.writeCompareSheet(REGIONS, "all-local")).rejects.toThrow(
        /Could not write the Compare sheet: .*Nothing was changed\.$/,
      );
      expect(book.state).toEqual(before);
      expect(hiringOnSheet(book, COMPARE_SHEET)).toBe(HIRING_LABELS["keep-home"]);
    },
  );

  it("a fault while reading writes nothing and says so", async () => {
    const { book, workbook } = await withEarlierCompare();
    const before = structuredClone(book.state);
    book.failNextRun(1, "none");
    const error = await workbook.writeCompareSheet(REGIONS, "all-local").catch((e: unknown) => e);
    expect(error).toMatchObject({ changed: "no" });
    expect((error as Error).message).toMatch(/Could not read the budget to compare/);
    expect(book.state).toEqual(before);
  });

  it("refuses a workbook with no budget yet", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run, engine });
    await expect(workbook.writeCompareSheet(REGIONS, "keep-home" satisfies Hiring)).rejects.toThrow(
      /no budget to compare yet/,
    );
    expect(sheets(book)).toEqual(["Sheet1"]);
  });
});
