/**
 * What each CREW function computes, host-neutral: Excel (functions.ts) and HyperFormula
 * (hyperformula.ts) adapt these to their own error and array types, so what the tests evaluate is
 * what Excel runs.
 */
import {
  centsToDollars,
  describeFringeRate,
  formatUsd,
  RateError,
  type QuoteRequest,
  productionToken,
  type Quote,
  type RateEngine,
  type Role,
  type TableCell,
} from "../engine";
import {
  ArgumentError,
  broadcastShape,
  optionalDate,
  optionalNumber,
  optionalText,
  OUTSIDE,
  requiredText,
  valueAt,
  type CellArg,
  type CellInput,
} from "./args";
import { cellFailure, toExcelError, type CellFailure } from "./toExcelError";

export type CellOutput = number | string | CellFailure;

/** Excel's longest cell text. */
const MAX_CELL_TEXT = 32_767;

/** A table argument as rows; a single cell is a one-cell table. */
function rowsOf(arg: CellArg): TableCell[][] {
  if (typeof arg === "object" && arg !== null) return arg.map((row) => [...row]);
  return [[arg]];
}
export type CellResult = CellOutput | CellOutput[][];

/** Runs a scalar function over single values or, Excel-style, element-wise over ranges. */
function lift(args: readonly CellArg[], fn: (values: CellInput[]) => CellOutput): CellResult {
  const shape = broadcastShape(args);
  const at = (row: number, col: number): CellOutput => {
    const values: CellInput[] = [];
    for (const arg of args) {
      const v = valueAt(arg, row, col);
      if (v === OUTSIDE) return cellFailure("#N/A", "The ranges given are not the same size.");
      values.push(v);
    }
    try {
      return fn(values);
    } catch (e) {
      return toExcelError(e instanceof ArgumentError ? e.failure : e);
    }
  };
  if (!shape) return at(0, 0);
  const out: CellOutput[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: CellOutput[] = [];
    for (let c = 0; c < shape.cols; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

/** Whole-result functions (spills): a failure anywhere becomes the function's one error. */
function guard(fn: () => CellOutput[][]): CellResult {
  try {
    return fn();
  } catch (e) {
    return toExcelError(e instanceof ArgumentError ? e.failure : e);
  }
}

/** The arguments RATE, FRINGE, TOTAL and EXPLAIN share, in their order. */
function quoteRequest(v: readonly CellInput[], wagesIndex?: number, hoursIndex = 7): QuoteRequest {
  return {
    role: requiredText(v[0], "Role"),
    quantity: optionalNumber(v[1], "Quantity"),
    unit: optionalText(v[2], "Unit"),
    agreement: optionalText(v[3], "Agreement"),
    region: optionalText(v[4], "Region"),
    tier: optionalText(v[5], "Tier"),
    date: optionalDate(v[6], "Date"),
    hoursPerDay: optionalNumber(v[hoursIndex], "Hours per day"),
    wagesToDate:
      wagesIndex === undefined ? undefined : optionalNumber(v[wagesIndex], "Wages to date"),
  };
}

export const INFO_FIELDS = [
  "title",
  "department",
  "account",
  "description",
  "responsibilities",
  "skills",
  "agreements",
  "source",
  "aliases",
  "unit",
  "id",
] as const;
export type InfoField = (typeof INFO_FIELDS)[number];

/** The CREW functions over one engine. Arguments are cells or ranges as the host passes them. */
export function createCrewFunctions(engine: RateEngine) {
  /**
   * The engine for a workbook: its pinned card version (blank: this add-in's card) with its
   * production tables cell (blank: none).
   */
  function at(version: CellInput, production?: CellInput): RateEngine {
    return engine
      .forVersion(optionalText(version, "Card version"))
      .withProductionToken(optionalText(production, "Production tables"));
  }

  /** "Published", "Estimate", or where the workbook's rate comes from. */
  function basisLabel(q: Quote): string {
    const { basis } = q;
    if (basis.kind === "override") {
      return basis.table === "Production Roles"
        ? `Production role (Production Roles line ${basis.line})`
        : `Override (Rate Overrides line ${basis.line})`;
    }
    // Short enough for a budget column; EXPLAIN and the pane give the book and page.
    if (basis.kind === "published") return `Published (${basis.agreement.name})`;
    return basis.agreement.id === "non-union"
      ? "Estimate (non-union)"
      : `Estimate (${basis.agreement.name}, derived)`;
  }

  function agreementsOf(role: Role): string[] {
    const names: string[] = [];
    for (const ref of role.scales) {
      const book = engine.card.scales.find((b) => b.id === ref.agreement);
      const agreement = book && engine.card.meta.agreements.find((a) => a.id === book.agreement);
      if (agreement && !names.includes(agreement.name)) names.push(agreement.name);
    }
    if (role.production) {
      const own = engine.card.meta.agreements.find((a) => a.id === role.production.agreement);
      names.push(`${own?.name ?? role.production.agreement} (this production's rate)`);
    } else {
      names.push("Non-union (estimate)");
    }
    return names;
  }

  function sourcesOf(role: Role): string[] {
    const out: string[] = [];
    for (const ref of role.scales) {
      const book = engine.card.scales.find((b) => b.id === ref.agreement);
      const title = book?.classifications.find((c) => c.code === ref.code)?.title;
      if (book) out.push(`${book.source.title}: ${title ?? ref.code} (${ref.code})`);
    }
    if (role.production) {
      out.push(
        `This production's own role: Production Roles table in this workbook, line ${role.production.line}`,
      );
    } else {
      out.push(`Non-union: estimate. ${role.estimate.note}`);
    }
    return out;
  }

  function info(role: Role, field: InfoField): string {
    switch (field) {
      case "title":
        return role.title;
      case "department":
        return engine.findDepartment(role.department).name;
      case "account":
        return role.account;
      case "description":
        return role.description;
      case "responsibilities":
        return role.responsibilities.join("; ");
      case "skills":
        return role.skills.join("; ");
      case "agreements":
        return agreementsOf(role).join("; ");
      case "source":
        return sourcesOf(role).join(" | ");
      case "aliases":
        return role.aliases.join("; ");
      case "unit":
        return role.unit;
      case "id":
        return role.id;
    }
  }

  function parseField(text: string): InfoField {
    const key = text.toLowerCase().replace(/[^a-z]/g, "");
    const found = INFO_FIELDS.find((f) => f === key || `${f}s` === key || f === `${key}s`);
    if (found) return found;
    throw new RateError("UNKNOWN_FIELD", {
      input: text,
      suggestions: INFO_FIELDS.filter((f) => f.startsWith(key.slice(0, 2))).slice(0, 3),
    });
  }

  return {
    /** Labor cost before fringes; argument 8 is hours per day, 9 card version, 10 production tables. */
    rate: (...args: CellArg[]): CellResult =>
      lift(args, (v) => centsToDollars(at(v[8], v[9]).quoteFast(quoteRequest(v)).subtotalCents)),

    /** Fringe for the labor; argument 8 is wages to date, 9 hours per day, 10 card version, 11 tables. */
    fringe: (...args: CellArg[]): CellResult =>
      lift(args, (v) =>
        centsToDollars(at(v[9], v[10]).quoteFast(quoteRequest(v, 7, 8)).fringeCents),
      ),

    /** Labor plus fringe; arguments as FRINGE. */
    total: (...args: CellArg[]): CellResult =>
      lift(args, (v) =>
        centsToDollars(at(v[9], v[10]).quoteFast(quoteRequest(v, 7, 8)).totalCents),
      ),

    /** The rate for one unit: (role, unit, agreement, region, tier, date, hoursPerDay, cardVersion, tables). */
    unitRate: (...args: CellArg[]): CellResult =>
      lift(args, (v) =>
        centsToDollars(
          at(v[7], v[8]).quoteFast(quoteRequest([v[0], 1, v[1], v[2], v[3], v[4], v[5], v[6]]))
            .unitRateCents,
        ),
      ),

    /** Where a line's rate comes from; arguments as UNITRATE. */
    basis: (...args: CellArg[]): CellResult =>
      lift(args, (v) =>
        basisLabel(
          at(v[7], v[8]).quoteFast(quoteRequest([v[0], 1, v[1], v[2], v[3], v[4], v[5], v[6]])),
        ),
      ),

    /** A field of the role's entry; argument 3 is the production tables (for the production's roles). */
    info: (...args: CellArg[]): CellResult =>
      lift(args, (v) =>
        info(
          at(undefined, v[2]).findRole(requiredText(v[0], "Role")),
          parseField(requiredText(v[1], "Field")),
        ),
      ),

    /**
     * The production tables cell: the Rate Overrides and Production Roles rows as one text that
     * crew lines pass on. Checks every row, so a bad one shows here with its line and the fix.
     */
    tables: (overrides: CellArg, roles: CellArg): CellResult => {
      try {
        const token = productionToken({ overrides: rowsOf(overrides), roles: rowsOf(roles) });
        engine.withProductionToken(token);
        if (token.length > MAX_CELL_TEXT) {
          return cellFailure(
            "#VALUE!",
            `The production tables are too long for one cell (${token.length} of ${MAX_CELL_TEXT} characters): shorten notes and descriptions.`,
          );
        }
        return token;
      } catch (e) {
        return toExcelError(e);
      }
    },

    /** A column of role titles, optionally within a department and matching a search. */
    roles: (department: CellInput, search: CellInput, production?: CellInput): CellResult =>
      guard(() => {
        const dept = optionalText(department, "Department");
        const query = optionalText(search, "Search") ?? "";
        const found = at(undefined, production).search(
          query,
          dept === undefined ? {} : { department: dept },
        );
        if (found.length === 0) {
          throw new ArgumentError(cellFailure("#N/A", `No roles match '${query}'.`));
        }
        return found.map((r) => [r.title]);
      }),

    /** A two-column breakdown: base, each fringe with its rate and cap, total, sources. */
    explain: (...args: CellInput[]): CellResult =>
      guard(() => {
        const q = at(args[9], args[10]).quote(quoteRequest(args, 7, 8));
        const rows: CellOutput[][] = [
          ["Role", `${q.role.title} (${q.department.name}, ${q.role.account})`],
          ["Terms", `${q.agreement.name}, ${q.region.name}, ${q.tier.name}, ${q.date}`],
          [
            `Rate per ${q.unit}${q.basis.kind === "published" ? "" : ` (${q.basis.kind})`}`,
            centsToDollars(q.unitRateCents),
          ],
          ["Quantity", q.quantity],
          ["Subtotal", centsToDollars(q.subtotalCents)],
        ];
        for (const f of q.fringes) {
          rows.push([
            `${f.label}: ${describeFringeRate(f)}${f.kind === "estimate" ? " (estimate)" : ""}`,
            centsToDollars(f.amountCents),
          ]);
        }
        rows.push(["Fringe", centsToDollars(q.fringeCents)]);
        rows.push(["Total", centsToDollars(q.totalCents)]);
        if (q.basis.kind === "override") rows.push(["Rate", q.basis.method]);
        q.sources.forEach((s, i) => rows.push([i === 0 ? "Rate source" : "Fringe source", s]));
        if (q.notes.length) rows.push(["Work rules", q.notes.join(" ")]);
        return rows;
      }),

    /** Straight-time-equivalent pay hours for a day of hours worked. */
    payHours: (...args: CellArg[]): CellResult =>
      lift(args, (v) => {
        const hours = optionalNumber(v[0], "Hours worked");
        if (hours === undefined)
          throw new ArgumentError(cellFailure("#VALUE!", "Hours worked is empty."));
        return engine.payHours(hours, optionalText(v[1], "Agreement"));
      }),
  };
}

export type CrewFunctions = ReturnType<typeof createCrewFunctions>;

/** "$1,234.56", for messages and the pane. */
export { formatUsd };
