/**
 * isEarlierFringe: which Fringe cells hold a formula an earlier CrewRate wrote (without Settings'
 * Health contribution, or with wages to date by SUMIF), so a refresh rewrites only those.
 */
import { describe, expect, it } from "vitest";
import {
  col,
  COLUMNS,
  crewLineRow,
  HEADER_ROW,
  isEarlierFringe,
  PREVIEW_WAGES,
  type WagesSpill,
} from "../../src/budget";
import { crewLine } from "../fixtures/crewLine";

const EXCEL: WagesSpill = { anchorRow: HEADER_ROW, byIndex: true };
const ROW = 9;

function today(spill: WagesSpill): string {
  return String(crewLineRow(crewLine("Gaffer", 10, "week"), ROW, spill)[COLUMNS.indexOf("Fringe")]);
}

/** The Fringe formula CrewRate wrote before wages to date was one spill (layout 2, session 5). */
function sumifFringe(health: boolean): string {
  const c = (name: Parameters<typeof col>[0]) => `${col(name)}${ROW}`;
  const above = (name: Parameters<typeof col>[0]) =>
    `${col(name)}$${HEADER_ROW}:${col(name)}${ROW - 1}`;
  const wages = `IF(${c("Person")}="",0,SUMIF(${above("Person")},"="&${c("Person")},${above("Subtotal")}))`;
  const args = `${c("Role")},${c("Qty")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate`;
  return `=IF(${c("Role")}="","",CREW.FRINGE(${args},${wages},HoursPerDay,CardVersion,ProductionTables${health ? ",HealthContribution" : ""}))`;
}

describe("isEarlierFringe", () => {
  it.each([
    ["the preview", PREVIEW_WAGES],
    ["Excel", EXCEL],
  ] as const)("knows today's formula from an earlier build's in %s", (_, spill) => {
    const current = today(spill);
    expect(isEarlierFringe(current, ROW, spill)).toBe(false);
    // Spaces and case do not make it another formula.
    expect(isEarlierFringe(current.toLowerCase().replace(",", ", "), ROW, spill)).toBe(false);
    // Without the health argument: the line ignored Settings' Health contribution.
    expect(isEarlierFringe(current.replace(",HealthContribution", ""), ROW, spill)).toBe(true);
    // Wages to date by SUMIF, with or without the health argument.
    expect(isEarlierFringe(sumifFringe(true), ROW, spill)).toBe(true);
    expect(isEarlierFringe(sumifFringe(false), ROW, spill)).toBe(true);
  });

  it("leaves what the producer put there alone: numbers, text, their own formulas, another row's", () => {
    const current = today(EXCEL);
    expect(isEarlierFringe(1234.5, ROW, EXCEL)).toBe(false);
    expect(isEarlierFringe("", ROW, EXCEL)).toBe(false);
    expect(isEarlierFringe("Deal memo", ROW, EXCEL)).toBe(false);
    expect(isEarlierFringe(`${current}*1.1`, ROW, EXCEL)).toBe(false);
    // Their own wages to date (a fixed amount) in CrewRate's call.
    const fixedWages = current.replace(/IF\(ISERROR.*?\)\)(?=,HoursPerDay)/, "5000");
    expect(fixedWages).toContain(",BudgetDate,5000,HoursPerDay,");
    expect(isEarlierFringe(fixedWages, ROW, EXCEL)).toBe(false);
    // A formula written for another row is not this row's.
    expect(isEarlierFringe(sumifFringe(false), ROW + 1, EXCEL)).toBe(false);
  });
});
