/**
 * A production-table line that does not check out stops only the crew lines it would have priced:
 * every other line keeps its price, and the production tables cell says which line to fix.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";

function sheetWith(overrides: (string | number)[][], roles: (string | number)[][] = []) {
  const pad = (rows: (string | number)[][], width: number) =>
    rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return buildCrewWorkbook(engine, {
    O: pad(overrides, 5),
    R: pad(roles, 7),
    S: [
      ["=CREW.TABLES(O!A1:E5,R!A1:G5)"],
      ['=CREW.RATE("Gaffer", 1, "week", , , , , 12, , A1)'],
      ['=CREW.RATE("Key Grip", 1, "week", , , , , 12, , A1)'],
      ['=CREW.RATE("Drone Pilot", 1, "day", , , , , 12, , A1)'],
    ],
  });
}

const value = (hf: ReturnType<typeof sheetWith>, row: number) =>
  hf.getCellValue({ sheet: hf.getSheetId("S")!, row, col: 0 });

describe("a bad production-table line", () => {
  it("stops the lines of its role only, and the tables cell names it", () => {
    const good = sheetWith([["Gaffer", "", "week", 5000, "deal memo"]]);
    expect(value(good, 1)).toBe(5000);
    const keyGrip = value(good, 2);
    expect(typeof keyGrip).toBe("number");

    const hf = sheetWith([["Gaffer", "", "week", "lots", "deal memo"]]);
    // The Gaffer's negotiated deal is unreadable: never silently priced at the card rate.
    const gaffer = value(hf, 1);
    expect(gaffer).toMatchObject({ value: "#VALUE!" });
    expect((gaffer as { message: string }).message).toMatch(/Rate Overrides line 1/);
    // Everyone else keeps their price.
    expect(value(hf, 2)).toBe(keyGrip);
    expect(String(value(hf, 0))).toMatch(/^Fix this table line: .*Rate Overrides line 1/);
  });

  it("stops a production role that cannot be priced, by its title", () => {
    const hf = sheetWith([], [["Drone Pilot", "Camera", "3300", "Flies", "day", "0x10", ""]]);
    const drone = value(hf, 3);
    expect(drone).toMatchObject({ value: "#VALUE!" });
    expect((drone as { message: string }).message).toMatch(/Production Roles line 1/);
    expect(typeof value(hf, 1)).toBe("number");
  });
});
