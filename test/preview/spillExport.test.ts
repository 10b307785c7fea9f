// @vitest-environment jsdom
/**
 * The preview's wages spill and its topsheet sums, as the .xlsx holds them: the spill as a dynamic
 * array (anchor with `t="array"` over the rows it fills, cm="1", the XLDAPR metadata part), the
 * topsheet's account rows as plain cells reading one CREW.ACCOUNTSUMS cell, every saved value
 * equal to what the preview shows.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_SHEET,
  HEADER_ROW,
  TOPSHEET_SHEET,
  TOPSHEET_SUMS_ROW,
  WAGES_COLUMN,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { workbookForXlsx } from "../../src/preview/exportWorkbook";
import { writeXlsx } from "../../src/preview/xlsx";
import { crewLine } from "../fixtures/crewLine";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, "application/xml");
}

function cellOf(doc: Document, ref: string): Element {
  const cell = Array.from(doc.getElementsByTagNameNS(NS, "c")).find(
    (c) => c.getAttribute("r") === ref,
  );
  if (!cell) throw new Error(`no cell ${ref}`);
  return cell;
}

describe("spills and account sums in the exported .xlsx", () => {
  it("writes the wages spill as a dynamic array and the topsheet sums as plain cells", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([
      crewLine("Director of Photography", 4, "week", "Pat"),
      crewLine("Director of Photography", 6, "week", "pat"),
      crewLine("Gaffer", 10, "week"),
    ]);
    const files = unzipSync(writeXlsx(workbookForXlsx(wb.hf, { ...noAddIn })));
    const sheetNames = wb.hf.getSheetNames();
    const xmlOf = (name: string) =>
      parse(strFromU8(files[`xl/worksheets/sheet${sheetNames.indexOf(name) + 1}.xml`]!));

    const budget = xmlOf(BUDGET_SHEET);
    const anchor = cellOf(budget, `${WAGES_COLUMN}${HEADER_ROW}`);
    const f = anchor.getElementsByTagNameNS(NS, "f")[0]!;
    expect(f.getAttribute("t")).toBe("array");
    // Header, three lines, the account subtotal and the totals row.
    const budgetId = wb.sheetId(BUDGET_SHEET);
    const totalsRow = wb.hf.getSheetDimensions(budgetId).height;
    expect(f.getAttribute("ref")).toBe(`${WAGES_COLUMN}${HEADER_ROW}:${WAGES_COLUMN}${totalsRow}`);
    expect(anchor.getAttribute("cm")).toBe("1");
    expect(f.textContent).toMatch(/^_xldudf_CREW_WAGESBEFORE\(/);
    expect(strFromU8(files["[Content_Types].xml"]!)).toContain('PartName="/xl/metadata.xml"');
    expect(strFromU8(files["xl/metadata.xml"]!)).toContain('fDynamic="1"');

    // Pat's second line carries the first one's Subtotal as wages to date, saved in the file.
    const lines = await wb.readCrewLines();
    const [first, second] = lines.filter((l) => l.person.toLowerCase() === "pat");
    const saved = cellOf(budget, `${WAGES_COLUMN}${second!.row}`);
    expect(Number(saved.getElementsByTagNameNS(NS, "v")[0]?.textContent)).toBeCloseTo(
      first!.subtotal!,
      2,
    );
    expect(saved.getElementsByTagNameNS(NS, "f")).toHaveLength(0);

    // The topsheet: the sums cells and an account row, no array formula anywhere.
    const top = xmlOf(TOPSHEET_SHEET);
    const sums = cellOf(top, `G${TOPSHEET_SUMS_ROW}`).getElementsByTagNameNS(NS, "f")[0]!;
    expect(sums.textContent).toMatch(/^_xldudf_CREW_ACCOUNTSUMS\(/);
    const arrays = Array.from(top.getElementsByTagNameNS(NS, "f")).filter(
      (e) => e.getAttribute("t") === "array",
    );
    expect(arrays).toEqual([]);
    const topValues = wb.hf.getSheetValues(wb.sheetId(TOPSHEET_SHEET));
    const cameraRow = topValues.findIndex((r) => String(r[0]) === "3300");
    const camera = cellOf(top, `C${cameraRow + 1}`);
    expect(Number(camera.getElementsByTagNameNS(NS, "v")[0]?.textContent)).toBeCloseTo(
      lines
        .filter((l) => l.role === "Director of Photography") // the only camera (33xx) lines
        .reduce((sum, l) => sum + (l.subtotal ?? 0), 0),
      2,
    );
  });
});

const noAddIn = {
  id: "00000000-0000-0000-0000-000000000000",
  version: "1.0.0.0",
  storeType: "EXCatalog",
  store: "EXCatalog",
};
