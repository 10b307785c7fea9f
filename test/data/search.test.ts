import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";

const first = (query: string) => engine.search(query, { limit: 5 })[0]?.title;

describe("role search over the shipped card", () => {
  it.each([
    ["post prod", "Post Producer"],
    ["postprod", "Post Producer"],
    ["gafer", "Gaffer"],
    ["DP", "Director of Photography"],
    ["locaton manager", "Location Manager"],
    ["1st ac", "1st Assistant Camera"],
    ["key pa", "Key Production Assistant"],
    ["cam op", "Camera Operator"],
    ["bbe", "Best Boy Electric"],
    ["set dresser", "Set Dresser"],
  ])("puts %j's role first", (query, title) => {
    expect(first(query)).toBe(title);
  });

  it("filters by department", () => {
    const camera = engine.search("assistant", { department: "Camera" });
    expect(camera.length).toBeGreaterThan(0);
    expect(camera.every((r) => r.department === "camera")).toBe(true);
  });

  it("finds nothing for nonsense and everything for an empty query", () => {
    expect(engine.search("zzzzqqq")).toEqual([]);
    expect(engine.search("").length).toBe(engine.roles.length);
  });
});
