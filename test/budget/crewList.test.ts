/**
 * "Import a crew list": pasted rows are read as a crew list writes them, each becomes a crew line
 * of the role it names, a negotiated rate becomes a Rate Overrides line, and nothing that cannot be
 * placed is inserted; the port writes all of it in one write, or none.
 */
import { describe, expect, it } from "vitest";
import {
  crewListNumber,
  defaultSettings,
  IMPORT_NOTE,
  parseCrewList,
  planImport,
  requestForLine,
  type PlannedRow,
  type RowChoice,
} from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { engine } from "../../src/data";
import { hireOf } from "../../src/engine";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

const settings = defaultSettings();

/** The producer's answer for an unplaceable title: this production's own role. */
const OWN_ROLE: RowChoice = {
  kind: "own-role",
  role: {
    title: "Zzqx Wrangler",
    department: "camera",
    account: "",
    description: IMPORT_NOTE,
    unit: "day",
    rate: 700,
    agreement: "",
  },
};

function kinds(rows: readonly PlannedRow[]): string[] {
  return rows.map((r) => r.kind);
}

describe("reading a pasted crew list", () => {
  it("reads copied cells with a heading row, in whatever column order the headings say", () => {
    const rows = parseCrewList(
      "Name\tPosition\tRate\tQty\tUnit\nSam Lee\tGaffer\t$4,500.00\t8\tweek\n\n",
    );
    expect(rows).toEqual([
      { line: 2, title: "Gaffer", person: "Sam Lee", quantity: 8, unit: "week", rate: 4500 },
    ]);
  });

  it("reads CSV without headings as title, person, quantity, unit, rate", () => {
    expect(parseCrewList('"Key Grip, local hire",Bo,5,day,650')[0]).toMatchObject({
      title: "Key Grip, local hire",
      person: "Bo",
      quantity: 5,
      unit: "day",
      rate: 650,
    });
  });

  it("takes plain or US-formatted amounts only, and says which cell is not a number", () => {
    expect(crewListNumber("$1,250.50")).toBe(1250.5);
    expect(crewListNumber("1250")).toBe(1250);
    for (const bad of ["0x10", "1,2,3", "12,50", "ten", "1e3", ""]) {
      expect(crewListNumber(bad)).toBeUndefined();
    }
    expect(parseCrewList("Gaffer,,8,week,0x10")[0]?.problem).toBe("Rate '0x10' is not a number.");
  });

  it("reads a rate as dollars and cents and a quantity as any fraction, by the sheet's rule", () => {
    const [row] = parseCrewList("Title\tQty\tUnit\tRate\nGaffer\t12.345\tday\t$1,200.5");
    expect([row?.quantity, row?.rate, row?.problem]).toEqual([12.345, 1200.5, undefined]);
    expect(parseCrewList("Gaffer\t\t8\tday\t12.345")[0]?.problem).toBe(
      "Rate '12.345' has more than two decimal places (cents).",
    );
    expect(parseCrewList("Gaffer\t\t-5\tday\t+3")[0]?.problem).toBe(
      "Quantity '-5' is negative; Rate '+3' is not a number.",
    );
  });

  it("refuses a rate over the ceiling of its unit before planning a Rate Overrides line", () => {
    const plan = planImport(
      engine,
      parseCrewList("Title\tQty\tUnit\tRate\nGaffer\t10\thour\t10,000,000\nGaffer\t1\tday\t5000"),
      settings,
    );
    expect(kinds(plan.rows)).toEqual(["bad", "line"]);
    const bad = plan.rows[0];
    expect(bad?.kind === "bad" ? String(bad.error) : "").toContain(
      "Rate '10000000' is more than $5,000 per hour, the most a line may pay",
    );
    expect(plan.ready).toBe(false);
    expect(plan.overrides.map((o) => o.amount)).toEqual([5000]);
  });
});

