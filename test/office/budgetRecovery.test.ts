/**
 * Set-up and recovery on the producer's own sheets (reliability audit F5, F7): the budget built on
 * an empty Budget sheet of theirs, under every fault; a renamed budget table found by its columns
 * and given its name back; a deleted Settings sheet rebuilt from the pane.
 */
import { describe, expect, it } from "vitest";
import {
  BUDGET_TABLE,
  COLUMNS,
  SETTING_NAMES,
  settingAddress,
  settingRow,
  WorkbookError,
  type CrewLineInput,
} from "../../src/budget";
import { RepairableProblem } from "../../src/budget/port";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { messageFor } from "../../src/taskpane/messages";
import { FakeExcel, type Cell } from "../fixtures/fakeExcel";
import { expectTruthfulUnderFaults, sameState } from "./faultHarness";

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "3400" },
];

const LINE: CrewLineInput = {
  account: "3301",
  department: "Camera",
  role: "Director of Photography",
  person: "Ana",
  description: "Shoot",
  quantity: 8,
  unit: "week",
};

function workbookOver(sheets: Record<string, Record<string, Cell>>) {
  const book = new FakeExcel(sheets);
  const workbook = new ExcelWorkbook({
    departments: DEPARTMENTS,
    run: book.run,
    operationId: () => "r1",
  });
  return { book, workbook };
}

/** A budget with two lines, as the pane leaves it. */
async function budget() {
  const made = workbookOver({ Sheet1: { A1: "Shooting schedule" } });
  await made.workbook.ensureBudget();
  await made.workbook.appendCrewLines([LINE, { ...LINE, account: "3401", role: "Key Grip" }]);
  return made;
}

/** What `promise` rejects with; fails the test when it resolves. */
async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail");
}

/** What a producer does in Excel, outside the add-in: one batch of their own. */
async function byHand(book: FakeExcel, edit: (workbook: Excel.Workbook) => void) {
  await book.run(async (context) => {
    edit(context.workbook);
    await context.sync();
  });
}

describe("set-up on the producer's own empty Budget sheet", () => {
  it("builds the budget there, as on a new sheet", async () => {
    const { book, workbook } = workbookOver({ Budget: {} });
    await workbook.ensureBudget();
    const fresh = workbookOver({});
    await fresh.workbook.ensureBudget();

    expect(book.table(BUDGET_TABLE)?.sheet).toBe("Budget");
    expect(book.state.tables).toHaveLength(1);
    expect(book.state.cells.get("Budget")).toEqual(fresh.book.state.cells.get("Budget"));
    expect(book.state.formats.get("Budget")).toEqual(fresh.book.state.formats.get("Budget"));
  });

  it("leaves no Table1 when the batch fails after the table is made but before it is named (F5)", async () => {
    const { book, workbook } = workbookOver({ Budget: {} });
    const before = structuredClone(book.state);
    await workbook.ensureBudget().catch(() => undefined);
    const clean = structuredClone(book.state);
    // The clean set-up's operations, in the order the fake applies them: the table is made, and
    // named later in the batch.
    const tableAdd = book.calls.indexOf("tables.add Budget!A4:O4");
    expect(book.calls.indexOf("table.name CrewBudget")).toBeGreaterThan(tableAdd);
    // The same set-up again, failing with the table made and its name not landed.
    const again = workbookOver({ Budget: {} });
    again.book.failAt(2, 2, tableAdd + 1);

    const error = await errorOf(again.workbook.ensureBudget());

    expect(error).toBeInstanceOf(WorkbookError);
    expect(messageFor(error).body).toBe(
      "Could not set up the budget sheets: An internal error has occurred. Nothing was changed.",
    );
    expect(again.book.state.tables).toEqual([]);
    expect(sameState(again.book.state, before)).toBe(true);
    // The retry ends exactly like a clean set-up.
    await again.workbook.ensureBudget();
    expect(sameState(again.book.state, clean)).toBe(true);
  });

  it.each<{ name: string; sheets: Record<string, Record<string, Cell>> }>([
    { name: "a workbook with the producer's own sheet", sheets: { Sheet1: { A1: "Schedule" } } },
    { name: "an empty Budget sheet", sheets: { Budget: {} } },
    {
      name: "empty Budget and Topsheet sheets, with notes beside the budget",
      sheets: { Budget: { P1: "notes beside the budget" }, Topsheet: {}, Sheet1: { A1: "x" } },
    },
  ])(
    "is truthful under every fault, and a retry ends like a clean success: $name",
    async ({ name, sheets }) => {
      await expectTruthfulUnderFaults({
        name: `set up on ${name}`,
        writeRun: 1,
        prepare: () => {
          const made = workbookOver(structuredClone(sheets));
          return Promise.resolve({ ...made, act: () => made.workbook.ensureBudget() });
        },
      });
    },
  );

  it("gives the producer's own number formats back when a fault undoes the set-up", async () => {
    const { book, workbook } = workbookOver({ Budget: {} });
    book.sheetFormats("Budget").set("5:3", "0.0"); // D5, Qty, formatted by the producer
    const before = structuredClone(book.state);
    book.failAt(2, 2, "all");

    await expect(workbook.ensureBudget()).rejects.toThrow(/Nothing was changed/);

    expect(book.format("Budget", "D5")).toBe("0.0");
    expect(sameState(book.state, before)).toBe(true);
  });
});

