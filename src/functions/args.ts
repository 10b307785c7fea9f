/**
 * The one place that turns what a spreadsheet passes (cells, ranges, blanks, numbers typed as text,
 * date serials) into engine arguments. Function bodies stay one line into the engine.
 */
import {
  LAST_EXCEL_SERIAL,
  MAX_SEARCH_LENGTH,
  quoteInput,
  readAmount,
  serialToIso,
} from "../engine";
import {
  CREW_FUNCTION_IDS,
  CREW_PARAMS,
  PARAMS,
  type CrewFunctionId,
  type ParamName,
} from "./params";
import { cellFailure, type CellFailure } from "./toExcelError";

/** One cell's value as a host hands it over. Blank cells arrive as null (Excel) or undefined. */
export type CellInput = string | number | boolean | null | undefined;
/** An argument: one value, or a range of them (rows of columns). */
export type CellArg = CellInput | readonly (readonly CellInput[])[];

/** What a host passed for one cell, narrowed: anything else (an entity, a rich value) becomes its text. */
export function cellInput(value: unknown): CellInput {
  if (value === null || value === undefined) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  // A rich value (an entity, a linked data type): its JSON text, so messages can show what it was.
  return JSON.stringify(value) ?? "";
}

/** What a host passed for one argument, narrowed: a single cell or rows of cells. */
export function cellArg(value: unknown): CellArg {
  if (Array.isArray(value)) {
    return value.map((row: unknown) =>
      Array.isArray(row) ? row.map(cellInput) : [cellInput(row)],
    );
  }
  return cellInput(value);
}

export class ArgumentError extends Error {
  readonly failure: CellFailure;
  constructor(failure: CellFailure) {
    super(failure.message);
    this.name = "ArgumentError";
    this.failure = failure;
  }
}

function fail(message: string): never {
  throw new ArgumentError(cellFailure("#VALUE!", message));
}

function isBlank(value: CellInput): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Excel's longest cell text: what the production tables cell may hold. */
export const MAX_CELL_TEXT = 32_767;

/**
 * The longest text a name argument may be (role, unit, agreement, region, tier, department, field,
 * card version, a date as text): far past any title a crew list writes, and a bound on the work of
 * reading one ("Did you mean" compares it with every name on the card).
 */
export const MAX_NAME_LENGTH = 255;

/** The longest text each parameter takes; `MAX_NAME_LENGTH` for the rest. */
const MAX_TEXT: Partial<Record<ParamName, number>> = {
  search: MAX_SEARCH_LENGTH,
  production: MAX_CELL_TEXT,
  sums: MAX_CELL_TEXT,
};

function tooLong(name: string, text: string, max: number): never {
  return fail(
    `${name} is too long (${text.length.toLocaleString("en-US")} characters; at most ${max.toLocaleString("en-US")}).`,
  );
}

/** Text, or undefined for a blank. Numbers become their text (an account number, a year). */
export function optionalText(
  value: CellInput,
  name: string,
  maxLength = MAX_NAME_LENGTH,
): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") {
    const text = value.trim();
    return text.length > maxLength ? tooLong(name, text, maxLength) : text;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return fail(`${name} must be text, not ${String(value).toUpperCase()}.`);
}

/** The number parameters that are dollars: typed as text, they take at most two decimal places. */
const DOLLAR_PARAMS: ReadonlySet<ParamName> = new Set<ParamName>(["wagesToDate", "total"]);

/**
 * A number, or undefined for a blank. Text counts when it reads as an amount by the engine's one
 * rule (`readAmount`: plain decimals, "$" and US thousands commas, "10", "1,200.50"); hex, an
 * exponent, a sign or other grouping ("0x10", "1e3", "+3", "1,2,3") is refused. A number cell is
 * passed on as it is: the engine holds it to its range (quantity, hours, wages to date).
 * @param dollars read by the rule for dollars (at most two decimal places) rather than a count's
 */
export function optionalNumber(
  value: CellInput,
  name: string,
  dollars = false,
): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const read = readAmount(value, { kind: dollars ? "dollars" : "count" });
    if (read.ok) return read.value;
    if (read.fault === "negative") {
      return fail(`${name} must be a number from 0 up, not ${quoteInput(read.typed)}.`);
    }
    if (read.fault === "cents") {
      return fail(
        `${name} must be dollars and cents (at most two decimal places), not ${quoteInput(read.typed)}.`,
      );
    }
    return fail(`${name} must be a number, not ${quoteInput(read.typed)}.`);
  }
  return fail(`${name} must be a number, not ${String(value).toUpperCase()}.`);
}

/** A date cell (a serial number) or text YYYY-MM-DD, as ISO text; undefined for a blank. */
export function optionalDate(
  value: CellInput,
  name: string,
  maxLength = MAX_NAME_LENGTH,
): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > LAST_EXCEL_SERIAL) {
      return fail(`${name} must be a date between 1990 and 2100.`);
    }
    return serialToIso(value);
  }
  if (typeof value === "string") {
    const text = value.trim();
    return text.length > maxLength ? tooLong(name, text, maxLength) : text;
  }
  return fail(`${name} must be a date, not ${String(value).toUpperCase()}.`);
}

/** The parameters read from one cell each; TABLES reads its rows whole. */
export type CellParamName = {
  [N in ParamName]: (typeof PARAMS)[N]["type"] extends "rows" ? never : N;
}[ParamName];

type CellParam = (typeof PARAMS)[CellParamName];

