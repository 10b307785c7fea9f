/**
 * Compare locations: the comparison priced here is the Compare sheet's live CREW formulas over the
 * Budget's own cells, line by line and region by region to the cent, in HyperFormula; the budget's
 * own region reproduces the Budget's totals; home hires stay where they were hired until the sheet
 * says "All local hire"; a region without a union scale for a role says so and is counted.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import {
  BUDGET_SHEET,
  COLUMNS,
  COMPARE_LINE_COLUMNS,
  COMPARE_REGION_COLUMNS,
  COMPARE_HIRING_ROW,
  COMPARE_SHEET,
  compareRegions,
  compareSheetRows,
  HIRING_LABELS,
  NOT_COMPARABLE,
  type BudgetLine,
  type BudgetSettings,
  type CompareOptions,
  type CrewLineInput,
  type Hiring,
} from "../../src/budget";
import { engine } from "../../src/data";
import { dollarsToCents, RateError } from "../../src/engine";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";
import { errorOf } from "../fixtures/errorOf";

const REGIONS = ["LA", "Atlanta", "NY", "New Mexico"];

// A camera and art crew: one person on three lines long enough to pass the Social Security wage
// base (so wages to date matter), a production designer hired in New York for a Los Angeles
// budget (a home hire), phase lines that follow Shoot weeks, and a role with no Area Standards
// scale (production designer) so Georgia and New Mexico price it as a non-union estimate.
const LINES: CrewLineInput[] = [
  crewLine("Director of Photography", "prep", "week", "Dana Ortiz"),
  crewLine("Director of Photography", "shoot", "week", "Dana Ortiz"),
  crewLine("Director of Photography", 20, "week", "DANA ORTIZ"),
  crewLine("1st AC", 3, "day", "Sam Lee"),
  crewLine("1st AC", "shoot", "week", "Sam Lee"),
  crewLine("Gaffer", "shoot", "week"),
  crewLine("Key Grip", 5, "day"),
  { ...crewLine("Production Designer", "shoot", "week", "Ira Bell"), region: "New York" },
  crewLine("Production Designer", "prep", "week"),
  crewLine("Set PA", 5, "day"),
];

async function budgetWorkbook() {
  const wb = new PreviewWorkbook(engine);
  await wb.appendCrewLines(LINES);
  return { wb, lines: await wb.readCrewLines(), settings: await wb.readSettings() };
}

/** The Compare sheet added to the preview workbook, evaluated by HyperFormula. */
function addCompareSheet(
  wb: PreviewWorkbook,
  lines: readonly BudgetLine[],
  options: CompareOptions,
) {
  const sheet = compareSheetRows(engine, lines, options);
  wb.hf.addSheet(COMPARE_SHEET);
  const id = wb.sheetId(COMPARE_SHEET);
  wb.hf.setSheetContent(id, sheet.rows);
  const value = (row: number, column: number): CellValue =>
    wb.hf.getCellValue({ sheet: id, row: row - 1, col: column });
  return { sheet, id, value };
}

function cents(v: CellValue): number {
  if (typeof v !== "number") throw new Error(`expected a number, got ${String(v)}`);
  return dollarsToCents(v);
}

/** The 0-based column of region `i`'s `name` column on the Compare sheet. */
function regionCol(i: number, name: (typeof COMPARE_REGION_COLUMNS)[number]): number {
  return (
    COMPARE_LINE_COLUMNS.length +
    i * COMPARE_REGION_COLUMNS.length +
    COMPARE_REGION_COLUMNS.indexOf(name)
  );
}

function options(settings: BudgetSettings, hiring: Hiring = "keep-home"): CompareOptions {
  return { regions: REGIONS, settings, hiring };
}

