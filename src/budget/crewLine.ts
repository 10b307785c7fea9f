/**
 * One crew line, defined once: the cells it holds (values for what the producer chose, live CREW
 * formulas for everything computed), how its cells read back, the quote request those formulas
 * make, and the wages-to-date rule of its Fringe formula. The pane's live quote, the card-update
 * diff and both workbook adapters all go through this file, so the pane's number is the sheet's.
 */
import {
  centsToDollars,
  dollarsToCents,
  MAX_QUANTITY,
  personKey,
  type QuoteRequest,
  type RateEngine,
  type Role,
  type Unit,
} from "../engine";
import {
  col,
  COLUMNS,
  PREVIEW_WAGES,
  textCell,
  wagesOfRow,
  type CellContent,
  type Column,
  type WagesSpill,
} from "./layout";
import type { BudgetSettings, SettingName } from "./settings";

/** A production phase: lines budgeted for it follow its weeks setting. */
export type Phase = "prep" | "shoot" | "wrap";

const PHASE_SETTING = {
  prep: "PrepWeeks",
  shoot: "ShootWeeks",
  wrap: "WrapWeeks",
} as const satisfies Record<Phase, SettingName>;

/** The weeks a phase setting holds now. */
export function phaseWeeks(settings: BudgetSettings, phase: Phase): number {
  switch (phase) {
    case "prep":
      return settings.prepWeeks;
    case "shoot":
      return settings.shootWeeks;
    case "wrap":
      return settings.wrapWeeks;
  }
}

/** What the pane asks to insert: one crew line. */
export interface CrewLineInput {
  account: string;
  department: string;
  /** The role's title as the card spells it (what the CREW formulas look up). */
  role: string;
  person?: string | undefined;
  description: string;
  /** Agreement name, or undefined for the role's customary agreement. */
  agreement?: string | undefined;
  /** A number of units, or a phase whose weeks setting the line follows. */
  quantity: number | Phase;
  unit: Unit;
  /** Region and tier default to the workbook settings (formulas =Region, =Tier). */
  region?: string | undefined;
  tier?: string | undefined;
}

/**
 * The cells of one crew line at a 1-based sheet row: values for what the producer chose, formulas
 * for everything computed. Fringe passes the wages budgeted above for the same Person (see
 * wagesToDate), so yearly caps hold across a person's prep, shoot and wrap lines.
 */
export function crewLineRow(
  line: CrewLineInput,
  row: number,
  wagesSpill: WagesSpill = PREVIEW_WAGES,
): CellContent[] {
  const c = (name: Column) => `${col(name)}${row}`;
  const args = `${c("Role")},${c("Qty")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate`;
  const unitArgs = `${c("Role")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate,HoursPerDay`;
  // The workbook's card version and production tables: the same numbers for everyone.
  const pinned = "CardVersion,ProductionTables";
  // A line whose Role is cleared is an empty line, not an error.
  const ifRole = (formula: string) => `=IF(${c("Role")}="","",${formula})`;
  // The person's wages on the lines above, from the budget's one wages spill (WAGES_COLUMN).
  const wages = wagesOfRow(row, wagesSpill);
  // What the producer chose is text (never a formula, whatever it starts with); the rest is ours.
  const cells: Record<Column, CellContent> = {
    Account: textCell(line.account),
    Department: textCell(line.department),
    Role: textCell(line.role),
    Person: textCell(line.person ?? ""),
    Description: textCell(line.description),
    Agreement: textCell(line.agreement ?? ""),
    Region: line.region === undefined ? "=Region" : textCell(line.region),
    Tier: line.tier === undefined ? "=Tier" : textCell(line.tier),
    Qty: typeof line.quantity === "number" ? line.quantity : `=${PHASE_SETTING[line.quantity]}`,
    Unit: textCell(line.unit),
    Rate: ifRole(`CREW.UNITRATE(${unitArgs},${pinned})`),
    Subtotal: ifRole(`CREW.RATE(${args},HoursPerDay,${pinned})`),
    Fringe: ifRole(`CREW.FRINGE(${args},${wages},HoursPerDay,${pinned},HealthContribution)`),
    Total: ifRole(`${c("Subtotal")}+${c("Fringe")}`),
    Basis: ifRole(`CREW.BASIS(${unitArgs},${pinned})`),
  };
  return COLUMNS.map((name) => cells[name]);
}

/** A formula as compared with one CrewRate writes: spaces dropped, case ignored. */
export function squeezeFormula(formula: string): string {
  return formula.replace(/\s+/g, "").toUpperCase();
}

/**
 * Whether a Fringe cell holds the formula an earlier CrewRate wrote for a line at this row, not
 * today's: the same call but without Settings' HealthContribution (so the line ignored the
 * producer's health contribution level), or reading wages to date another way (the SUMIF over
 * the rows above, quadratic). Other content (a number, a producer's own formula, today's
 * formula) is not, so a refresh rewrites only what CrewRate itself wrote.
 */
