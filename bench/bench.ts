/**
 * `npm run bench`: CrewRate's performance report, one JSON object on stdout (progress on stderr).
 * Run through bench/run.mjs, which bundles this file with esbuild first so the engine is measured as
 * it ships (one module scope), not through a dev-time module loader.
 *
 *   quotesPerSecond        full quotes (rate + fringes), warm, one thread
 *   recalc                 a 5,000-line budget in HyperFormula, CREW formulas vs VLOOKUP into a rate table
 *   bundle                 gzipped sizes of the production functions and task pane bundles
 *   searchP95Ms            task-pane search over the whole catalog, per keystroke
 *   productionTables       a workbook's 50 overrides + 5 own roles: checking them after an edit
 *                          (median ms), and quotes per second with them in force
 *   heap                   the heap after 1,000,000 distinct-ish requests through a fresh engine
 *                          (200,000 distinct plans), and after 100,000 distinct CREW.RATE formulas
 *                          through HyperFormula over one (see heap.ts): what the caches hold
 *   budgetScale            the preview's budget built to BENCH_SCALE_LINES lines (comma list, default
 *                          2000) BENCH_SCALE_BATCH at a time (default 500; "all": one insert)
 *                          through the pane's port, then a ShootWeeks, an HoursPerDay and one Qty
 *                          change (see scale.ts)
 *   taskpaneFirstRenderMs  navigation to a usable pane in headless Chromium (added by run.mjs)
 */
import { HyperFormula } from "hyperformula";
import { engine } from "../src/data";
import { HF_CONFIG } from "../src/functions/hyperformula";
import { indexDependencyEdges } from "../src/functions/hyperformulaEdges";
import {
  BUDGET_SHEET,
  COLUMNS,
  FIRST_LINE_ROW,
  topsheetRows,
  chartAccounts,
  totalsRow,
  type CrewLineInput,
} from "../src/budget";
import { PreviewWorkbook } from "../src/preview/previewWorkbook";
import { engineHeap, hyperFormulaHeap } from "./heap";
import { budgetScale, type BudgetScale } from "./scale";

