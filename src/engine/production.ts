/**
 * The production's own tables, kept in its workbook: Rate Overrides (negotiated rates that win over
 * the card) and Production Roles (roles the card lacks). Rows arrive as the spreadsheet holds them;
 * this module checks them against the card and turns them into roles and override entries the
 * engine prices like any other. A bad row is a RateError naming the table, the line and the fix.
 */
import { describeAmount, readAmount } from "./amounts";
import type { CardIndex } from "./cardIndex";
import { RateError, isRateError, orThrow } from "./errors";
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
  const input = found.details.input === undefined ? "" : ` '${found.details.input}'`;
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
      `'${title}' is already on the card as ${card.title}; put a negotiated rate for it in ${OVERRIDES_TABLE} instead`,
    );
  }
  const earlier = seen.get(key);
  if (earlier !== undefined) return bad(table, line, `'${title}' repeats line ${earlier}`);
  seen.set(key, line);
  if (!department) return bad(table, line, "Department is empty");
  const dept = index.departments.get(department);
  if (!dept) {
    return bad(
      table,
      line,
      `Department '${department}' is not known`,
      index.departments.suggest(department),
    );
  }
  if (account && !/^\d{4}$/.test(account)) {
    return bad(table, line, `Account '${account}' must be a four-digit account number`);
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
        error: bad(table, line, `Role '${roleName}' is not known`, suggestions),
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
          `repeats line ${earlier} (${role.title}, ${agreement || "any agreement"}, ${unit}); keep one`,
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
  const summary = `CrewRate tables: ${plural(overrides.filter((r) => r.length).length, "rate override")}, ${plural(roles.filter((r) => r.length).length, "production role")}`;
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
