/**
 * The workbook's Rate Overrides and Production Roles in a real spreadsheet (the preview's
 * HyperFormula workbook, with the layout Excel gets): overrides win in the formulas, editing either
 * table recalculates the lines that depend on it, and the Basis column says so.
 */
import { DetailedCellError } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { dollarsToCents, type ProductionTables } from "../../src/engine";
import {
  COLUMNS,
  FIRST_LINE_ROW,
  OVERRIDES_SHEET,
  ROLES_SHEET,
  TABLE_FIRST_ROW,
  type CrewLineInput,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

const TOTAL = COLUMNS.indexOf("Total");
const BASIS = COLUMNS.indexOf("Basis");
const RATE = COLUMNS.indexOf("Rate");

function gafferLine(quantity: number): CrewLineInput {
  return {
    account: "3300",
    department: "Electric",
    role: "Gaffer",
    description: "Gaffer",
    quantity,
    unit: "week",
  };
}

function cell(wb: PreviewWorkbook, sheet: string, row: number, col: number) {
  return wb.hf.getCellValue({ sheet: wb.sheetId(sheet), row: row - 1, col });
}

/** The pane's engine for the workbook as it stands: its settings and its tables. */
async function paneQuote(
  wb: PreviewWorkbook,
  request: { role: string; quantity: number; unit: string },
) {
  const settings = await wb.readSettings();
  const tables: ProductionTables = await wb.readProductionTables();
  return engine
    .forVersion(settings.cardVersion)
    .withProduction(tables)
    .quote({
      ...request,
      region: settings.region,
      tier: settings.tier,
      date: settings.budgetDate,
      hoursPerDay: settings.hoursPerDay,
    });
}

describe("rate overrides in the workbook", () => {
  it("win in the formulas as soon as a line is typed, and the line says override", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([gafferLine(10)]);
    const cardTotal = cell(wb, "Budget", FIRST_LINE_ROW, TOTAL);
    expect(cell(wb, "Budget", FIRST_LINE_ROW, BASIS)).toBe(
      "Estimate (IATSE Basic Agreement, derived)",
    );

    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 0, "Gaffer");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 2, "week");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 3, "4200");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 4, "Deal memo: flat");

    expect(cell(wb, "Budget", FIRST_LINE_ROW, RATE)).toBe(4200);
    expect(cell(wb, "Budget", FIRST_LINE_ROW, BASIS)).toBe("Override (Rate Overrides line 1)");
    const total = cell(wb, "Budget", FIRST_LINE_ROW, TOTAL);
    expect(total).not.toBe(cardTotal);
    // The pane, reading the same tables, prices the line to the same cent.
    const q = await paneQuote(wb, { role: "Gaffer", quantity: 10, unit: "week" });
    expect(dollarsToCents(Number(total))).toBe(q.totalCents);
    expect(q.explanation).toContain("Rate Overrides line 1: 'Deal memo: flat'");

    // Clearing the line gives the card's figure back.
    for (let c = 0; c < 5; c++) wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, c, "");
    expect(cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)).toBe(cardTotal);
  });

  it("take a rate the producer works out with a formula (=1000/3) at the cent, in the sheet and the pane alike", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([{ ...gafferLine(3), unit: "day" }]);
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 0, "Gaffer");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 2, "day");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 3, "=1000/3");

    expect(cell(wb, "Budget", FIRST_LINE_ROW, BASIS)).toBe("Override (Rate Overrides line 1)");
    expect(cell(wb, "Budget", FIRST_LINE_ROW, RATE)).toBe(333.33);
    const q = await paneQuote(wb, { role: "Gaffer", quantity: 3, unit: "day" });
    expect(q.subtotalCents).toBe(99_999);
    expect(dollarsToCents(Number(cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)))).toBe(q.totalCents);
  });

  it("stop the lines of the role a bad line means with a clear error naming it, until it is fixed; other lines keep their prices", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([gafferLine(2)]);
    await wb.appendCrewLines([
      { ...gafferLine(2), account: "3501", role: "Key Grip", description: "Key Grip" },
    ]);
    const keyGripRow = (await wb.readCrewLines()).find((l) => l.role === "Key Grip")!.row;
    const keyGrip = cell(wb, "Budget", keyGripRow, TOTAL);
    expect(typeof keyGrip).toBe("number");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 0, "Gafer");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 2, "week");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 3, "100");

    const total = cell(wb, "Budget", FIRST_LINE_ROW, TOTAL);
    expect(total).toBeInstanceOf(DetailedCellError);
    expect((total as DetailedCellError).message).toContain(
      "Rate Overrides line 2: Role 'Gafer' is not known. Did you mean Gaffer",
    );

    // The key grip's line is not the bad line's business.
    expect(cell(wb, "Budget", keyGripRow, TOTAL)).toBe(keyGrip);

    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 0, "Gaffer");
    expect(typeof cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)).toBe("number");
  });
});

describe("production roles in the workbook", () => {
  it("are priced by the formulas once added, and edits to their rate recalculate", async () => {
    const wb = new PreviewWorkbook(engine);
    const { line } = await wb.addProductionRole({
      title: "Drone Pilot",
      department: "Camera",
      account: "",
      description: "Flies the aerial unit's drone.",
      unit: "day",
      rate: 1200,
      agreement: "",
    });
    expect(line).toBe(1);
    await wb.appendCrewLines([
      {
        account: "3300",
        department: "Camera",
        role: "Drone Pilot",
        description: "Drone Pilot, 4 days",
        quantity: 4,
        unit: "day",
      },
    ]);
    expect(cell(wb, "Budget", FIRST_LINE_ROW, COLUMNS.indexOf("Subtotal"))).toBe(4800);
    expect(cell(wb, "Budget", FIRST_LINE_ROW, BASIS)).toBe(
      "Production role (Production Roles line 1)",
    );
    const q = await paneQuote(wb, { role: "Drone Pilot", quantity: 4, unit: "day" });
    expect(dollarsToCents(Number(cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)))).toBe(q.totalCents);

    wb.setCell(ROLES_SHEET, TABLE_FIRST_ROW - 1, 5, "1500");
    expect(cell(wb, "Budget", FIRST_LINE_ROW, COLUMNS.indexOf("Subtotal"))).toBe(6000);
  });

  it("are refused by the sheet when full", async () => {
    const wb = new PreviewWorkbook(engine);
    for (let i = 0; i < 200; i++) wb.setCell(ROLES_SHEET, TABLE_FIRST_ROW - 1 + i, 0, `x${i}`);
    await expect(
      wb.addProductionRole({
        title: "Drone Pilot",
        department: "Camera",
        account: "",
        description: "",
        unit: "day",
        rate: 1,
        agreement: "",
      }),
    ).rejects.toThrow("full");
  });
});

describe("updating the card version", () => {
  it("is one cell: setting it back gives the same numbers", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([gafferLine(3)]);
    const before = cell(wb, "Budget", FIRST_LINE_ROW, TOTAL);
    await wb.setCardVersion("1999.1");
    expect(cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)).toBeInstanceOf(DetailedCellError);
    await wb.setCardVersion(engine.card.meta.version);
    expect(cell(wb, "Budget", FIRST_LINE_ROW, TOTAL)).toBe(before);
    expect((await wb.readSettings()).cardVersion).toBe(engine.card.meta.version);
    const lines = await wb.readCrewLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      row: FIRST_LINE_ROW,
      role: "Gaffer",
      quantity: 3,
      total: before,
    });
  });
});
