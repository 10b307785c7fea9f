/**
 * What each CREW function computes, host-neutral: Excel (functions.ts) and HyperFormula
 * (hyperformula.ts) adapt these to their own error and array types, so what the tests evaluate is
 * what Excel runs.
 */
import {
  centsToDollars,
  checkTableLine,
  DEFAULT_HOURS_PER_DAY,
  describeFringeRate,
  describeHealthContribution,
  fringeLabel,
  isRateError,
  RateError,
  type QuoteRequest,
  productionToken,
  type Quote,
  type RateEngine,
  type Role,
  type TableCell,
  tableLineStatus,
  tablesText,
  tierForBudget,
  MAX_ROLLUP_LINES,
  accountSum,
  accountSums,
  linesSum,
  wagesBefore,
  quoteInput,
} from "../engine";
import {
  ArgumentError,
  argsOf,
  broadcastShape,
  OUTSIDE,
  MAX_RESULT_CELLS,
  tooManyResults,
  valueAt,
  type Args,
  type CellArg,
  type CellInput,
} from "./args";
import type { CrewFunctionId } from "./params";
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
  if (shape.rows * shape.cols > MAX_RESULT_CELLS) return tooManyResults(shape);
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

/**
 * The quote a crew-line function asks for (RATE, FRINGE, TOTAL, UNITRATE, BASIS, EXPLAIN). With
 * several bad arguments, the first read here is the one the cell shows (after `at`'s two).
 */
