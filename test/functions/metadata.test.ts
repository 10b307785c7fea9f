/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts (the metadata plugin's own
 * generator, as the build uses it). Every function and parameter must be described, and the
 * metadata must agree with the implementations Excel and HyperFormula run.
 */
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { rateCard } from "../../src/data";
import { excelFunctions } from "../../src/functions/functions";
import { SPECS } from "../../src/functions/hyperformula";

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