const log = (text: string) => process.stderr.write(`${text}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Roles a producer budgets, with the argument mixes the pane's crew lines pass. */
const QUOTE_ROLES = [
  "Gaffer",
  "Post Producer",
  "DP",
  "1st AC",
  "Key Grip",
  "Editor",
  "UPM",
  "Loader",
  "Key PA",
  "Transportation Captain",
  "Production Designer",
  "Set Decorator",
  "Boom Operator",
  "Costume Designer",
];

function quotesPerSecond(): number {
  const requests = QUOTE_ROLES.flatMap((role, i) => [
    { role, quantity: 1 + i },
    {
      role,
      quantity: 2,
      unit: i % 3 === 0 ? "day" : "week",
      region: "Los Angeles",
      tier: "Studio",
      date: "2026-08-02",
      hoursPerDay: 12,
      wagesToDate: i * 1000,
    },
  ]);
  for (let i = 0; i < 300_000; i++) engine.quoteFast({ ...requests[i % requests.length]! });
  const runs: number[] = [];
  let checksum = 0;
  for (let run = 0; run < 5; run++) {
    const n = 1_000_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      // A fresh request object per call, as a spreadsheet makes: no reuse of the caller's object.
      checksum += engine.quoteFast({
        ...requests[i % requests.length]!,
        quantity: 1 + (i % 9),
      }).totalCents;
    }
    runs.push(n / ((performance.now() - t0) / 1000));
  }
  if (!(checksum > 0)) throw new Error("quote bench computed nothing");
  return Math.round(median(runs));
}

const RECALC_LINES = 5_000;

function budgetLines(): CrewLineInput[] {
  const roles = engine.roles;
  return Array.from({ length: RECALC_LINES }, (_, i) => {
    const role = roles[(i * 7) % roles.length]!;
    return {
      account: role.account,
      department: engine.departmentOf(role).name,
      role: role.title,
      person: i % 10 === 0 ? `Person ${i % 50}` : undefined,
      description: role.title,
      quantity: 1 + (i % 12),
      unit: "week",
    };
  });
}

/** Time to recalculate after changing every quantity at once (one batch), in ms. */
function timeQuantityEdit(
  hf: HyperFormula,
  sheet: number,
  qtyCol: number,
  firstRow: number,
  round: number,
): number {
  const values = Array.from({ length: RECALC_LINES }, (_, i) => [2 + ((i + round) % 11)]);
  const t0 = performance.now();
  hf.setCellContents({ sheet, row: firstRow, col: qtyCol }, values);
  return performance.now() - t0;
}

/** A built budget whose quantities can be edited and timed. */
interface TimedBudget {
  buildMs: number;
  /** Changes every quantity in one batch and returns the milliseconds the recalculation took. */
  edit: (round: number) => number;
  total: () => number;
  destroy: () => void;
}

function timedBudget(hf: HyperFormula, buildMs: number, totalRow: number): TimedBudget {
  const sheet = hf.getSheetId(BUDGET_SHEET)!;
  return {
    buildMs,
    edit: (round) => timeQuantityEdit(hf, sheet, COLUMNS.indexOf("Qty"), FIRST_LINE_ROW - 1, round),
    total: () => {
      const v = hf.getCellValue({ sheet, row: totalRow, col: COLUMNS.indexOf("Total") });
      if (typeof v !== "number") throw new Error(`budget total is ${String(v)}`);
      return v;
    },
    destroy: () => {
      hf.destroy();
    },
  };
}

/** The budget the pane builds: crew lines of live CREW formulas (PreviewWorkbook's layout). */
function crewBudget(withTopsheet: boolean): TimedBudget {
  const t0 = performance.now();
  const wb = new PreviewWorkbook(engine);
  if (!withTopsheet) wb.hf.removeSheet(wb.sheetId("Topsheet"));
  void wb.appendCrewLines(budgetLines());
  return timedBudget(wb.hf, performance.now() - t0, FIRST_LINE_ROW - 1 + RECALC_LINES);
}

/**
 * The way producers budget in plain Excel today: a rate table on its own sheet (role, weekly rate,
 * day rate, fringe %), lines that VLOOKUP their rate and multiply by a hand-written fringe
 * percentage. Same columns, totals row and topsheet as the CREW budget, so the two differ only in
 * how a line gets its rate and fringe.
 */
function vlookupBudget(withTopsheet: boolean): TimedBudget {
  const rates = engine.roles.map((role) => {
    const q = engine.quoteFast({ role: role.id });
    let day: number;
    try {
      day = engine.quoteFast({ role: role.id, unit: "day" }).unitRateCents / 100;
    } catch {
      day = q.unitRateCents / 500;
    }
    return [
      role.title,
      q.unitRateCents / 100,
      day,
      Math.round((q.fringeCents / Math.max(1, q.subtotalCents)) * 1000) / 1000,
      q.basis.kind,
    ];
  });
  const table = `Rates!$A$1:$E$${rates.length}`;
  const c = (name: (typeof COLUMNS)[number]) => String.fromCharCode(65 + COLUMNS.indexOf(name));
  const lines = budgetLines().map((l, i) => {
    const r = FIRST_LINE_ROW + i;
    const cells: Record<(typeof COLUMNS)[number], string | number> = {
      Account: l.account,
      Department: l.department,
      Role: l.role,
      Person: l.person ?? "",
      Description: l.description,
      Agreement: "",
      Region: "Los Angeles",
      Tier: "Studio",
      Qty: typeof l.quantity === "number" ? l.quantity : 1,
      Unit: l.unit,
      Rate: `=VLOOKUP(${c("Role")}${r},${table},IF(${c("Unit")}${r}="day",3,2),0)`,
      Subtotal: `=${c("Qty")}${r}*${c("Rate")}${r}`,
      Fringe: `=${c("Subtotal")}${r}*VLOOKUP(${c("Role")}${r},${table},4,0)`,
      Total: `=${c("Subtotal")}${r}+${c("Fringe")}${r}`,
      // Where the rate came from, as a rate table's source column would say.
      Basis: `=VLOOKUP(${c("Role")}${r},${table},5,0)`,
    };
    return COLUMNS.map((name) => cells[name]);
  });
  const lastLine = FIRST_LINE_ROW + RECALC_LINES - 1;
  const sheets: Record<string, (string | number)[][]> = {
    [BUDGET_SHEET]: [["Budget"], [], [], [...COLUMNS], ...lines, totalsRow(lastLine)],
    Rates: rates,
  };
  if (withTopsheet) sheets.Topsheet = topsheetRows(chartAccounts(engine.departments), lastLine + 1);
  indexDependencyEdges(); // as buildCrewWorkbook does, so both budgets build on the same graph
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  return timedBudget(hf, performance.now() - t0, lastLine);
}

declare const gc: (() => void) | undefined;

/**
 * Both budgets built side by side, then every quantity edited in alternating rounds (so both see
 * the same machine state), with a garbage collection before each timing when node allows it.
 */
function compareRecalc(withTopsheet: boolean) {
  const crew = crewBudget(withTopsheet);
  const vlookup = vlookupBudget(withTopsheet);
  const crewTimes: number[] = [];
  const vlookupTimes: number[] = [];
  for (let round = 0; round < 9; round++) {
    if (typeof gc === "function") gc();
    crewTimes.push(crew.edit(round));
    if (typeof gc === "function") gc();
    vlookupTimes.push(vlookup.edit(round));
  }
  if (!(crew.total() > 0 && vlookup.total() > 0)) throw new Error("a budget totals nothing");
  const result = {
    crewMs: median(crewTimes),
    vlookupMs: median(vlookupTimes),
    crewBuildMs: crew.buildMs,
    vlookupBuildMs: vlookup.buildMs,
  };
  crew.destroy();
  vlookup.destroy();
  return result;
}

const SEARCH_QUERIES = [
  "post prod",
  "gafer",
  "DP",
  "1st ac",
  "key pa",
  "upm",
  "best boy",
  "dolly",
  "set dec",
  "prop master",
  "costume",
  "makeup",
  "hair",
  "stunt",
  "driver",
  "captain",
  "editor",
  "assistant editor",
  "colorist",
  "foley",
  "sound mixer",
  "boom",
  "script super",
  "locaton manager",
  "casting",
  "vfx sup",
  "composer",
  "publicist",
  "medic",
  "teacher",
  "craft service",
  "caterer",
  "carpenter",
  "painter",
  "greens",
];

function searchP95Ms(): number {
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of SEARCH_QUERIES) {
      // Each keystroke searches the prefix typed so far.
      for (let k = 1; k <= query.length; k++) {
        const t0 = performance.now();
        engine.search(query.slice(0, k), { limit: 25 });
        times.push(performance.now() - t0);
      }
    }
  }
  return Number(percentile(times.slice(times.length / 20), 95).toFixed(3));
}

/**
 * What a workbook's own tables cost: the engine built for 50 overrides and 5 production roles (what
 * each table edit pays, once), and quotes with those tables in force.
 */
function productionTables(): { buildMs: number; quotesPerSecond: number } {
  const cardRoles = engine.roles.slice(0, 50);
  const tables = (edit: number) => ({
    overrides: cardRoles.map((r, i) => [r.title, "", "week", 2_000 + i + edit, "deal memo"]),
    roles: ["Drone Pilot", "Local Fixer", "Marine Liaison", "Aerial Spotter", "Set Medic Two"].map(
      (title, i) => [title, "Camera", "", "", "day", 900 + i],
    ),
  });
  const times: number[] = [];
  let withTables = engine.withProduction(tables(0));
  for (let edit = 1; edit <= 15; edit++) {
    // A different edit each time, so nothing is served from the cache.
    const t0 = performance.now();
    withTables = engine.withProduction(tables(edit));
    times.push(performance.now() - t0);
  }
  const titles = [...cardRoles.slice(0, 40).map((r) => r.title), "Drone Pilot"];
  const N = 300_000;
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const role = titles[i % titles.length]!;
    sink += withTables.quoteFast({
      role,
      quantity: 1 + (i % 10),
      unit: role === "Drone Pilot" ? "day" : "week",
    }).totalCents;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) log("impossible");
  return { buildMs: Number(median(times).toFixed(1)), quotesPerSecond: Math.round(N / seconds) };
}

log("quotes…");
const qps = quotesPerSecond();
log(`quotes: ${qps}/s; recalc of 5,000 lines…`);
const full = compareRecalc(true);
const lines = compareRecalc(false);
log(
  `CREW ${full.crewMs.toFixed(0)} ms, VLOOKUP ${full.vlookupMs.toFixed(0)} ms (lines only: ${lines.crewMs.toFixed(0)} vs ${lines.vlookupMs.toFixed(0)}); search…`,
);
const search = searchP95Ms();
log("production tables…");
const production = productionTables();
log("heap after a million distinct-ish requests…");
const heapEngine = engineHeap();
log(`engine: +${heapEngine.grewMb} MB; HyperFormula formulas…`);
const heapHf = hyperFormulaHeap();
const scale: BudgetScale[] = [];
// BENCH_SCALE_BATCH: lines per insert while building (500, as the import sends them; "all" for
// one insert of the whole budget, which measures the edits on a 20,000-line budget in a minute).
const scaleBatch = process.env.BENCH_SCALE_BATCH ?? "500";
for (const n of (process.env.BENCH_SCALE_LINES ?? "2000").split(",").map(Number)) {
  log(`a ${n}-line budget in the preview…`);
  scale.push(await budgetScale(n, scaleBatch === "all" ? n : Number(scaleBatch)));
}

const ms = (x: number) => Number(x.toFixed(1));
process.stdout.write(
  `${JSON.stringify({
    quotesPerSecond: qps,
    recalc: {
      lines: RECALC_LINES,
      crewMs: ms(full.crewMs),
      vlookupMs: ms(full.vlookupMs),
      ratio: Number((full.crewMs / full.vlookupMs).toFixed(3)),
      linesOnly: {
        crewMs: ms(lines.crewMs),
        vlookupMs: ms(lines.vlookupMs),
        ratio: Number((lines.crewMs / lines.vlookupMs).toFixed(3)),
      },
      crewBuildMs: ms(full.crewBuildMs),
      vlookupBuildMs: ms(full.vlookupBuildMs),
    },
    searchP95Ms: search,
    productionTables: production,
    heap: { engine: heapEngine, hyperFormula: heapHf },
    budgetScale: scale.map((r) => ({
      ...r,
      buildMs: ms(r.buildMs),
      shootWeeksMs: ms(r.shootWeeksMs),
      hoursPerDayMs: ms(r.hoursPerDayMs),
      qtyEditMs: ms(r.qtyEditMs),
    })),
  })}\n`,
);
