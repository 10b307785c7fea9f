/**
 * The preview's grid keeps typed text as text: only what Excel reads as a number becomes one
 * (issue 16: "0x10" typed on the Rate Overrides sheet was stored as 16 and priced).
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { OVERRIDES_SHEET, TABLE_FIRST_ROW } from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

describe("a cell typed in the preview", () => {
  const wb = new PreviewWorkbook(engine);
  const sheet = wb.sheetId(OVERRIDES_SHEET);
  const typed = (text: string) => {
    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 3, text);
    return wb.hf.getCellValue({ sheet, row: TABLE_FIRST_ROW - 1, col: 3 });
  };

  it.each([
    ["1200", 1200],
    [" 12.5 ", 12.5],
    ["-3", -3],
    [".5", 0.5],
    ["1e3", 1000],
  ])("reads %j as the number %d, as Excel does", (text, number) => {
    expect(typed(text)).toBe(number);
  });

  it.each(["0x10", "0b11", "Infinity", "1,2,3", "12 weeks"])(
    "keeps %j as the text typed",
    (text) => {
      expect(typed(text)).toBe(text);
    },
  );
});