describe("planning an import", () => {
  it("makes a crew line per row, a weekly role without a quantity following the shoot", () => {
    const plan = planImport(
      engine,
      parseCrewList("Title\tName\nGaffer\tSam\nKey Grip\t"),
      settings,
    );
    expect(kinds(plan.rows)).toEqual(["line", "line"]);
    expect(plan.ready).toBe(true);
    expect(plan.lines.map((l) => [l.role, l.person, l.quantity])).toEqual([
      ["Gaffer", "Sam", "shoot"],
      ["Key Grip", undefined, "shoot"],
    ]);
    expect(plan.overrides).toEqual([]);
  });

  it("reads titles as crew lists write them, and says how each was read", () => {
    const plan = planImport(engine, parseCrewList("Set PA #3\nKey Grip - Local Hire"), settings);
    expect(plan.rows.map((r) => (r.kind === "line" ? [r.role.id, r.how] : r.kind))).toEqual([
      [engine.findRole("Set PA").id, expect.stringContaining("numbering taken off")],
      [engine.findRole("Key Grip").id, expect.stringContaining("kept: Local Hire")],
    ]);
    expect(plan.lines[1]?.description).toBe("Key Grip, Local Hire");
  });

  it("prices a local hire on the agreement that covers the role where the production shoots", () => {
    const georgia = { ...settings, region: "Georgia" };
    const plan = planImport(
      engine,
      parseCrewList("Key Grip - Local Hire\nKey Grip\nGrip (local)"),
      georgia,
    );
    const [local, plain, grip] = plan.rows;
    const hire = local?.kind === "line" ? local.hire : undefined;
    expect([hire?.agreement, hire?.region]).toEqual(["IATSE Area Standards Agreement", "Georgia"]);
    expect(hire?.note).toMatch(
      /^Local hire: priced on the IATSE Area Standards Agreement, the agreement that covers Key Grip in Georgia .* as a line without the note is\.$/,
    );
    expect(local?.kind === "line" && local.how).toContain(
      "local hire: IATSE Area Standards Agreement (Georgia)",
    );
    expect(grip?.kind === "line" && grip.hire?.agreement).toBe("IATSE Area Standards Agreement");
    // No note: the same agreement by default; the note is kept on the line, not lost.
    expect(plain?.kind === "line" && plain.hire).toBeUndefined();
    expect(plan.lines[0]?.description).toBe("Key Grip, Local Hire");
    const [localQuote, plainQuote] = plan.lines.map((l) =>
      engine.quote(requestForLine(l, georgia)),
    );
    expect(localQuote?.agreement.id).toBe("asa");
    expect(localQuote?.totalCents).toBe(plainQuote?.totalCents);
    // The line follows the Region setting, so a local hire stays local if the shoot moves.
    expect([plan.lines[0]?.agreement, plan.lines[0]?.region]).toEqual([undefined, undefined]);
  });

  it("says what local hire means where the Basic Agreement, a national one or none applies", () => {
    const hireOfRow = (title: string, region: string) => {
      const row = planImport(engine, parseCrewList(title), { ...settings, region }).rows[0];
      return row?.kind === "line" ? row.hire : undefined;
    };
    expect(hireOfRow("Key Grip - Local Hire", "Los Angeles")?.agreement).toBe(
      "IATSE Basic Agreement",
    );
    expect(hireOfRow("1st AD - Local Hire", "Georgia")?.note).toMatch(/in every region/);
    expect(hireOfRow("DP - Local Hire", "Georgia")?.note).toMatch(
      /^Local hire: priced on the IATSE Local 600 Amendment Agreement, the agreement that covers Director of Photography in Georgia/,
    );
    expect(hireOfRow("Production Designer - Local Hire", "Georgia")?.note).toMatch(
      /no union scale on the card covers Production Designer in Georgia .* priced non-union/,
    );
  });

  it.each([
    [["Local Hire"], "local"],
    [["local hire"], "local"],
    [["local"], "local"],
    [["hired locally"], "local"],
    [["LH"], "local"],
    [["min 4 hrs"], undefined],
    [["2nd unit", "B camera"], undefined],
  ])("reads the hire words %j as %s", (qualifiers, expected) => {
    expect(hireOf(qualifiers)).toBe(expected);
  });

  it("reads months and episodes from a crew list's unit column", () => {
    const plan = planImport(
      engine,
      parseCrewList("Key Grip,,3,months,\nScript Supervisor,,10,eps,9000"),
      settings,
    );
    expect(plan.lines.map((l) => [l.unit, l.quantity])).toEqual([
      ["month", 3],
      ["episode", 10],
    ]);
    expect(plan.overrides).toEqual([
      {
        role: "Script Supervisor",
        agreement: "",
        unit: "episode",
        amount: 9000,
        note: IMPORT_NOTE,
      },
    ]);
  });

  it("turns a rate that differs from scale into one Rate Overrides line, noted as imported", () => {
    const plan = planImport(
      engine,
      parseCrewList("Gaffer,Sam,8,week,5000\nGaffer,Ann,2,week,5000"),
      settings,
    );
    expect(plan.overrides).toEqual([
      { role: "Gaffer", agreement: "", unit: "week", amount: 5000, note: IMPORT_NOTE },
    ]);
    const line = plan.rows[0];
    expect(line?.kind === "line" ? line.scaleCents : undefined).toBeGreaterThan(0);
  });

  it("refuses two rates for one role and unit, and a rate an existing override contradicts", () => {
    const two = planImport(
      engine,
      parseCrewList("Gaffer,,1,week,5000\nGaffer,,1,week,5200"),
      settings,
    );
    expect(kinds(two.rows)).toEqual(["line", "bad"]);
    expect(two.ready).toBe(false);
    const existing = planImport(engine, parseCrewList("Gaffer,,1,week,5000"), settings, {
      existingOverrides: [["Gaffer", "", "week", 4800, "deal memo"]],
    });
    expect(kinds(existing.rows)).toEqual(["bad"]);
    const same = planImport(engine, parseCrewList("Gaffer,,1,week,4800"), settings, {
      existingOverrides: [["Gaffer", "", "week", 4800, "deal memo"]],
    });
    expect(same.overrides).toEqual([]);
    expect(same.ready).toBe(true);
  });

  it("holds back a title it cannot place until the producer settles it", () => {
    const rows = parseCrewList("Gaffer\nZzqx Wrangler");
    const open = planImport(engine, rows, settings);
    expect(kinds(open.rows)).toEqual(["line", "unmatched"]);
    expect(open.ready).toBe(false);

    const skipped = planImport(engine, rows, settings, {
      choices: new Map([[2, { kind: "skip" as const }]]),
    });
    expect(skipped.ready).toBe(true);
    expect(skipped.lines).toHaveLength(1);

    const own = planImport(engine, rows, settings, {
      choices: new Map([[2, OWN_ROLE]]),
    });
    expect(own.ready).toBe(true);
    expect(own.roles.map((r) => r.title)).toEqual(["Zzqx Wrangler"]);
    expect(own.lines.map((l) => l.role)).toEqual(["Gaffer", "Zzqx Wrangler"]);
  });
});

