/**
 * `crew compare`: a crew list priced in several regions, each line's total the CREW functions'
 * own, the totals their sum, estimates counted, and rows it cannot place reported, not dropped.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/crew";
import { evaluateFormula } from "../../src/cli/evaluate";
import { defaultSettings } from "../../src/budget";
import { engine } from "../../src/data";
import { dollarsToCents } from "../../src/engine";

const FEATURE = fileURLToPath(new URL("../fixtures/feature-crew-40.csv", import.meta.url));
const files: Record<string, string> = {
  "feature.csv": readFileSync(FEATURE, "utf8"),
  "mixed.csv": [
    "Title,Name,Qty,Unit,Rate",
    "Key Grip,Bo Chen,8,week,3000",
    "Helper,,1,day,",
    "Production Designer,,8,week,",
  ].join("\n"),
};

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(engine, argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error("no such file");
      return text;
    },
  });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

interface CompareJson {
  regions: string[];
  ownRegion: string;
  lines: {
    role: string;
    cells: { total?: number; labor?: number; kind?: string; nonUnionReason: string | null }[];
  }[];
  totals: {
    region: string;
    labor: number;
    total: number;
    fringeRatio: number;
    difference: number;
    estimateLines: number;
    noUnionScaleLines: number;
    unpricedLines: number;
  }[];
  notCompared: { line: number; title: string; why: string }[];
}

function compareJson(...argv: string[]): CompareJson {
  const r = run("compare", ...argv, "--json");
  return JSON.parse(r.out) as CompareJson;
}

describe("crew compare", () => {
  it("prices a 40-line crew in each region, each first line as CREW.TOTAL prices it", () => {
    const c = compareJson("feature.csv", "--regions", "LA,GA,NY,NM");
    expect(c.regions).toEqual(["Los Angeles", "Georgia", "New York", "New Mexico"]);
    expect(c.lines).toHaveLength(40);
    expect(c.notCompared).toEqual([]);
    const { budgetDate, hoursPerDay } = defaultSettings();
    c.regions.forEach((region, i) => {
      const formula = `=CREW.TOTAL("Director",4,"week",,"${region}",,"${budgetDate}",0,${hoursPerDay})`;
      expect(c.lines[0]!.cells[i]!.total, region).toBe(
        Number(evaluateFormula(engine, formula).text),
      );
      const sum = c.lines.reduce((s, l) => s + dollarsToCents(l.cells[i]!.total ?? 0), 0);
      expect(dollarsToCents(c.totals[i]!.total), region).toBe(sum);
      const estimates = c.lines.filter((l) => l.cells[i]!.kind === "Estimate").length;
      expect(c.totals[i]!.estimateLines, region).toBe(estimates);
    });
    expect(c.totals[0]!.difference).toBe(0);
    expect(c.totals[1]!.difference).toBeCloseTo(c.totals[1]!.total - c.totals[0]!.total, 2);
  });

  it("prints the lines, the totals, fringe % and the estimate counts per region", () => {
    const r = run("compare", "feature.csv", "--regions", "LA,GA,NY,NM");
    expect(r.status).toBe(0);
    const c = compareJson("feature.csv", "--regions", "LA,GA,NY,NM");
    expect(r.out).toMatch(/^40 crew lines · budget region Los Angeles/);
    const row = (label: string) => r.out.split("\n").find((l) => l.startsWith(label)) ?? "";
    expect(row("Total").match(/\$[\d,.]+/g)).toEqual(
      c.totals.map((t) => `$${t.total.toLocaleString("en-US", { minimumFractionDigits: 2 })}`),
    );
    expect(row("Fringe %").match(/[\d.]+%/g)).toEqual(
      c.totals.map((t) => `${(t.fringeRatio * 100).toFixed(1)}%`),
    );
    expect(row("Lines by non-union estimate").match(/\d+/g)).toEqual(
      c.totals.map((t) => String(t.estimateLines)),
    );
  });

  it("adds the budget's own region first, applies the list's rates, and reports rows it left out", () => {
    const r = run("compare", "mixed.csv", "--regions", "Atlanta", "--region", "New York");
    expect(r.status).toBe(1);
    expect(r.out).toContain("Not compared: line 3 'Helper': Unknown role 'Helper'.");
    const c = compareJson("mixed.csv", "--regions", "Atlanta", "--region", "NY");
    expect(c.regions).toEqual(["New York", "Georgia"]);
    expect(c.ownRegion).toBe("New York");
    const grip = c.lines[0]!.cells;
    expect(grip.map((cell) => [cell.kind, cell.labor])).toEqual([
      ["Override", 24_000],
      ["Override", 24_000],
    ]);
    const designer = c.lines[1]!.cells[1]!;
    expect(designer.kind).toBe("Estimate");
    expect(designer.nonUnionReason).toMatch(/in Georgia/);
    expect(c.totals[1]!.noUnionScaleLines).toBe(1);
  });

  it("refuses an unknown region, a bad date and a missing file with status 2", () => {
    const region = run("compare", "feature.csv", "--regions", "LA,Atlantis");
    expect(region.status).toBe(2);
    expect(region.err).toMatch(/^crew: Unknown region 'Atlantis'/);
    expect(run("compare", "feature.csv", "--date", "soon").err).toMatch(/--date must be/);
    expect(run("compare").status).toBe(2);
    expect(run("compare", "nope.csv").err).toMatch(/^crew: cannot read nope\.csv/);
  });

  it("prices IATSE Basic Agreement lines at the --health level given", () => {
    const independent = compareJson("feature.csv", "--regions", "LA,GA");
    const contributor = compareJson("feature.csv", "--regions", "LA,GA", "--health", "contributor");
    const la = (c: CompareJson) => c.totals.find((t) => t.region === "Los Angeles")!.total;
    expect(la(contributor)).toBeLessThan(la(independent));
    expect(run("compare", "feature.csv", "--health", "sometimes").status).toBe(2);
  });
});