describe("a renamed budget table (F7)", () => {
  async function renamed(to = "Table1") {
    const made = await budget();
    await byHand(made.book, (wb) => {
      wb.tables.getItem(BUDGET_TABLE).name = to;
    });
    return made;
  }

  it("is found by its columns: the read says so and offers the rename, never an empty read", async () => {
    const { workbook } = await renamed();

    const error = await errorOf(workbook.readCrewLines());

    expect(error).toBeInstanceOf(RepairableProblem);
    expect((error as RepairableProblem).repair).toEqual({ kind: "rename-table", table: "Table1" });
    expect((error as Error).message).toMatch(/called "Table1" now/);
    expect((error as Error).message).toMatch(/every line stays as it is/);
  });

  it("stops the set-up with the same offer, and no advice that would erase the budget", async () => {
    const { book, workbook } = await renamed();
    const before = structuredClone(book.state);

    const error = await errorOf(workbook.ensureBudget());

    expect(error).toBeInstanceOf(RepairableProblem);
    expect(messageFor(error).body).not.toMatch(/clear those cells/);
    expect(messageFor(error).body).toMatch(/Nothing in the budget was changed\.$/);
    expect(book.state).toEqual(before);
  });

  it("gets its name back in one write, and then reads and takes new lines as before", async () => {
    const { book, workbook } = await renamed("My crew");
    const lines = book.table("My crew")?.dataRows;

    await workbook.repair({ kind: "rename-table", table: "My crew" });

    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(lines);
    expect(book.table("My crew")).toBeUndefined();
    expect((await workbook.readCrewLines()).map((l) => l.role)).toEqual([
      "Director of Photography",
      "Key Grip",
    ]);
    await workbook.ensureBudget();
    await workbook.appendCrewLines([{ ...LINE, person: "Cy" }]);
    expect(await workbook.readCrewLines()).toHaveLength(3);
  });

  it("refuses, changing nothing, when the named table is no longer a budget", async () => {
    const { book, workbook } = await renamed();
    await byHand(book, (wb) => {
      wb.tables.getItem("Table1").getHeaderRowRange().values = [
        COLUMNS.map((c, i) => (i === 1 ? "Job" : c)),
      ];
    });
    const before = structuredClone(book.state);

    await expect(workbook.repair({ kind: "rename-table", table: "Table1" })).rejects.toThrow(
      /no longer a CrewRate budget table/,
    );
    expect(book.state).toEqual(before);
  });

  it("is truthful under every fault while renaming, and a retry ends like a clean rename", async () => {
    await expectTruthfulUnderFaults({
      name: "rename the budget table back",
      prepare: async () => {
        const made = await renamed();
        return {
          ...made,
          act: () => made.workbook.repair({ kind: "rename-table", table: "Table1" }),
        };
      },
    });
  });

  it("is not mistaken for a budget when the sheet's table has other columns", async () => {
    const made = workbookOver({ Budget: { A20: "Mileage" } });
    await byHand(made.book, (wb) => {
      const table = wb.worksheets.getItem("Budget").tables.add("A20:C20", true);
      table.getHeaderRowRange().values = [["Mileage", "Miles", "Rate"]];
    });

    expect(await made.workbook.readCrewLines()).toEqual([]);
  });
});

