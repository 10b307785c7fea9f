/** presentation.ts: one description of how every CrewRate sheet looks on screen and on paper. */
import { describe, expect, it } from "vitest";
import {
  BUDGET_SHEET,
  BUDGET_TITLE,
  cellAlignment,
  cellFormat,
  COLUMNS,
  DATE_FORMAT,
  HEADER_ROW,
  headerFooterText,
  MONEY_COLUMNS,
  MONEY_FORMAT,
  OVERRIDES_SHEET,
  QUANTITY_FORMAT,
  rowStyle,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  SETTINGS_SHEET,
  SHARED_SHEETS,
  sheetPresentation,
  subtotalLabel,
  TABLE_HEADER_ROW,
  TEXT_FORMAT,
  TOPSHEET_HEADER_ROW,
  TOPSHEET_SHEET,
  type SheetPresentation,
} from "../../src/budget";

const CONTEXT = { title: "Night Shift", cardVersion: "2026.10", budgetDate: "2026-08-02" };

function presentationOf(sheet: string, names?: readonly string[]): SheetPresentation {
  const p = sheetPresentation(sheet, CONTEXT, names);
  if (!p) throw new Error(`no presentation for ${sheet}`);
  return p;
}

const columnIndex = (p: SheetPresentation, name: string) =>
  p.columns.findIndex((c) => c.name === name);

