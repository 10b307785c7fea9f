import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import meta from "../../src/data/card-meta.json";
import fringes from "../../src/data/fringes.json";
import { engine, rateCard, roleFiles, scaleBooks } from "../../src/data";
import { checkCardFiles } from "../../scripts/cardChecks";

describe("the shipped rate card", () => {
  it("passes its schema and every invariant", () => {
    expect(checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, rateCard)).toEqual([]);
  });

  it("fails the check when a figure breaks an invariant", () => {
    const broken = structuredClone(rateCard);
    broken.roles[1] = { ...broken.roles[1]!, aliases: [broken.roles[0]!.title] };
    broken.fringes[0]!.periods.push({ ...broken.fringes[0]!.periods[0]! });
    const problems = checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, broken);
    expect(problems.some((p) => p.includes("names both"))).toBe(true);
    expect(problems.some((p) => p.includes("overlapping periods"))).toBe(true);
  });

  it("fails the check when an agreement's seeAlso names no other agreement", () => {
    const broken = structuredClone(rateCard);
    const oneHour = broken.meta.agreements.find((a) => a.id === "iatse-one-hour")!;
    oneHour.seeAlso = ["local-600-one-hour", "iatse-one-hour"];
    expect(checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, broken)).toEqual([
      "agreement iatse-one-hour: seeAlso 'local-600-one-hour' is not another agreement on the card",
      "agreement iatse-one-hour: seeAlso 'iatse-one-hour' is not another agreement on the card",
    ]);
  });

  it("fails the check when an alias a role gave up still names another role in its version", () => {
    const broken = structuredClone(rateCard);
    const welder = broken.roles.find((r) => r.id === "welder")!;
    // Held through 2026.4, the alias collides with the Combination Welder role that version has.
    welder.aliasesUntil = { "2026.4": ["Combination Welder"] };
    const problems = checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^card 2026\.4: .*'combination[- ]welder' names two different/i);
    welder.aliasesUntil = { "2026.9": ["Combination Welder"] };
    expect(checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, broken)).toContain(
      "role welder aliases: unknown card version 2026.9",
    );
  });

  it("names the document first, even for a figure read from a repository copy", () => {
    type Source = { publisher?: string; address?: string };
    const copy = structuredClone(fringes) as { fringes: { periods: { source?: Source }[] }[] };
    const source = copy.fringes
      .flatMap((f) => f.periods.map((p) => p.source))
      .find((s) => s?.address?.startsWith("https://github.com/"));
    expect(source?.publisher).toBeTruthy();
    delete source?.publisher;
    const problems = checkCardFiles({ meta, fringes: copy, roleFiles, scaleBooks }, rateCard);
    expect(problems.some((p) => p.includes("names no publisher"))).toBe(true);
  });

  it("loads every role file in src/data/roles", () => {
    const dir = fileURLToPath(new URL("../../src/data/roles/", import.meta.url));
    expect(roleFiles.map((f) => `${f.department.id}.json`).sort()).toEqual(readdirSync(dir).sort());
  });

  it("holds at least 150 roles in at least 18 departments", () => {
    expect(rateCard.roles.length).toBeGreaterThanOrEqual(150);
    expect(rateCard.departments.length).toBeGreaterThanOrEqual(18);
  });

  it.each([
    ["Post Producer", "post-producer"],
    ["DP", "director-of-photography"],
    ["DoP", "director-of-photography"],
    ["1st AC", "first-assistant-camera"],
    ["Focus Puller", "first-assistant-camera"],
    ["Key PA", "key-production-assistant"],
    ["UPM", "unit-production-manager"],
    ["2nd 2nd AD", "second-second-assistant-director"],
    ["post-producer", "post-producer"],
    ["POST PRODUCER", "post-producer"],
  ])("finds %j as people type it", (typed, id) => {
    expect(engine.findRole(typed).id).toBe(id);
  });
});
