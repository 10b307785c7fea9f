/**
 * The Settings sheet: the workbook-wide choices every crew line reads through a workbook name
 * (=Region, =ShootWeeks), their defaults, and how their cells are read back and checked.
 */
import { engine, rateCard } from "../data";
import {
  DEFAULT_HEALTH_CONTRIBUTION,
  DEFAULT_HOURS_PER_DAY,
  isoToSerial,
  isRateError,
  LAST_EXCEL_SERIAL,
  MAX_BUDGET_DOLLARS,
  orList,
  quoteInput,
  serialToIso,
  type HealthContribution,
} from "../engine";
import { WorkbookError } from "./errors";
import {
  LAYOUT_VERSION,
  OVERRIDES_SHEET,
  ROLES_SHEET,
  SETTINGS_SHEET,
  tableRange,
  type CellContent,
} from "./layout";

/** The workbook-wide settings, as the settings sheet holds them. */
export interface BudgetSettings {
  budgetDate: string;
  region: string;
  tier: string;
  hoursPerDay: number;
  prepWeeks: number;
  shootWeeks: number;
  wrapWeeks: number;
  cardVersion: string;
  /** Contingency as a share of the crew total (0.1 for 10%). */
  contingency: number;
  /** The workbook layout the budget was built with (LAYOUT_VERSION for a current one). */
  layoutVersion: number;
  /** The production's total budget in dollars, for the LBT tier it falls in; undefined when not set. */
  totalBudget?: number | undefined;
  /**
   * The producer's MPI health contribution level for IATSE Basic Agreement lines: independent
   * (the default, also for a budget from before the setting existed) or contributor.
   */
  healthContribution: HealthContribution;
  /** Which accounts the topsheet shows: only those with crew lines (the default), or all of them. */
  topsheetAccounts: TopsheetAccounts;
}

/** The Topsheet accounts setting: "with lines" hides the rows of accounts no crew line rolls up to. */
export type TopsheetAccounts = "with lines" | "all";
export const DEFAULT_TOPSHEET_ACCOUNTS: TopsheetAccounts = "with lines";

