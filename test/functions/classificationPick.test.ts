/**
 * A classification named in a CREW function's agreement argument ("Local 728 #5411"), evaluated
 * by HyperFormula with the functions Excel runs.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { DEFAULT_HOURS_PER_DAY, dollarsToCents } from "../../src/engine";

function sheet(formula: string): CellValue[][] {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

const one = (formula: string): CellValue => sheet(formula)[0]?.[0] ?? null;

describe("a classification in the agreement argument", () => {
  it("prices CREW.RATE on the named classification, at the pane's 12-hour day", () => {
    const value = one('=CREW.RATE("Gaffer",1,"week","Local 728 #5411")');
    const q = engine.quote({
      role: "Gaffer",
      quantity: 1,
      unit: "week",
      agreement: "Local 728 #5411",
      hoursPerDay: DEFAULT_HOURS_PER_DAY,
    });
    expect(dollarsToCents(Number(value))).toBe(q.subtotalCents);
    const own = one('=CREW.RATE("Gaffer",1,"week")');
    expect(value).not.toBe(own);
    // The title form prices the same.
    expect(one('=CREW.RATE("Gaffer",1,"week","Local 728: Sub-Foreman")')).toBe(value);
  });

  it("says in CREW.BASIS that the class was chosen", () => {
    expect(one('=CREW.BASIS("Gaffer","hour","Local 728 #5411",,,"2024-09-01")')).toBe(
      "Published (IATSE Basic Agreement, class 5411 chosen)",
    );
    expect(one('=CREW.BASIS("Gaffer","hour",,,,"2024-09-01")')).toBe(
      "Published (IATSE Basic Agreement)",
    );
  });

  it("names the classification in CREW.EXPLAIN", () => {
    const rows = sheet('=CREW.EXPLAIN("Gaffer",1,"hour","Local 728 #5411")');
    const row = rows.find((r) => r[0] === "Classification");
    expect(row?.[1]).toContain("Sub-Foreman (5411)");
    expect(row?.[1]).toContain("chosen for this line ('Local 728 #5411')");
    expect(sheet('=CREW.EXPLAIN("Gaffer",1,"hour")').some((r) => r[0] === "Classification")).toBe(
      false,
    );
  });

  it("is #VALUE! with the closest classes for a class the book does not print", () => {
    const value = one('=CREW.RATE("Gaffer",1,"hour","Local 728: Sub Formen")');
    expect(value).toBeInstanceOf(DetailedCellError);
    const error = value as DetailedCellError;
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toContain("Local 728 has no classification 'Sub Formen'");
    expect(error.message).toContain("Did you mean Sub-Foreman (#5411)");
  });
});