describe("a deleted Settings sheet (F7)", () => {
  async function withoutSettings() {
    const made = await budget();
    const settings = structuredClone(made.book.state.cells.get("Settings"));
    const names = structuredClone(made.book.state.names);
    await byHand(made.book, (wb) => {
      wb.worksheets.getItem("Settings").delete();
    });
    return { ...made, settings, names };
  }

  it("is said as a problem the pane can rebuild, not as 'insert crew lines first'", async () => {
    const { book, workbook } = await withoutSettings();
    expect(book.state.names.get("Region")).toBe(`=#REF!$B$${settingRow("Region")}`);

    const read = await errorOf(workbook.readSettings());
    const share = await errorOf(workbook.shareAsValues());

    for (const error of [read, share]) {
      expect(error).toBeInstanceOf(RepairableProblem);
      expect((error as RepairableProblem).repair).toEqual({ kind: "rebuild-settings" });
      expect((error as Error).message).toMatch(/Settings sheet is gone/);
    }
  });

  it("is rebuilt with the defaults, its names pointing at it again, so the lines' formulas read it", async () => {
    const { book, workbook, settings, names } = await withoutSettings();

    await workbook.repair({ kind: "rebuild-settings" });

    expect(book.state.cells.get("Settings")).toEqual(settings);
    expect(book.state.names).toEqual(names);
    for (const name of SETTING_NAMES) {
      expect(book.state.names.get(name)).toBe(`=${settingAddress(name)}`);
    }
    const read = await workbook.readSettings();
    expect(read.region).toBe("Los Angeles");
    await expect(workbook.repair({ kind: "rebuild-settings" })).rejects.toThrow(
      /nothing to rebuild/,
    );
  });

  it("is rebuilt by the set-up too (Create the budget sheets), with no message naming names to delete", async () => {
    const { book, workbook, names } = await withoutSettings();

    await workbook.ensureBudget();

    expect(book.state.names).toEqual(names);
  });

  it("is truthful under every fault while rebuilding, and a retry ends like a clean rebuild", async () => {
    await expectTruthfulUnderFaults({
      name: "rebuild the Settings sheet",
      writeRun: 0,
      prepare: async () => {
        const made = await withoutSettings();
        return { ...made, act: () => made.workbook.repair({ kind: "rebuild-settings" }) };
      },
    });
  });

  it("renamed rather than deleted, is told to be renamed back (its names followed it)", async () => {
    const made = await budget();
    await byHand(made.book, (wb) => {
      wb.worksheets.getItem("Settings").name = "Settings 2026";
    });
    for (const [name, formula] of made.book.state.names) {
      // Excel's names follow their sheet's new name (the fake's do not).
      made.book.state.names.set(name, formula.replace("=Settings!", "='Settings 2026'!"));
    }

    const error = await errorOf(made.workbook.readSettings());

    expect(error).not.toBeInstanceOf(RepairableProblem);
    expect((error as Error).message).toBe(
      'The Settings sheet is called "Settings 2026" now. Every crew line reads its settings from a sheet named Settings: rename that sheet back to Settings, then Refresh.',
    );
  });

  it("in a workbook with no budget yet, says to create the budget sheets", async () => {
    const { workbook } = workbookOver({ Sheet1: {} });
    const error = await errorOf(workbook.readSettings());
    expect(error).not.toBeInstanceOf(RepairableProblem);
    expect((error as Error).message).toMatch(/There is no Settings sheet yet: create the budget/);
  });
});
