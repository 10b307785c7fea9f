/**
 * The production's own tables, kept in its workbook: Rate Overrides (negotiated rates that win over
 * the card) and Production Roles (roles the card lacks). Rows arrive as the spreadsheet holds them;
 * this module checks them against the card and turns them into roles and override entries the
 * engine prices like any other. A bad row is a RateError naming the table, the line and the fix.
 */
import { describeAmount, readAmount } from "./amounts";
import type { CardIndex } from "./cardIndex";
import { RateError, isRateError, orThrow, quoteInput } from "./errors";
import { dollarsToCents } from "./money";
import { normalizeName } from "./names";
import { findAgreement, parseUnit } from "./terms";
import {
  OVERRIDES_TABLE,
  PRODUCTION_ROLES_TABLE,
  type Production,
  type ProductionRole,
  type ProductionTableName,
  type ProductionTables,
  type RateOverride,
  type Role,
  type TableCell,
  type TableRows,
  type Unit,
} from "./types";

// The ceilings per unit live with the rule for amounts; this module has always exported them.
export { MAX_AMOUNT_DOLLARS } from "./amounts";

function isBlank(cell: TableCell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function text(cell: TableCell): string {
  if (isBlank(cell)) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/** The tables with blank rows and trailing blank cells dropped, each line keeping its number. */
function dataLines(rows: TableRows): { line: number; cells: readonly TableCell[] }[] {
  const out: { line: number; cells: readonly TableCell[] }[] = [];
  rows.forEach((cells, i) => {
    if (cells.some((c) => !isBlank(c))) out.push({ line: i + 1, cells });
  });
  return out;
}

function bad(
  table: ProductionTableName,
  line: number,
  reason: string,
  suggestions?: string[],
): RateError {
  return new RateError("BAD_TABLE", {
    table,
    line,
    reason,
    ...(suggestions?.length ? { suggestions } : {}),
  });
}

/** A money cell for one unit of `unit`: a number, or text like "$1,250.00" (see amounts.ts). */
function dollars(
  cell: TableCell,
  unit: Unit,
  table: ProductionTableName,
  line: number,
  column: string,
): number | RateError {
  const read = readAmount(typeof cell === "number" ? cell : text(cell), {
    kind: "dollars",
    per: unit,
  });
  if (!read.ok) return bad(table, line, describeAmount(column, read));
  return dollarsToCents(read.value);
}

/** A lookup's failure (unknown unit, agreement...) as a failure of this table line. */
function onLine<T>(
  table: ProductionTableName,
  line: number,
  column: string,
  found: T | RateError,
): T | RateError {
  if (!isRateError(found)) return found;
  const input = found.details.input === undefined ? "" : ` ${quoteInput(found.details.input)}`;
  return bad(table, line, `${column}${input} is not known`, found.details.suggestions);
}

function unitOf(cell: TableCell, table: ProductionTableName, line: number): Unit | RateError {
  if (isBlank(cell)) return bad(table, line, "Unit is empty (use hour, day, week or flat)");
  return onLine(table, line, "Unit", parseUnit(text(cell)));
}

function readRoles(
  index: CardIndex,
  rows: TableRows,
  problems: Production["problems"],
): ProductionRole[] {
  const roles: ProductionRole[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of dataLines(rows)) {
    const [title] = cells.map(text);
    const role = readRole(index, seen, line, cells);
    if (isRateError(role)) {
      problems.push({ error: role, ...(title ? { title: normalizeName(title) } : {}) });
    } else {
      roles.push(role);
    }
  }
  return roles;
}

/** One Production Roles line, or why it does not check out. */
function readRole(
  index: CardIndex,
  seen: Map<string, number>,
  line: number,
  cells: readonly TableCell[],
): ProductionRole | RateError {
  const table = PRODUCTION_ROLES_TABLE;
  const [title, department, account, description, , , agreement] = cells.map(text);
  if (!title || title.length < 2) return bad(table, line, "Title is empty");
  const key = normalizeName(title);
  const card = index.roles.get(title);
  if (card) {
    return bad(
      table,
      line,
      `${quoteInput(title)} is already on the card as ${card.title}; put a negotiated rate for it in ${OVERRIDES_TABLE} instead`,
    );
  }
  const earlier = seen.get(key);
  if (earlier !== undefined)
    return bad(table, line, `${quoteInput(title)} repeats line ${earlier}`);
  seen.set(key, line);
  if (!department) return bad(table, line, "Department is empty");
  const dept = index.departments.get(department);
  if (!dept) {
    return bad(
      table,
      line,
      `Department ${quoteInput(department)} is not known`,
      index.departments.suggest(department),
    );
  }
  if (account && !/^\d{4}$/.test(account)) {
    return bad(table, line, `Account ${quoteInput(account)} must be a four-digit account number`);
  }
  const found = agreement
    ? onLine(table, line, "Agreement", findAgreement(index, agreement))
    : undefined;
  if (isRateError(found)) return found;
  const agreementId = found ? found.id : "non-union";
  const roleUnit = unitOf(cells[4], table, line);
  if (isRateError(roleUnit)) return roleUnit;
  const rateCents = dollars(cells[5], roleUnit, table, line, "Rate");
  if (isRateError(rateCents)) return rateCents;
  return {
    id: `production-${key}`,
    title,
    aliases: [],
    account: account || dept.account,
    description: description ?? "",
    responsibilities: [],
    skills: [],
    unit: roleUnit,
    department: dept.id,
    scales: [],
    production: { line, agreement: agreementId, unit: roleUnit, rateCents },
  };
}

function readOverrides(
  index: CardIndex,
  findRole: (name: string) => Role | undefined,
  suggest: (name: string) => string[],
  rows: TableRows,
  problems: Production["problems"],
): RateOverride[] {
  const table = OVERRIDES_TABLE;
  const out: RateOverride[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of dataLines(rows)) {
    const [roleName, agreement, , , note] = cells.map(text);
    if (!roleName) {
      problems.push({ error: bad(table, line, "Role is empty") });
      continue;
    }
    const role = findRole(roleName);
    if (!role) {
      // A misspelt deal is not ignored: it stops the lines of the role it most likely means.
      const suggestions = suggest(roleName);
      const likely = suggestions[0] === undefined ? undefined : findRole(suggestions[0]);
      problems.push({
        error: bad(table, line, `Role ${quoteInput(roleName)} is not known`, suggestions),
        ...(likely ? { roleId: likely.id } : {}),
      });
      continue;
    }
    // From here the line is about this role: a problem stops its crew lines, never the others.
    const stop = (error: RateError) => problems.push({ error, roleId: role.id });
    const found = agreement
      ? onLine(table, line, "Agreement", findAgreement(index, agreement))
      : undefined;
    if (isRateError(found)) {
      stop(found);
      continue;
    }
    const agreementId = found?.id;
    const unit = unitOf(cells[2], table, line);
    if (isRateError(unit)) {
      stop(unit);
      continue;
    }
    const amountCents = dollars(cells[3], unit, table, line, "Amount");
    if (isRateError(amountCents)) {
      stop(amountCents);
      continue;
    }
    const key = `${role.id} ${agreementId ?? "*"} ${unit}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      stop(
        bad(
          table,
          line,
          `repeats line ${earlier} (${role.title}, ${found ? found.name : "any agreement"}, ${unit}); keep one`,
        ),
      );
      continue;
    }
    seen.set(key, line);
    out.push({ table, line, roleId: role.id, agreementId, unit, amountCents, note: note ?? "" });
  }
  return out;
}

/**
 * Checks the production's tables against the card: production roles first (overrides may name
 * them), then overrides. A line that does not check out is kept as a problem naming the table,
 * line and reason (Production.problems), and stops only the crew lines it would have priced.
 * @returns the production (a RateError is kept for callers that still expect one)
 */
export function readProduction(
  index: CardIndex,
  tables: ProductionTables,
  roleIndex: (roles: ProductionRole[]) => {
    find: (name: string) => Role | undefined;
    suggest: (name: string) => string[];
  },
): Production | RateError {
  const problems: Production["problems"] = [];
  const roles = readRoles(index, tables.roles, problems);
  const lookup = roleIndex(roles);
  const overrides = new Map<string, RateOverride[]>();
  const add = (o: RateOverride) => {
    const list = overrides.get(o.roleId);
    if (list) list.push(o);
    else overrides.set(o.roleId, [o]);
  };
  for (const o of readOverrides(index, lookup.find, lookup.suggest, tables.overrides, problems)) {
    add(o);
  }
  for (const role of roles) {
    const { line, agreement, unit, rateCents } = role.production;
    add({
      table: PRODUCTION_ROLES_TABLE,
      line,
      roleId: role.id,
      agreementId: agreement,
      unit,
      amountCents: rateCents,
      note: "the production's own role",
    });
  }
  return { roles, overrides, problems };
}

/**
 * The override for a line's terms: one naming the line's agreement wins over one for any agreement.
 */
export function overrideFor(
  overrides: ReadonlyMap<string, readonly RateOverride[]>,
  roleId: string,
  agreementId: string,
  unit: Unit,
): RateOverride | undefined {
  const list = overrides.get(roleId);
  if (!list) return undefined;
  let anyAgreement: RateOverride | undefined;
  for (const o of list) {
    if (o.unit !== unit) continue;
    if (o.agreementId === agreementId) return o;
    if (o.agreementId === undefined) anyAgreement ??= o;
  }
  return anyAgreement;
}

function cleanRows(rows: TableRows): TableCell[][] {
  return dataLines(rows).map(({ cells }) => {
    const row = cells.map((c) => (typeof c === "string" ? c.trim() : c));
    while (row.length > 0 && isBlank(row[row.length - 1])) row.pop();
    return row.map((c) => (c === undefined ? null : c));
  });
}

/** How the tables text starts: its summary, then the rows as JSON. */
const TOKEN_SUMMARY = "CrewRate tables: ";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The tables as one cell's text: a readable summary, then the rows as JSON. Crew lines pass this
 * cell to the CREW functions, so a change to either table changes the cell and Excel recalculates
 * every line that depends on it, with no hidden state. Blank lines are dropped and kept blank in
 * the numbering, so cited lines still match the sheet.
 */
export function productionToken(tables: ProductionTables): string {
  const keep = (rows: TableRows) =>
    rows.map((cells) =>
      cells.some((c) => !isBlank(c)) ? cleanRows([cells])[0]! : ([] as TableCell[]),
    );
  const overrides = keep(tables.overrides);
  const roles = keep(tables.roles);
  while (overrides.length && overrides[overrides.length - 1]!.length === 0) overrides.pop();
  while (roles.length && roles[roles.length - 1]!.length === 0) roles.pop();
  const summary = `${TOKEN_SUMMARY}${plural(overrides.filter((r) => r.length).length, "rate override")}, ${plural(roles.filter((r) => r.length).length, "production role")}`;
  return `${summary} ${JSON.stringify({ o: overrides, r: roles })}`;
}

function isCell(value: unknown): value is TableCell {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}

function rowsOf(value: unknown): TableCell[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows: TableCell[][] = [];
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || !(row as unknown[]).every(isCell)) return undefined;
    rows.push(row as TableCell[]);
  }
  return rows;
}

/**
 * The tables text inside a production tables cell's value: CREW.TABLES puts a note ahead of it
 * when a line needs fixing ("Fix this table line: … . CrewRate tables: …", braces kept out of
 * the note). Engines are cached by this text, so everything that reads the cell (crew lines,
 * Status cells) shares the one parse the cell itself made, note or none.
 * @param cell the cell's value (its text as CREW.TABLES made it)
 * @returns the text from the summary on; the value itself when it holds no tables text
 */
export function tablesText(cell: string): string {
  const rows = cell.indexOf("{");
  if (rows < 0) return cell;
  const start = cell.lastIndexOf(TOKEN_SUMMARY, rows);
  return start > 0 ? cell.slice(start) : cell;
}

/**
 * The tables back from a cell made by `productionToken`.
 * @throws RateError BAD_TABLE when the text is not such a cell
 */
export function tablesFromToken(token: string): ProductionTables {
  return orThrow(readProductionToken(token));
}

/** `tablesFromToken`, returning its failure (see errors.ts). */
export function readProductionToken(token: string): ProductionTables | RateError {
  const start = token.indexOf("{");
  let parsed: unknown;
  try {
    parsed = start < 0 ? undefined : JSON.parse(token.slice(start));
  } catch {
    parsed = undefined;
  }
  const record = typeof parsed === "object" && parsed !== null ? parsed : {};
  const overrides = rowsOf("o" in record ? record.o : undefined);
  const roles = rowsOf("r" in record ? record.r : undefined);
  if (!overrides || !roles) {
    return new RateError("BAD_TABLE", {
      table: "Production tables cell",
      reason:
        "it should hold =CREW.TABLES(...) over the Rate Overrides and Production Roles tables, as the Settings sheet does",
    });
  }
  return { overrides, roles };
}

/**
 * What one line of a production table comes to: nothing (a blank line), the negotiated rate or
 * production role it adds, or the BAD_TABLE error that stops the crew lines it would price.
 */
export type TableLineCheck =
  | { readonly kind: "blank" }
  | { readonly kind: "override"; readonly override: RateOverride }
  | { readonly kind: "role"; readonly role: ProductionRole }
  | { readonly kind: "bad"; readonly error: RateError };

/** Each production's lines by table and line number, built once per production (per tables text). */
const lineIndexes = new WeakMap<Production, Map<string, TableLineCheck>>();

function lineKey(table: ProductionTableName, line: number): string {
  return `${table}\u0000${line}`;
}

function lineIndex(production: Production): Map<string, TableLineCheck> {
  let index = lineIndexes.get(production);
  if (index) return index;
  index = new Map();
  for (const role of production.roles) {
    index.set(lineKey(PRODUCTION_ROLES_TABLE, role.production.line), { kind: "role", role });
  }
  for (const list of production.overrides.values()) {
    for (const override of list) {
      if (override.table === OVERRIDES_TABLE) {
        index.set(lineKey(OVERRIDES_TABLE, override.line), { kind: "override", override });
      }
    }
  }
  // A line's problem wins: a line is either priced or stopped, never both.
  for (const { error } of production.problems) {
    const { table, line } = error.details;
    if ((table === OVERRIDES_TABLE || table === PRODUCTION_ROLES_TABLE) && line !== undefined) {
      index.set(lineKey(table, line), { kind: "bad", error });
    }
  }
  lineIndexes.set(production, index);
  return index;
}

/** The production table a name means ("rate overrides", "Production Roles"), or undefined. */
function tableNamed(name: string): ProductionTableName | undefined {
  const tables: readonly ProductionTableName[] = [OVERRIDES_TABLE, PRODUCTION_ROLES_TABLE];
  // As the Status formulas spell them: no normalizing on the hot path.
  const exact = tables.find((t) => t === name);
  if (exact) return exact;
  const key = normalizeName(name);
  return tables.find((t) => normalizeName(t) === key);
}

/**
 * Checks one line of a production table as the crew lines see it: the line's own cells say
 * whether it is blank; the production (read from the tables cell, so both tables at once: an
 * override may name a production role) says what it prices or why it does not check out, in
 * the same BAD_TABLE error the tables cell and the pane show. One map lookup per call.
 * @param production the workbook's production (undefined when its tables cell is blank)
 * @param tableName "Rate Overrides" or "Production Roles"
 * @param line the line's number in its table (1 = the first line below the header)
 * @param cells the line's cells as the sheet holds them
 * @returns the check, or a BAD_TABLE RateError when the table, the line number or the tables
 *   cell cannot be the one this line belongs to
 */
export function checkTableLine(
  production: Production | undefined,
  tableName: string,
  line: number,
  cells: readonly TableCell[],
): TableLineCheck | RateError {
  const table = tableNamed(tableName);
  if (table === undefined) {
    return new RateError("BAD_TABLE", {
      reason: `${quoteInput(tableName)} is not a production table (use ${OVERRIDES_TABLE} or ${PRODUCTION_ROLES_TABLE})`,
    });
  }
  if (!Number.isInteger(line) || line < 1) {
    return new RateError("BAD_TABLE", {
      table,
      reason: `the line number must be a whole number from 1 up, not ${line}`,
    });
  }
  if (cells.every(isBlank)) return { kind: "blank" };
  const found = production && lineIndex(production).get(lineKey(table, line));
  return (
    found ??
    new RateError("BAD_TABLE", {
      table,
      line,
      reason:
        "this line is not in the production tables cell: Settings!ProductionTables should hold =CREW.TABLES(...) over this sheet's lines, as CrewRate writes it",
    })
  );
}

/** How a production table line's Status cell starts when the line does not check out. */
export const TABLE_LINE_FIX = "Fix:";

/**
 * A production table line's Status cell: blank for a blank line, "OK" for a good one ("OK:
 * Gaffer" for an override: the role it prices), "Fix: " and the engine's sentence for one that
 * does not check out (the words the tables cell and the pane use).
 * @param check what checkTableLine found
 * @param titleOf a role's title by its id (the engine's findRole)
 */
export function tableLineStatus(
  check: TableLineCheck,
  titleOf: (roleId: string) => string,
): string {
  switch (check.kind) {
    case "blank":
      return "";
    case "override":
      return `OK: ${titleOf(check.override.roleId)}`;
    case "role":
      return "OK";
    case "bad":
      return `${TABLE_LINE_FIX} ${check.error.message}`;
  }
}
