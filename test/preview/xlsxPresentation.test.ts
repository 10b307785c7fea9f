// @vitest-environment jsdom
/**
 * The exported .xlsx looks like a budget: money formats on money cells, bold header and totals,
 * frozen header, landscape pages one page wide with the header row repeated, and the production's
 * title, card version and page numbers in the page header and footer. Read back by parsing the
 * package's XML (jsdom's strict parser), and, where LibreOffice is installed, by printing it.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_SHEET,
  COLUMNS,
  FIRST_LINE_ROW,
  HEADER_ROW,
  MONEY_FORMAT,
  QUANTITY_FORMAT,
  SHARED_SHEETS,
  TITLE_FONT_SIZE,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { columnName, writeXlsx } from "../../src/preview/xlsx";
import { crewLine } from "../fixtures/crewLine";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const TITLE = `R&D <"Night"> Shift`;

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror")[0]) throw new Error("not well-formed XML");
  return doc;
}
const all = (doc: Document | Element, name: string) =>
  Array.from(doc.getElementsByTagNameNS(NS, name));
const one = (doc: Document | Element, name: string) => {
  const e = all(doc, name)[0];
  if (!e) throw new Error(`no <${name}>`);
  return e;
};

async function threeLineBudget(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook(engine);
  await wb.appendCrewLines([
    crewLine("Director of Photography", "shoot", "week", "Pat"),
    crewLine("Gaffer", 10, "week"),
    crewLine("Key Grip", 5, "day"),
  ]);
  wb.setCell(BUDGET_SHEET, 0, 0, TITLE);
  await wb.shareAsValues();
  return wb;
}

interface Exported {
  bytes: Uint8Array;
  parts: Record<string, string>;
  sheetNames: string[];
}

let exported: Exported;

beforeAll(async () => {
  const wb = await threeLineBudget();
  const bytes = writeXlsx(workbookForXlsx(wb.hf, CREWRATE_ADDIN));
  const parts = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
  exported = { bytes, parts, sheetNames: [...wb.hf.getSheetNames()] };
});

function sheetDoc(name: string): Document {
  const i = exported.sheetNames.indexOf(name);
  const text = exported.parts[`xl/worksheets/sheet${i + 1}.xml`];
  if (i < 0 || text === undefined) throw new Error(`no sheet ${name}`);
  return parse(text);
}

/** A cell's style: its number format code, whether its font is bold, and the font's size. */
function styleOf(sheet: Document, ref: string) {
  const styles = parse(exported.parts["xl/styles.xml"]!);
  const c = all(sheet, "c").find((e) => e.getAttribute("r") === ref);
  if (!c) throw new Error(`no cell ${ref}`);
  const xf = all(one(styles, "cellXfs"), "xf")[Number(c.getAttribute("s") ?? "0")]!;
  const formatId = xf.getAttribute("numFmtId");
  const format = all(styles, "numFmt").find((f) => f.getAttribute("numFmtId") === formatId);
  const font = all(one(styles, "fonts"), "font")[Number(xf.getAttribute("fontId"))]!;
  return {
    format: format?.getAttribute("formatCode") ?? formatId,
    bold: all(font, "b").length > 0,
    size: Number(one(font, "sz").getAttribute("val")),
  };
}

const ref = (column: string, row: number) =>
  `${columnName(COLUMNS.indexOf(column as (typeof COLUMNS)[number]))}${row}`;

