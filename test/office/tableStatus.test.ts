/**
 * The production sheets' Status column in Excel (the adapter against test/fixtures/fakeExcel.ts)
 * and in the preview's .xlsx export: set-up writes it on a new budget, adds it to a budget from an
 * earlier build, never writes over a producer's own content there, and the pane's writes to the
 * tables leave it alone; the exported file carries its formulas with their values.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  OVERRIDES_SHEET,
  ROLES_SHEET,
  STATUS_HEADER,
  statusColumn,
  statusColumnBlock,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LINES,
  tableStatusFormula,
  widthInPoints,
  WorkbookError,
} from "../../src/budget";
import { engine } from "../../src/data";
import { TABLE_LINE_FIX } from "../../src/engine";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { writeXlsx } from "../../src/preview/xlsx";
import { messageFor } from "../../src/taskpane/messages";
import { colLetters, FakeExcel, key } from "../fixtures/fakeExcel";

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "3400" },
];
const SHEETS = [OVERRIDES_SHEET, ROLES_SHEET] as const;
const LAST_LINE_ROW = TABLE_FIRST_ROW + TABLE_LINES - 1;

async function setUp() {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  await workbook.ensureBudget();
  return { book, workbook };
}

/** The Status column's cells from the header down, as the fake holds them. */
function statusCells(book: FakeExcel, sheet: string): unknown[] {
  const col = statusColumn(sheet);
  return Array.from({ length: TABLE_LINES + 1 }, (_, i) =>
    book.sheetCells(sheet).get(key(TABLE_HEADER_ROW + i, col)),
  );
}

/** What set-up writes there: the header, then each line row's own formula. */
function expectedStatus(sheet: string): string[] {
  return [
    STATUS_HEADER,
    ...Array.from({ length: TABLE_LINES }, (_, i) =>
      tableStatusFormula(sheet, TABLE_FIRST_ROW + i),
    ),
  ];
}

/** A budget as CrewRate's earlier build left it: production sheets without the Status column. */
async function earlierBuild() {
  const made = await setUp();
  for (const sheet of SHEETS) {
    const col = statusColumn(sheet);
    for (let row = TABLE_HEADER_ROW; row <= LAST_LINE_ROW; row++) {
      made.book.sheetCells(sheet).delete(key(row, col));
    }
  }
  // The producer's own lines, which the upgrade must keep.
  made.book.sheetCells(OVERRIDES_SHEET).set(key(TABLE_FIRST_ROW, 0), "Gaffer");
  made.book.sheetCells(OVERRIDES_SHEET).set(key(TABLE_FIRST_ROW, 2), "week");
  made.book.sheetCells(OVERRIDES_SHEET).set(key(TABLE_FIRST_ROW, 3), 5000);
  return made;
}

