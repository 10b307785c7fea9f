/**
 * The CREW functions registered in HyperFormula, for the preview host, the CLI's `eval` and
 * formula-level tests. The same host-neutral implementations (crewFunctions.ts) run here as in
 * Excel; only argument and error types are adapted. HyperFormula is GPL-3.0: this module must never
 * be imported by the production add-in bundles.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";

/** HyperFormula's internal AST, state and value types, reached through the plugin's own methods. */
declare abstract class PluginTypes extends FunctionPlugin {
  evaluateAst(
    ...args: Parameters<FunctionPlugin["evaluateAst"]>
  ): ReturnType<FunctionPlugin["evaluateAst"]>;
}
type Ast = Parameters<PluginTypes["evaluateAst"]>[0];
type InterpreterState = Parameters<PluginTypes["evaluateAst"]>[1];
type InterpreterValue = ReturnType<PluginTypes["evaluateAst"]>;
interface ProcedureAst {
  args: Ast[];
}
import type { RateEngine } from "../engine";
import { indexDependencyEdges } from "./hyperformulaEdges";
import { MAX_RESULT_CELLS, type CellArg, type CellInput } from "./args";
import {
  createCrewFunctions,
  type CellOutput,
  type CellResult,
  type CrewFunctions,
} from "./crewFunctions";
import { CREW_FUNCTION_IDS, CREW_PARAMS, type CrewFunctionId } from "./params";
import { isCellFailure, type CellFailure } from "./toExcelError";

/** Largest spill ROLES and EXPLAIN may need when their size cannot be known before evaluation. */
const MAX_ROLES_ROWS = 400;
const MAX_EXPLAIN_ROWS = 40;
/** Rows CREW.CLASSES may spill when its arguments are not literals: every book's classes, and a header. */
const MAX_CLASSES_ROWS = 400;

const ERROR_TYPES: Record<CellFailure["error"], ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
};

function toHfCell(value: CellOutput): string | number | CellError {
  return isCellFailure(value) ? new CellError(ERROR_TYPES[value.error], value.message) : value;
}

function toHfScalar(value: unknown): CellInput | CellError {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && "val" in value && typeof value.val === "number")
    return value.val;
  return null;
}

/** A HyperFormula value as a CREW argument; an error in any argument is the result. */
function toArg(value: InterpreterValue): CellArg | CellError {
  if (value instanceof SimpleRangeValue) {
    const rows: CellInput[][] = [];
    for (const line of value.data) {
      const row: CellInput[] = [];
      for (const cell of line) {
        const v = toHfScalar(cell);
        if (v instanceof CellError) return v;
        row.push(v);
      }
      rows.push(row);
    }
    return rows;
  }
  return toHfScalar(value);
}

export type Runner = (crew: CrewFunctions, args: CellArg[]) => CellResult;

interface CrewFunctionRun {
  run: Runner;
  /** Spill size when it depends on the data rather than the arguments' shapes. */
  spill?: (crew: CrewFunctions, literalArgs: CellArg[] | undefined) => ArraySize;
  /** The spill is one column as tall as this argument (WAGESBEFORE's lines). */
  columnLike?: number;
}

export interface CrewFunctionSpec extends CrewFunctionRun {
  id: CrewFunctionId;
  /** How many parameters the function has (params.ts); more is #N/A. */
  maxArgs: number;
}

function isRangeArg(a: CellArg | undefined): a is readonly (readonly CellInput[])[] {
  return Array.isArray(a);
}

/** The top-left value of an argument: ROLES and EXPLAIN take single values. */
function scalarArg(a: CellArg | undefined): CellInput {
  return isRangeArg(a) ? a[0]?.[0] : a;
}

function sizeOf(result: CellResult): ArraySize {
  return Array.isArray(result)
    ? new ArraySize(result[0]?.length ?? 1, result.length)
    : ArraySize.scalar();
}

