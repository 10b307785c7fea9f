/**
 * The budget workbook's layout, host-neutral: sheet names, the settings' named cells, the crew-line
 * columns and the formulas each line holds. The Excel adapter and the preview adapter both write
 * exactly this, so a budget built in the preview is the budget built in Excel.
 *
 * Lines hold live CREW formulas that reference their own row and the named settings, so editing
 * Qty, Agreement or a setting recalculates in any spreadsheet.
 */
import { rateCard } from "../data";
import {
  isoToSerial,
  LAST_EXCEL_SERIAL,
  OVERRIDE_COLUMNS,
  OVERRIDES_TABLE,
  PRODUCTION_ROLE_COLUMNS,
  PRODUCTION_ROLES_TABLE,
  serialToIso,
  type Unit,
} from "../engine";
import { WorkbookError, type BudgetSettings } from "./workbookPort";

export const SETTINGS_SHEET = "Settings";
export const BUDGET_SHEET = "Budget";
export const TOPSHEET_SHEET = "Topsheet";
export const BUDGET_TABLE = "CrewBudget";

/**
 * The production's own tables, one sheet each: a title in row 1, a note in row 2, the header in
 * row 3 and up to TABLE_LINES lines below. Line n of a table is sheet row TABLE_FIRST_ROW + n - 1.
 */
export const OVERRIDES_SHEET = OVERRIDES_TABLE;
export const ROLES_SHEET = PRODUCTION_ROLES_TABLE;
export const TABLE_HEADER_ROW = 3;
export const TABLE_FIRST_ROW = TABLE_HEADER_ROW + 1;
export const TABLE_LINES = 200;

export const PRODUCTION_SHEETS = [
  {
    sheet: OVERRIDES_SHEET,
    columns: OVERRIDE_COLUMNS,
    note: `Negotiated rates: a line here wins over the rate card for that role and unit (and agreement, if given; blank means any). Amount is per unit, used as written (no overtime added). Up to ${TABLE_LINES} lines.`,
  },
  {
    sheet: ROLES_SHEET,
    columns: PRODUCTION_ROLE_COLUMNS,
    note: `Roles this production adds (the pane's "Add a role" writes here): priced at their Rate per Unit under their Agreement (blank: Non-union). Up to ${TABLE_LINES} lines.`,
  },
] as const;

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The line block of a production table on its sheet: "A4:E203". */
export function tableBlock(sheet: string): string {
  const spec = PRODUCTION_SHEETS.find((p) => p.sheet === sheet);
  if (!spec) throw new Error(`CrewRate invariant failed: no production sheet ${sheet}`);
  const last = columnLetter(spec.columns.length - 1);
  return `A${TABLE_FIRST_ROW}:${last}${TABLE_FIRST_ROW + TABLE_LINES - 1}`;
}

/** The same block as an absolute reference for formulas: 'Rate Overrides'!$A$4:$E$203. */
export function tableRange(sheet: string): string {
  const absolute = tableBlock(sheet).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet}'!${absolute}`;
}

