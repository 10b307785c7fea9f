/**
 * The production's own tables: Rate Overrides win over the card, Production Roles are found,
 * searched and priced like card roles, and a bad row is an error naming its table and line.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { productionToken, tablesFromToken, type ProductionTables } from "../../src/engine";
import { errorOf } from "../fixtures/errorOf";

const tables: ProductionTables = {
  overrides: [
    ["Gaffer", "IATSE", "week", 4200, "Deal memo 14 Oct: flat week"],
    [null, null, null, null, null],
    ["Gaffer", "", "day", "$950.00", "any agreement"],
    ["Drone Pilot", "", "week", 5000, ""],
  ],
  roles: [
    ["Drone Pilot", "Camera", "", "Flies the aerial unit's drone and keeps its logs.", "day", 1200],
    ["Local Fixer", "Production", 2199, "", "week", "2,750", "Non-union"],
  ],
};
const prod = engine.withProduction(tables);

describe("rate overrides", () => {
  it("win over the card for the role, agreement and unit they name, citing their line", () => {
    const card = engine.quote({ role: "Gaffer", agreement: "IATSE", unit: "week" });
    const q = prod.quote({ role: "Gaffer", agreement: "IATSE", unit: "week", quantity: 3 });
    expect(q.unitRateCents).toBe(420_000);
    expect(q.subtotalCents).toBe(1_260_000);
    expect(q.basis.kind).toBe("override");
    if (q.basis.kind !== "override") return;
    expect(q.basis.line).toBe(1);
    expect(q.basis.cardRateCents).toBe(card.unitRateCents);
    expect(q.explanation).toContain("Rate Overrides line 1: 'Deal memo 14 Oct: flat week'");
    expect(q.explanation).toContain(`replaces the card's`);
    expect(q.sources[0]).toContain("Rate Overrides table in this workbook, line 1");
    // The union's fringes still apply to the negotiated wage.
    expect(q.fringes.map((f) => f.id)).toEqual(card.fringes.map((f) => f.id));
    expect(q.totalCents).toBe(q.subtotalCents + q.fringeCents);
  });

  it("count lines as the sheet does, blank lines included", () => {
    const q = prod.quote({ role: "Gaffer", agreement: "Non-union", unit: "day" });
    expect(q.basis.kind === "override" && q.basis.line).toBe(3);
  });

  it("leave other units and the card's other roles alone", () => {
    for (const request of [
      { role: "Gaffer", agreement: "IATSE", unit: "hour" },
      { role: "Key Grip", unit: "week" },
    ]) {
      expect(prod.quoteFast(request).totalCents).toBe(engine.quoteFast(request).totalCents);
    }
  });

  it("prefer a line naming the agreement over one for any agreement", () => {
    const specific = engine.withProduction({
      overrides: [
        ["Gaffer", "", "week", 3000, ""],
        ["Gaffer", "IATSE", "week", 4000, ""],
      ],
      roles: [],
    });
    expect(specific.quoteFast({ role: "Gaffer", agreement: "IATSE" }).unitRateCents).toBe(400_000);
    expect(specific.quoteFast({ role: "Gaffer", agreement: "Non-union" }).unitRateCents).toBe(
      300_000,
    );
  });

  it("are used as written: no overtime for long days, said in the notes", () => {
    const q = prod.quote({ role: "Gaffer", agreement: "IATSE", unit: "week", hoursPerDay: 12 });
    expect(q.unitRateCents).toBe(420_000);
    expect(q.notes.join(" ")).toContain("no overtime is added");
  });

  it("are listed first among the role's rates", () => {
    const rates = prod.listRates(prod.findRole("Gaffer"));
    expect(rates[0]).toMatchObject({ kind: "override", amountCents: 420_000, unit: "week" });
    expect(rates[1]).toMatchObject({ kind: "override", agreement: "Any agreement", unit: "day" });
  });
});

describe("production roles", () => {
  it("are found, searched and marked as the production's own", () => {
    const role = prod.findRole("drone pilot");
    expect(role.production).toMatchObject({ line: 1, unit: "day", rateCents: 120_000 });
    expect(role.account).toBe("3300");
    expect(prod.departmentOf(role).name).toBe("Camera");
    expect(prod.search("drone", { limit: 3 })[0]?.title).toBe("Drone Pilot");
    expect(prod.search("", { department: "Camera" }).map((r) => r.title)).toContain("Drone Pilot");
    expect(engine.search("drone", { limit: 3 }).map((r) => r.title)).not.toContain("Drone Pilot");
    expect(prod.findRole("Local Fixer").account).toBe("2199");
  });

  it("are priced at their own rate and agreement, with that agreement's fringes", () => {
    const q = prod.quote({ role: "Drone Pilot", unit: "day", quantity: 4 });
    expect(q.agreement.id).toBe("non-union");
    expect(q.subtotalCents).toBe(480_000);
    expect(q.basis.kind === "override" && q.basis.table).toBe("Production Roles");
    expect(q.fringes.length).toBeGreaterThan(0);
    expect(q.explanation).toContain("Production Roles line 1");
  });

  it("take overrides like any role, and say plainly what they lack", () => {
    expect(prod.quoteFast({ role: "Drone Pilot", unit: "week" }).unitRateCents).toBe(500_000);
    const e = errorOf(() => prod.quoteFast({ role: "Drone Pilot", unit: "hour" }));
    expect(e.code).toBe("NO_RATE");
    expect(e.message).toContain("this production's own role, with a rate per day under Non-union");
  });

  it("keep their tables through a pinned card version", () => {
    const pinned = prod.forVersion(engine.card.meta.versions[0]!.version);
    expect(pinned.quoteFast({ role: "Drone Pilot", unit: "day" }).unitRateCents).toBe(120_000);
  });
});

describe("bad table rows", () => {
  it.each([
    [
      { overrides: [["Gafer", "", "week", 100, ""]], roles: [] },
      "Rate Overrides line 1: Role 'Gafer' is not known. Did you mean Gaffer",
    ],
    [
      { overrides: [["Gaffer", "", "fortnight", 100, ""]], roles: [] },
      "Rate Overrides line 1: Unit 'fortnight' is not known",
    ],
    [
      { overrides: [["Gaffer", "", "week", -5, ""]], roles: [] },
      "Rate Overrides line 1: Amount '-5' must be an amount in dollars from 0 up",
    ],
    [
      { overrides: [["Gaffer", "", "week", "", ""]], roles: [] },
      "Rate Overrides line 1: Amount is empty",
    ],
    [
      { overrides: [["Gaffer", "IATSX", "week", 5, ""]], roles: [] },
      "Rate Overrides line 1: Agreement 'IATSX' is not known. Did you mean IATSE",
    ],
    [
      {
        overrides: [
          ["Gaffer", "IATSE", "week", 5, ""],
          ["gaffer", "iatse", "weekly", 6, ""],
        ],
        roles: [],
      },
      "Rate Overrides line 2: repeats line 1",
    ],
    [
      { overrides: [], roles: [["Gaffer", "Electric", "", "", "week", 100]] },
      "Production Roles line 1: 'Gaffer' is already on the card as Gaffer",
    ],
    [
      { overrides: [], roles: [["Drone Pilot", "Aerials", "", "", "day", 100]] },
      "Production Roles line 1: Department 'Aerials' is not known",
    ],
    [
      { overrides: [], roles: [["Drone Pilot", "Camera", "33", "", "day", 100]] },
      "Production Roles line 1: Account '33' must be a four-digit account number",
    ],
    [
      {
        overrides: [],
        roles: [
          ["Drone Pilot", "Camera", "", "", "day", 100],
          ["drone  pilot", "Camera", "", "", "day", 100],
        ],
      },
      "Production Roles line 2: 'drone  pilot' repeats line 1",
    ],
  ])("%j is refused with its line and the fix", (bad, message) => {
    const e = errorOf(() => engine.withProduction(bad));
    expect(e.code).toBe("BAD_TABLE");
    expect(e.message).toContain(message);
  });
});

describe("the production tables cell", () => {
  it("round-trips the tables and reads as a summary", () => {
    const token = productionToken(tables);
    expect(token.startsWith("CrewRate tables: 3 rate overrides, 2 production roles {")).toBe(true);
    const back = tablesFromToken(token);
    expect(back.overrides[1]).toEqual([]);
    expect(engine.withProductionToken(token).findRole("Drone Pilot").title).toBe("Drone Pilot");
  });

  it("gives the same engine for the same tables and a new one when a table changes", () => {
    const token = productionToken(tables);
    expect(engine.withProductionToken(token)).toBe(engine.withProductionToken(token));
    const edited = productionToken({
      ...tables,
      overrides: [["Gaffer", "IATSE", "week", 4300, ""]],
    });
    expect(edited).not.toBe(token);
    expect(
      engine.withProductionToken(edited).quoteFast({ role: "Gaffer", agreement: "IATSE" })
        .unitRateCents,
    ).toBe(430_000);
  });

  it("is the card alone when blank or when both tables are empty", () => {
    expect(engine.withProductionToken("")).toBe(engine);
    expect(engine.withProductionToken(productionToken({ overrides: [[null]], roles: [] }))).toBe(
      engine,
    );
  });

  it("refuses text that is not such a cell", () => {
    expect(errorOf(() => engine.withProductionToken("hello")).message).toContain(
      "should hold =CREW.TABLES",
    );
  });
});