const RUNS = {
  RATE: { run: (c, a) => c.rate(...a) },
  FRINGE: { run: (c, a) => c.fringe(...a) },
  TOTAL: { run: (c, a) => c.total(...a) },
  UNITRATE: { run: (c, a) => c.unitRate(...a) },
  BASIS: { run: (c, a) => c.basis(...a) },
  INFO: { run: (c, a) => c.info(...a) },
  PAYHOURS: { run: (c, a) => c.payHours(...a) },
  TIER: { run: (c, a) => c.tier(...a) },
  TABLECHECK: {
    // One table line's cells and single values in, one status out (never a spill of the line).
    run: (c, [line, ...rest]) => c.tableCheck(line, ...rest.map(scalarArg)),
    spill: () => ArraySize.scalar(),
  },
  TABLES: {
    // Two whole tables in, one cell out.
    run: (c, [overrides, roles]) => c.tables(overrides, roles),
    spill: () => ArraySize.scalar(),
  },
  ACCOUNTSUMS: {
    // Whole budget columns in, one cell out.
    run: (c, [accounts, roles, amounts, firstRow]) =>
      c.accountSums(accounts, roles, amounts, firstRow),
    spill: () => ArraySize.scalar(),
  },
  ACCOUNTSUM: { run: (c, a) => c.accountSum(...a) },
  LINESUM: {
    // Whole budget columns in, one cell out.
    run: (c, [accounts, roles, amounts, firstRow, account]) =>
      c.linesSum(accounts, roles, amounts, firstRow, account),
    spill: () => ArraySize.scalar(),
  },
  WAGESBEFORE: {
    run: (c, [persons, subtotals]) => c.wagesBefore(persons, subtotals),
    columnLike: 0,
  },
  ROLES: {
    run: (c, a) => c.roles(...a.map(scalarArg)),
    spill: (c, lit) =>
      lit ? sizeOf(c.roles(...lit.map(scalarArg))) : new ArraySize(1, MAX_ROLES_ROWS),
  },
  CLASSES: {
    run: (c, a) => c.classes(...a.map(scalarArg)),
    spill: (c, lit) =>
      lit ? sizeOf(c.classes(...lit.map(scalarArg))) : new ArraySize(4, MAX_CLASSES_ROWS),
  },
  EXPLAIN: {
    run: (c, a) => c.explain(...a.map(scalarArg)),
    spill: (c, lit) =>
      lit ? sizeOf(c.explain(...lit.map(scalarArg))) : new ArraySize(2, MAX_EXPLAIN_ROWS),
  },
} satisfies Record<CrewFunctionId, CrewFunctionRun>;

export const SPECS: readonly CrewFunctionSpec[] = CREW_FUNCTION_IDS.map((id) => ({
  id,
  maxArgs: CREW_PARAMS[id].length,
  ...RUNS[id],
}));

/** The specs by id: each call looks its own up. */
const SPEC_BY_ID = new Map<string, CrewFunctionSpec>(SPECS.map((s) => [s.id, s]));

/** Pads a spill to the size HyperFormula reserved for it. */
function pad(result: CellOutput[][], size: ArraySize): (string | number | CellError)[][] {
  const rows: (string | number | CellError)[][] = [];
  for (let r = 0; r < size.height; r++) {
    const row: (string | number | CellError)[] = [];
    for (let c = 0; c < size.width; c++) {
      const v = result[r]?.[c];
      row.push(v === undefined ? "" : toHfCell(v));
    }
    rows.push(row);
  }
  return rows;
}

/** Literal values of a call's arguments, or undefined when any argument is a reference or formula. */
function literalArgs(ast: ProcedureAst): CellArg[] | undefined {
  const out: CellArg[] = [];
  for (const arg of ast.args) {
    const node: { type: unknown; value?: unknown } = arg;
    const { value } = node;
    if (
      (node.type === "NUMBER" && typeof value === "number") ||
      (node.type === "STRING" && typeof value === "string")
    ) {
      out.push(value);
    } else if (node.type === "EMPTY") out.push(null);
    else return undefined;
  }
  return out;
}

/**
 * Makes a HyperFormula plugin class bound to one engine. Each host builds its own, so the preview,
 * the CLI and tests can use different cards.
 */
