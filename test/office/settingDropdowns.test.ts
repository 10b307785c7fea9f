// @vitest-environment jsdom
/**
 * The Settings cells that take one of a few values (Region, Budget tier, Health contribution,
 * Topsheet accounts) offer them in a dropdown, in Excel and in the preview's .xlsx. Suggestions
 * only: no error alert, so an alias such as "LA" is still taken and the reader checks it.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import { SETTINGS, SETTINGS_SHEET, settingRow, type SettingName } from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { writeXlsx } from "../../src/preview/xlsx";
import { FakeExcel, key } from "../fixtures/fakeExcel";

const EXPECTED: Partial<Record<SettingName, string>> = {
  Region: rateCard.meta.regions.map((r) => r.name).join(","),
  Tier: rateCard.meta.tiers.map((t) => t.name).join(","),
  HealthContribution: "independent,contributor",
  TopsheetAccounts: "with lines,all",
};

const cellOf = (name: SettingName) => `B${settingRow(name)}`;

describe("the settings' dropdowns", () => {
  it("are the card's regions and tiers and the two levels and views, and the notes list them", () => {
    expect(SETTINGS.filter((s) => s.choices).map((s) => s.name)).toEqual(Object.keys(EXPECTED));
    const region = SETTINGS.find((s) => s.name === "Region")!;
    // Every region the card prices in is named, Maryland included.
    for (const r of rateCard.meta.regions) expect(region.note).toContain(r.name);
  });

  it("are set in Excel on a new budget, with no error alert", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    await workbook.ensureBudget();
    const dropdowns = book.look(SETTINGS_SHEET).dropdowns;
    expect([...dropdowns.keys()].sort()).toEqual(
      Object.keys(EXPECTED)
        .map((n) => cellOf(n as SettingName))
        .sort(),
    );
    for (const [name, source] of Object.entries(EXPECTED)) {
      expect(dropdowns.get(cellOf(name as SettingName))).toEqual({ source, showAlert: false });
    }
  });

  it("come with a setting a later CrewRate adds to an earlier budget's Settings sheet", async () => {
    const book = new FakeExcel({ Sheet1: {} });
    const workbook = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    await workbook.ensureBudget();
    // An earlier build's budget: no Topsheet accounts row, no name, no dropdowns.
    const row = settingRow("TopsheetAccounts");
    for (const col of [0, 1, 2]) book.state.cells.get(SETTINGS_SHEET)!.delete(key(row, col));
    book.state.names.delete("TopsheetAccounts");
    book.look(SETTINGS_SHEET).dropdowns.clear();

    const again = new ExcelWorkbook({ departments: engine.departments, run: book.run });
    await again.ensureBudget();
    expect(book.cell(SETTINGS_SHEET, cellOf("TopsheetAccounts"))).toBe("with lines");
    expect([...book.look(SETTINGS_SHEET).dropdowns.keys()]).toEqual([cellOf("TopsheetAccounts")]);
  });

  it("are in the preview's .xlsx as list validations that show no error", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.ensureBudget();
    const files = unzipSync(writeXlsx(workbookForXlsx(wb.hf, CREWRATE_ADDIN)));
    const workbookXml = strFromU8(files["xl/workbook.xml"]!);
    const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const xml = strFromU8(files[`xl/worksheets/sheet${names.indexOf(SETTINGS_SHEET) + 1}.xml`]!);
    const found = [
      ...xml.matchAll(
        /<dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="([A-Z]+\d+)"><formula1>&quot;([^&]*)&quot;<\/formula1>/g,
      ),
    ].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(found)).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([n, s]) => [cellOf(n as SettingName), s])),
    );
    // In the schema's order: after the merged cells, before the page margins.
    expect(xml.indexOf("<dataValidations")).toBeLessThan(xml.indexOf("<pageMargins"));
  });
});
