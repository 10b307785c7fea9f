/**
 * Formula-level tests: real workbooks of CREW formulas evaluated by HyperFormula, the same function
 * implementations Excel runs. A 45-line budget built with the budget layout must total what the
 * engine says, to the cent, and recalculate when a quantity changes.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import {
  COLUMNS,
  defaultSettings,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  type CrewLineInput,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { DEFAULT_HOURS_PER_DAY, dollarsToCents } from "../../src/engine";

function evalOne(formula: string): CellValue {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  return v;
}

function spill(formula: string): CellValue[][] {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const v = hf.getSheetValues(0);
  hf.destroy();
  return v;
}

describe("CREW functions in a spreadsheet", () => {
  it.each([
    [
      '=CREW.RATE("Post Producer", 10)',
      engine.quote({ role: "Post Producer", quantity: 10 }).subtotalCents,
    ],
    [
      '=CREW.FRINGE("Gaffer", 6)',
      engine.quote({ role: "Gaffer", quantity: 6, hoursPerDay: DEFAULT_HOURS_PER_DAY }).fringeCents,
    ],
    [
      '=CREW.TOTAL("1st AC", 3, "day", "IATSE", "LA", "Studio", "2025-09-01", 0, 12)',
      engine.quote({
        role: "1st AC",
        quantity: 3,
        unit: "day",
        agreement: "IATSE",
        date: "2025-09-01",
        hoursPerDay: 12,
      }).totalCents,
    ],
    [
      '=CREW.UNITRATE("Key Grip", "hour")',
      engine.quote({ role: "Key Grip", unit: "hour" }).unitRateCents,
    ],
    [
      '=CREW.RATE("Gaffer", 1, "week", , , , DATE(2025,9,1))',
      engine.quote({ role: "Gaffer", date: "2025-09-01", hoursPerDay: DEFAULT_HOURS_PER_DAY })
        .subtotalCents,
    ],
  ])("%s equals the engine's quote to the cent", (formula, cents) => {
    expect(dollarsToCents(evalOne(formula) as number)).toBe(cents);
  });

  it("applies the yearly Social Security cap through wagesToDate", () => {
    const full = evalOne(
      '=CREW.FRINGE("Director of Photography", 10, "week", "IATSE", "LA", "Studio", "2026-08-02", 0)',
    ) as number;
    const capped = evalOne(
      '=CREW.FRINGE("Director of Photography", 10, "week", "IATSE", "LA", "Studio", "2026-08-02", 184500)',
    ) as number;
    const ss = engine
      .quote({ role: "DP", quantity: 10, agreement: "IATSE" })
      .fringes.find((f) => f.id === "social-security")!;
    expect(dollarsToCents(full - capped)).toBeGreaterThanOrEqual(ss.amountCents);
  });

  it("gives 14 pay hours for a 12-hour day", () => {
    expect(evalOne("=CREW.PAYHOURS(12)")).toBe(14);
  });

  it("answers INFO fields", () => {
    expect(evalOne('=CREW.INFO("DP", "department")')).toBe("Camera");
    expect(evalOne('=CREW.INFO("Key PA", "account")')).toBe("2012");
  });

  it("spills a column of roles for a department", () => {
    const values = spill('=CREW.ROLES("Camera")').map((r) => r[0]);
    expect(values).toContain("Director of Photography");
    expect(values.length).toBe(engine.search("", { department: "camera" }).length);
  });

  it("spills a two-column EXPLAIN ending with sources", () => {
    const rows = spill('=CREW.EXPLAIN("Post Producer", 10)');
    expect(rows[0]?.[0]).toBe("Role");
    const total = rows.find((r) => r[0] === "Total");
    expect(dollarsToCents(total?.[1] as number)).toBe(
      engine.quote({ role: "Post Producer", quantity: 10 }).totalCents,
    );
    expect(rows.some((r) => r[0] === "Rate source")).toBe(true);
  });

  it("computes a column of roles element-wise", () => {
    const hf = buildCrewWorkbook(engine, {
      S: [["Gaffer", "=CREW.RATE(A1:A3, 2)"], ["Key Grip"], ["Loader"]],
    });
    const got = [0, 1, 2].map((row) => hf.getCellValue({ sheet: 0, row, col: 1 }));
    hf.destroy();
    expect(got.map((v) => dollarsToCents(v as number))).toEqual(
      ["Gaffer", "Key Grip", "Loader"].map(
        (role) =>
          engine.quote({ role, quantity: 2, hoursPerDay: DEFAULT_HOURS_PER_DAY }).subtotalCents,
      ),
    );
  });

  it("prices a formula without hours like an inserted line: the Settings sheet's default hours", () => {
    const settingsHours = defaultSettings().hoursPerDay;
    const typed = dollarsToCents(evalOne('=CREW.RATE("Gaffer", 1, "week")') as number);
    expect(typed).toBe(
      engine.quote({ role: "Gaffer", unit: "week", hoursPerDay: settingsHours }).subtotalCents,
    );
    // Not the scale's bare guarantee, which is what the functions assumed before.
    expect(typed).not.toBe(engine.quote({ role: "Gaffer", unit: "week" }).subtotalCents);
  });

  it.each([
    ['=CREW.RATE("Post Produce", 1)', "#VALUE!", /Did you mean Post Producer/],
    ['=CREW.RATE("Gaffer", -1)', "#NUM!", /Quantity/],
    ['=CREW.RATE("Gaffer", 1, "fortnight")', "#VALUE!", /Unknown unit/],
    ['=CREW.RATE("Gaffer", 1, "week", "IATSEE")', "#VALUE!", /Did you mean IATSE/],
    ['=CREW.RATE("Post Producer", 1, "week", "IATSE")', "#N/A", /No rate for Post Producer/],
    ['=CREW.RATE("Gaffer", "ten")', "#VALUE!", /Quantity must be a number/],
    ['=CREW.INFO("Gaffer", "salary")', "#VALUE!", /Unknown field/],
    ['=CREW.RATE("")', "#VALUE!", /Role is empty/],
    ["=CREW.RATE(1/0)", "#DIV/0!", /.*/],
  ])("%s is %s with a message", (formula, code, message) => {
    const v = evalOne(formula);
    expect(v).toBeInstanceOf(DetailedCellError);
    const e = v as DetailedCellError;
    expect(e.value).toBe(code);
    expect(e.message ?? "").toMatch(message);
  });
});

