/** "Add a role" in the preview workbook: a retry after a lost reply does not write the role twice. */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { type ProductionRoleInput } from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

const ROLE: ProductionRoleInput = {
  title: "Drone Pilot",
  department: "Camera",
  account: "3300",
  description: "Flies the camera drone.",
  unit: "day",
  rate: 1200,
  agreement: "",
};

describe("PreviewWorkbook.addProductionRole", () => {
  it("returns the earlier line for the same role instead of a second copy", async () => {
    const wb = new PreviewWorkbook(engine);
    const first = await wb.addProductionRole(ROLE);
    const again = await wb.addProductionRole(ROLE);
    expect(again).toEqual(first);
    const tables = await wb.readProductionTables();
    expect(tables.roles.filter((r) => r[0] === "Drone Pilot")).toHaveLength(1);
    // A different role goes on the next line.
    expect(await wb.addProductionRole({ ...ROLE, title: "Drone Operator" })).toMatchObject({
      line: first.line + 1,
    });
  });

  it("refuses, writing nothing, a role that would overflow the production tables cell", async () => {
    const wb = new PreviewWorkbook(engine);
    const long = "x".repeat(200);
    const lines: number[] = [];
    let refused: unknown;
    for (let i = 0; i < 200 && refused === undefined; i++) {
      await wb
        .addProductionRole({ ...ROLE, title: `Role ${i}`, description: long })
        .then((r) => lines.push(r.line))
        .catch((e: unknown) => (refused = e));
    }
    expect(String(refused)).toMatch(/too long for one cell/);
    const tables = await wb.readProductionTables();
    expect(tables.roles.filter((r) => r[0] !== null && r[0] !== "")).toHaveLength(lines.length);
    expect(lines.length).toBeGreaterThan(100);
  });
});
