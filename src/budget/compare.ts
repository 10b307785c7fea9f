/**
 * "What if we shoot in Atlanta instead?": a budget's crew lines priced in other regions, host-
 * neutral. `compareRegions` prices them here (for the pane and the CLI) through the request the
 * Budget's own formulas make (`requestForLine`), and `compareSheetRows` writes the same comparison
 * as a Compare sheet of live CREW formulas over the Budget's cells, so the two agree to the cent.
 *
 * Who is hired where: a line whose Region cell names a region other than the budget's own (Region
 * setting) was hired there (an LA production designer on a Georgia shoot) and, with "keep home
 * agreements", stays priced there, on its home agreement. Every other line is priced in the region
 * compared. "All local hire" prices every line in the region compared. Either way a line keeps
 * its Agreement cell (blank: the agreement that customarily covers the role there) and its Tier.
 */
import {
  isRateError,
  type ProductionTables,
  type Quote,
  type RateEngine,
  type RateError,
  type Region,
} from "../engine";
import { requestForLine, RunningWages, type LineTerms } from "./crewLine";
import { WorkbookError } from "./errors";
import { BUDGET_SHEET, col, columnLetter, formulaText, textCell, type CellContent } from "./layout";
import type { BudgetSettings } from "./settings";

export const COMPARE_SHEET = "Compare";

/** The regions the pane offers to compare until the producer picks others (issue 17). */
export const DEFAULT_COMPARE_REGIONS = ["Los Angeles", "Georgia", "New York", "New Mexico"];
/** How many regions one Compare sheet holds: at least two, at most five (the pane's limits). */
export const COMPARE_MIN_REGIONS = 2;
export const COMPARE_MAX_REGIONS = 5;

/** Who a comparison prices where (see the file's comment). */
export type Hiring = "keep-home" | "all-local";

/** The words the Compare sheet's hiring cell holds, which its formulas read. */
export const HIRING_LABELS = {
  "keep-home": "Keep home agreements",
  "all-local": "All local hire",
} as const satisfies Record<Hiring, string>;

/** Where a line's rate comes from, in the words of CREW.BASIS: a union figure as printed or derived, a non-union estimate, or the workbook's own rate. */
export type RateKind = "Published" | "Derived" | "Estimate" | "Override";

/** A crew line to compare: a Budget line as read (`BudgetLine`) or one about to be inserted (`CrewLineInput`). */
export interface CompareLine extends LineTerms {
  person?: string | undefined;
  /** The line's department as the Budget shows it; absent, the role's department on the card. */
  department?: string | undefined;
}

/** A line on the Budget sheet, for the Compare sheet's formulas to reference. */
export interface BudgetSheetLine extends CompareLine {
  /** 1-based Budget sheet row. */
  row: number;
}

export interface CompareOptions {
  /** Region names or aliases ("LA", "Atlanta", "New York"); the budget's own is added first if missing. */
  regions: readonly string[];
  /** The workbook's settings: its Region is the budget's own region. */
  settings: BudgetSettings;
  /** Default "keep-home". */
  hiring?: Hiring | undefined;
  /** The workbook's Rate Overrides and Production Roles, as its formulas pass them. */
  tables?: ProductionTables | undefined;
}

/** One line priced in one region. */
export type ComparedCell = PricedCell | UnpricedCell;

interface CellBase {
  /** The region the line was priced in: the region compared, or its home region. */
  pricedIn: string;
  /** Priced in its home region (keep home agreements), not the region compared. */
  isHomeHire: boolean;
}

export interface PricedCell extends CellBase {
  ok: true;
  quote: Quote;
  unitRateCents: number;
  subtotalCents: number;
  fringeCents: number;
  totalCents: number;
  /** The agreement's name, e.g. "IATSE Area Standards Agreement". */
  agreement: string;
  kind: RateKind;
  /** Whether a union scale covers the role where and at the tier it was priced (its default agreement there is a union one). */
  hasUnionScale: boolean;
  /** For a non-union estimate the line fell back to: why no union scale applies (CREW.BASIS says it too). */
  nonUnionReason: string | undefined;
}

