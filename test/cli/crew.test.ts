import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { runCli } from "../../src/cli/crew";

/** Files `crew import` can read in these tests, by name. */
const files: Record<string, string> = {
  "crew.csv": [
    "Title,Name,Qty,Unit,Rate",
    "Set PA #3,Ana Ruiz,5,day,250",
    "Key Grip - Local Hire,Bo Chen,4,week,",
    "Helper,,1,day,",
  ].join("\n"),
};

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(engine, argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) return readFileSync(path, "utf8");
      return text;
    },
  });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

describe("crew CLI", () => {
  it("quotes with --json in the documented shape, in dollars", () => {
    const r = run("quote", "Post Producer", "--qty", "10", "--json");
    expect(r.status).toBe(0);
    const q = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(q)).toEqual([
      "role",
      "quantity",
      "unit",
      "agreement",
      "region",
      "tier",
      "date",
      "unitRate",
      "subtotal",
      "fringes",
      "fringe",
      "total",
      "sources",
      "explanation",
    ]);
    const expected = engine.quote({ role: "Post Producer", quantity: 10 });
    expect(q.total).toBe(expected.totalCents / 100);
    expect(q.role).toEqual({
      id: "post-producer",
      title: "Post Producer",
      department: "Producers",
      account: "1205",
    });
  });

  it("describes a role with every rate, each with period, kind and source", () => {
    const r = run("describe", "DP", "--json");
    const d = JSON.parse(r.out) as {
      rates: { kind: string; source: string; effectiveFrom: string }[];
    };
    expect(d.rates.length).toBeGreaterThan(20);
    expect(d.rates.some((x) => x.kind === "published")).toBe(true);
    expect(d.rates.some((x) => x.kind === "estimate")).toBe(true);
    expect(
      d.rates.every((x) => x.source.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(x.effectiveFrom)),
    ).toBe(true);
  });

  it("names each rate's agreement, region, tier, period and schedule in the text listing", () => {
    const r = run("describe", "Camera Operator");
    expect(r.status).toBe(0);
    const line = r.out
      .split("\n")
      .find((l) => l.includes("Georgia, New Mexico, Other US") && l.includes("$3,683.66/week"));
    expect(line).toMatch(
      /^ {2}IATSE Local 600 Amendment Agreement Georgia, New Mexico, Other US Studio +\$3,683\.66\/week 2026-08-02\.\.2027-07-31 published +E-1 \(weekly\): .*Wage Schedule #22/,
    );
  });

  it("lists roles of a department", () => {
    const r = run("roles", "--department", "Camera", "--json");
    const roles = JSON.parse(r.out) as { title: string }[];
    expect(roles.map((x) => x.title)).toContain("Director of Photography");
  });

  it("fails with status 2 and one line on stderr, or a JSON error with --json", () => {
    const plain = run("quote", "Post Produce");
    expect(plain.status).toBe(2);
    expect(plain.err).toBe("crew: Unknown role 'Post Produce'. Did you mean Post Producer?");
    const json = run("quote", "Post Produce", "--json");
    expect(json.status).toBe(2);
    expect(JSON.parse(json.out)).toEqual({
      error: {
        code: "UNKNOWN_ROLE",
        message: "Unknown role 'Post Produce'. Did you mean Post Producer?",
        suggestions: ["Post Producer"],
      },
    });
    expect(run("quote", "Gaffer", "--qty", "lots").status).toBe(2);
  });

  it("evaluates formulas: values, spills as tab-separated rows, errors with their message", () => {
    expect(run("eval", '=CREW.RATE("Post Producer", 10)').out).toBe(
      String(engine.quote({ role: "Post Producer", quantity: 10 }).subtotalCents / 100),
    );
    expect(run("eval", '=CREW.ROLES("Camera")').out.split("\n")).toContain("Loader");
    const bad = run("eval", '=CREW.RATE("Post Produce", 1)');
    expect(bad.out).toMatch(/^#VALUE! Unknown role 'Post Produce'\. Did you mean Post Producer/);
    expect(bad.status).toBe(2);
  });

  it("matches a crew-list title and says why", () => {
    const r = run("match", "Set PA #3");
    expect(r.status).toBe(0);
    expect(r.out).toBe(
      "Set PA #3 → Set Production Assistant (set-production-assistant)\n  matched 'Set PA' (numbering taken off)",
    );
    const unit = JSON.parse(run("match", "B/C Camera 1st AC", "--json").out) as {
      role: { id: string };
      steps: string[];
      qualifiers: string[];
    };
    expect(unit.role.id).toBe("first-assistant-camera");
    expect(unit.steps).toEqual(["unit"]);
    expect(unit.qualifiers).toEqual(["B/C camera"]);
  });

  it("says when a title matches no role, with plausible suggestions or none", () => {
    const helper = run("match", "Helper");
    expect(helper.status).toBe(2);
    expect(helper.out).toBe("Helper → no role: did you mean Catering Assistant?");
    expect(run("match", "Grip Truck").out).toBe("Grip Truck → no role: no plausible role");
  });

  it("imports a crew list: each row's role, why, and its quote; status 1 when a row is unmatched", () => {
    const r = run("import", "crew.csv");
    expect(r.status).toBe(1);
    const setPa = engine.quote({ role: "set-production-assistant", quantity: 5, unit: "day" });
    expect(r.out).toContain(
      `Set PA #3 → Set Production Assistant: 5 day × $${(setPa.unitRateCents / 100).toFixed(2)}`,
    );
    expect(r.out).toContain("(list rate $250)");
    expect(r.out).toContain("kept: Local Hire");
    expect(r.out).toContain("Helper → no role: did you mean Catering Assistant?");
    expect(r.out).toContain("2 of 3 rows matched a role.");

    const json = JSON.parse(run("import", "crew.csv", "--json").out) as {
      line: number;
      match: { role: { id: string } | null };
      quote: { total: number } | null;
    }[];
    expect(json.map((x) => x.match.role?.id ?? null)).toEqual([
      "set-production-assistant",
      "key-grip",
      null,
    ]);
    expect(json[0]?.quote?.total).toBe(setPa.totalCents / 100);
    expect(json[0]?.line).toBe(2);
  });

  it("refuses an import without a readable file", () => {
    expect(run("import").status).toBe(2);
    expect(run("import", "/no/such/file.csv").err).toMatch(
      /^crew: cannot read \/no\/such\/file\.csv/,
    );
  });

  it("takes the health contribution level with --health, as the Settings sheet's", () => {
    const total = (...extra: string[]) => {
      const r = run("quote", "Gaffer", "--qty", "10", ...extra, "--json");
      expect(r.status, r.err).toBe(0);
      return (JSON.parse(r.out) as { total: number }).total;
    };
    const cents = (dollars: number) => Math.round(dollars * 100);
    const level = (health: string) =>
      engine.quote({ role: "Gaffer", quantity: 10, healthContribution: health }).totalCents;
    expect(cents(total())).toBe(level("independent"));
    expect(cents(total("--health", "contributor"))).toBe(level("contributor"));
    // A contributor pays the basic rate: less than an independent producer.
    expect(total("--health", "contributor")).toBeLessThan(total());
    const bad = run("quote", "Gaffer", "--health", "sometimes");
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/^crew: .*sometimes/);
  });
});