function quoteRequest(arg: Args): QuoteRequest {
  return {
    role: arg("role"),
    quantity: arg("quantity"),
    unit: arg("unit"),
    agreement: arg("agreement"),
    region: arg("region"),
    tier: arg("tier"),
    date: arg("date"),
    // The Settings sheet's default, so a typed formula prices like an inserted line.
    hoursPerDay: arg("hoursPerDay") ?? DEFAULT_HOURS_PER_DAY,
    wagesToDate: arg("wagesToDate"),
    // FRINGE, TOTAL and EXPLAIN take it; the rest price no fringes it could change.
    healthContribution: arg("healthContribution"),
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

/** A one-column range argument as its cells (a single value is a one-cell column). */
function columnOf(arg: CellArg, label: string): CellInput[] {
  const rows = rowsOf(arg);
  if (rows.some((r) => r.length > 1)) {
    throw new ArgumentError(cellFailure("#VALUE!", `${label} must be one column.`));
  }
  if (rows.length > MAX_ROLLUP_LINES) {
    throw new ArgumentError(
      cellFailure(
        "#VALUE!",
        `${label} has ${rows.length.toLocaleString("en-US")} rows; a CREW function reads at most ${MAX_ROLLUP_LINES.toLocaleString("en-US")}.`,
      ),
    );
  }
  return rows.map((r) => r[0]);
}

/** A budget's Account, Role and summed columns, each checked to be one column of bounded size. */
function lineColumns(
  lineAccounts: CellArg,
  lineRoles: CellArg,
  amounts: CellArg,
): [CellInput[], CellInput[], CellInput[]] {
  return [
    columnOf(lineAccounts, "Line accounts"),
    columnOf(lineRoles, "Line roles"),
    columnOf(amounts, "Amounts"),
  ];
}

/** The top-left value of an argument. */
function scalarOf(arg: CellArg): CellInput {
  return typeof arg === "object" && arg !== null ? arg[0]?.[0] : arg;
}

/** The CREW functions over one engine. Arguments are cells or ranges as the host passes them. */
export function createCrewFunctions(engine: RateEngine) {
  /**
   * The engine for a workbook: its pinned card version (blank or not taken: this add-in's card)
   * with its production tables cell (blank: none).
   */
  function at(arg: Args): RateEngine {
    const cell = arg("production");
    // The tables text without the note CREW.TABLES puts ahead of it when a line needs fixing:
    // the cell's own parse then serves every line (one engine build per edit, not two).
    const tables = cell === undefined ? undefined : tablesText(cell);
    return engine.forVersion(arg("cardVersion")).withProductionToken(tables);
  }

  /** A crew-line function: one figure of the quote its arguments ask for, over ranges too. */
  function quoted(
    id: CrewFunctionId,
    figure: (q: Quote) => CellOutput,
  ): (...args: CellArg[]) => CellResult {
    return (...args: CellArg[]): CellResult =>
      lift(args, (v) => {
        const arg = argsOf(id, v);
        return figure(at(arg).quoteFast(quoteRequest(arg)));
      });
  }

  /** ", health: independent producer (…)" for a line whose fringes depend on the level. */
  function health(q: Quote): string {
    if (!q.fringes.some((f) => f.healthContributions !== undefined)) return "";
    return `, health: ${describeHealthContribution(q.healthContribution)}`;
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
    const chosen = basis.chosen === undefined ? "" : `, class ${basis.classification.code} chosen`;
    if (basis.kind === "published") return `Published (${basis.agreement.name}${chosen})`;
    if (basis.agreement.id !== "non-union") {
      return `Estimate (${basis.agreement.name}${chosen}, derived)`;
    }
    return basis.nonUnionReason
      ? `Estimate (non-union: ${basis.nonUnionReason})`
      : "Estimate (non-union)";
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
    /** Labor cost before fringes. */
    rate: quoted("RATE", (q) => centsToDollars(q.subtotalCents)),
    /** Fringe for the labor. */
    fringe: quoted("FRINGE", (q) => centsToDollars(q.fringeCents)),
    /** Labor plus fringe. */
    total: quoted("TOTAL", (q) => centsToDollars(q.totalCents)),
    /** The rate for one unit. */
    unitRate: quoted("UNITRATE", (q) => centsToDollars(q.unitRateCents)),
    /** Where a line's rate comes from. */
    basis: quoted("BASIS", basisLabel),

    /** A field of the role's entry, the production's own roles included. */
    info: (...args: CellArg[]): CellResult =>
      lift(args, (v) => {
        const arg = argsOf("INFO", v);
        return info(at(arg).findRole(arg("role")), parseField(arg("field")));
      }),

    /**
     * The production tables cell: the Rate Overrides and Production Roles rows as one text that
     * crew lines pass on. Checks every row, so a bad one shows here with its line and the fix.
     */
    tables: (overrides: CellArg, roles: CellArg): CellResult => {
      try {
        let token = productionToken({ overrides: rowsOf(overrides), roles: rowsOf(roles) });
        // A line that does not check out stops only the crew lines it would price; this cell
        // says which lines need fixing, ahead of the tables (braces kept out of the message, so
        // the tables still read back from the first one).
        const problems = engine.withProductionToken(token).tableProblems;
        if (problems.length > 0) {
          const first = problems[0]!.message.replace(/[{}]/g, "").replace(/\.$/, "");
          const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
          token = `Fix ${problems.length === 1 ? "this table line" : `${problems.length} table lines`}: ${first}${more}. ${token}`;
        }
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

    /**
     * Every account's sums over the budget's crew lines, in one pass, as one text the topsheet's
     * account rows read with ACCOUNTSUM (one pass instead of one per account).
     */
    accountSums: (
      lineAccounts: CellArg,
      lineRoles: CellArg,
      amounts: CellArg,
      firstRow: CellArg,
    ): CellResult => {
      try {
        const [accounts, roles, values] = lineColumns(lineAccounts, lineRoles, amounts);
        const arg = argsOf("ACCOUNTSUMS", [null, null, null, scalarOf(firstRow)]);
        const text = accountSums(accounts, roles, values, arg("firstRow") ?? 1);
        if (text.length > MAX_CELL_TEXT) {
          return cellFailure(
            "#VALUE!",
            `The budget has too many different accounts to sum in one cell (${text.length.toLocaleString("en-US")} of ${MAX_CELL_TEXT.toLocaleString("en-US")} characters).`,
          );
        }
        return text;
      } catch (e) {
        return toExcelError(e instanceof ArgumentError ? e.failure : e);
      }
    },

    /**
     * A checked sum over the crew lines of one account (or all): the budget's subtotal and
     * totals rows, one pass instead of ISERROR and MATCH arrays read five times per cell.
     */
    linesSum: (
      lineAccounts: CellArg,
      lineRoles: CellArg,
      amounts: CellArg,
      firstRow: CellArg,
      account: CellArg,
    ): CellResult => {
      try {
        const [accounts, roles, values] = lineColumns(lineAccounts, lineRoles, amounts);
        const arg = argsOf("LINESUM", [null, null, null, scalarOf(firstRow), scalarOf(account)]);
        return linesSum(accounts, roles, values, arg("firstRow") ?? 1, arg("lineAccount"));
      } catch (e) {
        return toExcelError(e instanceof ArgumentError ? e.failure : e);
      }
    },

    /** One account's checked sum from an ACCOUNTSUMS cell: dollars, or the row of an error. */
    accountSum: (...args: CellArg[]): CellResult =>
      lift(args, (v) => {
        const arg = argsOf("ACCOUNTSUM", v);
        const sum = accountSum(arg("sums"), arg("account"));
        return sum ?? cellFailure("#VALUE!", "Account sums must be a CREW.ACCOUNTSUMS cell.");
      }),

    /**
     * Each line's wages to date for its person (the Subtotals of the lines above that name the
     * same person), in one pass: the Fringe formulas read it, so yearly caps cost linear time.
     */
    wagesBefore: (persons: CellArg, subtotals: CellArg): CellResult =>
      guard(() => {
        const who = columnOf(persons, "Persons");
        return wagesBefore(who, columnOf(subtotals, "Subtotals")).map((v) => [
          typeof v === "number"
            ? v
            : cellFailure(
                "#VALUE!",
                `Wages to date unknown: an earlier line for ${String(who[v.errorLine] ?? "").trim()} shows an error.`,
              ),
        ]);
      }),

    /** A column of role titles, optionally within a department and matching a search. */
    roles: (...args: CellInput[]): CellResult =>
      guard(() => {
        const arg = argsOf("ROLES", args);
        const dept = arg("department");
        const query = arg("search");
        const found = at(arg).search(query, dept === undefined ? {} : { department: dept });
        if (found.length === 0) {
          throw new ArgumentError(cellFailure("#N/A", `No roles match ${quoteInput(query)}.`));
        }
        return found.map((r) => [r.title]);
      }),

    /**
     * The classifications a line of the role can be priced at where it shoots (the pane's
     * classification picker): a header row, then each one's Agreement text (what the line's
     * Agreement or a CREW agreement argument holds to price on it), title and code, book, and
     * whether the card gives it to the role. `search` keeps those whose title, code or book has
     * every word of it.
     */
    classes: (...args: CellInput[]): CellResult =>
      guard(() => {
        const arg = argsOf("CLASSES", args);
        const engineHere = at(arg);
        const groups = engineHere.classificationsFor(engineHere.findRole(arg("role")), {
          region: arg("region"),
          tier: arg("tier"),
          date: arg("date"),
        });
        const query = arg("search");
        const words = query
          .toLowerCase()
          .split(/\s+/)
          .filter((w) => w !== "");
        const rows = groups
          .flatMap((g) => g.choices)
          .filter((c) => {
            const text = `${c.title} ${c.code} ${c.bookName} ${c.text}`.toLowerCase();
            return words.every((w) => text.includes(w));
          })
          .map((c): CellOutput[] => [
            c.text,
            // A book's own number ("5411") helps find it in the book; a name-like code does not.
            /\d/.test(c.code) ? `${c.title} (${c.code})` : c.title,
            c.bookName,
            c.isRoleOwn ? "yes" : "",
          ]);
        if (rows.length === 0) {
          throw new ArgumentError(
            cellFailure("#N/A", `No classification matches ${quoteInput(query)} there.`),
          );
        }
        return [["Agreement", "Classification", "Book", "The role's own"], ...rows];
      }),

    /** A two-column breakdown: base, each fringe with its rate and cap, total, sources. */
    explain: (...args: CellInput[]): CellResult =>
      guard(() => {
        const arg = argsOf("EXPLAIN", args);
        const q = at(arg).quote(quoteRequest(arg));
        const rows: CellOutput[][] = [
          ["Role", `${q.role.title} (${q.department.name}, ${q.role.account})`],
          ["Terms", `${q.agreement.name}, ${q.region.name}, ${q.tier.name}, ${q.date}${health(q)}`],
          ...(q.basis.kind !== "override" && q.basis.chosen !== undefined
            ? [
                [
                  "Classification",
                  `${q.basis.classification.title} (${q.basis.classification.code}), ${q.basis.book.name}: chosen for this line (${quoteInput(q.basis.chosen)})`,
                ],
              ]
            : []),
          [
            `Rate per ${q.unit}${q.basis.kind === "published" ? "" : ` (${q.basis.kind})`}`,
            centsToDollars(q.unitRateCents),
          ],
          ["Quantity", q.quantity],
          ["Subtotal", centsToDollars(q.subtotalCents)],
        ];
        for (const f of q.fringes) {
          rows.push([
            `${fringeLabel(f)}: ${describeFringeRate(f)}${f.kind === "estimate" ? " (estimate)" : ""}`,
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
        const arg = argsOf("PAYHOURS", v);
        return engine.payHours(arg("hoursWorked"), arg("agreement"));
      }),

    /** The budget tier a production's total budget falls in (LBT Art. I.B bounds; Studio above). */
    tier: (...args: CellArg[]): CellResult =>
      lift(args, (v) => tierForBudget(engine.card.meta.tiers, argsOf("TIER", v)("total")).name),

    /**
     * A production table line's Status cell, checked against both tables as the crew lines see
     * them (the tables cell: an override may name a production role): blank for a blank line,
     * "OK" for a good one, "Fix: " and the engine's reason for one that does not check out.
     */
    tableCheck: (tableLine: CellArg, ...rest: CellInput[]): CellResult => {
      try {
        const arg = argsOf("TABLECHECK", [null, ...rest]);
        // The line number is read last: each argument's own problem shows before "is empty".
        const workbook = at(arg);
        const table = arg("table");
        const check = checkTableLine(
          workbook.production,
          table,
          arg("lineNumber"),
          rowsOf(tableLine).flat(),
        );
        if (isRateError(check)) throw check;
        return tableLineStatus(check, (id) => workbook.findRole(id).title);
      } catch (e) {
        return toExcelError(e instanceof ArgumentError ? e.failure : e);
      }
    },
  };
}

export type CrewFunctions = ReturnType<typeof createCrewFunctions>;
