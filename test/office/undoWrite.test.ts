/**
 * Undo from the pane in Excel (issue 15): each pane write's result carries what it made, and
 * undoWrite takes exactly that back, refusing with nothing changed when someone has changed it
 * since, finishing what a fault left part way, and saying what is left when it cannot.
 */
import { describe, expect, it } from "vitest";
import {
  BUDGET_SHEET,
  BUDGET_TABLE,
  FIRST_LINE_ROW,
  WorkbookError,
  type CrewLineInput,
  type ProductionRoleInput,
} from "../../src/budget";
import type { WriteUndo } from "../../src/budget/port";
import { engine } from "../../src/data";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { messageFor } from "../../src/taskpane/messages";
import { FakeExcel, key } from "../fixtures/fakeExcel";
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
const GRIP: CrewLineInput = { ...LINE, account: "3401", department: "Grip", role: "Key Grip" };
const CAMERA_CREW: CrewLineInput[] = [
  { ...LINE, account: "3302", role: "Camera Operator", person: "" },
  { ...LINE, account: "3303", role: "First Assistant Camera", person: "" },
];
const ROLE: ProductionRoleInput = {
  title: "Camera Drone Tech",
  department: "Camera",
  account: "3310",
  description: "Drone camera rigging",
  unit: "day",
  rate: 950,
  agreement: "",
};

async function budget(lines: readonly CrewLineInput[]) {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({
    departments: DEPARTMENTS,
    run: book.run,
    operationId: () => "u1",
    engine,
  });
  await workbook.ensureBudget();
  if (lines.length > 0) await workbook.appendCrewLines(lines);
  return { book, workbook };
}

