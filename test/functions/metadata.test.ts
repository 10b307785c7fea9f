/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts (the metadata plugin's own
 * generator, as the build uses it). Every function and parameter must be described, and the
 * metadata must agree with the parameter table (params.ts) the implementations Excel and
 * HyperFormula run read their arguments by.
 */
import { ACCOUNT_SUMS_MARK } from "../../src/engine";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rateCard } from "../../src/data";
import { excelFunctions } from "../../src/functions/functions";
import { SPECS } from "../../src/functions/hyperformula";
import {
  CREW_FUNCTION_IDS,
  CREW_PARAMS,
  isCrewFunctionId,
  PARAMS,
  type Param,
  type ParamName,
} from "../../src/functions/params";

interface ParamMeta {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { dimensionality?: string };
  options?: { volatile?: boolean; stream?: boolean };
}

const source = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));
let functions: FunctionMeta[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(source);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
});

/** The table's parameters of a function in functions.json, in order. */
function tableParams(id: string): readonly ParamName[] {
  return isCrewFunctionId(id) ? CREW_PARAMS[id] : [];
}

const paramByName = new Map<string, Param>(Object.entries(PARAMS));

describe("functions.json", () => {
  it("declares exactly the CREW functions the code implements, for Excel and HyperFormula", () => {
    const ids = functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(excelFunctions).sort());
    expect(ids).toEqual(SPECS.map((s) => s.id).sort());
  });

  it("describes every function and every parameter", () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0, f.id).toBeGreaterThan(20);
      for (const p of f.parameters)
        expect(p.description?.length ?? 0, `${f.id}.${p.name}`).toBeGreaterThan(8);
    }
  });

  it("has as many parameters as each implementation takes, and HyperFormula allows the same", () => {
    for (const f of functions) {
      const fn = excelFunctions[f.id as keyof typeof excelFunctions];
      expect(f.parameters.length, f.id).toBe(fn.length);
      expect(SPECS.find((s) => s.id === f.id)?.maxArgs, f.id).toBe(f.parameters.length);
    }
  });

  it("makes only the first parameter of RATE, FRINGE, TOTAL, UNITRATE and EXPLAIN required", () => {
    for (const id of ["RATE", "FRINGE", "TOTAL", "UNITRATE", "EXPLAIN"]) {
      const f = functions.find((x) => x.id === id)!;
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(
        f.parameters.map((_, i) => i > 0),
      );
    }
  });

  it("lists each function's parameters as params.ts does: names, order and optional-ness", () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...CREW_FUNCTION_IDS].sort());
    for (const f of functions) {
      const names = tableParams(f.id);
      expect(
        f.parameters.map((p) => p.name),
        f.id,
      ).toEqual(names);
      expect(
        f.parameters.map((p) => p.optional ?? false),
        f.id,
      ).toEqual(names.map((n) => PARAMS[n].optional));
    }
  });

  it("takes a table's rows as a range, and documents the table's number defaults", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        const param = paramByName.get(p.name);
        if (param?.type === "rows") expect(p.dimensionality, `${f.id}.${p.name}`).toBe("matrix");
        if (param?.type === "number" && param.default !== undefined) {
          expect(p.description, `${f.id}.${p.name}`).toContain(`Default ${param.default}.`);
        }
      }
    }
  });

  it("accepts ranges of roles and spills its results; nothing is volatile or streaming", () => {
    for (const f of functions) {
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
    }
    expect(functions.find((f) => f.id === "RATE")!.parameters[0]!.dimensionality).toBe("matrix");
  });

  it("documents the card's own default date, not today's", () => {
    const rate = functions.find((f) => f.id === "RATE")!;
    expect(rate.parameters.find((p) => p.name === "date")!.description).toContain(
      rateCard.meta.defaultDate,
    );
  });
});

describe("the Excel functions", () => {
  /** Enough of Excel's CustomFunctions for a failing cell to throw its error with the message. */
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  beforeAll(() => {
    vi.stubGlobal("CustomFunctions", {
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  /** A value each required one-cell parameter accepts, so only the bad argument fails. */
  const valid = new Map<string, unknown>([
    ["role", "Gaffer"],
    ["field", "title"],
    ["hoursWorked", 8],
    ["sums", `${ACCOUNT_SUMS_MARK}{"r":4,"s":{},"a":{}}`],
    ["account", "3300"],
  ]);
  const expected = { text: "text", number: "a number", date: "a date" };

  it("pass each argument on to the implementation in the table's order", () => {
    for (const f of functions) {
      if (!isCrewFunctionId(f.id)) throw new Error(`${f.id} is not in params.ts`);
      const fn = excelFunctions[f.id];
      CREW_PARAMS[f.id].forEach((name, i) => {
        const param = PARAMS[name];
        if (param.type === "rows") return;
        // TRUE where `name` goes: only that argument's reading fails, and its message names it.
        const args = f.parameters.map((p, j) => {
          const value = j === i ? true : (valid.get(p.name) ?? null);
          return p.dimensionality === "matrix" ? [[value]] : value;
        });
        let thrown: unknown;
        try {
          Reflect.apply(fn, undefined, args);
        } catch (e) {
          thrown = e;
        }
        expect(thrown, `${f.id}.${name}`).toStrictEqual(
          new ExcelError("#VALUE!", `${param.label} must be ${expected[param.type]}, not TRUE.`),
        );
      });
    }
  });
});
