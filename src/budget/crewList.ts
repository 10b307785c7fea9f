/**
 * "Import a crew list": rows pasted from a crew list, deal memos or a Movie Magic export (or read
 * from a range) become crew lines. Host-neutral and pure: the pane shows the plan, the producer
 * fixes what did not match, and the port writes the lines, their negotiated rates (Rate Overrides)
 * and any new production roles in one write.
 */
import {
  dollarsToCents,
  formatUsd,
  readAmount,
  type AmountFault,
  type AmountRefusal,
  hireOf,
  isRateError,
  normalizeName,
  RateError,
  type MatchStep,
  type RateBasis,
  type RateEngine,
  type Role,
  type TableCell,
  type Unit,
  quoteInput,
} from "../engine";
import {
  crewLineFor,
  requestForLine,
  type CrewLineInput,
  type Phase,
  type ProductionRoleInput,
  type RateOverrideInput,
} from "./crewLine";
import { parseCsvRows } from "./csv";
import type { BudgetSettings } from "./settings";
import { MAX_SELECTION_COLUMNS, MAX_SELECTION_ROWS } from "./port";

/** Why one row of a pasted list cannot be imported as it is; the message says what to fix. */
export class ImportProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportProblem";
  }
}

/** The note an imported negotiated rate carries on the Rate Overrides sheet. */
export const IMPORT_NOTE = "From the imported crew list";

/** Longest list the pane imports at once (a feature's crew is a few hundred lines). */
export const MAX_IMPORT_ROWS = 1_000;

/** One row of the pasted list, as typed. */
export interface CrewListRow {
  /** 1-based line of the pasted text. */
  line: number;
  title: string;
  person: string;
  /** Undefined where the row gives none. */
  quantity: number | undefined;
  unit: string;
  /** Dollars per unit, where the row gives one. */
  rate: number | undefined;
  /** Why a cell of the row could not be read, if one could not. */
  problem?: string;
}

type Field = "title" | "person" | "quantity" | "unit" | "rate";

/** Headings a crew list uses for each column (compared without case, spaces or punctuation). */
const HEADINGS: Record<Field, readonly string[]> = {
  title: ["title", "position", "role", "job", "job title", "crew position", "description", "craft"],
  person: ["name", "person", "crew member", "employee", "crew", "who"],
  quantity: ["qty", "quantity", "amount", "amt", "#", "no", "count", "units of time", "time"],
  unit: ["unit", "units", "per", "unit of time"],
  rate: ["rate", "salary", "pay", "wage", "rate per unit", "deal", "negotiated rate"],
};

/** Without headings, columns are read in this order. */
const DEFAULT_ORDER: readonly Field[] = ["title", "person", "quantity", "unit", "rate"];

function headingField(cell: string): Field | undefined {
  const key = normalizeName(cell);
  if (key === "") return undefined;
  return (Object.keys(HEADINGS) as Field[]).find((field) =>
    HEADINGS[field].some((h) => normalizeName(h) === key),
  );
}

/**
 * A number as a crew list writes it, by the engine's one rule for amounts (`readAmount`): plain
 * digits, or US-formatted money ("$4,200.00", commas only in groups of three). Anything else (hex,
 * "1,2,3", a sign, words) is not a number.
 */
export function crewListNumber(text: string): number | undefined {
  const read = readAmount(text, { kind: "count" });
  return read.ok ? read.value : undefined;
}

/** Why a cell's amount is refused, naming the cell: "Rate '0x10' is not a number". */
function amountProblem(label: string, refusal: AmountRefusal): string {
  const syntax: readonly AmountFault[] = ["not-a-number", "notation", "digits", "grouping", "sign"];
  return syntax.includes(refusal.fault)
    ? `${label} ${quoteInput(refusal.typed)} is not a number`
    : `${label} ${quoteInput(refusal.typed)} ${refusal.reason}`;
}

/**
 * A rate the sheet's Rate Overrides or Production Roles would refuse for its unit (more than the
 * unit's ceiling), as the import's problem; rates are read by the same rule as the sheet's.
 * @throws ImportProblem naming the rate and the ceiling
 */
