/**
 * CREW.TIER in a spreadsheet: the tier name a total budget falls in, switching exactly at the Low
 * Budget Theatrical ceilings, over a range too, and a bad total is a #VALUE! error that says why.
 */
import { DetailedCellError, ErrorType, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";

function sheet(rows: (string | number | null)[][]): CellValue[][] {
  const hf = buildCrewWorkbook(engine, { S: rows });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

function evalOne(formula: string): CellValue {
  return sheet([[formula]])[0]![0]!;
}

describe("CREW.TIER", () => {
  it.each([
    ["=CREW.TIER(2999999.99)", "Ultra-low"],
    ["=CREW.TIER(3000000)", "Ultra-low"],
    ["=CREW.TIER(3000000.01)", "Tier 1A"],
    ["=CREW.TIER(6250000)", "Tier 1A"],
    ["=CREW.TIER(6250000.01)", "Tier 1B"],
    ["=CREW.TIER(9000000)", "Tier 1B"],
    ["=CREW.TIER(9000000.01)", "Tier 2"],
    ["=CREW.TIER(12500000)", "Tier 2"],
    ["=CREW.TIER(12500000.01)", "Tier 3"],
    ["=CREW.TIER(15000000)", "Tier 3"],
    ["=CREW.TIER(15000000.01)", "Studio"],
    ['=CREW.TIER("$7,500,000")', "Tier 1B"],
  ])("%s is %s", (formula, tier) => {
    expect(evalOne(formula)).toBe(tier);
  });

  it("reads a cell, and gives a tier per cell of a range", () => {
    const values = sheet([
      [14_999_999.99, "=CREW.TIER(A1)"],
      [15_000_000.01, "=CREW.TIER(A1:A2)"],
    ]);
    expect(values[0]![1]).toBe("Tier 3");
    expect([values[1]![1], values[2]?.[1]]).toEqual(["Tier 3", "Studio"]);
  });

  it.each([
    ["=CREW.TIER(-1)", /^Total budget '-1' must be a number of dollars from 0/],
    ['=CREW.TIER("a lot")', /^Total budget must be a number, not 'a lot'\./],
    ["=CREW.TIER(B9)", /^Total budget is empty\./],
  ])("%s is a #VALUE! error with its message", (formula, message) => {
    const v = evalOne(formula);
    expect(v).toBeInstanceOf(DetailedCellError);
    const e = v as DetailedCellError;
    expect(e.type).toBe(ErrorType.VALUE);
    expect(e.message).toMatch(message);
  });
});
