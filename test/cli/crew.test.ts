import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { runCli } from "../../src/cli/crew";

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(engine, argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
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

  it("lists roles of a department", () => {
    const r = run("roles", "--department", "Camera", "--json");
    const roles = JSON.parse(r.out) as { title: string }[];
    expect(roles.map((x) => x.title)).toContain("Director of Photography");
  });

  it("fails with status 2 and one line on stderr, or a JSON error with --json", () => {
    const plain = run("quote", "Post Produce");
    expect(plain.status).toBe(2);
    expect(plain.err).toBe(
      "crew: Unknown role 'Post Produce'. Did you mean Post Producer, Co-Producer or EPK Producer?",
    );
    const json = run("quote", "Post Produce", "--json");
    expect(json.status).toBe(2);
    expect(JSON.parse(json.out)).toEqual({
      error: {
        code: "UNKNOWN_ROLE",
        message:
          "Unknown role 'Post Produce'. Did you mean Post Producer, Co-Producer or EPK Producer?",
        suggestions: ["Post Producer", "Co-Producer", "EPK Producer"],
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
});