function checkRate(dollars: number, unit: Unit): void {
  const read = readAmount(dollars, { kind: "dollars", per: unit });
  if (!read.ok) throw new ImportProblem(`${amountProblem("Rate", read)}.`);
}

/**
 * The rows of a pasted list: tab-separated when copied from a spreadsheet, else comma-separated.
 * A first row of headings (Title, Name, Qty, Unit, Rate...) says which column is which; without
 * one the columns are title, person, quantity, unit, rate. Blank rows are skipped.
 */
export function parseCrewList(text: string): CrewListRow[] {
  const delimiter = text.includes("\t") ? "\t" : ",";
  const cells = parseCsvRows(text.replace(/\r\n?/g, "\n"), delimiter);
  const first = cells[0] ?? [];
  const headed = first.map(headingField);
  const hasHeadings = headed.includes("title");
  const columnOf = (field: Field): number =>
    hasHeadings ? headed.indexOf(field) : DEFAULT_ORDER.indexOf(field);
  const rows: CrewListRow[] = [];
  cells.forEach((row, i) => {
    if (hasHeadings && i === 0) return;
    if (row.every((c) => c.trim() === "")) return;
    const at = (field: Field): string => {
      const col = columnOf(field);
      return col < 0 ? "" : (row[col] ?? "").trim();
    };
    const problems: string[] = [];
    const number = (field: "quantity" | "rate", label: string): number | undefined => {
      const typed = at(field);
      if (typed === "") return undefined;
      // A rate is dollars (cents at most); a quantity may be any fraction of its unit.
      const read = readAmount(typed, { kind: field === "rate" ? "dollars" : "count" });
      if (read.ok) return read.value;
      problems.push(amountProblem(label, read));
      return undefined;
    };
    const quantity = number("quantity", "Quantity");
    const rate = number("rate", "Rate");
    rows.push({
      line: i + 1,
      title: at("title"),
      person: at("person"),
      quantity,
      unit: at("unit"),
      rate,
      ...(at("title") === "" ? { problem: "The row has no title." } : {}),
      ...(problems.length > 0 ? { problem: `${problems.join("; ")}.` } : {}),
    });
  });
  return rows;
}

/** One cell of a selection as the paste box shows it: numbers plain, blanks empty. */
function selectionCell(value: unknown): string {
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number"
        ? Number.isFinite(value)
          ? String(value)
          : ""
        : typeof value === "boolean"
          ? value
            ? "TRUE"
            : "FALSE"
          : "";
  // Quoted where the cell holds a delimiter, a line break or a quote, so it stays one cell.
  return /[\t\n\r",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Selected cells as the text parseCrewList reads, as if they had been copied and pasted: one line
 * per row, cells tab-separated, numbers as plain numbers.
 */
export function selectionText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(selectionCell).join("\t")).join("\n");
}

/**
 * Why a selection cannot be read as a crew list (nothing in it, or more than the import reads),
 * or undefined when it can. Every host's readSelection refuses with these words.
 */
export function selectionProblem(
  rows: readonly (readonly unknown[])[],
  address: string,
): string | undefined {
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const where = address === "" ? "" : ` (${address})`;
  if (rows.length > MAX_SELECTION_ROWS || width > MAX_SELECTION_COLUMNS) {
    return `The selection${where} is ${rows.length} rows × ${width} columns: select at most ${MAX_SELECTION_ROWS.toLocaleString("en-US")} rows × ${MAX_SELECTION_COLUMNS} columns (the crew list's title, name, quantity, unit and rate), then try again.`;
  }
  if (rows.every((row) => row.every((cell) => selectionCell(cell).trim() === ""))) {
    return `The selected cells${where} are empty: select the crew list's rows (title, and where present name, quantity, unit and rate), then try again.`;
  }
  return undefined;
}

/** How the producer settled a row that did not match, or overrode a match. */
export type RowChoice =
  | { kind: "role"; roleId: string }
  | { kind: "own-role"; role: ProductionRoleInput }
  | { kind: "skip" };