describe("sheetPresentation", () => {
  it("formats the budget's money columns as money and Qty as a quantity, found by name", () => {
    const p = presentationOf(BUDGET_SHEET);
    expect(p.columns.map((c) => c.name)).toEqual([...COLUMNS]);
    for (const name of MONEY_COLUMNS) {
      expect(cellFormat(p, HEADER_ROW + 1, columnIndex(p, name))).toBe(MONEY_FORMAT);
    }
    expect(cellFormat(p, HEADER_ROW + 1, columnIndex(p, "Qty"))).toBe(QUANTITY_FORMAT);
    expect(cellFormat(p, HEADER_ROW + 1, columnIndex(p, "Role"))).toBeUndefined();
    // The header itself keeps its text.
    expect(cellFormat(p, HEADER_ROW, columnIndex(p, "Total"))).toBeUndefined();
  });

  it("follows the columns when they are reordered: looks go by name, never by letter", () => {
    const reordered = [...COLUMNS].reverse();
    const p = presentationOf(BUDGET_SHEET, reordered);
    const total = reordered.indexOf("Total");
    expect(p.columns[total]?.format).toBe(MONEY_FORMAT);
    expect(p.columns[total]?.width).toBe(
      presentationOf(BUDGET_SHEET).columns[columnIndex(presentationOf(BUDGET_SHEET), "Total")]
        ?.width,
    );
    // An unknown column gets the default width and no format.
    const extra = presentationOf(BUDGET_SHEET, [...COLUMNS, "Status"]);
    expect(extra.columns.at(-1)).toEqual({ name: "Status", width: 12 });
  });

  it("makes the title, the header, totals and subtotals bold, and leaves crew lines plain", () => {
    const p = presentationOf(BUDGET_SHEET);
    expect(rowStyle(p, 1, [BUDGET_TITLE])).toBe("title");
    expect(rowStyle(p, HEADER_ROW, [...COLUMNS])).toBe("header");
    expect(rowStyle(p, HEADER_ROW + 1, ["3301", "Gaffer", "", 10])).toBe("plain");
    expect(rowStyle(p, HEADER_ROW + 2, [subtotalLabel("3300"), "", "", 1])).toBe("total");
    expect(rowStyle(p, HEADER_ROW + 3, ["Total", "", "", 1])).toBe("total");
    // A person called Total on a crew line is still a crew line: the account comes first.
    expect(rowStyle(p, HEADER_ROW + 4, ["3301", "Gaffer", "Total"])).toBe("plain");
    const top = presentationOf(TOPSHEET_SHEET);
    expect(rowStyle(top, 2, ["", "Grand total", "", "", 5])).toBe("total");
    expect(rowStyle(top, TOPSHEET_HEADER_ROW + 1, ["", "Above the line"])).toBe("heading");
    expect(rowStyle(top, TOPSHEET_HEADER_ROW + 2, ["1200", "Producer", 0, 0, 0])).toBe("plain");
    // Tables have no totals: a role named "Total" is a line.
    const overrides = presentationOf(OVERRIDES_SHEET);
    expect(rowStyle(overrides, TABLE_HEADER_ROW + 1, ["Total", "", "week", 5])).toBe("plain");
  });

  it("prints landscape, one page wide, the header row on every page, frozen below the header", () => {
    const p = presentationOf(BUDGET_SHEET);
    expect(p.frozenRows).toBe(HEADER_ROW);
    expect(p.print).toMatchObject({
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    });
    const table = presentationOf(OVERRIDES_SHEET);
    expect(table.frozenRows).toBe(TABLE_HEADER_ROW);
    expect(table.print.titleRows).toEqual({ first: TABLE_HEADER_ROW, last: TABLE_HEADER_ROW });
    // Its note spans the columns, at a height that holds it.
    expect(table.noteRows).toHaveLength(1);
    expect(table.noteRows[0]?.height).toBeGreaterThan(15);
  });

  it("puts the production's title, the card version and page numbers in the page header and footer", () => {
    const { header, footer } = presentationOf(BUDGET_SHEET).print;
    expect(header.left).toContain("Night Shift");
    expect(header.right).toBe("Rate card 2026.10");
    expect(footer.right).toBe("Page &P of &N");
    expect(footer.left).toContain("2026-08-02");
    // An empty title cell falls back to CrewRate's own.
    const untitled = sheetPresentation(BUDGET_SHEET, { ...CONTEXT, title: " " });
    expect(untitled?.print.header.left).toContain(BUDGET_TITLE);
  });

  it("doubles a title's & (Excel's code character) and shortens a long one", () => {
    expect(headerFooterText("R&D &P films")).toBe("R&&D &&P films");
    expect(headerFooterText("x".repeat(200))).toHaveLength(80);
    expect(headerFooterText("two\nlines")).toBe("two lines");
  });

  it("gives each values copy its source's look, and nothing to a sheet CrewRate did not make", () => {
    for (const { source, copy } of SHARED_SHEETS) {
      expect({ ...presentationOf(copy), sheet: source }).toEqual(presentationOf(source));
      expect(presentationOf(copy).sheet).toBe(copy);
    }
    expect(sheetPresentation("Shooting schedule", CONTEXT)).toBeUndefined();
  });

  it("formats the settings' values by kind: the budget date as a date, text as text", () => {
    const p = presentationOf(SETTINGS_SHEET);
    const rowOf = (name: string) => SETTINGS_FIRST_ROW + SETTINGS.findIndex((s) => s.name === name);
    expect(cellFormat(p, rowOf("BudgetDate"), 1)).toBe(DATE_FORMAT);
    expect(cellFormat(p, rowOf("CardVersion"), 1)).toBe(TEXT_FORMAT);
    expect(cellFormat(p, rowOf("HoursPerDay"), 1)).toBeUndefined();
  });

  it("right-aligns number columns' headers over their numbers and keeps accounts left", () => {
    const p = presentationOf(BUDGET_SHEET);
    expect(cellAlignment(p, HEADER_ROW, columnIndex(p, "Total"))).toBe("right");
    expect(cellAlignment(p, HEADER_ROW + 1, columnIndex(p, "Total"))).toBeUndefined();
    expect(cellAlignment(p, HEADER_ROW + 1, columnIndex(p, "Account"))).toBe("left");
    expect(cellAlignment(p, HEADER_ROW, columnIndex(p, "Role"))).toBeUndefined();
  });
});