/** The settings' workbook names, in sheet order (Settings!B2 down). Workbooks store them. */
export const SETTING_NAMES = [
  "BudgetDate",
  "Region",
  "Tier",
  "HoursPerDay",
  "PrepWeeks",
  "ShootWeeks",
  "WrapWeeks",
  "CardVersion",
  "ProductionTables",
  "Contingency",
  "LayoutVersion",
  "TotalBudget",
  "HealthContribution",
  "TopsheetAccounts",
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** A named setting: its workbook name, the label shown beside it, and its default. */
export interface SettingSpec {
  name: SettingName;
  label: string;
  value: string | number;
  note: string;
  /**
   * The values a dropdown in the cell offers, in the card's words. Only a help to typing: the
   * cell still takes what the setting reads (an alias such as "LA", "All accounts"), and the
   * reader says what is wrong with anything else.
   */
  choices?: readonly string[];
}

/** The card's regions and tiers, as the Region and Budget tier cells offer them. */
const REGION_NAMES = rateCard.meta.regions.map((r) => r.name);
const TIER_NAMES = rateCard.meta.tiers.map((t) => t.name);

const SPECS: Record<SettingName, Omit<SettingSpec, "name">> = {
  BudgetDate: {
    label: "Budget date",
    value: rateCard.meta.defaultDate,
    note: "Picks the scale period in force (YYYY-MM-DD).",
  },
  Region: {
    label: "Region",
    value: "Los Angeles",
    note: `${orList(REGION_NAMES)}.`,
    choices: REGION_NAMES,
  },
  Tier: {
    label: "Budget tier",
    value: "Studio",
    note: `${orList(TIER_NAMES)}.`,
    choices: TIER_NAMES,
  },
  HoursPerDay: {
    label: "Hours per day",
    value: DEFAULT_HOURS_PER_DAY,
    note: `Hours worked a shoot day; overtime beyond a scale's guarantee is added. A CREW formula without its own hours assumes ${DEFAULT_HOURS_PER_DAY}, like this default.`,
  },
  PrepWeeks: { label: "Prep weeks", value: 4, note: "Lines budgeted for prep use this." },
  ShootWeeks: { label: "Shoot weeks", value: 8, note: "Lines budgeted for the shoot use this." },
  WrapWeeks: { label: "Wrap weeks", value: 2, note: "Lines budgeted for wrap use this." },
  CardVersion: {
    label: "Rate card version",
    // Stored as text ("2026.10" is not 2026.1): Excel formats the cell as text, the preview
    // writes it with a leading apostrophe.
    value: rateCard.meta.version,
    note: "The CrewRate rate card this budget was built with; formulas use its figures until you change it.",
  },
  ProductionTables: {
    // Every crew line passes this cell, so editing either table recalculates the budget.
    label: "Production tables",
    value: `=CREW.TABLES(${tableRange(OVERRIDES_SHEET)},${tableRange(ROLES_SHEET)})`,
    note: "Made from the Rate Overrides and Production Roles sheets; every crew line reads it. Shows an error naming the line if a table row needs fixing.",
  },
  Contingency: {
    label: "Contingency",
    value: 0.1,
    note: "The topsheet's contingency, as a share of the crew total (10% is customary; blank is none).",
  },
  LayoutVersion: {
    label: "Layout version",
    value: LAYOUT_VERSION,
    note: "The CrewRate workbook layout these sheets follow; the pane brings older budgets up to date.",
  },
  TotalBudget: {
    label: "Production budget",
    value: "",
    note: "The production's total budget in dollars (above and below the line, less the completion bond and up to 10% contingency), for the Low Budget Theatrical tier it falls in: =CREW.TIER(TotalBudget). The pane warns when Budget tier disagrees with it. Blank: not set.",
  },
  HealthContribution: {
    label: "Health contribution",
    value: DEFAULT_HEALTH_CONTRIBUTION,
    choices: ["independent", "contributor"],
    note: 'What the production pays the MPI Health Plan on IATSE Basic Agreement lines. independent (the default): a producer that is not a "$15 Million Contributor" pays the premium rate (Basic Agreement Art. XII(b)(2): $11.913 an hour from 8/3/2025, $12.773 from 8/2/2026) and 86 cents an hour to the Retired Employees Fund (30 cents + the 56-cent add-on of the 2024 MOA item 3(a)(iii)). contributor: a $15M contributor (a producer the MPI Plans recognize as one, or an affiliate of it) pays the basic rate ($7.553, then $8.003) and 30 cents. Blank: independent.',
  },
  TopsheetAccounts: {
    label: "Topsheet accounts",
    value: DEFAULT_TOPSHEET_ACCOUNTS,
    choices: ["with lines", "all"],
    note: "with lines (the default): the topsheet shows only the accounts that have crew lines, and hides the rows of the others (their totals are still counted: they are $0). all: every account of the chart. Blank: with lines.",
  },
};

/** Settings live in Settings!B2 down (one row each, SETTING_NAMES order), labels in column A, notes in column C. */
export const SETTINGS: readonly SettingSpec[] = SETTING_NAMES.map((name) => ({
  name,
  ...SPECS[name],
}));

/** Row of the first setting on the settings sheet (1-based); row 1 holds headers. */
export const SETTINGS_FIRST_ROW = 2;

/** The 1-based sheet row of a setting. */
export function settingRow(name: SettingName): number {
  return SETTINGS_FIRST_ROW + SETTING_NAMES.indexOf(name);
}

/** The setting's absolute address: "Settings!$B$2". */
export function settingAddress(name: SettingName): string {
  return `${SETTINGS_SHEET}!$B$${settingRow(name)}`;
}

/** A setting's default value. */
export function defaultSetting(name: SettingName): string | number {
  return SPECS[name].value;
}

/** The settings a new budget workbook starts with. */
export function defaultSettings(): BudgetSettings {
  const text = (name: SettingName) => String(SPECS[name].value);
  const number = (name: SettingName) => Number(SPECS[name].value);
  return {
    budgetDate: text("BudgetDate"),
    region: text("Region"),
    tier: text("Tier"),
    hoursPerDay: number("HoursPerDay"),
    prepWeeks: number("PrepWeeks"),
    shootWeeks: number("ShootWeeks"),
    wrapWeeks: number("WrapWeeks"),
    cardVersion: text("CardVersion"),
    contingency: number("Contingency"),
    layoutVersion: number("LayoutVersion"),
    totalBudget: undefined,
    healthContribution: DEFAULT_HEALTH_CONTRIBUTION,
    topsheetAccounts: DEFAULT_TOPSHEET_ACCOUNTS,
  };
}

/** The settings sheet's cells: header row, then label, value, note per setting. */
export function settingsRows(): CellContent[][] {
  return [["Setting", "Value", "What it does"], ...SETTINGS.map((s) => [s.label, s.value, s.note])];
}

/**
 * The settings as the Settings sheet holds them (column B, one row per setting, in SETTINGS order),
 * checked: a problem names the cell, so the producer can fix it. Every port reads settings this way.
 * @param cells column B's values, as rows of one cell
 * @throws WorkbookError naming the cell that is empty or not a date or number
 */
export function settingsFromCells(cells: readonly (readonly unknown[])[]): BudgetSettings {
  const cell = (name: SettingName): SettingCell => ({
    name,
    value: cells[SETTING_NAMES.indexOf(name)]?.[0],
  });
  return {
    budgetDate: dateSetting(cell("BudgetDate")),
    region: textSetting(cell("Region")),
    tier: textSetting(cell("Tier")),
    hoursPerDay: numberSetting(cell("HoursPerDay")),
    prepWeeks: numberSetting(cell("PrepWeeks")),
    shootWeeks: numberSetting(cell("ShootWeeks")),
    wrapWeeks: numberSetting(cell("WrapWeeks")),
    cardVersion: textSetting(cell("CardVersion")),
    contingency: shareSetting(cell("Contingency")),
    // A budget from before the layout had a version: layout 1.
    layoutVersion: isBlank(cell("LayoutVersion").value) ? 1 : numberSetting(cell("LayoutVersion")),
    // Blank (or a budget from before the setting existed): not set.
    totalBudget: isBlank(cell("TotalBudget").value)
      ? undefined
      : dollarSetting(cell("TotalBudget")),
    // Blank (or a budget from before the setting existed): what an independent producer pays.
    healthContribution: isBlank(cell("HealthContribution").value)
      ? DEFAULT_HEALTH_CONTRIBUTION
      : healthContributionSetting(cell("HealthContribution")),
    // Blank (or a budget from before the setting existed): only the accounts with lines.
    topsheetAccounts: topsheetAccountsSetting(cell("TopsheetAccounts")),
  };
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/** A share such as contingency: 0.1 (or "10%"); blank is none. */
function shareSetting({ name, value }: SettingCell): number {
  if (isBlank(value)) return 0;
  const text = typeof value === "string" ? value.trim() : "";
  const n =
    typeof value === "number"
      ? value
      : text.endsWith("%")
        ? Number(text.slice(0, -1)) / 100
        : Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new WorkbookError(
      `${where(name)} must be a percentage from 0% to 100% (0.1 is 10%); it holds ${quoteInput(String(value))}.`,
    );
  }
  return n;
}

/** A health contribution level as typed: "independent", "contributor", "$15M contributor"... */
function healthContributionSetting({ name, value }: SettingCell): HealthContribution {
  const text = typeof value === "string" ? value.trim() : "";
  try {
    return engine.findHealthContribution(text);
  } catch (e) {
    if (!isRateError(e)) throw e;
    throw new WorkbookError(
      `${where(name)} must be independent (a producer that is not a $15M contributor) or contributor (a "$15 Million Contributor"); it holds ${quoteInput(String(value))}.`,
      { cause: e },
    );
  }
}

/**
 * The Topsheet accounts setting's cell as typed ("with lines", "All accounts"; case, spaces and an
 * "accounts" do not matter; blank is the default), or undefined for anything else.
 */
export function topsheetAccountsOf(value: unknown): TopsheetAccounts | undefined {
  if (isBlank(value)) return DEFAULT_TOPSHEET_ACCOUNTS;
  const text = typeof value === "string" ? value.trim().toLowerCase().replace(/\s+/g, " ") : "";
  if (["with lines", "accounts with lines", "lines"].includes(text)) return "with lines";
  if (["all", "all accounts"].includes(text)) return "all";
  return undefined;
}

function topsheetAccountsSetting({ name, value }: SettingCell): TopsheetAccounts {
  const read = topsheetAccountsOf(value);
  if (read) return read;
  throw new WorkbookError(
    `${where(name)} must be with lines (only the accounts that have crew lines) or all (every account of the chart); it holds ${quoteInput(String(value))}.`,
  );
}

/** An amount of dollars: 7500000, or as typed in a text cell ("$7,500,000", "7.5M"). */
function dollarSetting({ name, value }: SettingCell): number {
  const n = typeof value === "number" ? value : dollarsFromText(String(value));
  if (!Number.isFinite(n) || n < 0 || n > MAX_BUDGET_DOLLARS) {
    throw new WorkbookError(
      `${where(name)} must be an amount of dollars, such as 7500000; it holds ${quoteInput(String(value))}.`,
    );
  }
  return n;
}

/** "$7,500,000" → 7500000, "7.5M" → 7500000, "750k" → 750000; NaN for anything else. */
function dollarsFromText(text: string): number {
  const m = /^\$?\s*([\d,]*\.?\d+)\s*([km])?$/i.exec(text.trim());
  if (!m?.[1]) return NaN;
  const digits = m[1].replace(/,/g, "");
  const scale = m[2]?.toLowerCase() === "m" ? 1_000_000 : m[2]?.toLowerCase() === "k" ? 1_000 : 1;
  return Number(digits) * scale;
}

interface SettingCell {
  name: SettingName;
  value: unknown;
}

function where(name: SettingName): string {
  return `${SETTINGS_SHEET}!B${settingRow(name)} (${SPECS[name].label})`;
}

function dateSetting({ name, value }: SettingCell): string {
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
    `${where(name)} must be a date (YYYY-MM-DD); it holds ${quoteInput(String(value))}.`,
  );
}

function textSetting({ name, value }: SettingCell): string {
  const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  if (text === "") throw new WorkbookError(`${where(name)} is empty.`);
  return text;
}

function numberSetting({ name, value }: SettingCell): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new WorkbookError(
      `${where(name)} must be a number of 0 or more; it holds ${quoteInput(String(value))}.`,
    );
  }
  return n;
}
