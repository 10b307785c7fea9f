/** Selected cells as the paste path reads them, and the preview's selection read through the port. */
import { describe, expect, it } from "vitest";
import { parseCrewList, selectionProblem, selectionText } from "../../src/budget";
import { engine } from "../../src/data";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

describe("selectionText", () => {
  it("writes rows tab-separated with numbers plain, and parseCrewList reads them back cell for cell", () => {
    const rows = [
      ["Driver, Local", 'Ann "Red" Lee', 2, "week", 1234.5],
      ["Grip\tNight", "", 0.25, "day", null],
      [true, undefined, Number.NaN, "", ""],
    ];
    const text = selectionText(rows);
    expect(text.split("\n")[0]).toBe('"Driver, Local"\t"Ann ""Red"" Lee"\t2\tweek\t1234.5');
    expect(parseCrewList(text).map((r) => [r.title, r.person, r.quantity, r.unit, r.rate])).toEqual(
      [
        ["Driver, Local", 'Ann "Red" Lee', 2, "week", 1234.5],
        ["Grip\tNight", "", 0.25, "day", undefined],
        ["TRUE", "", undefined, "", undefined],
      ],
    );
  });

  it("keeps a one-column selection's titles whole (no tab, so the paste path reads commas)", () => {
    const text = selectionText([["Set PA #3"], ["Key Grip, Local Hire"]]);
    expect(parseCrewList(text).map((r) => r.title)).toEqual(["Set PA #3", "Key Grip, Local Hire"]);
  });
});

describe("selectionProblem", () => {
  it("names empty and oversized selections, and accepts the largest allowed", () => {
    expect(selectionProblem([["", " "]], "Budget!A1:B1")).toMatch(/are empty/);
    expect(selectionProblem([], "")).toMatch(/^The selected cells are empty/);
    expect(selectionProblem([Array<string>(21).fill("x")], "A1:U1")).toMatch(/1 rows × 21 columns/);
    expect(
      selectionProblem(
        Array.from({ length: 2001 }, () => ["x"]),
        "A1:A2001",
      ),
    ).toMatch(/2001 rows × 1 columns/);
    expect(
      selectionProblem(
        Array.from({ length: 2000 }, () => Array<string>(20).fill("x")),
        "",
      ),
    ).toBe(undefined);
  });
});

describe("PreviewWorkbook.readSelection", () => {
  it("reads the cells the view last reported as selected, with their address", async () => {
    const wb = new PreviewWorkbook(engine);
    await expect(wb.readSelection()).rejects.toThrow(/No cells are selected in the preview/);
    wb.setCell("Budget", 20, 0, "Gaffer");
    wb.setCell("Budget", 20, 1, "8");
    wb.setSelection("Budget", { top: 20, left: 0, bottom: 21, right: 1 });
    await expect(wb.readSelection()).resolves.toEqual({
      address: "Budget!A21:B22",
      rows: [
        ["Gaffer", 8],
        ["", ""],
      ],
    });
    wb.setSelection("Budget", { top: 30, left: 3, bottom: 30, right: 3 });
    await expect(wb.readSelection()).rejects.toThrow(/The selected cells \(Budget!D31\) are empty/);
  });
});
