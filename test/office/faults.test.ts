/**
 * Every pane write under a fault at every sync point of the fake Excel: the batch fails with none,
 * each prefix of its operations, or all of it applied ("reply lost"), and then a second fault in the
 * run that recovers (the rules are faultHarness.ts's; share: some values copy is always there).
 */
import { describe, expect, it } from "vitest";
import { WorkbookError, type CrewLineInput, type ProductionRoleInput } from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { messageFor } from "../../src/taskpane/messages";
import { FakeExcel } from "../fixtures/fakeExcel";
import { expectTruthfulUnderFaults, type FaultScenario, type State } from "./faultHarness";

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

/** A department's worth of lines, as "Insert department" writes them. */
const DEPARTMENT: CrewLineInput[] = [
  LINE,
  { ...LINE, account: "3302", role: "Camera Operator", person: "", quantity: 6 },
  { ...LINE, account: "3303", role: "First Assistant Camera", person: "", quantity: 6 },
  { ...LINE, account: "3304", role: "Second Assistant Camera", person: "", quantity: 5 },
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

async function budget(lines: number, more?: (book: FakeExcel, wb: ExcelWorkbook) => Promise<void>) {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({
    departments: DEPARTMENTS,
    run: book.run,
    // A fresh id per operation, as in the pane: a retry's temporary sheets never meet the
    // failed attempt's.
    operationId: (() => {
      let n = 0;
      return () => `f${++n}`;
    })(),
  });
  await workbook.ensureBudget();
  if (lines > 0) await workbook.appendCrewLines(DEPARTMENT.slice(0, lines));
  await more?.(book, workbook);
  return { book, workbook };
}

/** The cells of every sheet whose name says it is a values copy, or carries a share's tag. */
function copies(state: State): Map<string, unknown>[] {
  return [...state.cells.entries()]
    .filter(([name]) => name.includes("(values)") || name.startsWith("CrewRate "))
    .map(([, cells]) => cells);
}

function holdsCopyOf(state: State, of: State): boolean {
  const wanted = of.cells.get("Budget (values)");
  return copies(state).some(
    (cells) => JSON.stringify([...cells]) === JSON.stringify([...(wanted ?? [])]),
  );
}

interface Scenario {
  name: string;
  prepare: () => Promise<{ book: FakeExcel; workbook: ExcelWorkbook }>;
  act: (workbook: ExcelWorkbook) => Promise<unknown>;
  check?: FaultScenario["check"];
}

const SCENARIOS: Scenario[] = [
  {
    name: "add a role",
    prepare: () => budget(1),
    act: (wb) => wb.addProductionRole(ROLE),
  },
  {
    name: "insert crew line",
    prepare: () => budget(3),
    act: (wb) => wb.appendCrewLines([{ ...LINE, person: "Cy" }]),
  },
  {
    name: "insert crew line into a new budget (blank row)",
    prepare: () => budget(0),
    act: (wb) => wb.appendCrewLines([LINE]),
  },
  {
    name: "insert department",
    prepare: () => budget(1),
    act: (wb) => wb.appendCrewLines(DEPARTMENT),
  },
  {
    name: "import: a crew line with its Rate Overrides line",
    prepare: () => budget(1),
    act: (wb) =>
      wb.appendCrewLines([{ ...LINE, person: "Cy" }], {
        overrides: [
          {
            role: "Director of Photography",
            agreement: "",
            unit: "week",
            amount: 9000,
            note: "Deal",
          },
        ],
      }),
  },
  {
    name: "card update",
    prepare: () => budget(1),
    act: (wb) => wb.setCardVersion("2099.1"),
  },
  {
    name: "share as values, first time",
    prepare: () =>
      budget(2, (book) => {
        book.calculated.set("Budget!L5", 100);
        return Promise.resolve();
      }),
    act: (wb) => wb.shareAsValues(),
  },
  {
    name: "share as values, earlier copies there",
    prepare: () =>
      budget(2, async (book, wb) => {
        book.calculated.set("Budget!L5", 100);
        await wb.shareAsValues();
        book.calculated.set("Budget!L5", 200); // so the new copy differs from the earlier one
      }),
    act: (wb) => wb.shareAsValues(),
    check: (state, earlier, after) =>
      holdsCopyOf(state, earlier) || holdsCopyOf(state, after) ? undefined : "no values copy left",
  },
];

describe.each(SCENARIOS)("$name under faults", (scenario) => {
  it("leaves the workbook as it was or as a clean success, says which, and a retry ends clean", async () => {
    await expectTruthfulUnderFaults({
      name: scenario.name,
      prepare: async () => {
        const { book, workbook } = await scenario.prepare();
        return { book, workbook, act: () => scenario.act(workbook) };
      },
      ...(scenario.check ? { check: scenario.check } : {}),
    });
  });
});

describe("an insert left incomplete by two faults", () => {
  it("is taken out before the next insert, but never where the producer has edited it since", async () => {
    const { book, workbook } = await budget(1);
    const opRun = book.runs + 1;
    book.failAt(opRun, 2, "all"); // the lines land, the reply is lost
    book.failAt(opRun + 1, 1, "none"); // and taking them back fails
    const first = await workbook
      .appendCrewLines([{ ...LINE, person: "Cy" }])
      .catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WorkbookError);
    expect((first as WorkbookError).changed).toBe("unknown");
    expect(messageFor(first as WorkbookError).body).toMatch(/Insert again from this pane/);

    // The producer changes the landed line's person by hand.
    const budgetCells = book.sheetCells("Budget");
    const at = [...budgetCells.entries()].find(([, v]) => v === "Cy")?.[0];
    expect(at).toBeDefined();
    budgetCells.set(at!, "Dee");
    const edited = structuredClone(book.state);

    const retry = await workbook
      .appendCrewLines([{ ...LINE, person: "Cy" }])
      .catch((e: unknown) => e);
    expect(retry).toBeInstanceOf(WorkbookError);
    expect((retry as WorkbookError).changed).toBe("no");
    expect(messageFor(retry as WorkbookError).body).toMatch(
      /lines an earlier insert left incomplete were not taken out, because row \d+ of the Budget sheet has changed since it was added\. Delete them by hand if they are not wanted, then insert again\. Nothing was changed\./,
    );
    expect(book.state).toEqual(edited);

    // Left to the producer: the next insert adds its line beside the edited one.
    await workbook.appendCrewLines([{ ...LINE, person: "Cy" }]);
    const people = [...book.sheetCells("Budget").values()].filter((v) => v === "Cy" || v === "Dee");
    expect(people.sort()).toEqual(["Cy", "Dee"]);
  });

  it("says the take-out is unfinished when it fails a third time, and the next insert finishes it", async () => {
    const { book, workbook } = await budget(1);
    const clean = await budget(1);
    await clean.workbook.appendCrewLines([{ ...LINE, person: "Cy" }]);
    const opRun = book.runs + 1;
    book.failAt(opRun, 2, "all");
    book.failAt(opRun + 1, 1, "none");
    await workbook.appendCrewLines([{ ...LINE, person: "Cy" }]).catch(() => undefined);
    book.failAt(book.runs + 1, 2, "none"); // the take-out's write fails

    const third = await workbook
      .appendCrewLines([{ ...LINE, person: "Cy" }])
      .catch((e: unknown) => e);

    expect(third).toBeInstanceOf(WorkbookError);
    expect((third as WorkbookError).changed).toBe("unknown");
    expect(messageFor(third as WorkbookError).body).not.toMatch(
      /Nothing (in the budget )?was changed/,
    );
    await workbook.appendCrewLines([{ ...LINE, person: "Cy" }]);
    expect(book.state).toEqual(clean.book.state);
  });
});
