import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  FIRST_LINE_ROW,
  SETTINGS,
  WorkbookError,
  type CrewLineInput,
} from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";

const gaffer: CrewLineInput = {
  account: "3201",
  department: "Electric",
  role: "Gaffer",
  description: "Gaffer, shoot",
  quantity: "shoot",
  unit: "week",
};

describe("MemoryWorkbook", () => {
  it("starts with the settings a new budget workbook holds", async () => {
    const settings = await new MemoryWorkbook().readSettings();
    expect(settings).toEqual(defaultSettings());
    expect(settings.budgetDate).toBe(SETTINGS.find((s) => s.name === "BudgetDate")?.value);
    expect(settings.shootWeeks).toBe(SETTINGS.find((s) => s.name === "ShootWeeks")?.value);
  });

  it("takes settings that differ from the defaults", async () => {
    const port = new MemoryWorkbook({ settings: { shootWeeks: 10 } });
    expect((await port.readSettings()).shootWeeks).toBe(10);
  });

  it("appends lines after the ones already there and says where", async () => {
    const port = new MemoryWorkbook();
    expect(await port.appendCrewLines([gaffer])).toMatchObject({
      firstRow: FIRST_LINE_ROW,
      rowsAdded: 1,
    });
    expect(await port.appendCrewLines([gaffer, gaffer])).toMatchObject({
      firstRow: FIRST_LINE_ROW + 1,
      rowsAdded: 2,
    });
    expect(port.lines).toHaveLength(3);
    expect(port.appendCalls.map((c) => c.length)).toEqual([1, 2]);
  });

  it("stores all lines or none when one is invalid", async () => {
    const port = new MemoryWorkbook();
    await expect(port.appendCrewLines([gaffer, { ...gaffer, quantity: -1 }])).rejects.toThrow(
      WorkbookError,
    );
    expect(port.lines).toHaveLength(0);
    expect(port.appendCalls).toHaveLength(1);
  });

  it("fails the next append once when told to, changing nothing", async () => {
    const port = new MemoryWorkbook();
    port.failNextAppend(new WorkbookError("Locked."));
    await expect(port.appendCrewLines([gaffer])).rejects.toThrow("Locked.");
    expect(port.lines).toHaveLength(0);
    await port.appendCrewLines([gaffer]);
    expect(port.lines).toHaveLength(1);
  });

  it("fails the next settings read once when told to", async () => {
    const port = new MemoryWorkbook();
    port.failNextRead();
    await expect(port.readSettings()).rejects.toThrow(WorkbookError);
    await expect(port.readSettings()).resolves.toEqual(defaultSettings());
  });

  it("keeps its own copies of the lines it was given", async () => {
    const port = new MemoryWorkbook();
    const line = { ...gaffer };
    await port.appendCrewLines([line]);
    line.role = "Changed";
    expect(port.lines[0]?.role).toBe("Gaffer");
    expect(port.appendCalls[0]?.[0]?.role).toBe("Gaffer");
  });
});
