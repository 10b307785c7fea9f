/**
 * A CREW call's work is bounded: ranges that broadcast past the result limit, text past its length
 * and numbers typed in forms a locale would have to guess at are one clear error, in the shared
 * implementation and through HyperFormula alike. Sizes and messages are checked, never times.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { MAX_NAME_LENGTH, MAX_RESULT_CELLS } from "../../src/functions/args";
import { createCrewFunctions, type CellResult } from "../../src/functions/crewFunctions";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { isCellFailure } from "../../src/functions/toExcelError";
import { MAX_SEARCH_LENGTH } from "../../src/engine/search";

const crew = createCrewFunctions(engine);

const column = (n: number, value: string | number) => Array.from({ length: n }, () => [value]);
const row = (n: number, value: string | number) => [Array.from({ length: n }, () => value)];

/** The failure a call returned; fails the test when it returned anything else. */
function failureOf(result: CellResult) {
  if (!isCellFailure(result)) throw new Error(`expected one error, got ${JSON.stringify(result)}`);
  return result;
}

describe("broadcasting ranges", () => {
  it(`returns one #VALUE! saying the limit past ${MAX_RESULT_CELLS.toLocaleString("en-US")} results`, () => {
    const side = Math.ceil(Math.sqrt(MAX_RESULT_CELLS)) + 1;
    const failure = failureOf(crew.rate(column(side, "Gaffer"), row(side, 2)));
    expect(failure.error).toBe("#VALUE!");
    expect(failure.message).toContain(`at most ${MAX_RESULT_CELLS.toLocaleString("en-US")}`);
    expect(failure.message).toContain(`${side} rows by ${side} columns`);
    // A 3,000-cell column against a 3,000-cell row: the report's 9,000,000 results.
    expect(failureOf(crew.total(column(3_000, "Gaffer"), row(3_000, 1))).message).toContain(
      "9,000,000 results",
    );
  });

  it("still prices a column as long as the limit", () => {
    const result = crew.unitRate(column(MAX_RESULT_CELLS, "Gaffer"), "day");
    expect(Array.isArray(result) && result.length).toBe(MAX_RESULT_CELLS);
  });

  it("is one error cell in HyperFormula too, not a spill of that many", () => {
    const side = Math.ceil(Math.sqrt(MAX_RESULT_CELLS)) + 1;
    const data = [...column(side, "Gaffer"), [null, ...row(side, 2)[0]!]];
    const hf = buildCrewWorkbook(engine, {
      S: [[`=CREW.RATE(T!A1:A${side}, T!B${side + 1}:${columnName(side)}${side + 1})`]],
      T: data,
    });
    const cell = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
    expect(cell).toMatchObject({ value: "#VALUE!" });
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 0 })).toBeNull();
    hf.destroy();
  });
});

/** A1-style column letters for a 0-based column index. */
function columnName(index: number): string {
  let name = "";
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) {
    name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  }
  return name;
}

describe("text arguments", () => {
  it(`refuse a search longer than ${MAX_SEARCH_LENGTH} characters, saying the limit`, () => {
    const failure = failureOf(crew.roles(null, "gaffer ".repeat(5_000)));
    expect(failure.error).toBe("#VALUE!");
    expect(failure.message).toBe(
      `Search is too long (34,999 characters; at most ${MAX_SEARCH_LENGTH}).`,
    );
    const within = crew.roles(null, `gaffer${" ".repeat(MAX_SEARCH_LENGTH - 10)}x`);
    expect(isCellFailure(within) ? within.message : "").not.toContain("too long");
  });

  it(`refuse a role longer than ${MAX_NAME_LENGTH} characters, saying the limit`, () => {
    expect(failureOf(crew.rate("x".repeat(32_767))).message).toBe(
      `Role is too long (32,767 characters; at most ${MAX_NAME_LENGTH}).`,
    );
    expect(failureOf(crew.rate("x".repeat(MAX_NAME_LENGTH))).message).toMatch(/^Unknown role/);
  });
});

describe("numbers typed as text", () => {
  // "+3" was taken here once; the crew list and the tables never took it. One rule (readAmount)
  // now reads amounts everywhere, and it takes no sign.
  it.each(["0x10", "1,2,3", "12,34", "1e3", "0b11", "Infinity", "+3", "１２"])(
    "refuse %j",
    (typed) => {
      const failure = failureOf(crew.rate("Gaffer", typed));
      expect(failure.error).toBe("#VALUE!");
      expect(failure.message).toBe(`Quantity must be a number, not '${typed}'.`);
    },
  );

  it.each([
    ["1,200", 1_200],
    ["$50", 50],
    [" 2.5 ", 2.5],
    ["12.345", 12.345],
  ])("take %j as %d", (typed, n) => {
    expect(crew.rate("Gaffer", typed, "hour")).toBe(crew.rate("Gaffer", n, "hour"));
  });

  it("refuse a negative quantity typed as text, saying it must be from 0 up", () => {
    expect(failureOf(crew.rate("Gaffer", "-5"))).toEqual({
      error: "#VALUE!",
      message: "Quantity must be a number from 0 up, not '-5'.",
    });
  });

  it("take dollars (wages to date, a budget total) to the cent, refusing a third decimal", () => {
    expect(crew.tier("$1,500,000.50")).toBe(crew.tier(1_500_000.5));
    expect(failureOf(crew.tier("1.500.000"))).toMatchObject({ error: "#VALUE!" });
    expect(failureOf(crew.tier("12.345"))).toEqual({
      error: "#VALUE!",
      message: "Total budget must be dollars and cents (at most two decimal places), not '12.345'.",
    });
  });
});