describe("inserting an import", () => {
  it("writes the lines, their override and a new role in one write, and the sheet prices them", async () => {
    const wb = new PreviewWorkbook(engine);
    const rows = parseCrewList("Gaffer,Sam,2,week,5000\nZzqx Wrangler,,3,day,700");
    const plan = planImport(engine, rows, settings, {
      choices: new Map([[2, OWN_ROLE]]),
    });
    let changes = 0;
    wb.subscribe(() => (changes += 1));
    const result = await wb.appendCrewLines(plan.lines, {
      overrides: plan.overrides,
      roles: plan.roles,
    });
    expect(changes).toBe(1);
    expect(result).toMatchObject({ rowsAdded: 2, overrideLines: [1], roleLines: [1] });
    const lines = await wb.readCrewLines();
    // 2 weeks at the negotiated $5,000, 3 days at the own role's $700.
    expect(lines.map((l) => l.subtotal)).toEqual([10_000, 2_100]);
    wb.hf.destroy();
  });

  it("writes nothing when a table has too few blank lines", async () => {
    const port = new MemoryWorkbook();
    port.tables.overrides = Array.from({ length: 200 }, (_, i) => [`Role ${i}`, "", "day", 1, ""]);
    const plan = planImport(engine, parseCrewList("Gaffer,,1,week,5000"), settings);
    await expect(port.appendCrewLines(plan.lines, { overrides: plan.overrides })).rejects.toThrow(
      /Rate Overrides sheet has 0 blank lines of the 1 needed/,
    );
    expect(port.lines).toEqual([]);
  });
});