export function isEarlierFringe(cell: unknown, row: number, wagesSpill: WagesSpill): boolean {
  if (typeof cell !== "string") return false;
  const squeeze = squeezeFormula;
  const current = currentFringe(row, wagesSpill);
  const formula = squeeze(cell);
  if (formula === squeeze(current)) return false;
  // Today's formula around its wages argument, which may be the earlier SUMIF over the rows
  // above, and with or without the health argument at the end.
  const wages = squeeze(wagesOfRow(row, wagesSpill));
  const [before = "", after = ""] = squeeze(current).split(wages);
  const health = ",HEALTHCONTRIBUTION))";
  if (!after.endsWith(health)) return false;
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const person = `${col("Person")}${row}`;
  const earlierWages = `IF\\(${person}="",0,SUMIF\\([^()]*\\)\\)`;
  const pattern = new RegExp(
    `^${escape(before)}(?:${escape(wages)}|${earlierWages})${escape(after.slice(0, -health.length))}(?:,HEALTHCONTRIBUTION)?\\)\\)$`,
  );
  return pattern.test(formula);
}

/** What Budget!A3 says after a refresh of earlier Fringe formulas (when A3 is free). */
export function earlierFringeNote(lines: number): string {
  return `Brought up to date: ${lines} line${lines === 1 ? "" : "s"} made by an earlier CrewRate now follow Settings: Health contribution in their Fringe. Every line's choices are as they were.`;
}

/** Today's Fringe formula for a crew line at a 1-based sheet row: it does not depend on the line's choices. */
export function currentFringe(row: number, wagesSpill: WagesSpill): string {
  const line: CrewLineInput = {
    account: "",
    department: "",
    role: "x",
    description: "",
    quantity: 1,
    unit: "week",
  };
  return String(crewLineRow(line, row, wagesSpill)[COLUMNS.indexOf("Fringe")]);
}

/** Checks a line before anything is written: a whole insert lands or none of it does. */
export function validateLine(line: CrewLineInput): string | undefined {
  if (!line.role.trim()) return "A crew line needs a role.";
  if (typeof line.quantity === "number" && !(line.quantity >= 0 && line.quantity <= MAX_QUANTITY)) {
    return `Quantity for ${line.role} must be between 0 and ${MAX_QUANTITY.toLocaleString("en-US")}.`;
  }
  return undefined;
}

/** A crew line as the budget's cells hold it now (computed cells as their values). */
export interface BudgetLine {
  /** 1-based sheet row. */
  row: number;
  role: string;
  person: string;
  agreement: string;
  region: string;
  tier: string;
  quantity: number;
  unit: string;
  /** The Subtotal cell's value (a person's yearly caps count it); undefined where it shows an error. */
  subtotal: number | undefined;
  /** The Total cell's value; undefined where it shows an error. */
  total: number | undefined;
}

/**
 * The crew lines among budget rows (values in COLUMNS order, the first at sheet row `firstRow`):
 * rows with a role, skipping blanks and the totals row.
 */
export function crewLinesFromCells(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
): BudgetLine[] {
  const at = (row: readonly unknown[], name: Column) => row[COLUMNS.indexOf(name)];
  const text = (v: unknown) =>
    typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  const lines: BudgetLine[] = [];
  rows.forEach((row, i) => {
    const role = text(at(row, "Role"));
    if (!role || text(at(row, "Account")) === "Total") return;
    const qty = at(row, "Qty");
    const total = at(row, "Total");
    const subtotal = at(row, "Subtotal");
    lines.push({
      row: firstRow + i,
      role,
      person: text(at(row, "Person")),
      agreement: text(at(row, "Agreement")),
      region: text(at(row, "Region")),
      tier: text(at(row, "Tier")),
      quantity: typeof qty === "number" ? qty : Number(text(qty)),
      unit: text(at(row, "Unit")),
      subtotal: typeof subtotal === "number" ? subtotal : undefined,
      total: typeof total === "number" ? total : undefined,
    });
  });
  return lines;
}

/** What a line's formulas price: its own cells, blank ones falling back to the settings. */
export interface LineTerms {
  role: string;
  quantity: number | Phase;
  /** Blank or undefined: the function's default unit. */
  unit?: string | undefined;
  /** Blank or undefined: the role's customary agreement. */
  agreement?: string | undefined;
  /** Blank or undefined: the Region setting. */
  region?: string | undefined;
  /** Blank or undefined: the Budget tier setting. */
  tier?: string | undefined;
}

/**
 * The request a line's Subtotal and Fringe formulas make: its role, quantity, unit, agreement,
 * region and tier, with the workbook's budget date and hours per day.
 * @param wagesToDate the person's wages on the lines above (see wagesToDate)
 */
export function requestForLine(
  line: LineTerms,
  settings: BudgetSettings,
  wagesToDate?: number,
): QuoteRequest {
  const blankIsDefault = (text: string | undefined) => (text ? text : undefined);
  return {
    role: line.role,
    quantity:
      typeof line.quantity === "number" ? line.quantity : phaseWeeks(settings, line.quantity),
    unit: blankIsDefault(line.unit),
    agreement: blankIsDefault(line.agreement),
    region: blankIsDefault(line.region) ?? settings.region,
    tier: blankIsDefault(line.tier) ?? settings.tier,
    date: settings.budgetDate,
    hoursPerDay: settings.hoursPerDay,
    healthContribution: settings.healthContribution,
    ...(wagesToDate === undefined ? {} : { wagesToDate }),
  };
}