describe("the exported budget's look", () => {
  it("formats every money cell of the crew lines as money and Qty as a quantity", () => {
    for (const name of [BUDGET_SHEET, SHARED_SHEETS[0].copy]) {
      const sheet = sheetDoc(name);
      for (const column of ["Rate", "Subtotal", "Fringe", "Total"]) {
        for (let row = FIRST_LINE_ROW; row < FIRST_LINE_ROW + 3; row++) {
          expect(styleOf(sheet, ref(column, row)).format).toBe(MONEY_FORMAT);
        }
      }
      expect(styleOf(sheet, ref("Qty", FIRST_LINE_ROW)).format).toBe(QUANTITY_FORMAT);
      expect(styleOf(sheet, ref("Role", FIRST_LINE_ROW)).format).toBe("0");
    }
  });

  it("makes the title large and bold, the header and the totals bold, crew lines plain", () => {
    const sheet = sheetDoc(BUDGET_SHEET);
    expect(styleOf(sheet, "A1")).toMatchObject({ bold: true, size: TITLE_FONT_SIZE });
    for (const column of COLUMNS) expect(styleOf(sheet, ref(column, HEADER_ROW)).bold).toBe(true);
    expect(styleOf(sheet, ref("Role", FIRST_LINE_ROW)).bold).toBe(false);
    const rows = all(sheet, "row");
    const lastRow = Number(rows.at(-1)?.getAttribute("r"));
    expect(styleOf(sheet, ref("Total", lastRow))).toMatchObject({
      bold: true,
      format: MONEY_FORMAT,
    });
  });

  it("freezes the rows through the header and sets column widths by column", () => {
    const sheet = sheetDoc(BUDGET_SHEET);
    const pane = one(sheet, "pane");
    expect(pane.getAttribute("state")).toBe("frozen");
    expect(pane.getAttribute("ySplit")).toBe(String(HEADER_ROW));
    expect(pane.getAttribute("topLeftCell")).toBe(`A${HEADER_ROW + 1}`);
    const widths = all(sheet, "col").map((c) => Number(c.getAttribute("width")));
    // The table's columns, a gap, and the wages-to-date column beside the table.
    expect(widths).toHaveLength(COLUMNS.length + 2);
    // Account is sized to its numbers, not to the title in A1.
    expect(widths[COLUMNS.indexOf("Account")]).toBeLessThan(15);
  });

  it("prints every CrewRate sheet landscape or upright, one page wide, as many pages down as needed", () => {
    for (const name of exported.sheetNames) {
      const sheet = sheetDoc(name);
      expect(one(sheet, "pageSetUpPr").getAttribute("fitToPage")).toBe("1");
      const setup = one(sheet, "pageSetup");
      expect(setup.getAttribute("fitToWidth")).toBe("1");
      expect(setup.getAttribute("fitToHeight")).toBe("0");
    }
    expect(one(sheetDoc(BUDGET_SHEET), "pageSetup").getAttribute("orientation")).toBe("landscape");
  });

  it("repeats each sheet's header row on every printed page", () => {
    const workbook = parse(exported.parts["xl/workbook.xml"]!);
    const titles = all(workbook, "definedName").filter(
      (n) => n.getAttribute("name") === "_xlnm.Print_Titles",
    );
    expect(titles).toHaveLength(exported.sheetNames.length);
    const budget = titles.find((n) => n.getAttribute("localSheetId") === "0");
    expect(budget?.textContent).toBe(`'${BUDGET_SHEET}'!$${HEADER_ROW}:$${HEADER_ROW}`);
    const copyIndex = exported.sheetNames.indexOf(SHARED_SHEETS[0].copy);
    const copy = titles.find((n) => n.getAttribute("localSheetId") === String(copyIndex));
    expect(copy?.textContent).toBe(`'${SHARED_SHEETS[0].copy}'!$${HEADER_ROW}:$${HEADER_ROW}`);
  });

  it("prints a values copy's own columns, as its source does, not the wages column copied with it", () => {
    const workbook = parse(exported.parts["xl/workbook.xml"]!);
    const areas = all(workbook, "definedName").filter(
      (n) => n.getAttribute("name") === "_xlnm.Print_Area",
    );
    const areaOf = (sheet: string) =>
      areas.find(
        (n) => n.getAttribute("localSheetId") === String(exported.sheetNames.indexOf(sheet)),
      )?.textContent;
    const last = columnName(COLUMNS.length - 1);
    expect(areaOf(BUDGET_SHEET)).toMatch(
      new RegExp(`^'${BUDGET_SHEET}'!\\$A\\$1:\\$${last}\\$\\d+$`),
    );
    const copy = SHARED_SHEETS[0].copy;
    expect(areaOf(copy)?.replace(`'${copy}'`, `'${BUDGET_SHEET}'`)).toBe(areaOf(BUDGET_SHEET));
    expect(areaOf(SHARED_SHEETS[1].copy)).toMatch(/!\$A\$1:\$E\$\d+$/);
  });

  it("heads each page with the title from the Budget's title cell, escaped, and the card version; numbers the pages", () => {
    const sheet = sheetDoc(SHARED_SHEETS[1].copy);
    const header = one(sheet, "oddHeader").textContent ?? "";
    // XML-escaped in the file, read back as written; Excel's & doubled.
    expect(header).toContain(`R&&D <"Night"> Shift`);
    expect(header).toContain(`Rate card ${engine.card.meta.version}`);
    expect(one(sheet, "oddFooter").textContent).toContain("&RPage &P of &N");
  });
});

// ---- Printed by LibreOffice -------------------------------------------------------------------

const onPath = (command: string) =>
  (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
const canPrint = (onPath("soffice") && onPath("pdfinfo")) || process.env.CI === "true";

describe.skipIf(!canPrint)("the exported budget printed by LibreOffice", () => {
  it("prints a three-line budget on one page per sheet (it was 20 pages for 7 sheets)", async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), "crewrate-print-"));
    try {
      writeFileSync(join(dir, "budget.xlsx"), exported.bytes);
      const env = {
        ...process.env,
        HOME: dir,
        XDG_CACHE_HOME: dir,
        XDG_CONFIG_HOME: dir,
        TMPDIR: dir,
      };
      await run(
        "soffice",
        [
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          join(dir, "budget.xlsx"),
        ],
        { timeout: 120_000, env },
      );
      const { stdout } = await run("pdfinfo", [join(dir, "budget.pdf")], { env });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
      expect(pages).toBe(exported.sheetNames.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
