/**
 * CREW.ACCOUNTSUMS/ACCOUNTSUM, CREW.LINESUM and CREW.WAGESBEFORE: the one-pass sums behind the
 * topsheet, the budget's subtotal and totals rows and each line's wages to date, in HyperFormula (what the preview runs) and through Excel's adapter, checked
 * against the formulas they replace (SUMPRODUCT by account, SUMIF over the rows above).
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { accountSum, accountSums, ERROR_MARK, linesSum, wagesBefore } from "../../src/engine";
import { nativeLineSum } from "../../src/budget";

type Row = (string | number | null)[];

/** Budget-like rows: Account, Role, Person, Subtotal (header in row 1). */
const LINES: Row[] = [
  ["Account", "Role", "Person", "Subtotal"],
  ["3301", "Director of Photography", "Ann", 1000],
  [3304, "Camera Operator", "bo", 250.25],
  ["3300 total", null, null, 1250.25],
  ["1100", "Producer", "ann ", 500],
  ["3302", "", "Ann", 999], // a cleared role: not a crew line
  ["PROD1", "Own Role", "Cy", 10.1],
  ["prod1", "Own Role", "Ann", 0.2],
];

function sheetWith(formulaCell: string, keys: (string | number)[]): Row[] {
  return LINES.map((row, i) => [...row, null, keys[i] ?? null, i === 0 ? formulaCell : null]);
}

function values(rows: Row[], col: number, height: number) {
  const hf = buildCrewWorkbook(engine, { S: rows });
  const out = Array.from({ length: height }, (_, r) => hf.getCellValue({ sheet: 0, row: r, col }));
  hf.destroy();
  return out;
}

describe("CREW.ACCOUNTSUMS and CREW.ACCOUNTSUM", () => {
  const SUMS = `=CREW.ACCOUNTSUMS(A1:A8,B1:B8,IFERROR(D1:D8,"${ERROR_MARK}"),1)`;

  it("sums each account's crew lines in one pass: series keys take their accounts, others their own", () => {
    const keys = ["3300", "1100", "prod1", "2500", "3301"];
    const rows = sheetWith(SUMS, []);
    rows[0]![7] = SUMS;
    rows.forEach((row, i) => {
      row[6] = i < keys.length ? `=CREW.ACCOUNTSUM($H$1,"${keys[i]}")` : null;
    });
    expect(values(rows, 6, 5)).toEqual([1250.25, 500, 10.3, 0, 1000]);
  });

  it("names the first row of a line showing an error, and how many more, for the accounts it touches", () => {
    const rows = sheetWith(SUMS, []);
    rows[1]![3] = "=1/0";
    rows[2]![3] = '=CREW.RATE("No Such Role")';
    rows[0]![7] = SUMS;
    ["3300", "1100", "PROD1"].forEach((k, i) => {
      rows[i]![6] = `=CREW.ACCOUNTSUM($H$1,"${k}")`;
    });
    expect(values(rows, 6, 3)).toEqual(["Error in Budget row 2 and 1 more", 500, 10.3]);
  });

  it("agrees with the SUMPRODUCT it replaces on a random budget", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const accounts = ["3301", "3302", "2501", "1100", "1101", "4500", "PX"];
    const lines = Array.from({ length: 300 }, () => ({
      account: accounts[Math.floor(rnd() * accounts.length)]!,
      role: rnd() < 0.1 ? "" : "R",
      amount: Math.round(rnd() * 1e6) / 100,
    }));
    const sums = accountSums(
      lines.map((l) => l.account),
      lines.map((l) => l.role),
      lines.map((l) => l.amount),
      1,
    );
    const got = ["3300", "2500", "1100", "4500", "PX"].map((k) => accountSum(sums, k));
    const expected = ["33", "25", "11", "45", "PX"].map((prefix) => {
      const cents = lines
        .filter((l) => l.role !== "" && l.account.startsWith(prefix))
        .reduce((s, l) => s + Math.round(l.amount * 100), 0);
      return cents / 100;
    });
    expect(got).toEqual(expected);
  });

  it("refuses a range wider than one column and a cell that is not account sums, with the reason", () => {
    const hf = buildCrewWorkbook(engine, {
      S: [["3300", "x", "=CREW.ACCOUNTSUMS(A1:B1,A1:A1,A1:A1)", '=CREW.ACCOUNTSUM("3300","3300")']],
    });
    const wide = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
    const other = hf.getCellValue({ sheet: 0, row: 0, col: 3 });
    hf.destroy();
    expect(wide).toMatchObject({ value: "#VALUE!", message: "Line accounts must be one column." });
    expect(other).toMatchObject({
      value: "#VALUE!",
      message: "Account sums must be a CREW.ACCOUNTSUMS cell.",
    });
  });
});

describe('CREW.ACCOUNTSUM with "*": every crew line', () => {
  it("adds every account's lines, and names the first error row of all of them", () => {
    const sums = accountSums(
      LINES.map((r) => r[0]),
      LINES.map((r) => r[1]),
      LINES.map((r) => r[3]),
      1,
    );
    // Header row: "Subtotal" is text and adds nothing; the subtotal row and the cleared role are skipped.
    expect(accountSum(sums, "*")).toBe(1760.55);
    const withErrors = accountSums(
      LINES.map((r) => r[0]),
      LINES.map((r) => r[1]),
      LINES.map((r, i) => (i === 4 || i === 6 ? ERROR_MARK : r[3])),
      1,
    );
    expect(accountSum(withErrors, "*")).toBe("Error in Budget row 5 and 1 more");
  });
});

