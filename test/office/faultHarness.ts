/**
 * A write under a fault at every sync point of the fake Excel (the model of faults.test.ts): each
 * sync of the operation's run fails with none, each prefix, or all of its batch applied ("reply
 * lost"), and then, where the first fault left something to recover, a second fault in the run
 * that recovers. For each: a single fault leaves the workbook as it was or as a clean success
 * leaves it, the pane's message claims "nothing was changed" only when that holds, and a retry
 * (once the connection is back, after one fault or two) ends exactly like a clean success.
 */
import { expect } from "vitest";
import { WorkbookError } from "../../src/budget";
import type { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { messageFor } from "../../src/taskpane/messages";
import type { Applied, FakeExcel } from "../fixtures/fakeExcel";

export type State = FakeExcel["state"];

export interface FaultScenario {
  name: string;
  /** A fresh workbook the operation runs on, and what the operation needs from its preparation. */
  prepare: () => Promise<{ book: FakeExcel; workbook: ExcelWorkbook; act: () => Promise<unknown> }>;
  /**
   * Which of the operation's Excel.runs writes (0: its first); the second fault goes to the run
   * after it. ensureBudget's set-up is its second run (the first looks for a layout-1 budget).
   */
  writeRun?: number;
  /** A further rule on the state a faulted run leaves (before, after: the clean run's); a problem or undefined. */
  check?: (state: State, before: State, after: State) => string | undefined;
}

export interface FaultOutcome {
  point: string;
  state: "before" | "after" | "other";
  error?: WorkbookError;
  problem?: string;
}

export function sameState(a: State, b: State): boolean {
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

async function runWith(
  scenario: FaultScenario,
  faults: { runOffset: number; sync: number; applied: Applied }[],
  clean: { before: State; after: State },
): Promise<FaultOutcome> {
  const { book, act } = await scenario.prepare();
  const opRun = book.runs + 1 + (scenario.writeRun ?? 0);
  for (const f of faults) book.failAt(opRun + f.runOffset, f.sync, f.applied);
  const point = faults
    .map((f) => `run+${f.runOffset} sync ${f.sync} ${String(f.applied)}`)
    .join(", then ");
  let error: unknown;
  try {
    await act();
  } catch (e) {
    error = e;
  }
  const state = sameState(book.state, clean.before)
    ? "before"
    : sameState(book.state, clean.after)
      ? "after"
      : "other";
  const problems: string[] = [];
  if (error !== undefined && !(error instanceof WorkbookError)) {
    problems.push(`threw ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
  const wbError = error instanceof WorkbookError ? error : undefined;
  const body = wbError ? messageFor(wbError).body : "";
  const claimsUnchanged = /Nothing (in the budget )?was changed|were not changed\.$/.test(body);
  if (!wbError && error === undefined && state !== "after") {
    problems.push(`success but state ${state}`);
  }
  if (wbError && wbError.changed === "no" && state !== "before") {
    problems.push(`says nothing changed but state ${state}: ${body}`);
  }
  if (wbError && wbError.changed !== "no" && claimsUnchanged && state !== "before") {
    problems.push(`message claims unchanged: ${body}`);
  }
  if (wbError && wbError.changed === "no" && !claimsUnchanged) {
    problems.push(`changed "no" but the message does not say so: ${body}`);
  }
  const further = scenario.check?.(book.state, clean.before, clean.after);
  if (further) problems.push(further);
  if (faults.length === 1 && state === "other") problems.push(`single fault left state ${state}`);
  // The retry, once the connection is back (a planned fault no run reached is dropped), after
  // one fault or two: it ends like a clean success.
  book.clearFailures();
  try {
    await act();
    if (!sameState(book.state, clean.after)) problems.push("retry ended unlike a clean success");
  } catch (e) {
    problems.push(`retry failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    point,
    state,
    ...(wbError ? { error: wbError } : {}),
    ...(problems.length ? { problem: problems.join("; ") } : {}),
  };
}

/**
 * Runs the scenario clean, then under every single fault and the double faults after them, and
 * fails with the list of runs that broke a rule. @returns every outcome, for further checks
 */
export async function expectTruthfulUnderFaults(scenario: FaultScenario): Promise<FaultOutcome[]> {
  const { book, act } = await scenario.prepare();
  const before = structuredClone(book.state);
  const opRun = book.runs + 1 + (scenario.writeRun ?? 0);
  await act();
  const after = structuredClone(book.state);
  expect(sameState(before, after)).toBe(false);
  const syncs = book.syncsPerRun[opRun - 1] ?? 0;
  const ops = book.opsPerSync[opRun - 1] ?? [];
  expect(syncs).toBeGreaterThan(0);

  const outcomes: FaultOutcome[] = [];
  for (let sync = 1; sync <= syncs; sync++) {
    for (const applied of applications(ops[sync - 1] ?? 0)) {
      const single = await runWith(scenario, [{ runOffset: 0, sync, applied }], { before, after });
      outcomes.push(single);
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
  console.info(
    `${scenario.name}: ${JSON.stringify({
      points: singles.length,
      before: singles.filter((o) => o.state === "before").length,
      after: singles.filter((o) => o.state === "after").length,
      doubles: outcomes.length - singles.length,
    })}`,
  );
  expect(outcomes.filter((o) => o.problem).map((o) => `${o.point}: ${o.problem ?? ""}`)).toEqual(
    [],
  );
  expect(singles.length).toBeGreaterThanOrEqual(syncs * 2);
  return outcomes;
}