/** What `promise` rejects with; fails the test when it resolves. */
async function errorOf(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

/** A write on a prepared budget, its undo record, and the state before it. */
interface Written {
  book: FakeExcel;
  workbook: ExcelWorkbook;
  before: FakeExcel["state"];
  undo: WriteUndo;
}

const WRITES: {
  name: string;
  lines: CrewLineInput[];
  write: (wb: ExcelWorkbook) => Promise<{ undo?: WriteUndo }>;
}[] = [
  {
    name: "a crew line into a new budget (its blank row)",
    lines: [],
    write: (wb) => wb.appendCrewLines([LINE]),
  },
  {
    name: "a crew line in a new account, with its subtotal",
    lines: [LINE],
    write: (wb) => wb.appendCrewLines([GRIP]),
  },
  {
    name: "a department into its account (the subtotal's sums reach further)",
    lines: [LINE, GRIP],
    write: (wb) => wb.appendCrewLines(CAMERA_CREW),
  },
  {
    name: "an imported line with its Rate Overrides line",
    lines: [LINE],
    write: (wb) =>
      wb.appendCrewLines([{ ...LINE, person: "Cy" }], {
        overrides: [
          { role: "Director of Photography", agreement: "", unit: "week", amount: 9000, note: "" },
        ],
      }),
  },
  { name: "a production role", lines: [LINE], write: (wb) => wb.addProductionRole(ROLE) },
  {
    name: "a values copy",
    lines: [LINE],
    write: (wb) => wb.shareAsValues(),
  },
  {
    name: "a Compare sheet",
    lines: [LINE],
    write: (wb) => wb.writeCompareSheet(["Los Angeles", "Georgia"], "keep-home"),
  },
];

async function written(w: (typeof WRITES)[number]): Promise<Written> {
  const made = await budget(w.lines);
  const before = structuredClone(made.book.state);
  const result = await w.write(made.workbook);
  expect(result.undo).toBeDefined();
  return { ...made, before, undo: result.undo! };
}

describe.each(WRITES)("undo: $name", (w) => {
  it("takes exactly it back, and undoing again changes nothing", async () => {
    const { book, workbook, before, undo } = await written(w);
    expect(sameState(book.state, before)).toBe(false);

    await workbook.undoWrite(undo);
    expect(sameState(book.state, before)).toBe(true);

    const calls = book.calls.length;
    await workbook.undoWrite(undo);
    expect(book.calls.length).toBe(calls);
    expect(sameState(book.state, before)).toBe(true);
  });

  it("is truthful under every fault, finishes what a fault left, and a retry ends undone", async () => {
    await expectTruthfulUnderFaults({
      name: `undo ${w.name}`,
      prepare: async () => {
        const { book, workbook, undo } = await written(w);
        return { book, workbook, act: () => workbook.undoWrite(undo) };
      },
    });
  });
});

describe("undo refuses, changing nothing, what someone has changed since", () => {
  it("a crew line whose Qty was edited", async () => {
    const { book, workbook, undo } = await written(WRITES[1]!);
    const at = undo.kind === "crew-lines" ? undo.inserted[0]!.row : 0;
    book.sheetCells(BUDGET_SHEET).set(key(at, 3), 12);
    const after = structuredClone(book.state);

    const error = await errorOf(workbook.undoWrite(undo));

    expect(error.changed).toBe("no");
    expect(messageFor(error).body).toBe(
      `Could not undo adding the crew lines: row ${at} of the Budget sheet has changed since it was added. An undo never takes away an edit: change it back, or remove what the pane added by hand. Nothing in the budget was changed.`,
    );
    expect(book.state).toEqual(after);
  });

  it("crew lines that moved: rows inserted above them since", async () => {
    const { book, workbook, undo } = await written(WRITES[1]!);
    await book.run(async (context) => {
      context.workbook.tables.getItem(BUDGET_TABLE).rows.add(0, [Array(15).fill("")]);
      await context.sync();
    });
    const after = structuredClone(book.state);

    await expect(workbook.undoWrite(undo)).rejects.toThrow(/rows were added to or deleted/);
    expect(book.state).toEqual(after);
  });

  it("a role a crew line is priced on, and a role line typed over", async () => {
    const { book, workbook, undo } = await written(WRITES[4]!);
    await workbook.appendCrewLines([{ ...LINE, role: ROLE.title, account: "3310" }]);
    const after = structuredClone(book.state);
    await expect(workbook.undoWrite(undo)).rejects.toThrow(
      /crew lines are priced on this role \(Budget row \d+\)/,
    );
    expect(book.state).toEqual(after);

    const other = await written(WRITES[4]!);
    other.book.sheetCells("Production Roles").set(key(4, 5), 1000);
    await expect(other.workbook.undoWrite(other.undo)).rejects.toThrow(
      /line 1 of the Production Roles sheet has changed since it was written/,
    );
  });

  it("a values copy someone typed in", async () => {
    const { book, workbook, undo } = await written(WRITES[5]!);
    book.sheetCells("Budget (values)").set(key(3, 0), "Sent to the studio");
    const after = structuredClone(book.state);

    await expect(workbook.undoWrite(undo)).rejects.toThrow(
      /the sheet "Budget \(values\)" has changed since it was made/,
    );
    expect(book.state).toEqual(after);
  });

  it("a card version changed again since", async () => {
    const { book, workbook } = await budget([LINE]);
    await workbook.setCardVersion("2099.1");
    await workbook.setCardVersion("2099.2");
    const after = structuredClone(book.state);

    await expect(
      workbook.undoWrite({ kind: "card-version", from: "2026.1", to: "2099.1" }),
    ).rejects.toThrow(/Rate card version says '2099.2' now/);
    expect(book.state).toEqual(after);
  });
});

describe("writes that cannot be undone say so by carrying no undo", () => {
  it("a share or comparison that replaced earlier sheets (they are gone)", async () => {
    const { workbook } = await budget([LINE]);
    expect((await workbook.shareAsValues()).undo).toBeDefined();
    const again = await workbook.shareAsValues();
    expect(again.replaced).toBe(true);
    expect(again.undo).toBeUndefined();
    const first = await workbook.writeCompareSheet(["Los Angeles", "Georgia"], "keep-home");
    expect(first.undo).toBeDefined();
    const compared = await workbook.writeCompareSheet(["Los Angeles", "Georgia"], "keep-home");
    expect(compared.replaced).toBe(true);
    expect(compared.undo).toBeUndefined();
  });
});

describe("the card update's undo", () => {
  it("sets the version back, and is truthful under every fault", async () => {
    await expectTruthfulUnderFaults({
      name: "undo a card update",
      prepare: async () => {
        const made = await budget([LINE]);
        await made.workbook.setCardVersion("2099.1");
        return {
          ...made,
          act: () =>
            made.workbook.undoWrite({ kind: "card-version", from: "2026.1", to: "2099.1" }),
        };
      },
    });
  });
});

describe("a fault during an undo, and a second one while finishing it", () => {
  it("says part of it may be left, where to look, and undoing again finishes it", async () => {
    const { book, workbook, before, undo } = await written(WRITES[2]!);
    // The undo's write lands its first row delete, then fails; finishing it fails too.
    book.failAt(book.runs + 1, 2, 1);
    book.failAt(book.runs + 2, 1, "none");

    const error = await errorOf(workbook.undoWrite(undo));

    expect(error.changed).toBe("unknown");
    const body = messageFor(error).body;
    expect(body).toMatch(
      /^Could not undo adding the crew lines: An internal error has occurred, and finishing it failed too/,
    );
    expect(body).toMatch(/Part of it may have reached the workbook/);
    expect(body).toMatch(/Undo again to finish/);
    expect(sameState(book.state, before)).toBe(false);

    await workbook.undoWrite(undo);
    expect(sameState(book.state, before)).toBe(true);
  });

  it("records the rows where they stand after the write: a new account's line and subtotal", async () => {
    const { undo } = await written(WRITES[1]!);
    expect(undo.kind === "crew-lines" && undo.inserted.map((r) => r.row)).toEqual([
      FIRST_LINE_ROW + 2,
      FIRST_LINE_ROW + 3,
    ]);
  });
});
