import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";

/**
 * The pane's search for 30 short queries a producer types: the intended role's rank before issue
 * 14 (measured on the card and search of that time) and now.
 */
const QUERIES: [query: string, roleId: string, before: number, now: number][] = [
  ["AD", "first-assistant-director", 9, 1],
  ["PA", "set-production-assistant", 1, 1],
  ["DP", "director-of-photography", 1, 1],
  ["AC", "first-assistant-camera", 8, 1],
  ["UPM", "unit-production-manager", 1, 1],
  ["POC", "production-coordinator", 1, 1],
  ["APOC", "assistant-production-coordinator", 1, 1],
  ["BBE", "best-boy-electric", 1, 1],
  ["BBG", "best-boy-grip", 1, 1],
  ["coordinator", "production-coordinator", 10, 1],
  ["2nd AD", "key-second-assistant-director", 1, 1],
  ["1st AC", "first-assistant-camera", 1, 1],
  ["2nd AC", "second-assistant-camera", 1, 1],
  ["PM", "unit-production-manager", 1, 1],
  ["ALM", "assistant-location-manager", 1, 1],
  ["DIT", "digital-imaging-technician", 1, 1],
  ["mixer", "production-sound-mixer", 5, 1],
  ["boom", "boom-operator", 1, 1],
  ["script", "script-supervisor", 2, 1],
  ["editor", "editor", 1, 1],
  ["accountant", "production-accountant", 1, 1],
  ["producer", "producer", 1, 1],
  ["director", "director", 1, 1],
  ["driver", "production-driver", 1, 1],
  ["medic", "set-medic", 1, 1],
  ["makeup", "makeup-artist", 1, 1],
  ["hair", "hair-stylist", 1, 1],
  ["props", "property-master", 2, 1],
  ["casting", "casting-director", 2, 1],
  ["locations", "location-manager", 2, 1],
];

const rank = (query: string, id: string) =>
  engine.search(query, { limit: 50 }).findIndex((r) => r.id === id) + 1;

describe("search ranks what a producer most likely means first", () => {
  it("covers 30 short queries", () => {
    expect(QUERIES).toHaveLength(30);
  });

  it.each(QUERIES)("ranks %j's intended role (%s) no lower than now", (query, id, _before, now) => {
    const r = rank(query, id);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThanOrEqual(now);
  });

  it.each([
    ["prod coord", "Production Coordinator"],
    ["asst prod coord", "Assistant Production Coordinator"],
    ["set pas", "Set Production Assistant"],
    ["site rep", "Site Representative"],
  ])("spells out shorthand: %j finds %s first", (query, title) => {
    expect(engine.search(query, { limit: 3 })[0]?.title).toBe(title);
  });

  it("does not let two letters match the start of any long word", () => {
    expect(engine.search("PA", { limit: 5 }).map((r) => r.title)).not.toContain("Set Medic");
  });
});
