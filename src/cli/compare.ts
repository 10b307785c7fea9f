/**
 * `crew compare FILE.csv --regions LA,GA,NY`: a crew list priced in several regions, as the
 * workbook's Compare sheet would price it once imported (the list's rates become Rate Overrides,
 * weekly roles without a quantity follow Shoot weeks), through the same host-neutral comparison.
 */
import {
  compareRegions,
  defaultSettings,
  parseCrewList,
  planImport,
  rateOverrideRow,
  type BudgetSettings,
  type ComparedCell,
  type Comparison,
  type PlannedRow,
  type RateKind,
} from "../budget";
import { centsToDollars, formatUsd, type RateEngine } from "../engine";

/** The regions the pane offers by default (issue 17). */
export const DEFAULT_COMPARE_REGIONS = ["Los Angeles", "Georgia", "New York", "New Mexico"];

export interface CompareArgs {
  /** The crew list's text (CSV or tab-separated, headings optional). */
  text: string;
  /** Region names or aliases, in column order. */
  regions: readonly string[];
  /** The budget's own region, tier and date (the Settings sheet's); default the new-budget ones. */
  region?: string | undefined;
  tier?: string | undefined;
  date?: string | undefined;
  /** The MPI health contribution level (the Settings sheet's); default independent. */
  health?: string | undefined;
  json: boolean;
}

export interface CompareIo {
  out: (text: string) => void;
}

const KIND_MARK: Record<RateKind, string> = {
  Published: "P",
  Derived: "D",
  Estimate: "E",
  Override: "O",
};

/** Rows the comparison leaves out: unmatched titles, unreadable cells, skipped rows. */
function notCompared(rows: readonly PlannedRow[]): { line: number; title: string; why: string }[] {
  const out: { line: number; title: string; why: string }[] = [];
  for (const p of rows) {
    if (p.kind === "line" || p.kind === "own-role") continue;
    const why =
      p.kind === "skipped"
        ? "skipped"
        : p.error instanceof Error
          ? p.error.message
          : String(p.error);
    out.push({ line: p.row.line, title: p.row.title, why });
  }
  return out;
}