const BUDGET: [string, CrewLineInput["quantity"], CrewLineInput["unit"], string?][] = [
  ["Unit Production Manager", "shoot", "week"],
  ["1st Assistant Director", "shoot", "week"],
  ["Key 2nd Assistant Director", "shoot", "week"],
  ["2nd 2nd Assistant Director", "shoot", "week"],
  ["Key Production Assistant", "shoot", "week"],
  ["Production Coordinator", 12, "week"],
  ["Post Producer", 20, "week"],
  ["Line Producer", 16, "week"],
  ["Script Supervisor", "shoot", "week"],
  ["Location Manager", 14, "week"],
  ["Casting Director", 10, "week"],
  ["Director of Photography", "prep", "week"],
  ["Director of Photography", "shoot", "week"],
  ["Camera Operator", "shoot", "week"],
  ["1st AC", "shoot", "week"],
  ["2nd AC", "shoot", "week"],
  ["Loader", 40, "day"],
  ["DIT", "shoot", "week"],
  ["Key Grip", "shoot", "week"],
  ["Best Boy Grip", "shoot", "week"],
  ["Dolly Grip", "shoot", "week"],
  ["Grip", 120, "day"],
  ["Gaffer", "shoot", "week"],
  ["Best Boy Electric", "shoot", "week"],
  ["Lighting Technician", 160, "day"],
  ["Production Sound Mixer", "shoot", "week"],
  ["Boom Operator", "shoot", "week"],
  ["Production Designer", 14, "week"],
  ["Art Director", 14, "week"],
  ["Set Decorator", 12, "week"],
  ["Leadperson", 12, "week"],
  ["Property Master", 12, "week"],
  ["Construction Coordinator", 10, "week"],
  ["Costume Designer", 14, "week"],
  ["Key Makeup Artist", "shoot", "week"],
  ["Key Hair Stylist", "shoot", "week"],
  ["Special Effects Coordinator", 10, "week"],
  ["Stunt Coordinator", 6, "week"],
  ["Transportation Coordinator", 12, "week"],
  ["Transportation Captain", 12, "week"],
  ["Editor", 24, "week"],
  ["Assistant Editor", 24, "week"],
  ["Supervising Sound Editor", 8, "week"],
  ["VFX Supervisor", 20, "week"],
  ["Composer", 1, "flat"],
  ["Unit Publicist", 6, "week"],
];

const TOTAL_COL = COLUMNS.indexOf("Total");