/** What happens to one row. */
export type PlannedRow =
  | {
      kind: "line";
      row: CrewListRow;
      role: Role;
      /** How the title was matched ("card title", "alias", "chosen from suggestions"...). */
      how: string;
      line: CrewLineInput;
      /** The card's rate for one unit, in cents, where it has one. */
      scaleCents: number | undefined;
      /** The negotiated rate the row brings, written to Rate Overrides. */
      override: RateOverrideInput | undefined;
      /** For a title that says "local hire": the agreement that makes it, and where. */
      hire?: LocalHire | undefined;
    }
  | { kind: "own-role"; row: CrewListRow; role: ProductionRoleInput; line: CrewLineInput }
  | { kind: "unmatched"; row: CrewListRow; suggestions: string[]; error: unknown }
  | { kind: "bad"; row: CrewListRow; error: unknown }
  | { kind: "skipped"; row: CrewListRow };

/**
 * What "local hire" on a title does to its line. A line is already priced on the agreement that
 * covers its role in its region (the Region setting), which is what a local hire is paid under:
 * on a Georgia shoot a "Key Grip - Local Hire" prices on the Area Standards Agreement, never on the
 * Los Angeles Basic Agreement. So the line keeps the customary agreement and the Region setting
 * (it follows the setting if the shoot moves), and the plan says which agreement that is.
 */
export interface LocalHire {
  /** The agreement the line prices on, as the card names it. */
  agreement: string;
  /** The region it is local to: the Region setting. */
  region: string;
  /** Why, in a sentence for the plan row. */
  note: string;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Everything to write, when every row is a line, a new role or skipped. */
  ready: boolean;
  lines: CrewLineInput[];
  overrides: RateOverrideInput[];
  roles: ProductionRoleInput[];
}

/** A title matched to a card role, and how; @throws RateError UNKNOWN_ROLE with suggestions */
export type TitleMatcher = (title: string) => {
  role: Role;
  how: string;
  /** What the title said beyond the role ("Local Hire", "2nd unit"): kept in the description. */
  qualifiers?: readonly string[];
};

const STEP_WORDS: Record<MatchStep, string> = {
  exact: "card title or alias",
  numbering: "numbering taken off",
  note: "note taken off",
  unit: "unit words taken off",
  qualifier: "hire words taken off",
  abbreviation: "abbreviation",
  typo: "spelling",
};

/**
 * The default matcher: the engine's reading of crew-list titles (numbering, notes, unit prefixes,
 * abbreviations), as CREW.RATE reads a title. A title placed only by forgiving a typo is not taken
 * on trust: it comes back unmatched, with that role as the first suggestion, for the producer to
 * confirm.
 */
export function cardMatcher(engine: RateEngine): TitleMatcher {
  return (title) => {
    const found = engine.matchTitle(title);
    if (!found.role || found.steps.includes("typo")) {
      const suggestions = found.role ? [found.role, ...found.suggestions] : found.suggestions;
      throw new RateError("UNKNOWN_ROLE", {
        input: title,
        suggestions: [...new Set(suggestions.map((r) => r.title))].slice(0, 3),
      });
    }
    const steps = found.steps.map((step) => STEP_WORDS[step]);
    const kept = found.qualifiers.length > 0 ? `; kept: ${found.qualifiers.join(", ")}` : "";
    return {
      role: found.role,
      how: `${[...new Set(steps)].join(", ")}${kept}`,
      qualifiers: found.qualifiers,
    };
  };
}

/** The unit a row names, or the role's own. @throws RateError BAD_UNIT */
function rowUnit(engine: RateEngine, role: Role, typed: string): Unit {
  if (typed === "") return role.unit;
  return engine.quote({ role: role.title, unit: typed, quantity: 1 }).unit;
}

interface Keyed {
  role: string;
  unit: Unit;
  amount: number;
}