/** A production sheet's title, note and header rows. */
export function productionSheetRows(sheet: string): CellContent[][] {
  const spec = PRODUCTION_SHEETS.find((p) => p.sheet === sheet);
  if (!spec) throw new Error(`CrewRate invariant failed: no production sheet ${sheet}`);
  return [[sheet], [spec.note], [...spec.columns]];
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

/** A Production Roles line's cells, in the table's column order. */
export function productionRoleRow(role: ProductionRoleInput): (string | number)[] {
  return [
    role.title.trim(),
    role.department,
    role.account.trim(),
    role.description.trim(),
    role.unit,
    role.rate,
    role.agreement,
  ];
}

/** A named setting: its workbook name, the label shown beside it, and its default. */
export interface SettingSpec {
  name: string;
  label: string;
  value: string | number;
  note: string;
}

/** Settings live in Settings!B2:B9, labels in column A, notes in column C. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    name: "BudgetDate",
    label: "Budget date",
    value: rateCard.meta.defaultDate,
    note: "Picks the scale period in force (YYYY-MM-DD).",
  },
  {
    name: "Region",
    label: "Region",
    value: "Los Angeles",
    note: "Los Angeles, New York, Georgia, New Mexico or Other US.",
  },
  {
    name: "Tier",
    label: "Budget tier",
    value: "Studio",
    note: "Studio, Tier 3, Tier 2, Tier 1B, Tier 1A or Ultra-low.",
  },
  {
    name: "HoursPerDay",
    label: "Hours per day",
    value: 12,
    note: "Hours worked a shoot day; overtime beyond a scale's guarantee is added.",
  },
  { name: "PrepWeeks", label: "Prep weeks", value: 4, note: "Lines budgeted for prep use this." },
  {
    name: "ShootWeeks",
    label: "Shoot weeks",
    value: 8,
    note: "Lines budgeted for the shoot use this.",
  },
  { name: "WrapWeeks", label: "Wrap weeks", value: 2, note: "Lines budgeted for wrap use this." },
  {
    name: "CardVersion",
    label: "Rate card version",
    // Stored as text ("2026.10" is not 2026.1): Excel formats the cell as text, the preview
    // writes it with a leading apostrophe.
    value: rateCard.meta.version,
    note: "The CrewRate rate card this budget was built with; formulas use its figures until you change it.",
  },
  {
    // Every crew line passes this cell, so editing either table recalculates the budget.
    name: "ProductionTables",
    label: "Production tables",
    value: `=CREW.TABLES(${tableRange(OVERRIDES_SHEET)},${tableRange(ROLES_SHEET)})`,
    note: "Made from the Rate Overrides and Production Roles sheets; every crew line reads it. Shows an error naming the line if a table row needs fixing.",
  },
];

/** Row of the first setting on the settings sheet (1-based); row 1 holds headers. */
export const SETTINGS_FIRST_ROW = 2;

export function settingAddress(name: string): string {
  const i = SETTINGS.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`CrewRate invariant failed: no setting ${name}`);
  return `${SETTINGS_SHEET}!$B$${SETTINGS_FIRST_ROW + i}`;
}

export const COLUMNS = [
  "Account",
  "Department",
  "Role",
  "Person",
  "Description",
  "Agreement",
  "Region",
  "Tier",
  "Qty",
  "Unit",
  "Rate",
  "Subtotal",
  "Fringe",
  "Total",
  "Basis",
] as const;
export type Column = (typeof COLUMNS)[number];

export const MONEY_COLUMNS: readonly Column[] = ["Rate", "Subtotal", "Fringe", "Total"];
export const MONEY_FORMAT = "$#,##0.00";

/** Where the budget table starts: a title in row 1, a note in row 2, the header in row 4. */
export const HEADER_ROW = 4;
export const FIRST_LINE_ROW = HEADER_ROW + 1;

/** Column letter of a budget column (A for Account, ...). */
export function col(name: Column): string {
  return String.fromCharCode(65 + COLUMNS.indexOf(name));
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
  quantity: number | "prep" | "shoot" | "wrap";
  unit: Unit;
  /** Region and tier default to the workbook settings (formulas =Region, =Tier). */
  region?: string | undefined;
  tier?: string | undefined;
}

type CellContent = string | number;

const PHASE_SETTING = { prep: "PrepWeeks", shoot: "ShootWeeks", wrap: "WrapWeeks" } as const;

/**
 * The cells of one crew line at a 1-based sheet row: values for what the producer chose, formulas
 * for everything computed. Fringe passes the wages budgeted above for the same Person, so yearly
 * caps hold across a person's prep, shoot and wrap lines.
 */
