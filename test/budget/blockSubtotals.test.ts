import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { COLUMNS, HEADER_ROW, subtotalAccount, type CrewLineInput } from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

const line = (role: string, account: string, quantity: number, person?: string): CrewLineInput => ({
  account,
  department: "",
  role,
  person,
  description: role,
  quantity,
  unit: "week",
});

describe("account subtotals read their own block", () => {
  it("each subtotal equals its account's lines, through inserts above, between and inside blocks", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines([line("Key Grip", "2501", 4), line("Gaffer", "3201", 5)]);
    await wb.appendCrewLines([line("Director of Photography", "3301", 6, "Ana")]);
    // Above everything, between blocks, and inside an existing block.
    await wb.appendCrewLines([
      line("Production Designer", "1601", 3),
      line("Best Boy Grip", "2501", 2),
      line("1st Assistant Camera", "3301", 6, "Ana"),
      line("Best Boy Electric", "3201", 7),
    ]);
    const sheet = wb.sheetId("Budget");
    const values = wb.hf.getSheetValues(sheet);
    const at = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
    const subtotals = values
      .map((cells, i) => ({ cells, row: i + 1, account: subtotalAccount(cells[at("Account")]) }))
      .filter((r) => r.account !== undefined);
    expect(subtotals.map((r) => r.account)).toEqual(["1600", "2500", "3200", "3300"]);
    for (const { cells, row, account } of subtotals) {
      const mine = values.filter(
        (c) =>
          typeof c[at("Role")] === "string" &&
          c[at("Role")] !== "" &&
          String(c[at("Account")]).slice(0, 2) === account!.slice(0, 2),
      );
      expect(mine.length).toBeGreaterThan(0);
      for (const name of ["Subtotal", "Fringe", "Total"] as const) {
        const sum = mine.reduce((s, c) => s + Number(c[at(name)]), 0);
        expect(cells[at(name)]).toBeCloseTo(sum, 2);
      }
      // Its formula starts below the header (its block), never at the header.
      const formula = wb.hf.getCellFormula({ sheet, row: row - 1, col: at("Total") }) ?? "";
      expect(formula).not.toContain(`$${HEADER_ROW}:`);
    }
  });
});