/**
 * The lines a pasted list makes, row by row: its role (matched, chosen or added), quantity (a
 * weekly role with no quantity follows the shoot), unit, person, and a Rate Overrides line where
 * the row's rate differs from the card's. Two rates for one role and unit, or a rate that an
 * existing Rate Overrides line contradicts, are problems to fix (one override prices every line
 * of that role and unit). Nothing is written here.
 */
export function planImport(
  engine: RateEngine,
  rows: readonly CrewListRow[],
  settings: BudgetSettings,
  options: {
    match?: TitleMatcher;
    choices?: ReadonlyMap<number, RowChoice>;
    /** The workbook's Rate Overrides lines as read. */
    existingOverrides?: readonly (readonly TableCell[])[];
  } = {},
): ImportPlan {
  const match = options.match ?? cardMatcher(engine);
  const existing = existingOverrideAmounts(engine, options.existingOverrides ?? []);
  const planned: PlannedRow[] = [];
  const chosenRates = new Map<string, Keyed & { line: number }>();

  for (const row of rows.slice(0, MAX_IMPORT_ROWS)) {
    const choice = options.choices?.get(row.line);
    if (choice?.kind === "skip") {
      planned.push({ kind: "skipped", row });
      continue;
    }
    if (row.problem) {
      planned.push({
        kind: "bad",
        row,
        error: new ImportProblem(row.problem),
      });
      continue;
    }
    if (choice?.kind === "own-role") {
      try {
        checkRate(choice.role.rate, choice.role.unit);
      } catch (error) {
        planned.push({ kind: "bad", row, error });
        continue;
      }
      const quantity: number | Phase = row.quantity ?? (choice.role.unit === "week" ? "shoot" : 1);
      planned.push({
        kind: "own-role",
        row,
        role: choice.role,
        line: {
          account: choice.role.account,
          department:
            engine.card.departments.find((d) => d.id === choice.role.department)?.name ??
            choice.role.department,
          role: choice.role.title,
          person: row.person || undefined,
          description: choice.role.title,
          quantity,
          unit: choice.role.unit,
        },
      });
      continue;
    }
    let role: Role;
    let how: string;
    let qualifiers: readonly string[] = [];
    try {
      if (choice?.kind === "role") {
        role = engine.findRole(choice.roleId);
        how = "chosen by you";
      } else {
        ({ role, how, qualifiers = [] } = match(row.title));
      }
    } catch (error) {
      const suggestions = isRateError(error) ? (error.details.suggestions ?? []) : [];
      planned.push({ kind: "unmatched", row, suggestions: [...suggestions], error });
      continue;
    }
    try {
      const unit = rowUnit(engine, role, row.unit);
      if (row.rate !== undefined) checkRate(row.rate, unit);
      const quantity: number | Phase = row.quantity ?? (unit === "week" ? "shoot" : 1);
      // What the title said beyond the role stays on the line, in its description.
      const note = qualifiers.length > 0 ? qualifiers.join(", ") : undefined;
      const line = crewLineFor(engine, role, { quantity, unit, person: row.person, note });
      const scaleCents = scaleRate(engine, role, unit, settings);
      let override: RateOverrideInput | undefined;
      if (row.rate !== undefined && dollarsToCents(row.rate) !== scaleCents) {
        const key = `${role.id} ${unit}`;
        const earlier = chosenRates.get(key);
        const onSheet = existing.get(key);
        if (earlier && earlier.amount !== row.rate) {
          throw new ImportProblem(
            `Line ${earlier.line} gives ${role.title} ${formatUsd(dollarsToCents(earlier.amount))} per ${unit} and this line ${formatUsd(dollarsToCents(row.rate))}: Rate Overrides hold one rate per role and unit, so pick one (or import the other as this production's own role).`,
          );
        }
        if (onSheet !== undefined && onSheet.amount !== row.rate) {
          throw new ImportProblem(
            `Rate Overrides line ${onSheet.line} already pays ${role.title} ${formatUsd(dollarsToCents(onSheet.amount))} per ${unit}; change that line or this rate.`,
          );
        }
        if (!earlier && onSheet === undefined) {
          override = { role: role.title, agreement: "", unit, amount: row.rate, note: IMPORT_NOTE };
          chosenRates.set(key, { role: role.title, unit, amount: row.rate, line: row.line });
        }
      }
      const hire =
        hireOf(qualifiers) === "local" ? localHire(engine, role, unit, settings) : undefined;
      const said = hire ? `${how}; local hire: ${hire.agreement} (${hire.region})` : how;
      planned.push({ kind: "line", row, role, how: said, line, scaleCents, override, hire });
    } catch (error) {
      planned.push({ kind: "bad", row, error });
    }
  }
  for (const row of rows.slice(MAX_IMPORT_ROWS)) {
    planned.push({
      kind: "bad",
      row,
      error: new ImportProblem(
        `An import takes up to ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows at once: paste the rest separately.`,
      ),
    });
  }

  const ready =
    planned.length > 0 &&
    planned.every((p) => p.kind === "line" || p.kind === "own-role" || p.kind === "skipped") &&
    planned.some((p) => p.kind !== "skipped");
  return {
    rows: planned,
    ready,
    lines: planned.flatMap((p) => (p.kind === "line" || p.kind === "own-role" ? [p.line] : [])),
    overrides: planned.flatMap((p) => (p.kind === "line" && p.override ? [p.override] : [])),
    roles: planned.flatMap((p) => (p.kind === "own-role" ? [p.role] : [])),
  };
}