export interface UnpricedCell extends CellBase {
  ok: false;
  /** Why the card has no figure (its message is the one the cell shows). */
  error: RateError;
}

export interface ComparedLine {
  line: CompareLine;
  department: string;
  /** One per region, in the comparison's region order. */
  cells: ComparedCell[];
}

/** A region's figures over the priced lines. */
export interface RegionTotals {
  region: Region;
  /** The budget's own region (what the differences are against). */
  isOwn: boolean;
  laborCents: number;
  fringeCents: number;
  totalCents: number;
  /** Fringe over labor (0.25 = 25%); undefined without labor. */
  fringeRatio: number | undefined;
  /** Lines priced as non-union estimates. */
  estimateLines: number;
  /** Of those, lines that fell back to an estimate because no union scale covers the role there. */
  noUnionScaleLines: number;
  /** Union figures the card derived rather than transcribed. */
  derivedLines: number;
  /** Lines the card cannot price there (left out of the totals). */
  unpricedLines: number;
  /**
   * Total minus the own region's total; undefined when this region or the own one leaves lines
   * unpriced (the two totals then do not cover the same lines).
   */
  differenceCents: number | undefined;
  /**
   * The difference over the own region's total (-0.1 = 10% cheaper); undefined when that is 0 or
   * the difference is not comparable.
   */
  differenceRatio: number | undefined;
}

export interface DepartmentTotals {
  department: string;
  /** Per region, in the comparison's region order, over the priced lines. */
  laborCents: number[];
  totalCents: number[];
}

export interface Comparison {
  /** Regions in column order: the budget's own first when it was not asked for. */
  regions: Region[];
  ownRegion: Region;
  hiring: Hiring;
  cardVersion: string;
  budgetDate: string;
  lines: ComparedLine[];
  /** In order of first appearance. */
  departments: DepartmentTotals[];
  totals: RegionTotals[];
}

const NON_UNION = "non-union";