export function crewLineRow(line: CrewLineInput, row: number): CellContent[] {
  const c = (name: Column) => `${col(name)}${row}`;
  const above = (name: Column) => `${col(name)}$${HEADER_ROW}:${col(name)}${row - 1}`;
  const args = `${c("Role")},${c("Qty")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate`;
  const unitArgs = `${c("Role")},${c("Unit")},${c("Agreement")},${c("Region")},${c("Tier")},BudgetDate,HoursPerDay`;
  // The workbook's card version and production tables: the same numbers for everyone.
  const pinned = "CardVersion,ProductionTables";
  const wagesToDate = `IF(${c("Person")}="",0,SUMIF(${above("Person")},"="&${c("Person")},${above("Subtotal")}))`;
  const cells: Record<Column, CellContent> = {
    Account: line.account,
    Department: line.department,
    Role: line.role,
    Person: line.person ?? "",
    Description: line.description,
    Agreement: line.agreement ?? "",
    Region: line.region ?? "=Region",
    Tier: line.tier ?? "=Tier",
    Qty: typeof line.quantity === "number" ? line.quantity : `=${PHASE_SETTING[line.quantity]}`,
    Unit: line.unit,
    Rate: `=CREW.UNITRATE(${unitArgs},${pinned})`,
    Subtotal: `=CREW.RATE(${args},HoursPerDay,${pinned})`,
    Fringe: `=CREW.FRINGE(${args},${wagesToDate},HoursPerDay,${pinned})`,
    Total: `=${c("Subtotal")}+${c("Fringe")}`,
    Basis: `=CREW.BASIS(${unitArgs},${pinned})`,
  };
  return COLUMNS.map((name) => cells[name]);
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

/** The totals row under `lastLineRow`. */
export function totalsRow(lastLineRow: number): CellContent[] {
  const sum = (name: Column) =>
    lastLineRow < FIRST_LINE_ROW
      ? 0
      : `=SUM(${col(name)}${FIRST_LINE_ROW}:${col(name)}${lastLineRow})`;
  return COLUMNS.map((name) =>
    name === "Account"
      ? "Total"
      : name === "Subtotal" || name === "Fringe" || name === "Total"
        ? sum(name)
        : "",
  );
}

/** The settings sheet's cells: header row, then label, value, note per setting. */
export function settingsRows(): CellContent[][] {
  return [["Setting", "Value", "What it does"], ...SETTINGS.map((s) => [s.label, s.value, s.note])];
}

/** Topsheet: one row per department present in the budget, with SUMIFs over the budget sheet. */
export function topsheetRows(
  departments: readonly { name: string; account: string }[],
): CellContent[][] {
  const budget = (name: Column) => `${BUDGET_SHEET}!$${col(name)}:$${col(name)}`;
  const rows: CellContent[][] = [["Account", "Department", "Labor", "Fringe", "Total"]];
  departments.forEach((d, i) => {
    const r = i + 2;
    rows.push([
      d.account,
      d.name,
      `=SUMIF(${budget("Department")},B${r},${budget("Subtotal")})`,
      `=SUMIF(${budget("Department")},B${r},${budget("Fringe")})`,
      `=C${r}+D${r}`,
    ]);
  });
  const last = departments.length + 1;
  rows.push(["", "Total", `=SUM(C2:C${last})`, `=SUM(D2:D${last})`, `=SUM(E2:E${last})`]);
  return rows;
}

/** Checks a line before anything is written: a whole insert lands or none of it does. */
export function validateLine(line: CrewLineInput): string | undefined {
  if (!line.role.trim()) return "A crew line needs a role.";
  if (typeof line.quantity === "number" && !(line.quantity >= 0 && line.quantity <= 10_000)) {
    return `Quantity for ${line.role} must be between 0 and 10,000.`;
  }
  return undefined;
}

/** The sheets "Share as values" copies, and the names of their copies (CrewRate's own sheets). */
export const SHARED_SHEETS = [
  { source: BUDGET_SHEET, copy: `${BUDGET_SHEET} (values)` },
  { source: TOPSHEET_SHEET, copy: `${TOPSHEET_SHEET} (values)` },
] as const;

/** The note a values copy carries in row 2, where the budget's own note was. No date: deterministic. */
export function valuesNote(settings: { cardVersion: string; budgetDate: string }): string {
  return `Values from CrewRate rate card ${settings.cardVersion}, budget date ${settings.budgetDate}, shared — no add-in needed to read it.`;
}

/**
 * What a cell's formula becomes in a values copy: "keep" it (plain arithmetic over the copy's own
 * cells, or the budget table's structured references, copied with the sheet), replace it by its
 * current "value" (any CREW formula, and anything that reads another sheet: a sheet reference, a
 * workbook name such as =ShootWeeks, another table), or a `formula` whose references to the Budget
 * sheet now point at its values copy (the topsheet's SUMIFs).
 */
export type ShareCell = "keep" | "value" | { formula: string };

const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z_\\][\w.\\]*))!/g;
const IDENTIFIER = /[A-Za-z_\\][\w.\\]*/g;
/** Stands in for a structured reference's brackets once their contents are dropped. */
const TABLE_MARK = "\u0001";

