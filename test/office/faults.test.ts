/**
 * Every pane write under a fault at every sync point of the fake Excel: the batch fails with none,
 * each prefix of its operations, or all of it applied ("reply lost"), and then a second fault in the
 * run that recovers. After each: the workbook is as it was or as a clean success leaves it (share:
 * some values copy is always there), the pane's message claims "nothing was changed" only when
 * that holds, and a retry ends exactly like a clean success.
 */
import { describe, expect, it } from "vitest";
import { WorkbookError, type CrewLineInput, type ProductionRoleInput } from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { messageFor } from "../../src/taskpane/messages";
import { FakeExcel, type Applied } from "../fixtures/fakeExcel";

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

type State = FakeExcel["state"];

interface Scenario {
  name: string;
  /** A fresh workbook the operation runs on. */
  prepare: () => Promise<{ book: FakeExcel; workbook: ExcelWorkbook }>;
  act: (workbook: ExcelWorkbook) => Promise<unknown>;
  /** For share: whether some values copy (the earlier or the new one) is in the state. */
  hasValuesCopy?: (state: State, earlier: State, after: State) => boolean;
}

async function budget(lines: number, more?: (book: FakeExcel, wb: ExcelWorkbook) => Promise<void>) {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({
    departments: DEPARTMENTS,
    run: book.run,
    operationId: () => "f1",
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
    hasValuesCopy: (state, earlier, after) =>
      holdsCopyOf(state, earlier) || holdsCopyOf(state, after),
  },
];

interface Outcome {
  point: string;
  state: "before" | "after" | "other";
  error?: WorkbookError;
  problem?: string;
}

function same(a: State, b: State): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** The ways a batch of `ops` operations can fail: none, each prefix, all (the reply lost). */
function applications(ops: number): Applied[] {
  return ["none", ...Array.from({ length: Math.max(ops - 1, 0) }, (_, i) => i + 1), "all"];
}

/** Runs the scenario with the given faults planned (by run offset from the operation's run). */
async function runWith(
  scenario: Scenario,
  faults: { runOffset: number; sync: number; applied: Applied }[],
  clean: { before: State; after: State },
): Promise<Outcome> {
  const { book, workbook } = await scenario.prepare();
  const opRun = book.runs + 1;
  for (const f of faults) book.failAt(opRun + f.runOffset, f.sync, f.applied);
  const point = faults
    .map((f) => `run+${f.runOffset} sync ${f.sync} ${String(f.applied)}`)
    .join(", then ");
  let error: unknown;
  try {
    await scenario.act(workbook);
  } catch (e) {
    error = e;
  }
  const state = same(book.state, clean.before)
    ? "before"
    : same(book.state, clean.after)
      ? "after"
      : "other";
  const problems: string[] = [];
  if (error !== undefined && !(error instanceof WorkbookError))
    problems.push(`threw ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  const wbError = error instanceof WorkbookError ? error : undefined;
  const body = wbError ? messageFor(wbError).body : "";
  const claimsUnchanged = /Nothing (in the budget )?was changed|were not changed\.$/.test(body);
  if (!wbError && error === undefined && state !== "after")
    problems.push(`success but state ${state}`);
  if (wbError && wbError.changed === "no" && state !== "before") {
    problems.push(`says nothing changed but state ${state}: ${body}`);
  }
  if (wbError && wbError.changed !== "no" && claimsUnchanged && state !== "before") {
    problems.push(`message claims unchanged: ${body}`);
  }
  if (wbError && wbError.changed === "no" && !claimsUnchanged) {
    problems.push(`changed "no" but the message does not say so: ${body}`);
  }
  if (scenario.hasValuesCopy && !scenario.hasValuesCopy(book.state, clean.before, clean.after)) {
    problems.push("no values copy left");
  }
  // A single fault must end before or after; a retry then ends like a clean success.
  if (faults.length === 1 && state === "other") problems.push(`single fault left state ${state}`);
  if (faults.length === 1 && !book.hasPendingFailure) {
    await scenario.act(workbook);
    if (!same(book.state, clean.after)) problems.push("retry ended unlike a clean success");
  }
  return {
    point,
    state,
    ...(wbError ? { error: wbError } : {}),
    ...(problems.length ? { problem: problems.join("; ") } : {}),
  };
}

describe.each(SCENARIOS)("$name under faults", (scenario) => {
  it("leaves the workbook as it was or as a clean success, says which, and a retry ends clean", async () => {
    // The clean run: the states before and after, and the operation's syncs and their batches.
    const { book, workbook } = await scenario.prepare();
    const before = structuredClone(book.state);
    const opRun = book.runs + 1;
    await scenario.act(workbook);
    const after = structuredClone(book.state);
    expect(same(before, after)).toBe(false);
    const syncs = book.syncsPerRun[opRun - 1] ?? 0;
    const ops = book.opsPerSync[opRun - 1] ?? [];
    expect(syncs).toBeGreaterThan(0);

    const outcomes: Outcome[] = [];
    for (let sync = 1; sync <= syncs; sync++) {
      for (const applied of applications(ops[sync - 1] ?? 0)) {
        const single = await runWith(scenario, [{ runOffset: 0, sync, applied }], {
          before,
          after,
        });
        outcomes.push(single);
        // A second fault at every sync of the run that recovers (undo, read-back, finishing).
        if (single.error === undefined && single.state === "before") continue;
        for (let second = 1; second <= 3; second++) {
          for (const again of ["none", "all"] as const) {
            outcomes.push(
              await runWith(
                scenario,
                [
                  { runOffset: 0, sync, applied },
                  { runOffset: 1, sync: second, applied: again },
                ],
                { before, after },
              ),
            );
          }
        }
      }
    }
    const singles = outcomes.filter((o) => !o.point.includes("then"));
    const summary = {
      points: singles.length,
      before: singles.filter((o) => o.state === "before").length,
      after: singles.filter((o) => o.state === "after").length,
      doubles: outcomes.length - singles.length,
    };
    console.info(`${scenario.name}: ${JSON.stringify(summary)}`);
    expect(outcomes.filter((o) => o.problem).map((o) => `${o.point}: ${o.problem ?? ""}`)).toEqual(
      [],
    );
    expect(summary.points).toBeGreaterThanOrEqual(syncs * 2);
  });
});