describe("a 46-line budget built as a sheet of CREW formulas", () => {
  async function build() {
    const wb = new PreviewWorkbook(engine);
    const lines: CrewLineInput[] = BUDGET.map(([title, quantity, unit]) => {
      const role = engine.findRole(title);
      return {
        account: role.account,
        department: engine.departmentOf(role).name,
        role: role.title,
        person: title === "Director of Photography" ? "Pat Lee" : undefined,
        description: role.title,
        quantity,
        unit,
      };
    });
    await wb.appendCrewLines(lines.slice(0, 20));
    await wb.appendCrewLines(lines.slice(20));
    return { wb, lines };
  }

  function expectedTotalCents(
    settings: { shootWeeks: number; prepWeeks: number },
    override?: [number, number],
  ) {
    const paid = new Map<string, number>();
    let total = 0;
    BUDGET.forEach(([title, quantity, unit], i) => {
      const qty =
        override?.[0] === i
          ? override[1]
          : typeof quantity === "number"
            ? quantity
            : quantity === "shoot"
              ? settings.shootWeeks
              : quantity === "prep"
                ? settings.prepWeeks
                : 2;
      const person = title === "Director of Photography" ? "Pat Lee" : undefined;
      const q = engine.quote({
        role: title,
        quantity: qty,
        unit,
        hoursPerDay: 12,
        wagesToDate: person ? (paid.get(person) ?? 0) / 100 : 0,
      });
      if (person) paid.set(person, (paid.get(person) ?? 0) + q.subtotalCents);
      total += q.totalCents;
    });
    return total;
  }

  /** The Budget's totals row (0-based): where column A says "Total". */
  function totalsRowIndex(wb: PreviewWorkbook): number {
    return wb.hf.getSheetValues(wb.sheetId("Budget")).findIndex((r) => r[0] === "Total");
  }

  function budgetTotal(wb: PreviewWorkbook): number {
    const sheet = wb.sheetId("Budget");
    return wb.hf.getCellValue({ sheet, row: totalsRowIndex(wb), col: TOTAL_COL }) as number;
  }

  it("totals what the engine says, to the cent, with no errors in any line", async () => {
    const { wb } = await build();
    const sheet = wb.sheetId("Budget");
    const lines = await wb.readCrewLines();
    // Every line is there, in chart-of-accounts order, between its account subtotals.
    expect(lines.map((l) => l.role).sort()).toEqual(
      BUDGET.map(([title]) => engine.findRole(title).title).sort(),
    );
    for (const line of lines) {
      const v = wb.hf.getCellValue({ sheet, row: line.row - 1, col: TOTAL_COL });
      expect(typeof v, `row ${line.row} (${line.role})`).toBe("number");
    }
    expect(dollarsToCents(budgetTotal(wb))).toBe(
      expectedTotalCents({ shootWeeks: 8, prepWeeks: 4 }),
    );
  });

  it("recalculates when a quantity is edited in the sheet", async () => {
    const { wb } = await build();
    const before = budgetTotal(wb);
    const gaffer = (await wb.readCrewLines()).find((l) => l.role === "Gaffer");
    expect(BUDGET[22]?.[0]).toBe("Gaffer");
    // Gaffer: 10 weeks instead of ShootWeeks
    wb.setCell("Budget", gaffer!.row - 1, COLUMNS.indexOf("Qty"), "10");
    expect(budgetTotal(wb)).not.toBe(before);
    expect(dollarsToCents(budgetTotal(wb))).toBe(
      expectedTotalCents({ shootWeeks: 8, prepWeeks: 4 }, [22, 10]),
    );
  });

  it("follows the shoot weeks setting on every shoot line", async () => {
    const { wb } = await build();
    wb.setCell(
      "Settings",
      SETTINGS_FIRST_ROW - 1 + SETTINGS.findIndex((x) => x.name === "ShootWeeks"),
      1,
      "10",
    );
    expect(dollarsToCents(budgetTotal(wb))).toBe(
      expectedTotalCents({ shootWeeks: 10, prepWeeks: 4 }),
    );
  });

  it("sums the budget by department on the topsheet", async () => {
    const { wb } = await build();
    const top = wb.hf.getSheetValues(wb.sheetId("Topsheet"));
    const crew = top.find((r) => r[1] === "Total crew labor and fringes")?.[4] as number;
    expect(dollarsToCents(crew)).toBe(dollarsToCents(budgetTotal(wb)));
    // Every account's row adds to the same: nothing is counted twice or left out.
    const accounts = top.filter((r) => /^\d{4}$/.test(String(r[0])));
    const cents = accounts.reduce((sum, r) => sum + dollarsToCents(r[4] as number), 0);
    expect(cents).toBe(dollarsToCents(budgetTotal(wb)));
    const contingency = top.find((r) => String(r[1]).startsWith("Contingency"))?.[4] as number;
    expect(dollarsToCents(contingency)).toBe(Math.round(dollarsToCents(budgetTotal(wb)) * 0.1));
  });
});