export function shareCell(formula: string): ShareCell {
  if (!formula.startsWith("=")) return "keep";
  if (/CREW\./i.test(formula)) return "value";
  const budgetCopy = SHARED_SHEETS[0].copy;
  let otherSheet = false;
  let pointsAtBudget = false;
  // Odd parts are string literals ("..." with "" inside), left as they are.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const code = parts.filter((_, i) => i % 2 === 0);
  const rewritten = parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(SHEET_REF, (ref, quoted?: string, bare?: string) => {
            const sheet = (quoted ?? bare ?? "").replace(/''/g, "'");
            if (sheet.toLowerCase() !== BUDGET_SHEET.toLowerCase()) {
              otherSheet = true;
              return ref;
            }
            pointsAtBudget = true;
            return `'${budgetCopy}'!`;
          }),
    )
    .join("");
  if (otherSheet) return "value";

  let text = code.join(" ").replace(SHEET_REF, " ").replace(/\$/g, "");
  for (let before = ""; before !== text;) {
    before = text;
    text = text.replace(/\[[^[\]]*\]/g, TABLE_MARK);
  }
  for (const match of text.matchAll(IDENTIFIER)) {
    const name = match[0];
    const start = match.index;
    const next = text.charAt(start + name.length);
    const previous = text.charAt(start - 1);
    if (/[\d.]/.test(previous)) continue; // an exponent (1E5), not a name
    const isFunction = next === "(";
    const isBudgetTable = next === TABLE_MARK && name.toLowerCase() === BUDGET_TABLE.toLowerCase();
    const isCell = /^[A-Z]{1,3}\d+$/i.test(name);
    const isColumn = /^[A-Z]{1,3}$/i.test(name) && (next === ":" || previous === ":");
    const isBoolean = /^(TRUE|FALSE)$/i.test(name);
    if (!(isFunction || isBudgetTable || isCell || isColumn || isBoolean)) return "value";
  }
  return pointsAtBudget ? { formula: rewritten } : "keep";
}

/**
 * The settings as the Settings sheet holds them (column B, one row per setting, in SETTINGS order),
 * checked: a problem names the cell, so the producer can fix it. Every port reads settings this way.
 * @param cells column B's values, as rows of one cell
 * @throws WorkbookError naming the cell that is empty or not a date or number
 */
export function settingsFromCells(cells: readonly (readonly unknown[])[]): BudgetSettings {
  const cell = (name: string): { spec: SettingSpec; value: unknown } => {
    const i = SETTINGS.findIndex((s) => s.name === name);
    const spec = SETTINGS[i];
    if (spec === undefined) throw new Error(`CrewRate invariant failed: no setting ${name}`);
    return { spec, value: cells[i]?.[0] };
  };
  return {
    budgetDate: dateSetting(cell("BudgetDate")),
    region: textSetting(cell("Region")),
    tier: textSetting(cell("Tier")),
    hoursPerDay: numberSetting(cell("HoursPerDay")),
    prepWeeks: numberSetting(cell("PrepWeeks")),
    shootWeeks: numberSetting(cell("ShootWeeks")),
    wrapWeeks: numberSetting(cell("WrapWeeks")),
    cardVersion: textSetting(cell("CardVersion")),
  };
}

function where(spec: SettingSpec): string {
  return `${SETTINGS_SHEET}!B${SETTINGS_FIRST_ROW + SETTINGS.indexOf(spec)} (${spec.label})`;
}

function dateSetting({ spec, value }: { spec: SettingSpec; value: unknown }): string {
  if (
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= 1 &&
    value <= LAST_EXCEL_SERIAL
  ) {
    return serialToIso(value);
  }
  if (typeof value === "string") {
    // Text typed into a text-formatted cell; a real calendar date only ("2026-02-30" is not).
    const text = value.trim();
    const serial = /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoToSerial(text) : NaN;
    if (Number.isFinite(serial) && serialToIso(serial) === text) return text;
  }
  throw new WorkbookError(
    `${where(spec)} must be a date (YYYY-MM-DD); it holds "${String(value)}".`,
  );
}

function textSetting({ spec, value }: { spec: SettingSpec; value: unknown }): string {
  const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  if (text === "") throw new WorkbookError(`${where(spec)} is empty.`);
  return text;
}

function numberSetting({ spec, value }: { spec: SettingSpec; value: unknown }): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new WorkbookError(
      `${where(spec)} must be a number of 0 or more; it holds "${String(value)}".`,
    );
  }
  return n;
}
