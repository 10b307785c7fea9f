/**
 * The healthContribution argument of CREW.FRINGE, CREW.TOTAL and CREW.EXPLAIN, evaluated in
 * HyperFormula (the implementations Excel runs): last, after cardVersion and production, so every
 * formula written before it keeps its arguments; blank is an independent producer.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { CREW_PARAMS, PARAMS } from "../../src/functions/params";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";

/** Evaluates formulas in one row; `C1`-style references see the cells beside them. */
function row(...cells: (string | number)[]): CellValue[] {
  const hf = buildCrewWorkbook(engine, { S: [cells] });
  const values = hf.getSheetValues(0)[0] ?? [];
  hf.destroy();
  return values;
}

function spill(formula: string): CellValue[][] {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

const cents = (v: CellValue | undefined) => Math.round((v as number) * 100);
// A Set Decorator's on-call week under IATSE on 2025-10-01: 70 contribution hours.
const WEEK = '"Set Decorator", 1, "week", "IATSE", , , "2025-10-01", 0, 12, , ';

describe("the healthContribution argument", () => {
  it("comes last in FRINGE, TOTAL and EXPLAIN, and nowhere else", () => {
    expect(PARAMS.healthContribution).toMatchObject({ type: "text", optional: true });
    for (const id of ["FRINGE", "TOTAL", "EXPLAIN"] as const) {
      expect(CREW_PARAMS[id].slice(-3)).toEqual([
        "cardVersion",
        "production",
        "healthContribution",
      ]);
    }
    for (const id of ["RATE", "UNITRATE", "BASIS", "INFO", "ROLES"] as const) {
      expect(CREW_PARAMS[id]).not.toContain("healthContribution");
    }
  });

  it("prices FRINGE and TOTAL at the level it names, blank being independent", () => {
    const [independent, contributor, blank, viaCell, , total, totalContributor] = row(
      `=CREW.FRINGE(${WEEK}, "independent")`,
      `=CREW.FRINGE(${WEEK}, "$15M contributor")`,
      `=CREW.FRINGE(${WEEK})`,
      `=CREW.FRINGE(${WEEK}, E1)`,
      "contributor",
      `=CREW.TOTAL(${WEEK})`,
      `=CREW.TOTAL(${WEEK}, "contributor")`,
    );
    const request = {
      role: "Set Decorator",
      unit: "week",
      agreement: "IATSE",
      date: "2025-10-01",
      hoursPerDay: 12,
    };
    const at = (level: string) => engine.quoteFast({ ...request, healthContribution: level });
    expect(cents(independent)).toBe(at("independent").fringeCents);
    expect(cents(contributor)).toBe(at("contributor").fringeCents);
    expect(cents(blank)).toBe(cents(independent));
    expect(cents(viaCell)).toBe(cents(contributor));
    expect(cents(total)).toBe(at("independent").totalCents);
    expect(cents(totalContributor)).toBe(at("contributor").totalCents);
    // 70 hours × (premium $11.913 − basic $7.553 + the Retired Employees Fund's 56-cent add-on).
    expect(cents(independent) - cents(contributor)).toBe(
      Math.round(70 * (11.913 - 7.553 + 0.56) * 100),
    );
  });

  it("is #VALUE! naming both levels for anything else", () => {
    const [v] = row(`=CREW.FRINGE(${WEEK}, "studio")`);
    expect(v).toBeInstanceOf(DetailedCellError);
    const e = v as DetailedCellError;
    expect(e.value).toBe("#VALUE!");
    expect(e.message).toMatch(
      /^Unknown health contribution 'studio': use independent .* or contributor/,
    );
  });

  it("shows the level in EXPLAIN's terms and on its MPI health rows", () => {
    const explained = (level: string) =>
      spill(`=CREW.EXPLAIN(${WEEK}, "${level}")`).filter((r) => r[0] !== "");
    const label = (rows: CellValue[][], start: string) =>
      rows.find((r) => String(r[0]).startsWith(start));
    const independent = explained("independent");
    expect(label(independent, "Terms")?.[1]).toBe(
      "IATSE Basic Agreement, Los Angeles, Studio, 2025-10-01, health: independent producer (not a $15M contributor)",
    );
    expect(label(independent, "MPI Health Plan")?.[0]).toBe(
      "MPI Health Plan (IATSE) at the independent producer's rate: $11.913/hr × 70 hours (estimate)",
    );
    expect(label(independent, "MPI Health Plan")?.[1]).toBe(833.91);
    const contributor = explained("contributor");
    expect(label(contributor, "Terms")?.[1]).toMatch(/, health: \$15M contributor$/);
    expect(label(contributor, "MPI Retired Employees Fund")?.[0]).toBe(
      "MPI Retired Employees Fund (IATSE) at the $15M contributor's rate: $0.30/hr × 70 hours (estimate)",
    );
  });

  it("leaves EXPLAIN's terms as they were on a line it does not touch", () => {
    const rows = spill('=CREW.EXPLAIN("UPM", 1, "week", , , , "2025-10-01")');
    expect(rows.find((r) => r[0] === "Terms")?.[1]).toBe("DGA, Los Angeles, Studio, 2025-10-01");
  });
});