/** The agreement a local hire of a role is priced on at the workbook's settings, and why. */
function localHire(
  engine: RateEngine,
  role: Role,
  unit: Unit,
  settings: BudgetSettings,
): LocalHire {
  const request = requestForLine({ role: role.title, quantity: 1, unit }, settings);
  const region = engine.findRegion(settings.region).name;
  let basis: RateBasis | undefined;
  try {
    basis = engine.quote(request).basis;
  } catch (error) {
    if (!isRateError(error)) throw error;
  }
  const agreement = basis?.agreement ?? engine.defaultAgreement(request);
  const where = `${role.title} in ${region}`;
  let note: string;
  if (agreement.id === "non-union") {
    const why = basis?.kind === "estimate" ? basis.nonUnionReason : undefined;
    note = `Local hire: no union scale on the card covers ${where}${why ? ` (${why})` : ""}, so it is priced non-union, like any line there.`;
  } else if (basis && basis.kind !== "override" && basis.book.regions.includes("*")) {
    note = `Local hire: the ${agreement.name} covers ${role.title} in every region, so hiring locally changes nothing.`;
  } else {
    note = `Local hire: priced on the ${agreement.name}, the agreement that covers ${where} (the Region setting), as a line without the note is.`;
  }
  return { agreement: agreement.name, region, note };
}

/** The card's rate for one unit of a role at the workbook's settings; undefined where it has none. */
function scaleRate(
  engine: RateEngine,
  role: Role,
  unit: Unit,
  settings: BudgetSettings,
): number | undefined {
  try {
    return engine.quote(requestForLine({ role: role.title, quantity: 1, unit }, settings))
      .unitRateCents;
  } catch (error) {
    if (isRateError(error)) return undefined;
    throw error;
  }
}

/** The workbook's existing Rate Overrides, by role id and unit (lines naming no agreement). */
function existingOverrideAmounts(
  engine: RateEngine,
  rows: readonly (readonly TableCell[])[],
): Map<string, { amount: number; line: number }> {
  const found = new Map<string, { amount: number; line: number }>();
  rows.forEach((row, i) => {
    const [role, agreement, unit, amount] = row;
    if (typeof role !== "string" || role.trim() === "" || typeof amount !== "number") return;
    if (typeof agreement === "string" && agreement.trim() !== "") return;
    try {
      const r = engine.findRole(role);
      const u = rowUnit(engine, r, typeof unit === "string" ? unit : "");
      found.set(`${r.id} ${u}`, { amount, line: i + 1 });
    } catch (error) {
      // A line the sheet itself reports as bad: the tables' own check names it.
      if (!isRateError(error)) throw error;
    }
  });
  return found;
}
