/** The pane's production-tables length check agrees with the sheet's CREW.TABLES cell. */
import { describe, expect, it } from "vitest";
import { MAX_CELL_TEXT, tablesCellLength, tablesCellProblem } from "../../src/budget/tablesCell";
import { engine } from "../../src/data";
import type { ProductionTables, TableCell } from "../../src/engine";
import { createCrewFunctions } from "../../src/functions/crewFunctions";

const crew = createCrewFunctions(engine);

/** `count` own roles with descriptions of `length` characters. */
function roles(count: number, length: number): TableCell[][] {
  return Array.from({ length: count }, (_, i) => [
    `Own Role ${i + 1}`,
    "Camera",
    "",
    "d".repeat(length),
    "day",
    1000,
    "",
  ]);
}

function sheetSays(tables: ProductionTables): unknown {
  return crew.tables(tables.overrides, tables.roles);
}

describe("tablesCellProblem", () => {
  it("refuses the 136th role of 200-character descriptions, as the sheet's cell does", () => {
    const fits: ProductionTables = { overrides: [], roles: roles(135, 200) };
    const over: ProductionTables = { overrides: [], roles: roles(136, 200) };

    expect(tablesCellLength(fits)).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(tablesCellProblem(fits)).toBeUndefined();
    expect(typeof sheetSays(fits)).toBe("string");

    expect(tablesCellLength(over)).toBeGreaterThan(MAX_CELL_TEXT);
    expect(tablesCellProblem(over)?.message).toMatch(
      /^Production Roles: the production tables are too long for one cell \(\d{2},\d{3} of 32,767 characters\)/,
    );
    expect(JSON.stringify(sheetSays(over))).toMatch(/too long for one cell/);
  });

  it("agrees with the sheet at the exact limit, one character either side", () => {
    const base = tablesCellLength({ overrides: [], roles: roles(1, 0) });
    for (const extra of [-1, 0, 1]) {
      const tables = { overrides: [], roles: roles(1, MAX_CELL_TEXT - base + extra) };
      const sheetRefuses = JSON.stringify(sheetSays(tables)).includes("too long for one cell");
      expect(tablesCellProblem(tables) !== undefined).toBe(sheetRefuses);
      expect(sheetRefuses).toBe(extra > 0);
    }
  });
});
