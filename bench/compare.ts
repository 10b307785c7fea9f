/**
 * Compare locations, measured (issue 17): the 40-line feature crew (test/fixtures/feature-crew-40.csv)
 * inserted into the preview workbook, then its Compare sheet written across Los Angeles, Georgia,
 * New York and New Mexico through PreviewWorkbook.writeCompareSheet: the time to write it (first
 * write, then the median of rewrites, which replace the sheet), and per region the sheet's own
 * figures: total, fringe %, lines priced as non-union estimates and those with no union scale.
 *
 *   npx tsx bench/compare.ts      one JSON object on stdout
 *
 * `compareSheetBench()` is exported for bench.ts's report.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  COMPARE_LINE_COLUMNS,
  COMPARE_REGION_COLUMNS,
  COMPARE_SHEET,
  DEFAULT_COMPARE_REGIONS,
  parseCrewList,
  planImport,
} from "../src/budget";
import { engine } from "../src/data";
import { PreviewWorkbook } from "../src/preview/previewWorkbook";

const REWRITES = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function compareSheetBench() {
  const csv = readFileSync(
    fileURLToPath(new URL("../test/fixtures/feature-crew-40.csv", import.meta.url)),
    "utf8",
  );
  const wb = new PreviewWorkbook(engine);
  const plan = planImport(engine, parseCrewList(csv), await wb.readSettings());
  if (!plan.ready) throw new Error("the feature crew does not import as it is");
  await wb.appendCrewLines(plan.lines, { overrides: plan.overrides, roles: plan.roles });

  let start = performance.now();
  const result = await wb.writeCompareSheet(DEFAULT_COMPARE_REGIONS, "keep-home");
  const firstMs = performance.now() - start;
  const rewrites: number[] = [];
  for (let i = 0; i < REWRITES; i++) {
    start = performance.now();
    await wb.writeCompareSheet(DEFAULT_COMPARE_REGIONS, "keep-home");
    rewrites.push(performance.now() - start);
  }

  // The figures as the sheet computes them (its live formulas), beside the port's report.
  const id = wb.sheetId(COMPARE_SHEET);
  const values = wb.hf.getSheetValues(id);
  const rowOf = (label: string) => values.findIndex((r) => r[0] === label);
  const at = (row: number, i: number, name: (typeof COMPARE_REGION_COLUMNS)[number]) =>
    values[row]?.[
      COMPARE_LINE_COLUMNS.length +
        i * COMPARE_REGION_COLUMNS.length +
        COMPARE_REGION_COLUMNS.indexOf(name)
    ];
  const total = rowOf("Total");
  const fringe = rowOf("Fringe %");
  const estimates = rowOf("Non-union estimates");
  const regions = result.regions.map((r, i) => ({
    region: r.region,
    totalDollars: at(total, i, "Total"),
    laborDollars: at(total, i, "Labor"),
    fringePercent: Number(((at(fringe, i, "Total") as number) * 100).toFixed(2)),
    estimateLinesOnSheet: at(estimates, i, "Rate"),
    estimateLines: r.estimateLines,
    noUnionScaleLines: r.noUnionScaleLines,
    unpricedLines: r.unpricedLines,
  }));
  return {
    lines: result.lines,
    hiring: result.hiring,
    cardVersion: result.cardVersion,
    firstWriteMs: Number(firstMs.toFixed(1)),
    rewriteMedianMs: Number(median(rewrites).toFixed(1)),
    regions,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await compareSheetBench(), null, 2)}\n`);
}
