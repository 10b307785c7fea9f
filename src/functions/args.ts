/**
 * The one place that turns what a spreadsheet passes (cells, ranges, blanks, numbers typed as text,
 * date serials) into engine arguments. Function bodies stay one line into the engine.
 */
import { LAST_EXCEL_SERIAL, serialToIso } from "../engine";
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

/** Text, or undefined for a blank. Numbers become their text (an account number, a year). */
export function optionalText(value: CellInput, name: string): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return fail(`${name} must be text, not ${String(value).toUpperCase()}.`);
}

export function requiredText(value: CellInput, name: string): string {
  const text = optionalText(value, name);
  if (text === undefined) return fail(`${name} is empty.`);
  return text;
}

/** A number, or undefined for a blank. Text that reads as a number ("10", "1,200.50") counts. */
export function optionalNumber(value: CellInput, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const n = Number(value.trim().replace(/,/g, "").replace(/^\$/, ""));
    if (Number.isFinite(n)) return n;
    return fail(`${name} must be a number, not '${value.trim().slice(0, 40)}'.`);
  }
  return fail(`${name} must be a number, not ${String(value).toUpperCase()}.`);
}

/** A date cell (a serial number) or text YYYY-MM-DD, as ISO text; undefined for a blank. */
export function optionalDate(value: CellInput, name: string): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > LAST_EXCEL_SERIAL) {
      return fail(`${name} must be a date between 1990 and 2100.`);
    }
    return serialToIso(value);
  }
  if (typeof value === "string") return value.trim();
  return fail(`${name} must be a date, not ${String(value).toUpperCase()}.`);
}

function isRange(arg: CellArg): arg is readonly (readonly CellInput[])[] {
  return Array.isArray(arg);
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