function sameText(a: string, b: string): boolean {
  // Excel's and HyperFormula's "=" ignore case; the Compare sheet's formula compares this way.
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The region a line stays in as a home hire, or undefined when it is priced in the region
 * compared: with "keep home agreements", a Region cell that is neither blank nor the budget's own.
 */
export function homeRegionOf(
  line: Pick<CompareLine, "region">,
  settings: Pick<BudgetSettings, "region">,
  hiring: Hiring,
): string | undefined {
  const region = line.region ?? "";
  if (hiring === "all-local" || region === "" || sameText(region, settings.region)) {
    return undefined;
  }
  return region;
}

/** The comparison's regions: the asked ones resolved and deduplicated, the own region first if missing. */
function regionsFor(engine: RateEngine, asked: readonly string[], own: Region): Region[] {
  const out: Region[] = [];
  for (const text of asked) {
    const region = engine.findRegion(text);
    if (!out.includes(region)) out.push(region);
  }
  if (!out.includes(own)) out.unshift(own);
  return out;
}

function kindOf(q: Quote): RateKind {
  if (q.basis.kind === "override") return "Override";
  if (q.basis.kind === "published") return "Published";
  return q.agreement.id === NON_UNION ? "Estimate" : "Derived";
}

/** The engine the workbook's formulas price with: its pinned card version and production tables. */
function workbookEngine(engine: RateEngine, options: CompareOptions): RateEngine {
  const pinned = engine.forVersion(options.settings.cardVersion);
  return options.tables ? pinned.withProduction(options.tables) : pinned;
}

function priceCell(
  engine: RateEngine,
  line: CompareLine,
  region: Region,
  settings: BudgetSettings,
  hiring: Hiring,
  wages: RunningWages,
): ComparedCell {
  const home = homeRegionOf(line, settings, hiring);
  const pricedIn = home ?? region.name;
  const base = { pricedIn, isHomeHire: home !== undefined };
  const request = requestForLine(
    { ...line, region: pricedIn },
    settings,
    wages.before(line.person),
  );
  let quote: Quote;
  try {
    quote = engine.quoteFast(request);
  } catch (e) {
    if (!isRateError(e)) throw e;
    return { ...base, ok: false, error: e };
  }
  wages.add(line.person, quote.subtotalCents);
  const covering = engine.defaultAgreement({
    role: quote.role.id,
    region: quote.region.id,
    tier: quote.tier.id,
    date: quote.date,
  });
  return {
    ...base,
    ok: true,
    quote,
    unitRateCents: quote.unitRateCents,
    subtotalCents: quote.subtotalCents,
    fringeCents: quote.fringeCents,
    totalCents: quote.totalCents,
    agreement: quote.agreement.name,
    kind: kindOf(quote),
    hasUnionScale: covering.id !== NON_UNION,
    nonUnionReason: quote.basis.kind === "override" ? undefined : quote.basis.nonUnionReason,
  };
}

function departmentOf(engine: RateEngine, line: CompareLine, cells: ComparedCell[]): string {
  if (line.department) return line.department;
  const priced = cells.find((c): c is PricedCell => c.ok);
  if (priced) return priced.quote.department.name;
  try {
    return engine.departmentOf(engine.findRole(line.role)).name;
  } catch (e) {
    if (!isRateError(e)) throw e;
    return "";
  }
}

/**
 * Prices every crew line in every region, as the Compare sheet's formulas do: per line and
 * region the rate, labor, fringes, total, agreement and kind; department subtotals; per region the
 * totals, fringe %, counts of estimates and unpriced lines, and the difference against the
 * budget's own region. A person's wages to date count their lines above in the same region, as
 * the Budget's Fringe formulas count them, so yearly caps agree.
 * @param engine the add-in's engine; the settings' card version and `tables` are applied to it
 * @param lines the crew lines in Budget order
 * @throws RateError UNKNOWN_REGION for a region the card does not know, UNKNOWN_VERSION
 */
export function compareRegions(
  engine: RateEngine,
  lines: readonly CompareLine[],
  options: CompareOptions,
): Comparison {
  const { settings } = options;
  const hiring = options.hiring ?? "keep-home";
  const priced = workbookEngine(engine, options);
  const ownRegion = priced.findRegion(settings.region);
  const regions = regionsFor(priced, options.regions, ownRegion);
  const wages = regions.map(() => new RunningWages());

  const compared: ComparedLine[] = lines.map((line) => {
    const cells = regions.map((region, i) =>
      priceCell(priced, line, region, settings, hiring, wages[i]!),
    );
    return { line, department: departmentOf(priced, line, cells), cells };
  });

  const departments: DepartmentTotals[] = [];
  for (const { department, cells } of compared) {
    let dept = departments.find((d) => d.department === department);
    if (!dept) {
      dept = {
        department,
        laborCents: regions.map(() => 0),
        totalCents: regions.map(() => 0),
      };
      departments.push(dept);
    }
    cells.forEach((cell, i) => {
      if (!cell.ok) return;
      dept.laborCents[i]! += cell.subtotalCents;
      dept.totalCents[i]! += cell.totalCents;
    });
  }

  const sums = regions.map((region, i) => {
    const cells = compared.map((l) => l.cells[i]!);
    const ok = cells.filter((c): c is PricedCell => c.ok);
    const laborCents = ok.reduce((s, c) => s + c.subtotalCents, 0);
    const totalCents = ok.reduce((s, c) => s + c.totalCents, 0);
    return {
      region,
      isOwn: region === ownRegion,
      laborCents,
      fringeCents: totalCents - laborCents,
      totalCents,
      fringeRatio: laborCents === 0 ? undefined : (totalCents - laborCents) / laborCents,
      estimateLines: ok.filter((c) => c.kind === "Estimate").length,
      noUnionScaleLines: ok.filter((c) => c.kind === "Estimate" && Boolean(c.nonUnionReason))
        .length,
      derivedLines: ok.filter((c) => c.kind === "Derived").length,
      unpricedLines: cells.length - ok.length,
    };
  });
  const own = sums[regions.indexOf(ownRegion)]!;
  const ownTotal = own.totalCents;
  const totals: RegionTotals[] = sums.map((s) => {
    const comparable = s.unpricedLines === 0 && own.unpricedLines === 0;
    return {
      ...s,
      differenceCents: comparable ? s.totalCents - ownTotal : undefined,
      differenceRatio:
        comparable && ownTotal !== 0 ? (s.totalCents - ownTotal) / ownTotal : undefined,
    };
  });

  return {
    regions,
    ownRegion,
    hiring,
    cardVersion: priced.card.meta.version,
    budgetDate: settings.budgetDate,
    lines: compared,
    departments,
    totals,
  };
}

/** The Compare sheet's fixed columns, then four per region. */
export const COMPARE_LINE_COLUMNS = [
  "Budget row",
  "Department",
  "Role",
  "Person",
  "Qty",
  "Unit",
  "Hired in",
] as const;
export const COMPARE_REGION_COLUMNS = ["Rate", "Labor", "Total", "Basis"] as const;
type LineColumn = (typeof COMPARE_LINE_COLUMNS)[number];
type RegionColumn = (typeof COMPARE_REGION_COLUMNS)[number];

/** The Compare sheet's rows (1-based): title, note, hiring cell, counts, region names, header. */
export const COMPARE_HIRING_ROW = 3;
export const COMPARE_REGION_ROW = 6;
export const COMPARE_HEADER_ROW = 7;
export const COMPARE_FIRST_LINE_ROW = COMPARE_HEADER_ROW + 1;

/** What the sheet writer needs besides the cells: where the money and the percentages are. */
export interface CompareSheet {
  /** From A1, row by row: text, numbers and formulas ("=..."), as CellContent. */
  rows: CellContent[][];
  regions: Region[];
  /** 1-based rows of the crew lines (none when `lineRows.last < lineRows.first`). */
  lineRows: { first: number; last: number };
  /** 1-based row of the grand totals. */
  totalRow: number;
  /** 0-based columns holding dollars (each region's Rate, Labor and Total). */
  moneyColumns: number[];
  /** 1-based rows whose region cells are fractions to show as %. */
  percentRows: number[];
  /** The comparison the formulas compute, priced here: for the writer's report. */
  comparison: Comparison;
}

/** What writing a Compare sheet made, for the pane's message. */
export interface CompareSheetResult {
  /** The sheet's name (COMPARE_SHEET). */
  sheet: string;
  /** Crew lines compared (one row each). */
  lines: number;
  /** Whether an earlier Compare sheet was replaced. */
  replaced: boolean;
  hiring: Hiring;
  cardVersion: string;
  /** Per region, in column order (the budget's own first when it was not asked for). */
  regions: CompareRegionSummary[];
}

export interface CompareRegionSummary {
  region: string;
  isOwn: boolean;
  totalCents: number;
  /** Lines priced as non-union estimates because no union scale covers the role there. */
  noUnionScaleLines: number;
  estimateLines: number;
  unpricedLines: number;
}

/** The report of a Compare sheet just written: its name, lines and each region's counts. */
export function compareSheetResult(sheet: CompareSheet, replaced: boolean): CompareSheetResult {
  const { comparison } = sheet;
  return {
    sheet: COMPARE_SHEET,
    lines: comparison.lines.length,
    replaced,
    hiring: comparison.hiring,
    cardVersion: comparison.cardVersion,
    regions: comparison.totals.map((t) => ({
      region: t.region.name,
      isOwn: t.isOwn,
      totalCents: t.totalCents,
      noUnionScaleLines: t.noUnionScaleLines,
      estimateLines: t.estimateLines,
      unpricedLines: t.unpricedLines,
    })),
  };
}

function lineColumn(name: LineColumn): string {
  return columnLetter(COMPARE_LINE_COLUMNS.indexOf(name));
}

/** 0-based column of a region's column: each region has the four COMPARE_REGION_COLUMNS. */
function regionIndex(region: number, name: RegionColumn): number {
  return (
    COMPARE_LINE_COLUMNS.length +
    region * COMPARE_REGION_COLUMNS.length +
    COMPARE_REGION_COLUMNS.indexOf(name)
  );
}

function regionColumn(region: number, name: RegionColumn): string {
  return columnLetter(regionIndex(region, name));
}

/**
 * A Compare sheet of live formulas: one row per Budget line (its role, person, qty and unit read
 * from the Budget), per region its rate, labor, total with fringes and basis (CREW.UNITRATE,
 * CREW.RATE, CREW.FRINGE and CREW.BASIS over the line's own Budget cells, with the region
 * compared), department subtotals, totals, fringe %, and the difference against the budget's own
 * region. Editing a Qty on the Budget updates it; the hiring cell (B3) switches between keeping
 * home agreements and all local hire. Budget cells are referenced through `col()`, so the sheet
 * follows the Budget's column order.
 * @param lines the Budget's crew lines in sheet order (e.g. `readCrewLines()`)
 * @throws RateError UNKNOWN_REGION for a region the card does not know
 */
export function compareSheetRows(
  engine: RateEngine,
  budgetLines: readonly BudgetSheetLine[],
  options: CompareOptions,
): CompareSheet {
  const { settings } = options;
  const hiring = options.hiring ?? "keep-home";
  // Sheet order: a person's wages to date count the lines above, as on the Budget.
  const lines = [...budgetLines].sort((a, b) => a.row - b.row);
  const comparison = compareRegions(engine, lines, options);
  const { regions, ownRegion } = comparison;
  const width = COMPARE_LINE_COLUMNS.length + regions.length * COMPARE_REGION_COLUMNS.length;
  const blankRow = (): CellContent[] => Array.from({ length: width }, () => "");
  const first = COMPARE_FIRST_LINE_ROW;
  const last = first + lines.length - 1;
  const hasLines = lines.length > 0;
  const own = regions.indexOf(ownRegion);
  const released =
    engine.card.meta.versions.find((v) => v.version === comparison.cardVersion)?.released ?? "";

  const rows: CellContent[][] = [];
  const put = (cells: CellContent[]) => {
    const row = blankRow();
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return row;
  };
  /** A region column's range over the line rows: "I$8:I$47". */
  const span = (letter: string) => `${letter}$${first}:${letter}$${last}`;
  const perRegion = (row: CellContent[], name: RegionColumn, cell: (i: number) => CellContent) => {
    regions.forEach((_, i) => {
      row[regionIndex(i, name)] = cell(i);
    });
  };

  put([textCell("Compare locations")]);
  put([
    textCell(
      `Rate card ${comparison.cardVersion}${released ? ` (released ${released})` : ""}, budget date ${settings.budgetDate}, budget region ${ownRegion.name}. Every figure is a live CREW formula over the ${BUDGET_SHEET} sheet's lines; nothing on the ${BUDGET_SHEET} changes.`,
    ),
  ]);
  put([
    "Hiring",
    HIRING_LABELS[hiring],
    textCell(
      `${HIRING_LABELS["keep-home"]}: a line whose Region is not the budget's own stays where it was hired, on its home agreement. ${HIRING_LABELS["all-local"]}: every line is priced in the region compared.`,
    ),
  ]);
  const basisCount = (pattern: string) => (i: number) =>
    hasLines ? `=COUNTIF(${span(regionColumn(i, "Basis"))},"${pattern}")` : 0;
  perRegion(put(["Non-union estimates"]), "Rate", basisCount("Estimate (non-union*"));
  perRegion(
    put(["…because no union scale covers the role there"]),
    "Rate",
    basisCount("Estimate (non-union:*"),
  );
  perRegion(put([]), "Rate", (i) => textCell(regions[i]!.name));
  const header = put([...COMPARE_LINE_COLUMNS]);
  for (const name of COMPARE_REGION_COLUMNS) perRegion(header, name, () => name);

  const budget = (name: Parameters<typeof col>[0], row: number) =>
    `${BUDGET_SHEET}!${col(name)}${row}`;
  const hired = lineColumn("Hired in");
  const person = lineColumn("Person");
  lines.forEach((line, k) => {
    const r = first + k;
    const b = line.row;
    const at = (name: Parameters<typeof col>[0]) => budget(name, b);
    const row = put([
      `=ROW(${at("Role")})`,
      `=${at("Department")}&""`,
      `=${at("Role")}&""`,
      `=${at("Person")}&""`,
      `=${at("Qty")}`,
      `=${at("Unit")}&""`,
      `=IF(OR($B$${COMPARE_HIRING_ROW}="${HIRING_LABELS["all-local"]}",${at("Region")}="",${at("Region")}=Region),"",${at("Region")})`,
    ]);
    // The same arguments, in the same order, as the Budget line's own formulas (crewLineRow);
    // a line whose Role is cleared there is blank here too, and left out of the sums.
    const pinned = "CardVersion,ProductionTables";
    const ifRole = (formula: string) => `=IF(${at("Role")}="","",${formula})`;
    // Local hires in the region named above the column; home hires where they were hired.
    const regionOf = (i: number) =>
      `IF($${hired}${r}="",${regionColumn(i, "Rate")}$${COMPARE_REGION_ROW},$${hired}${r})`;
    perRegion(row, "Rate", (i) => {
      const region = regionOf(i);
      return ifRole(
        `CREW.UNITRATE(${at("Role")},${at("Unit")},${at("Agreement")},${region},${at("Tier")},BudgetDate,HoursPerDay,${pinned})`,
      );
    });
    perRegion(row, "Labor", (i) => {
      const region = regionOf(i);
      return ifRole(
        `CREW.RATE(${at("Role")},${at("Qty")},${at("Unit")},${at("Agreement")},${region},${at("Tier")},BudgetDate,HoursPerDay,${pinned})`,
      );
    });
    perRegion(row, "Total", (i) => {
      const region = regionOf(i);
      const labor = regionColumn(i, "Labor");
      // The person's labor on the lines above in this region, as the Budget's Fringe counts it.
      const wages = `IF($${person}${r}="",0,SUMIF($${person}$${COMPARE_HEADER_ROW}:$${person}${r - 1},"="&$${person}${r},${labor}$${COMPARE_HEADER_ROW}:${labor}${r - 1}))`;
      return ifRole(
        `${labor}${r}+CREW.FRINGE(${at("Role")},${at("Qty")},${at("Unit")},${at("Agreement")},${region},${at("Tier")},BudgetDate,${wages},HoursPerDay,${pinned},HealthContribution)`,
      );
    });
    perRegion(row, "Basis", (i) => {
      const region = regionOf(i);
      return ifRole(
        `CREW.BASIS(${at("Role")},${at("Unit")},${at("Agreement")},${region},${at("Tier")},BudgetDate,HoursPerDay,${pinned})`,
      );
    });
  });

  put([]);
  // Sums skip a line the card cannot price (its cell shows why; "Unpriced lines" counts it).
  const dept = lineColumn("Department");
  for (const d of comparison.departments) {
    const r = rows.length + 1;
    const row = put(["", textCell(d.department)]);
    for (const name of ["Labor", "Total"] as const) {
      perRegion(row, name, (i) => {
        const c = regionColumn(i, name);
        return hasLines
          ? `=SUMIFS(${span(c)},$${dept}$${first}:$${dept}$${last},"="&$${dept}${r},${span(c)},">=0")`
          : 0;
      });
    }
  }
  const totalRow = rows.length + 1;
  const totals = put(["Total"]);
  for (const name of ["Labor", "Total"] as const) {
    perRegion(totals, name, (i) => (hasLines ? `=SUMIF(${span(regionColumn(i, name))},">=0")` : 0));
  }
  const cellOf = (i: number, name: RegionColumn) => `${regionColumn(i, name)}${totalRow}`;
  const fringeRow = rows.length + 1;
  perRegion(put(["Fringe %"]), "Total", (i) => {
    const labor = cellOf(i, "Labor");
    return `=IF(${labor}=0,"",(${cellOf(i, "Total")}-${labor})/${labor})`;
  });
  const ownTotal = `$${regionColumn(own, "Total")}$${totalRow}`;
  // The Unpriced lines row, two below: a difference between totals that leave out different
  // lines would mislead, so it says so instead.
  const unpricedRow = rows.length + 3;
  const unpriced = (i: number) => `${regionColumn(i, "Total")}${unpricedRow}`;
  const ownUnpriced = `$${regionColumn(own, "Total")}$${unpricedRow}`;
  const comparable = (i: number, formula: string) =>
    `=IF(OR(${unpriced(i)}>0,${ownUnpriced}>0),${formulaText(NOT_COMPARABLE)},${formula})`;
  perRegion(put([textCell(`Difference vs ${ownRegion.name}`)]), "Total", (i) =>
    comparable(i, `${cellOf(i, "Total")}-${ownTotal}`),
  );
  const differencePercentRow = rows.length + 1;
  perRegion(put([textCell(`Difference vs ${ownRegion.name} %`)]), "Total", (i) =>
    comparable(i, `IF(${ownTotal}=0,"",${cellOf(i, "Total")}/${ownTotal}-1)`),
  );
  perRegion(put(["Unpriced lines"]), "Total", (i) => {
    const c = span(regionColumn(i, "Total"));
    return hasLines ? `=ROWS(${c})-COUNT(${c})` : 0;
  });

  const moneyColumns = regions.flatMap((_, i) =>
    (["Rate", "Labor", "Total"] as const).map((name) => regionIndex(i, name)),
  );
  return {
    rows,
    regions,
    lineRows: { first, last },
    totalRow,
    moneyColumns,
    percentRows: [fringeRow, differencePercentRow],
    comparison,
  };
}

/** A Compare sheet's difference where either total leaves lines unpriced. */
export const NOT_COMPARABLE = "Not comparable: lines unpriced (see Unpriced lines)";

/** What a port has read when it writes a Compare sheet. */
export interface CompareSheetInput {
  lines: readonly BudgetSheetLine[];
  settings: BudgetSettings;
  tables: ProductionTables;
  regions: readonly string[];
  hiring: Hiring;
}

/**
 * The Compare sheet a port writes, checked first: the same for every host.
 * @throws WorkbookError when the budget has no crew lines, or no or too many regions are asked
 * @throws RateError UNKNOWN_REGION for a region the card does not know
 */
export function planCompareSheet(engine: RateEngine, input: CompareSheetInput): CompareSheet {
  if (input.regions.length === 0 || input.regions.length > COMPARE_MAX_REGIONS) {
    throw new WorkbookError(
      `Pick from 1 to ${COMPARE_MAX_REGIONS} regions to compare (${input.regions.length} picked).`,
    );
  }
  const lines = input.lines.filter((l) => l.role.trim() !== "");
  if (lines.length === 0) {
    throw new WorkbookError(
      `The ${BUDGET_SHEET} has no crew lines to compare yet: insert some, then compare again.`,
    );
  }
  return compareSheetRows(engine, lines, {
    regions: input.regions,
    settings: input.settings,
    hiring: input.hiring,
    tables: input.tables,
  });
}
