/**
 * The preview's budget at scale (issue 16): crew lines inserted through the pane's own port
 * (PreviewWorkbook.appendCrewLines, 500 lines at a time, as a long crew list is imported), then
 * the edits a producer makes. Lines cycle through the card's roles; every fifth names one of 50
 * people (their yearly caps count the wages above), half follow the shoot phase.
 */
import { engine } from "../src/data";
import { COLUMNS, settingRow, type CrewLineInput } from "../src/budget";
import { PreviewWorkbook } from "../src/preview/previewWorkbook";

export interface BudgetScale {
  lines: number;
  /** Lines per appendCrewLines call while building. */
  batch: number;
  buildMs: number;
  shootWeeksMs: number;
  hoursPerDayMs: number;
  qtyEditMs: number;
  /** Lines whose Total is not a number after the edits (should be 0). */
  linesNotANumber: number;
}

function scaleLines(n: number): CrewLineInput[] {
  const roles = engine.roles;
  return Array.from({ length: n }, (_, i) => {
    const role = roles[(i * 7) % roles.length]!;
    return {
      account: role.account,
      department: engine.departmentOf(role).name,
      role: role.title,
      person: i % 5 === 0 ? `Person ${(i / 5) % 50}` : undefined,
      description: role.title,
      quantity: i % 2 === 0 ? "shoot" : 1 + (i % 12),
      unit: "week",
    };
  });
}

/**
 * @param batch lines per appendCrewLines call: 500 as the pane's import sends them, or the whole
 *   budget in one call (one insert per account place into an empty budget)
 */
export async function budgetScale(n: number, batch = 500): Promise<BudgetScale> {
  const wb = new PreviewWorkbook(engine);
  await wb.ensureBudget();
  const lines = scaleLines(n);
  let t0 = performance.now();
  for (let i = 0; i < n; i += batch) await wb.appendCrewLines(lines.slice(i, i + batch));
  const buildMs = performance.now() - t0;
  const settings = wb.sheetId("Settings");
  const timeSetting = (name: "ShootWeeks" | "HoursPerDay", value: number) => {
    t0 = performance.now();
    wb.hf.setCellContents({ sheet: settings, row: settingRow(name) - 1, col: 1 }, [[value]]);
    return performance.now() - t0;
  };
  const shootWeeksMs = timeSetting("ShootWeeks", 9);
  const hoursPerDayMs = timeSetting("HoursPerDay", 11);
  const budget = wb.sheetId("Budget");
  // The quantity of the first line with a number of weeks (near the top: every line below reads it).
  const first = (await wb.readCrewLines()).find((l) => l.unit === "week" && l.quantity > 1);
  if (first === undefined) throw new Error("the scale budget has no numeric line");
  t0 = performance.now();
  wb.hf.setCellContents({ sheet: budget, row: first.row - 1, col: COLUMNS.indexOf("Qty") }, [[3]]);
  const qtyEditMs = performance.now() - t0;
  const read = await wb.readCrewLines();
  if (read.length !== n) throw new Error(`scale budget holds ${read.length} lines, not ${n}`);
  return {
    lines: n,
    batch,
    buildMs,
    shootWeeksMs,
    hoursPerDayMs,
    qtyEditMs,
    linesNotANumber: read.filter((l) => l.total === undefined).length,
  };
}