function percent(ratio: number | undefined): string {
  return ratio === undefined ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

/** A difference, or why there is none: a total that leaves lines unpriced. */
function signedUsd(cents: number | undefined): string {
  if (cents === undefined) return "n/a (unpriced)";
  return cents > 0 ? `+${formatUsd(cents)}` : formatUsd(cents);
}

function cellJson(cell: ComparedCell): Record<string, unknown> {
  const where = { pricedIn: cell.pricedIn, homeHire: cell.isHomeHire };
  if (!cell.ok) return { ...where, error: { code: cell.error.code, message: cell.error.message } };
  return {
    ...where,
    unitRate: centsToDollars(cell.unitRateCents),
    labor: centsToDollars(cell.subtotalCents),
    fringe: centsToDollars(cell.fringeCents),
    total: centsToDollars(cell.totalCents),
    agreement: cell.agreement,
    kind: cell.kind,
    hasUnionScale: cell.hasUnionScale,
    nonUnionReason: cell.nonUnionReason ?? null,
  };
}

function comparisonJson(
  c: Comparison,
  settings: BudgetSettings,
  left: ReturnType<typeof notCompared>,
): Record<string, unknown> {
  return {
    cardVersion: c.cardVersion,
    budgetDate: c.budgetDate,
    ownRegion: c.ownRegion.name,
    tier: settings.tier,
    hiring: c.hiring,
    regions: c.regions.map((r) => r.name),
    lines: c.lines.map((l) => ({
      role: l.line.role,
      person: l.line.person ?? "",
      department: l.department,
      quantity: l.line.quantity,
      unit: l.line.unit ?? "",
      cells: l.cells.map(cellJson),
    })),
    departments: c.departments.map((d) => ({
      department: d.department,
      labor: d.laborCents.map(centsToDollars),
      total: d.totalCents.map(centsToDollars),
    })),
    totals: c.totals.map((t) => ({
      region: t.region.name,
      isOwn: t.isOwn,
      labor: centsToDollars(t.laborCents),
      fringe: centsToDollars(t.fringeCents),
      total: centsToDollars(t.totalCents),
      fringeRatio: t.fringeRatio ?? null,
      // null where this region or the budget's own leaves lines unpriced.
      difference: t.differenceCents === undefined ? null : centsToDollars(t.differenceCents),
      differenceRatio: t.differenceRatio ?? null,
      estimateLines: t.estimateLines,
      noUnionScaleLines: t.noUnionScaleLines,
      derivedLines: t.derivedLines,
      unpricedLines: t.unpricedLines,
    })),
    notCompared: left,
  };
}

const LABEL = 40;
const CELL = 17;

function table(c: Comparison): string[] {
  const row = (label: string, cells: readonly string[]) =>
    `${label.slice(0, LABEL).padEnd(LABEL)}${cells.map((x) => x.padStart(CELL)).join("")}`;
  const out = [
    row(
      "",
      c.regions.map((r) => (r === c.ownRegion ? `${r.name} *` : r.name)),
    ),
  ];
  for (const l of c.lines) {
    const who = l.line.person ? ` (${l.line.person})` : "";
    const qty = `${String(l.line.quantity)} ${l.line.unit ?? ""}`.trim();
    out.push(
      row(
        `${l.line.role}${who}, ${qty}`,
        l.cells.map((cell) => {
          if (!cell.ok) return "no rate   ";
          const home = cell.isHomeHire ? "h" : " ";
          const flag = cell.nonUnionReason ? "!" : " ";
          return `${formatUsd(cell.totalCents)} ${KIND_MARK[cell.kind]}${flag}${home}`;
        }),
      ),
    );
  }
  out.push("");
  for (const d of c.departments) {
    out.push(
      row(
        d.department || "(no department)",
        d.totalCents.map((x) => `${formatUsd(x)}   `),
      ),
    );
  }
  out.push("");
  const t = c.totals;
  out.push(
    row(
      "Labor",
      t.map((x) => `${formatUsd(x.laborCents)}   `),
    ),
  );
  out.push(
    row(
      "Fringe",
      t.map((x) => `${formatUsd(x.fringeCents)}   `),
    ),
  );
  out.push(
    row(
      "Total",
      t.map((x) => `${formatUsd(x.totalCents)}   `),
    ),
  );
  out.push(
    row(
      "Fringe %",
      t.map((x) => `${percent(x.fringeRatio)}   `),
    ),
  );
  out.push(
    row(
      `Difference vs ${c.ownRegion.name}`,
      t.map((x) => `${signedUsd(x.differenceCents)}   `),
    ),
  );
  out.push(
    row(
      "Difference %",
      t.map((x) => `${percent(x.differenceRatio)}   `),
    ),
  );
  out.push(
    row(
      "Lines by non-union estimate",
      t.map((x) => `${x.estimateLines}   `),
    ),
  );
  out.push(
    row(
      "  of which no union scale there (!)",
      t.map((x) => `${x.noUnionScaleLines}   `),
    ),
  );
  out.push(
    row(
      "Lines on derived union figures",
      t.map((x) => `${x.derivedLines}   `),
    ),
  );
  out.push(
    row(
      "Lines with no rate (left out)",
      t.map((x) => `${x.unpricedLines}   `),
    ),
  );
  return out;
}

/**
 * Runs `crew compare` on a crew list's text.
 * @returns the exit status: 0 when every row was compared, 1 when some were left out
 * @throws RateError UNKNOWN_REGION (or a bad tier, date or health contribution level) for the command to report
 */
export function compareCommand(engine: RateEngine, args: CompareArgs, io: CompareIo): number {
  const settings: BudgetSettings = {
    ...defaultSettings(),
    ...(args.region === undefined ? {} : { region: engine.findRegion(args.region).name }),
    ...(args.tier === undefined ? {} : { tier: engine.findTier(args.tier).name }),
    ...(args.date === undefined ? {} : { budgetDate: args.date }),
    ...(args.health === undefined
      ? {}
      : { healthContribution: engine.findHealthContribution(args.health) }),
  };
  const plan = planImport(engine, parseCrewList(args.text), settings);
  const tables = { overrides: plan.overrides.map(rateOverrideRow), roles: [] };
  const comparison = compareRegions(engine, plan.lines, {
    regions: args.regions,
    settings,
    tables,
  });
  const left = notCompared(plan.rows);
  if (args.json) {
    io.out(JSON.stringify(comparisonJson(comparison, settings, left), null, 2));
  } else {
    const hiring = comparison.hiring === "keep-home" ? "home agreements kept" : "all local hire";
    io.out(
      [
        `${comparison.lines.length} crew lines · budget region ${comparison.ownRegion.name} (*) · ${settings.tier} · budget date ${settings.budgetDate} · rate card ${comparison.cardVersion} · ${hiring}`,
        "",
        ...table(comparison),
        "",
        "Totals include fringes. P published scale, D derived union figure, E non-union estimate, O the list's own rate; ! no union scale for the role there; h priced where hired.",
        ...left.map((l) => `Not compared: line ${l.line} '${l.title}': ${l.why}`),
      ].join("\n"),
    );
  }
  return left.length === 0 ? 0 : 1;
}