describe("compareRegions and the Compare sheet", () => {
  it("price every line in every region as the sheet's CREW formulas do, to the cent", async () => {
    const { wb, lines, settings } = await budgetWorkbook();
    const comparison = compareRegions(engine, lines, options(settings));
    expect(comparison.regions.map((r) => r.name)).toEqual([
      "Los Angeles",
      "Georgia",
      "New York",
      "New Mexico",
    ]);
    const { sheet, value } = addCompareSheet(wb, lines, options(settings));
    expect(sheet.lineRows.last - sheet.lineRows.first + 1).toBe(LINES.length);
    let compared = 0;
    comparison.lines.forEach((line, k) => {
      const r = sheet.lineRows.first + k;
      line.cells.forEach((cell, i) => {
        expect(cell.ok, `${line.line.role} in ${comparison.regions[i]!.name}`).toBe(true);
        if (!cell.ok) return;
        const where = `${line.line.role} (${k}) in ${comparison.regions[i]!.name}`;
        expect(cents(value(r, regionCol(i, "Total"))), where).toBe(cell.totalCents);
        expect(cents(value(r, regionCol(i, "Labor"))), where).toBe(cell.subtotalCents);
        expect(cents(value(r, regionCol(i, "Rate"))), where).toBe(cell.unitRateCents);
        compared++;
      });
    });
    expect(compared).toBe(LINES.length * 4);
    comparison.totals.forEach((t, i) => {
      expect(cents(value(sheet.totalRow, regionCol(i, "Total")))).toBe(t.totalCents);
      expect(cents(value(sheet.totalRow, regionCol(i, "Labor")))).toBe(t.laborCents);
      const fringe = value(sheet.percentRows[0]!, regionCol(i, "Total"));
      expect(fringe).toBeCloseTo(t.fringeRatio!, 10);
      expect(cents(value(sheet.totalRow + 2, regionCol(i, "Total")))).toBe(t.differenceCents);
    });
    // Department subtotals add up to the totals.
    const sums = comparison.departments.reduce((s, d) => s + d.totalCents[1]!, 0);
    expect(sums).toBe(comparison.totals[1]!.totalCents);
  });

  it("reproduces the Budget's own totals in the budget's own region, line by line", async () => {
    const { wb, lines, settings } = await budgetWorkbook();
    const comparison = compareRegions(engine, lines, options(settings));
    const own = comparison.regions.indexOf(comparison.ownRegion);
    expect(comparison.ownRegion.name).toBe(settings.region);
    comparison.lines.forEach((line, k) => {
      const cell = line.cells[own]!;
      expect(cell.ok && cell.totalCents, line.line.role).toBe(dollarsToCents(lines[k]!.total!));
    });
    const { sheet, value } = addCompareSheet(wb, lines, options(settings));
    expect(comparison.totals[own]!.differenceCents).toBe(0);
    const budgetTotal = lines.reduce((s, l) => s + dollarsToCents(l.total!), 0);
    expect(cents(value(sheet.totalRow, regionCol(own, "Total")))).toBe(budgetTotal);
  });

  it("counts a person's earlier lines in each region, so yearly caps match the sheet", async () => {
    const { lines, settings } = await budgetWorkbook();
    const comparison = compareRegions(engine, lines, options(settings));
    // The third DP line would carry more Social Security without the first two lines' wages.
    const dp = comparison.lines.filter((l) => l.line.person?.toLowerCase() === "dana ortiz");
    expect(dp).toHaveLength(3);
    const third = dp[2]!.cells[1]!;
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    const q = third.quote;
    const alone = engine.quoteFast({
      role: q.role.id,
      quantity: q.quantity,
      unit: q.unit,
      region: q.region.id,
      tier: q.tier.id,
      date: q.date,
      hoursPerDay: q.hoursPerDay,
    });
    expect(alone.subtotalCents).toBe(third.subtotalCents);
    expect(alone.fringeCents).toBeGreaterThan(third.fringeCents);
  });

  it("keeps a home hire where they were hired, until the sheet says All local hire", async () => {
    const { wb, lines, settings } = await budgetWorkbook();
    const designer = lines.findIndex((l) => l.person === "Ira Bell");
    expect(lines[designer]?.region).toBe("New York");
    const keep = compareRegions(engine, lines, options(settings));
    const georgia = keep.lines[designer]!.cells[1]!;
    expect(georgia).toMatchObject({ ok: true, pricedIn: "New York", isHomeHire: true });
    const local = compareRegions(engine, lines, options(settings, "all-local"));
    const localGeorgia = local.lines[designer]!.cells[1]!;
    expect(localGeorgia).toMatchObject({ ok: true, pricedIn: "Georgia", isHomeHire: false });
    expect(localGeorgia.ok && georgia.ok && localGeorgia.totalCents).not.toBe(
      georgia.ok && georgia.totalCents,
    );

    const { sheet, id, value } = addCompareSheet(wb, lines, options(settings));
    const row = sheet.lineRows.first + designer;
    const hiredIn = COMPARE_LINE_COLUMNS.indexOf("Hired in");
    expect(value(row, hiredIn)).toBe("New York");
    expect(georgia.ok && cents(value(row, regionCol(1, "Total")))).toBe(
      georgia.ok && georgia.totalCents,
    );
    // The hiring cell is live: typing All local hire reprices the sheet as compareRegions does.
    wb.hf.setCellContents({ sheet: id, row: COMPARE_HIRING_ROW - 1, col: 1 }, [
      [HIRING_LABELS["all-local"]],
    ]);
    expect(value(row, hiredIn)).toBe("");
    local.lines.forEach((line, k) => {
      line.cells.forEach((cell, i) => {
        expect(cell.ok && cents(value(sheet.lineRows.first + k, regionCol(i, "Total")))).toBe(
          cell.ok && cell.totalCents,
        );
      });
    });
  });

  it("flags a role with no union scale in a region, in its cell and in the counts", async () => {
    const { wb, lines, settings } = await budgetWorkbook();
    const comparison = compareRegions(engine, lines, options(settings));
    const at = lines.findIndex((l) => l.role === "Production Designer" && l.person === "");
    const designer = comparison.lines[at]!;
    const [la, ga] = designer.cells;
    expect(la).toMatchObject({ ok: true, hasUnionScale: true, kind: "Published" });
    expect(ga).toMatchObject({ ok: true, hasUnionScale: false, kind: "Estimate" });
    expect(ga?.ok && ga.nonUnionReason).toMatch(/scale for this role in Georgia/);
    const gaTotals = comparison.totals[1]!;
    expect(gaTotals.noUnionScaleLines).toBeGreaterThanOrEqual(1);
    expect(gaTotals.estimateLines).toBeGreaterThanOrEqual(gaTotals.noUnionScaleLines);
    expect(comparison.totals[0]!.noUnionScaleLines).toBeLessThan(gaTotals.noUnionScaleLines);

    const { sheet, value } = addCompareSheet(wb, lines, options(settings));
    const basis = value(sheet.lineRows.first + at, regionCol(1, "Basis"));
    expect(basis).toMatch(/^Estimate \(non-union: no .* scale for this role in Georgia\)$/);
    comparison.totals.forEach((t, i) => {
      expect(value(4, regionCol(i, "Rate")), "non-union estimates").toBe(t.estimateLines);
      expect(value(5, regionCol(i, "Rate")), "no union scale").toBe(t.noUnionScaleLines);
    });
  });

  it("follows the Budget: a Qty edited there changes the Compare sheet", async () => {
    const { wb, lines, settings } = await budgetWorkbook();
    const { sheet, value } = addCompareSheet(wb, lines, options(settings));
    const k = lines.findIndex((l) => l.role === "Gaffer");
    const gaffer = lines[k]!;
    const row = sheet.lineRows.first + k;
    const before = value(row, regionCol(2, "Total"));
    wb.hf.setCellContents(
      { sheet: wb.sheetId(BUDGET_SHEET), row: gaffer.row - 1, col: COLUMNS.indexOf("Qty") },
      [[12]],
    );
    const after = value(row, regionCol(2, "Total"));
    expect(after).not.toBe(before);
    const edited = compareRegions(engine, await wb.readCrewLines(), options(settings));
    const cell = edited.lines[k]!.cells[2]!;
    expect(cell.ok && cell.totalCents).toBe(cents(after));
    // A Role cleared on the Budget leaves the row blank here, and out of the sums.
    const totalBefore = cents(value(sheet.totalRow, regionCol(2, "Total")));
    wb.hf.setCellContents(
      { sheet: wb.sheetId(BUDGET_SHEET), row: gaffer.row - 1, col: COLUMNS.indexOf("Role") },
      [[null]],
    );
    expect(value(row, regionCol(2, "Total"))).toBe("");
    expect(cents(value(sheet.totalRow, regionCol(2, "Total")))).toBe(totalBefore - cents(after));
  });

  it("refuses a region the card does not know", async () => {
    const { lines, settings } = await budgetWorkbook();
    const e = errorOf(() => compareRegions(engine, lines, { regions: ["Atlantis"], settings }));
    expect(e).toBeInstanceOf(RateError);
    expect(e.code).toBe("UNKNOWN_REGION");
  });

  it("leaves a line the card cannot price out of the sums, and says so", async () => {
    const { wb, settings } = await budgetWorkbook();
    await wb.appendCrewLines([{ ...crewLine("Gaffer", 1, "week"), agreement: "IATSE" }]);
    const lines = await wb.readCrewLines();
    const comparison = compareRegions(engine, lines, options(settings));
    const k = lines.findIndex((l) => l.agreement === "IATSE");
    const ga = comparison.lines[k]!.cells[1]!;
    expect(ga.ok).toBe(false);
    expect(!ga.ok && ga.error.code).toBe("NO_RATE");
    expect(comparison.totals[1]!.unpricedLines).toBe(1);
    const { sheet, value } = addCompareSheet(wb, lines, options(settings));
    expect(value(sheet.lineRows.first + k, regionCol(1, "Total"))).toBeInstanceOf(
      DetailedCellError,
    );
    expect(cents(value(sheet.totalRow, regionCol(1, "Total")))).toBe(
      comparison.totals[1]!.totalCents,
    );
    expect(value(sheet.totalRow + 4, regionCol(1, "Total"))).toBe(1);
    // Its totals leave a line out that the budget's own region prices: no difference to read.
    const own = comparison.regions.indexOf(comparison.ownRegion);
    expect(comparison.totals[own]!.unpricedLines).toBe(0);
    expect(comparison.totals[1]!.differenceCents).toBeUndefined();
    expect(comparison.totals[1]!.differenceRatio).toBeUndefined();
    expect(value(sheet.totalRow + 2, regionCol(1, "Total"))).toBe(NOT_COMPARABLE);
    expect(value(sheet.totalRow + 3, regionCol(1, "Total"))).toBe(NOT_COMPARABLE);
    // The budget's own region prices every line: its own difference still reads 0.
    expect(comparison.totals[own]!.differenceCents).toBe(0);
    expect(value(sheet.totalRow + 2, regionCol(own, "Total"))).toBe(0);
  });
});
