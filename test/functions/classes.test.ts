/**
 * CREW.CLASSES: the classifications a line of a role can be priced at where it shoots, with the
 * Agreement text that prices on each, evaluated by HyperFormula with the functions Excel runs.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { dollarsToCents } from "../../src/engine";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";

function sheet(formula: string): CellValue[][] {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

const HEADER = ["Agreement", "Classification", "Book", "The role's own"];

describe("CREW.CLASSES", () => {
  it("lists what the pane's picker lists, with a header, and each Agreement text prices there", () => {
    const rows = sheet('=CREW.CLASSES("Gaffer")');
    expect(rows[0]).toEqual(HEADER);
    const picker = engine
      .classificationsFor(engine.findRole("Gaffer"))
      .flatMap((g) => g.choices.map((c) => c.text));
    expect(rows.slice(1).map((r) => r[0])).toEqual(picker);
    // The card's own classification for the role comes first, marked.
    expect(rows[1]?.[3]).toBe("yes");
    for (const row of [rows[1], rows[10], rows[rows.length - 1]]) {
      const text = String(row?.[0]);
      const rate = sheet(`=CREW.UNITRATE("Gaffer","week","${text}")`)[0]?.[0];
      const q = engine.quote({ role: "Gaffer", unit: "week", agreement: text, hoursPerDay: 12 });
      expect(dollarsToCents(Number(rate)), text).toBe(q.unitRateCents);
    }
  });

  it("keeps the classifications whose title, code or book has every word searched", () => {
    const rows = sheet('=CREW.CLASSES("Gaffer","sub foreman")');
    expect(rows[0]).toEqual(HEADER);
    const texts = rows.slice(1).map((r) => r[0]);
    expect(texts).toContain("Local 728 #5411");
    const sub = rows.find((r) => r[0] === "Local 728 #5411");
    expect(sub?.[1]).toBe("Sub-Foreman (5411)");
    expect(
      rows.slice(1).every((r) => /sub/i.test(String(r[1])) && /foreman/i.test(String(r[1]))),
    ).toBe(true);
  });

  it("lists the books of the region asked for: the Area Standards Agreement in Georgia", () => {
    const rows = sheet('=CREW.CLASSES("Gaffer",,"Georgia")');
    expect(String(rows[1]?.[0])).toMatch(/^ASA #/);
    expect(rows[1]?.[3]).toBe("yes");
    expect(rows.some((r) => String(r[0]).startsWith("Local 728"))).toBe(false);
  });

  it("says so when nothing matches, and names an unknown role", () => {
    const none = sheet('=CREW.CLASSES("Gaffer","zebra")')[0]?.[0];
    expect(none).toBeInstanceOf(DetailedCellError);
    expect((none as DetailedCellError).message).toBe("No classification matches 'zebra' there.");
    const unknown = sheet('=CREW.CLASSES("Gafer")')[0]?.[0];
    expect(unknown).toBeInstanceOf(DetailedCellError);
    expect((unknown as DetailedCellError).message).toMatch(/^Unknown role 'Gafer'/);
  });
});