function isCellParam(name: ParamName): name is CellParamName {
  return PARAMS[name].type !== "rows";
}

/** What an argument reads as: its type's value, or undefined when blank, optional and without default. */
export type ArgValue<N extends CellParamName> =
  | ((typeof PARAMS)[N]["type"] extends "number" ? number : string)
  | ((typeof PARAMS)[N] extends { optional: false } | { default: unknown } ? never : undefined);

/**
 * One call's arguments by name. Each is read when asked for, so a call with several bad arguments
 * reports the one its function reads first.
 */
export type Args = <N extends CellParamName>(name: N) => ArgValue<N>;

/** A one-cell parameter as readArg reads it: every entry in one shape, the default spelled out. */
interface CellParamSpec {
  readonly label: string;
  readonly type: "text" | "number" | "date";
  readonly optional: boolean;
  readonly default: string | number | undefined;
  /** The longest text it takes. */
  readonly maxLength: number;
  /** A number in dollars (see DOLLAR_PARAMS). */
  readonly dollars: boolean;
}

function specOf(name: CellParamName): CellParamSpec {
  const param: CellParam = PARAMS[name];
  return {
    ...param,
    default: "default" in param ? param.default : undefined,
    maxLength: MAX_TEXT[name] ?? MAX_NAME_LENGTH,
    dollars: DOLLAR_PARAMS.has(name),
  };
}

function readArg(param: CellParamSpec, value: CellInput): string | number | undefined {
  const read =
    param.type === "number"
      ? optionalNumber(value, param.label, param.dollars)
      : param.type === "date"
        ? optionalDate(value, param.label, param.maxLength)
        : optionalText(value, param.label, param.maxLength);
  const given = read ?? param.default;
  if (given === undefined && !param.optional) return fail(`${param.label} is empty.`);
  return given;
}

/** Each one-cell parameter's spec, made once: every CREW call reads several. */
const CELL_SPECS = new Map<string, CellParamSpec>(
  (Object.keys(PARAMS) as ParamName[]).filter(isCellParam).map((name) => [name, specOf(name)]),
);

/** For each function, its one-cell parameters by name, with where each sits in its arguments. */
const POSITIONS = new Map(
  CREW_FUNCTION_IDS.map((id) => {
    const names: readonly ParamName[] = CREW_PARAMS[id];
    const at = new Map<string, { param: CellParamSpec; index: number }>();
    names.forEach((name, index) => {
      if (isCellParam(name)) at.set(name, { param: CELL_SPECS.get(name)!, index });
    });
    return [id, at];
  }),
);

/**
 * The arguments of a call to CREW.<id>, by the names in params.ts: `values` are in the function's
 * parameter order. A parameter the function does not take reads as omitted (UNITRATE's quantity is
 * the default, 1).
 */
export function argsOf(id: CrewFunctionId, values: readonly CellInput[]): Args {
  const positions = POSITIONS.get(id);
  // The overload carries each name's type from the table; readArg reads by the same table.
  function arg<N extends CellParamName>(name: N): ArgValue<N>;
  function arg(name: CellParamName): string | number | undefined {
    const at = positions?.get(name);
    return readArg(at?.param ?? CELL_SPECS.get(name)!, at ? values[at.index] : undefined);
  }
  return arg;
}

function isRange(arg: CellArg): arg is readonly (readonly CellInput[])[] {
  return Array.isArray(arg);
}

/**
 * The most cells one call returns: a 20,000-line budget's column, about 0.1 s of quotes. A column
 * against a row multiplies (3,000 × 3,000 is 9,000,000 quotes: seconds of work and hundreds of MB
 * on the one thread the pane and every CREW call share), so past this the call is one error.
 */
export const MAX_RESULT_CELLS = 20_000;

/** The one error of a call whose ranges broadcast past `MAX_RESULT_CELLS`, saying the limit. */
export function tooManyResults(shape: { rows: number; cols: number }): CellFailure {
  const n = (x: number) => x.toLocaleString("en-US");
  const count = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : "s"}`;
  return cellFailure(
    "#VALUE!",
    `These ranges give ${n(shape.rows * shape.cols)} results (${count(shape.rows, "row")} by ${count(shape.cols, "column")}); a CREW function returns at most ${n(MAX_RESULT_CELLS)}. A column against a row multiplies: give ranges of the same shape.`,
  );
}

/** The shape a set of arguments broadcasts to, Excel-style; undefined when all are single values. */
export function broadcastShape(
  args: readonly CellArg[],
): { rows: number; cols: number } | undefined {
  let rows = 1;
  let cols = 1;
  let any = false;
  for (const arg of args) {
    if (!isRange(arg)) continue;
    const r = arg.length;
    const c = arg[0]?.length ?? 0;
    if (r === 1 && c === 1) continue;
    any = true;
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  return any ? { rows, cols } : undefined;
}

/** The value an argument gives at (row, col) of the broadcast result; undefined past its edge. */
export function valueAt(arg: CellArg, row: number, col: number): CellInput | typeof OUTSIDE {
  if (!isRange(arg)) return arg;
  const r = arg.length === 1 ? 0 : row;
  const line = arg[r];
  if (!line) return OUTSIDE;
  const c = line.length === 1 ? 0 : col;
  return c < line.length ? line[c] : OUTSIDE;
}

/** Marks a cell of a broadcast result that one of the ranges does not reach (Excel gives #N/A). */
export const OUTSIDE: unique symbol = Symbol("outside");