describe("ExcelWorkbook set-up's Status column", () => {
  it("writes it on both sheets of a new budget: bold header, a formula per line, width, wrap, red Fix text", async () => {
    const { book } = await setUp();
    expect(book.syncsPerRun).toEqual([1, 2]); // still one read and one write
    for (const sheet of SHEETS) {
      const letter = colLetters(statusColumn(sheet));
      expect(statusCells(book, sheet)).toEqual(expectedStatus(sheet));
      expect(book.isBold(sheet, `${letter}${TABLE_HEADER_ROW}`)).toBe(true);
      const look = book.look(sheet);
      expect(look.columnWidths.get(statusColumn(sheet))).toBe(widthInPoints(44));
      expect(look.wrap.has(key(LAST_LINE_ROW, statusColumn(sheet)))).toBe(true);
      expect(look.conditionalFormats).toEqual([
        {
          address: `${letter}${TABLE_FIRST_ROW}:${letter}${LAST_LINE_ROW}`,
          type: "ContainsText",
          rule: { operator: "BeginsWith", text: TABLE_LINE_FIX },
          fontColor: "#9C0006",
        },
      ]);
    }
    expect(statusColumnBlock(OVERRIDES_SHEET)).toBe("F3:F203");
    expect(statusColumnBlock(ROLES_SHEET)).toBe("H3:H203");
  });

  it("adds it to a budget from an earlier build, writing nothing else, and then leaves it alone", async () => {
    const { book, workbook } = await earlierBuild();
    const before = structuredClone(book.state);
    const calls = book.calls.length;

    await workbook.ensureBudget();

    for (const sheet of SHEETS) expect(statusCells(book, sheet)).toEqual(expectedStatus(sheet));
    // Only the two Status columns were written; the producer's line is as it was.
    expect(book.calls.slice(calls)).toEqual([
      `formulas ${OVERRIDES_SHEET}!F3:F203`,
      `formulas ${ROLES_SHEET}!H3:H203`,
    ]);
    expect(book.row(OVERRIDES_SHEET, TABLE_FIRST_ROW, 5)).toEqual([
      "Gaffer",
      undefined,
      "week",
      5000,
      undefined,
    ]);
    for (const sheet of ["Budget", "Topsheet", "Settings"]) {
      expect(book.state.cells.get(sheet)).toEqual(before.cells.get(sheet));
    }
    expect(book.look(OVERRIDES_SHEET).conditionalFormats).toHaveLength(2); // set-up's, then the upgrade's
    const again = book.calls.length;
    await workbook.ensureBudget();
    expect(book.calls.slice(again)).toEqual([]);
  });

  it("takes the added column back when the upgrade's write fails, and says nothing was changed", async () => {
    const { book, workbook } = await earlierBuild();
    const before = structuredClone(book.state);
    book.failAt(book.runs + 2, 2, "all");

    const error = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/Nothing was changed\.$/);
    expect(book.state).toEqual(before);
  });

  it.each([
    {
      what: "its header cell holds the producer's own heading",
      row: TABLE_HEADER_ROW,
      value: "Contact",
    },
    {
      what: "a line's cell holds the producer's own note",
      row: TABLE_FIRST_ROW + 9,
      value: "call agent",
    },
  ])(
    "never writes over the column when $what: it says where, and changes nothing",
    async ({ row, value }) => {
      const { book, workbook } = await earlierBuild();
      book.sheetCells(OVERRIDES_SHEET).set(key(row, statusColumn(OVERRIDES_SHEET)), value);
      const before = structuredClone(book.state);

      const error = await workbook.ensureBudget().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect(messageFor(error).body).toBe(
        `The ${OVERRIDES_SHEET} sheet's column F is where CrewRate shows whether each line checks out (a Status column, F3:F203), but F${row} holds "${value}". CrewRate leaves it as it is: move that to another column (or clear F3:F203), then try again. Nothing in the budget was changed.`,
      );
      expect(book.state).toEqual(before);
    },
  );

  it("keeps the status formulas through the pane's writes to the tables: Add a role, an insert with an override, and undo", async () => {
    const { book, workbook } = await setUp();
    const added = await workbook.addProductionRole({
      title: "Drone Pilot",
      department: "Camera",
      account: "",
      description: "Flies the aerial unit's drone.",
      unit: "day",
      rate: 1200,
      agreement: "",
    });
    const inserted = await workbook.appendCrewLines(
      [
        {
          account: "3300",
          department: "Camera",
          role: "Drone Pilot",
          description: "Drone Pilot",
          quantity: 3,
          unit: "day",
        },
      ],
      { overrides: [{ role: "Drone Pilot", agreement: "", unit: "day", amount: 1100, note: "" }] },
    );
    expect(book.cell(ROLES_SHEET, `A${TABLE_FIRST_ROW}`)).toBe("Drone Pilot");
    expect(book.cell(OVERRIDES_SHEET, `A${TABLE_FIRST_ROW}`)).toBe("Drone Pilot");
    for (const sheet of SHEETS) expect(statusCells(book, sheet)).toEqual(expectedStatus(sheet));

    await workbook.undoWrite(inserted.undo!);
    await workbook.undoWrite(added.undo!);
    expect(book.cell(ROLES_SHEET, `A${TABLE_FIRST_ROW}`)).toBeUndefined();
    for (const sheet of SHEETS) expect(statusCells(book, sheet)).toEqual(expectedStatus(sheet));
  });
});

describe("the preview's .xlsx export", () => {
  it("carries each status formula with its value, as Excel reads an add-in function", async () => {
    const wb = new PreviewWorkbook(engine);
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 0, "Gaffer");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 2, "week");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 3, "5000");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 0, "Gafer");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 2, "week");
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW, 3, "100");
    // A Share as values still works beside the column (it copies Budget and Topsheet).
    await expect(wb.shareAsValues()).resolves.toMatchObject({ replaced: false });

    const book = workbookForXlsx(wb.hf, CREWRATE_ADDIN);
    const sheet = book.sheets.find((s) => s.name === OVERRIDES_SHEET)!;
    const col = statusColumn(OVERRIDES_SHEET);
    expect(sheet.rows[TABLE_HEADER_ROW - 1]?.[col]).toMatchObject({ value: STATUS_HEADER });
    // Wrapped, as presentation.ts says of the Status column.
    expect(sheet.rows[TABLE_FIRST_ROW - 1]?.[col]).toEqual({
      formula: tableStatusFormula(OVERRIDES_SHEET, TABLE_FIRST_ROW).slice(1),
      value: "OK: Gaffer",
      style: { wrap: true },
    });
    const bad = sheet.rows[TABLE_FIRST_ROW]?.[col];
    expect(bad?.value).toMatch(/^Fix: Rate Overrides line 2: Role 'Gafer' is not known/);

    // In the file: the add-in function as Excel stores it, with the text it showed cached.
    const files = unzipSync(writeXlsx(book));
    const index = book.sheets.indexOf(sheet) + 1;
    const xml = strFromU8(files[`xl/worksheets/sheet${index}.xml`]!);
    const cell = /<c r="F4"[^>]*>(.*?)<\/c>/.exec(xml)?.[1] ?? "";
    expect(cell).toContain(
      "<f>_xldudf_CREW_TABLECHECK(A4:E4,ROW(A4)-ROW($A$3),&quot;Rate Overrides&quot;,ProductionTables,CardVersion)</f>",
    );
    expect(cell).toContain("<v>OK: Gaffer</v>");
    expect(
      /<c r="F5"[^>]*t="str"[^>]*>.*?<v>Fix: Rate Overrides line 2: /.exec(xml),
    ).not.toBeNull();
    // Every line row carries its formula, down to the last.
    expect(xml).toContain(`<c r="F${LAST_LINE_ROW}"`);
    // It prints through its last line, not 200 rows of blank-looking formulas.
    const workbookXml = strFromU8(files["xl/workbook.xml"]!);
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index - 1}">&apos;${OVERRIDES_SHEET}&apos;!$A$1:$F$5</definedName>`,
    );
  });
});
