/** The Excel adapter draws the sheets it sets up as presentation.ts says, in its one write batch. */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BUDGET_SHEET,
  BUDGET_TITLE,
  COLUMNS,
  HEADER_ROW,
  OVERRIDES_SHEET,
  SETTINGS_SHEET,
  TABLE_HEADER_ROW,
  TITLE_FONT_SIZE,
  widthInPoints,
} from "../../src/budget";
import { rateCard } from "../../src/data";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { FakeExcel, key } from "../fixtures/fakeExcel";

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "3400" },
];

async function setUp() {
  const book = new FakeExcel({ Sheet1: {} });
  await new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run }).ensureBudget();
  return book;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ExcelWorkbook.ensureBudget's presentation", () => {
  it("bolds the title (larger) and the header, sizes columns by name, in the one write sync", async () => {
    const book = await setUp();
    expect(book.syncsPerRun).toEqual([1, 2]); // the layout-1 check, then setup's read and write
    const look = book.look(BUDGET_SHEET);
    expect(book.isBold(BUDGET_SHEET, "A1")).toBe(true);
    expect(look.fontSize.get(key(1, 0))).toBe(TITLE_FONT_SIZE);
    COLUMNS.forEach((_, c) => {
      expect(look.bold.has(key(HEADER_ROW, c))).toBe(true);
    });
    expect(book.isBold(BUDGET_SHEET, `A${HEADER_ROW + 1}`)).toBe(false);
    // The totals row under the table's one blank line.
    expect(book.isBold(BUDGET_SHEET, `A${HEADER_ROW + 2}`)).toBe(true);
    expect(look.columnWidths.get(COLUMNS.indexOf("Total"))).toBe(widthInPoints(14));
    expect(look.columnWidths.size).toBe(COLUMNS.length);
  });

  it("freezes the header and sets up printing: landscape, one page wide, header row, title, card, page numbers", async () => {
    const book = await setUp();
    const look = book.look(BUDGET_SHEET);
    expect(look.frozenRows).toBe(HEADER_ROW);
    expect(look.page.orientation).toBe("Landscape");
    expect(look.page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(look.page.printTitleRows).toBe(`$${HEADER_ROW}:$${HEADER_ROW}`);
    expect(look.page.headersFooters.leftHeader).toContain(BUDGET_TITLE);
    expect(look.page.headersFooters.rightHeader).toBe(`Rate card ${rateCard.meta.version}`);
    expect(look.page.headersFooters.rightFooter).toBe("Page &P of &N");
    expect(look.page.margins.leftMargin).toBeCloseTo(0.4 * 72);
    // The production tables: header on row 3, the note merged across and tall enough.
    const table = book.look(OVERRIDES_SHEET);
    expect(table.frozenRows).toBe(TABLE_HEADER_ROW);
    // Across the table's columns and its Status column (F).
    expect(table.merged).toEqual(["A2:F2"]);
    expect(table.rowHeights.get(2)).toBeGreaterThan(15);
    expect(book.look(SETTINGS_SHEET).page.printTitleRows).toBe("$1:$1");
  });

  it("leaves panes and page layout alone where Excel lacks ExcelApi 1.7 / 1.9 (the manifest asks for neither)", async () => {
    const asked: string[] = [];
    vi.stubGlobal("Office", {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return Number(version.split(".")[1]) < 7;
          },
        },
      },
    });
    const book = await setUp();
    const look = book.look(BUDGET_SHEET);
    expect(asked).toEqual(expect.arrayContaining(["ExcelApi 1.7", "ExcelApi 1.9"]));
    expect(look.frozenRows).toBeUndefined();
    expect(look.page.orientation).toBeUndefined();
    expect(look.page.printTitleRows).toBeUndefined();
    // What needs no newer set is still there.
    expect(book.isBold(BUDGET_SHEET, "A1")).toBe(true);
  });
});