// Who a line pays, as the wages spill (CREW.WAGESBEFORE) compares people: the engine's one rule.
export { personKey };

/**
 * Wages already budgeted for a person on `linesAbove`: the sum of their Subtotals, as a new line's
 * Fringe formula sums the rows above it, so yearly caps (Social Security, union plan caps) agree.
 * @returns dollars, or undefined for a line with no person
 */
export function wagesToDate(
  linesAbove: readonly { person: string; subtotal: number | undefined }[],
  person: string | undefined,
): number | undefined {
  const key = personKey(person);
  if (!key) return undefined;
  let cents = 0;
  for (const line of linesAbove) {
    if (personKey(line.person) === key) cents += dollarsToCents(line.subtotal ?? 0);
  }
  return centsToDollars(cents);
}

/**
 * The same rule while pricing lines in sheet order (the card-update diff): each person's wages so
 * far, counted as each line is priced.
 */
export class RunningWages {
  private readonly paidCents = new Map<string, number>();

  /** Dollars budgeted for the person above this line; undefined for a line with no person. */
  before(person: string | undefined): number | undefined {
    const key = personKey(person);
    return key ? centsToDollars(this.paidCents.get(key) ?? 0) : undefined;
  }

  add(person: string | undefined, subtotalCents: number): void {
    const key = personKey(person);
    if (key) this.paidCents.set(key, (this.paidCents.get(key) ?? 0) + subtotalCents);
  }
}

/** "Gaffer, shoot", "Gaffer, prep days", "Editor, post", "Composer". */
export function lineDescription(title: string, quantity: Phase | number, note?: string): string {
  const what = note ?? (typeof quantity === "number" ? undefined : quantity);
  return what === undefined ? title : `${title}, ${what}`;
}

/** What the producer chose for a line of a role. */
export interface LineChoice {
  quantity: number | Phase;
  unit: Unit;
  person?: string | undefined;
  /** Agreement name; undefined for the role's customary one. */
  agreement?: string | undefined;
  /** Undefined to follow the workbook's Region and Budget tier settings. */
  region?: string | undefined;
  tier?: string | undefined;
  /** What the description adds after the title ("prep days"); defaults to the phase. */
  note?: string | undefined;
}

/**
 * The crew line for a role: its account, department and title as the card spells them, so the
 * CREW formulas find it again. The pane's Insert and a department's typical crew both build here.
 */
export function crewLineFor(engine: RateEngine, role: Role, choice: LineChoice): CrewLineInput {
  const person = choice.person?.trim();
  return {
    account: role.account,
    department: engine.departmentOf(role).name,
    role: role.title,
    person: person ? person : undefined,
    description: lineDescription(role.title, choice.quantity, choice.note),
    agreement: choice.agreement,
    quantity: choice.quantity,
    unit: choice.unit,
    region: choice.region,
    tier: choice.tier,
  };
}

/** What "Add a role" writes: one Production Roles line. */
export interface ProductionRoleInput {
  title: string;
  department: string;
  account: string;
  description: string;
  unit: Unit;
  /** Dollars per unit. */
  rate: number;
  /** Agreement name; blank for Non-union. */
  agreement: string;
}

/** A Production Roles line's cells, in the table's column order: text as text, the rate a number. */
export function productionRoleRow(role: ProductionRoleInput): (string | number)[] {
  return [
    textCell(role.title.trim()),
    textCell(role.department),
    textCell(role.account.trim()),
    textCell(role.description.trim()),
    textCell(role.unit),
    role.rate,
    textCell(role.agreement),
  ];
}

/** A Rate Overrides line CrewRate writes: a negotiated rate from an imported crew list. */
export interface RateOverrideInput {
  /** The role's title as the card spells it. */
  role: string;
  /** Agreement name; blank for any agreement. */
  agreement: string;
  unit: Unit;
  /** Dollars per unit, used as written. */
  amount: number;
  note: string;
}

/** A Rate Overrides line's cells, in the table's column order: text as text, the amount a number. */
export function rateOverrideRow(line: RateOverrideInput): (string | number)[] {
  return [
    textCell(line.role.trim()),
    textCell(line.agreement),
    textCell(line.unit),
    line.amount,
    textCell(line.note.trim()),
  ];
}

/** Production-table lines written together with crew lines, in the same write. */
export interface TableAdditions {
  overrides?: readonly RateOverrideInput[] | undefined;
  roles?: readonly ProductionRoleInput[] | undefined;
}

/**
 * The table lines an append wrote (1-based), for its result; nothing when it wrote none, so a plain
 * append's result is just its rows.
 */
export function tableLines(
  overrideAt: readonly number[],
  roleAt: readonly number[],
): { overrideLines?: number[]; roleLines?: number[] } {
  return {
    ...(overrideAt.length > 0 ? { overrideLines: overrideAt.map((i) => i + 1) } : {}),
    ...(roleAt.length > 0 ? { roleLines: roleAt.map((i) => i + 1) } : {}),
  };
}