describe("CREW.LINESUM", () => {
  const at = (account?: string) =>
    `=CREW.LINESUM(A1:A8,B1:B8,IFERROR(D1:D8,"${ERROR_MARK}"),1${account === undefined ? "" : `,"${account}"`})`;

  it("sums the crew lines of an account series, one account or all, skipping rows without a role", () => {
    const rows = sheetWith("", []);
    [undefined, "3300", "prod1", "1100", "2500"].forEach((k, i) => {
      rows[i]![6] = at(k);
    });
    expect(values(rows, 6, 5)).toEqual([1760.55, 1250.25, 10.3, 500, 0]);
  });

  it("names the first row of a line showing an error and how many more; other accounts keep their sum", () => {
    const rows = sheetWith("", []);
    rows[1]![3] = "=1/0";
    rows[2]![3] = '=CREW.RATE("No Such Role")';
    [undefined, "3300", "1100"].forEach((k, i) => {
      rows[i]![6] = at(k);
    });
    expect(values(rows, 6, 3)).toEqual([
      "Error in row 2 and 1 more",
      "Error in row 2 and 1 more",
      500,
    ]);
  });

  it("gives the same answer as the native checked sum a values copy gets (nativeLineSum)", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const accounts = ["3301", 3302, "2501", " 1100", "1101", "PX", "px", "33"];
    const rows: Row[] = [["Account", "Role", "Person", "Subtotal"]];
    for (let i = 0; i < 120; i++) {
      const r = rnd();
      rows.push([
        accounts[Math.floor(rnd() * accounts.length)]!,
        r < 0.1 ? "" : "R",
        null,
        i % 37 === 5 ? "=1/0" : i % 29 === 3 ? "text" : Math.round(rnd() * 1e6) / 100,
      ]);
    }
    const keys = [undefined, "3300", "2500", "1100", "PX", "1101", "3302"];
    const formulas = keys.map((k) => {
      const f = `=CREW.LINESUM($A$1:$A$121,$B$1:$B$121,IFERROR($D$1:$D$121,"${ERROR_MARK}"),1${k === undefined ? "" : `,"${k}"`})`;
      return [f, nativeLineSum(f) ?? null];
    });
    expect(
      formulas.every(([, native]) => typeof native === "string" && !native.includes("CREW.")),
    ).toBe(true);
    const sheet = rows.map((row, i) => [...row, ...(formulas[i] ?? [null, null])]);
    const got = values(sheet, 4, keys.length);
    expect(values(sheet, 5, keys.length)).toEqual(got);
    expect(got.some((v) => typeof v === "string" && v.startsWith("Error in row"))).toBe(true);
    expect(got.some((v) => typeof v === "number" && v > 0)).toBe(true);
    // The pure function agrees with the cells.
    const col = (c: number) => rows.map((r) => (r[c] === "=1/0" ? ERROR_MARK : r[c]));
    expect(keys.map((k) => linesSum(col(0), col(1), col(3), 1, k))).toEqual(got);
  });

  it("leaves a producer's own LINESUM alone in a values copy: only CrewRate's shape is rewritten", () => {
    expect(nativeLineSum("=CREW.LINESUM(A1:A8,B1:B8,D1:D8)")).toBeUndefined();
    expect(
      nativeLineSum('=CREW.LINESUM(A1:A8,B1:B8,IFERROR(D1:D8,"#ERROR"),1,Settings!B2)'),
    ).toBeUndefined();
  });
});

describe("CREW.WAGESBEFORE", () => {
  it("gives each line the Subtotals above it for the same person, ignoring case and spaces", () => {
    const rows = LINES.map((row, i) => [
      ...row,
      i === 0 ? `=CREW.WAGESBEFORE(C1:C8,IFERROR(D1:D8,"${ERROR_MARK}"))` : null,
    ]);
    // Ann's lines: 1000, then 1500 before "ann " (row 5), then the cleared-role row adds 999...
    expect(values(rows, 4, 8)).toEqual([0, 0, 0, 0, 1000, 1500, 0, 2499]);
  });

  it("matches the SUMIF over the rows above on a random budget", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const people = ["Ann", "Bo", "", "Cy"];
    const persons = Array.from({ length: 500 }, () => people[Math.floor(rnd() * 4)]!);
    const subtotals = persons.map(() => Math.round(rnd() * 1e6) / 100);
    const expected = persons.map((p, i) =>
      p === ""
        ? 0
        : Math.round(
            subtotals.slice(0, i).reduce((s, v, j) => s + (persons[j] === p ? v * 100 : 0), 0),
          ) / 100,
    );
    expect(wagesBefore(persons, subtotals)).toEqual(expected);
  });

  it("makes a person's later lines an error when an earlier line of theirs shows one", () => {
    const rows = LINES.map((row, i) => [
      ...row,
      i === 0 ? `=CREW.WAGESBEFORE(C1:C8,IFERROR(D1:D8,"${ERROR_MARK}"))` : null,
    ]);
    rows[1]![3] = "=1/0";
    const out = values(rows, 4, 8);
    expect(out[2]).toBe(0); // bo
    expect(out[4]).toMatchObject({
      value: "#VALUE!",
      message: "Wages to date unknown: an earlier line for Ann shows an error.",
    });
  });
});