export function createCrewPlugin(engine: RateEngine): FunctionPluginDefinition {
  const crew = createCrewFunctions(engine);
  const implemented: ImplementedFunctions = {};
  class CrewPlugin extends FunctionPlugin {
    static implementedFunctions = implemented;

    call(id: string, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      const spec = SPEC_BY_ID.get(id)!;
      if (ast.args.length > spec.maxArgs) {
        return new CellError(ErrorType.NA, `CREW.${id} takes at most ${spec.maxArgs} arguments.`);
      }
      const args: CellArg[] = [];
      for (const a of ast.args) {
        const v = toArg(this.evaluateAst(a, state));
        if (v instanceof CellError) return v;
        args.push(v);
      }
      const result = spec.run(crew, args);
      if (!Array.isArray(result)) return toHfCell(result);
      const size = this.size(id, ast, state);
      const padded = pad(result, size);
      if (size.isScalar()) return padded[0]![0]!;
      return SimpleRangeValue.onlyValues(padded);
    }

    size(id: string, ast: ProcedureAst, state: InterpreterState): ArraySize {
      const spec = SPEC_BY_ID.get(id)!;
      if (spec.spill) return spec.spill(crew, literalArgs(ast));
      if (spec.columnLike !== undefined) {
        const arg = ast.args[spec.columnLike];
        const height = arg ? this.arraySizeForAst(arg, state).height : 1;
        return height === 1 ? ArraySize.scalar() : new ArraySize(1, height);
      }
      let width = 1;
      let height = 1;
      for (const a of ast.args) {
        const s = this.arraySizeForAst(a, state);
        if (s.width === 1 && s.height === 1) continue;
        width = Math.max(width, s.width);
        height = Math.max(height, s.height);
      }
      // Past the limit the call is one error (crewFunctions' lift), not a spill of that many.
      if (width * height > MAX_RESULT_CELLS) return ArraySize.scalar();
      return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
    }
  }
  const proto = CrewPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of SPECS) {
    const method = `crew${spec.id}`;
    const sizeMethod = `crew${spec.id}Size`;
    proto[method] = function (this: CrewPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.call(spec.id, ast, state);
    };
    proto[sizeMethod] = function (this: CrewPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.size(spec.id, ast, state);
    };
    implemented[`CREW.${spec.id}`] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: Array.from({ length: spec.maxArgs }, () => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
    };
  }
  return CrewPlugin;
}

const TRANSLATIONS = Object.fromEntries(SPECS.map((s) => [`CREW.${s.id}`, `CREW.${s.id}`]));

let registeredFor: RateEngine | undefined;

/** Registers the CREW plugin (once per engine; HyperFormula's registry is global). */
export function registerCrewFunctions(engine: RateEngine): void {
  if (registeredFor === engine) return;
  if (registeredFor) HyperFormula.unregisterFunctionPlugin(createCrewPlugin(registeredFor));
  for (const s of SPECS) {
    if (HyperFormula.getRegisteredFunctionNames("enGB").includes(`CREW.${s.id}`)) {
      HyperFormula.unregisterFunction(`CREW.${s.id}`);
    }
  }
  HyperFormula.registerFunctionPlugin(createCrewPlugin(engine), { enGB: TRANSLATIONS });
  registeredFor = engine;
}

/**
 * Text that HyperFormula's own date parser could read as a date or time: digits with date or time
 * separators, an optional am/pm. Everything else ("Gaffer", "3300", "") cannot be one under its
 * formats, so it is not handed to the parser at all.
 */
const DATE_LIKE = /^\s*\d[\d\s/.:-]*(?:[ap]m?)?\s*$/i;
const HAS_SEPARATOR = /[\s/.:-]|[ap]m?\s*$/i;
const parseDateTimeDefault = HyperFormula.defaultConfig.parseDateTime;

/** HyperFormula settings every CrewRate host uses. */
export const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  precisionRounding: 10,
  // HyperFormula tries every text it compares as a date (LEFT(Account,2)&"00"="3300", Role<>""):
  // in a 300-line budget that was a third of a recalculation. The same parser, asked only about
  // text that can be a date, gives the same answers.
  parseDateTime: (text, dateFormat, timeFormat) =>
    DATE_LIKE.test(text) && HAS_SEPARATOR.test(text)
      ? parseDateTimeDefault(text, dateFormat, timeFormat)
      : undefined,
};

/** A workbook engine with the CREW functions, for the preview, the CLI and tests. */
export function buildCrewWorkbook(
  engine: RateEngine,
  sheets: Record<string, (string | number | boolean | null)[][]>,
): HyperFormula {
  registerCrewFunctions(engine);
  indexDependencyEdges();
  return HyperFormula.buildFromSheets(sheets, HF_CONFIG);
}
